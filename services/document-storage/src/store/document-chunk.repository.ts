import type { Connection } from '@pandawa/mongo';
import type { DocumentPart } from '../domain/envelope.cipher.js';
import { toBuffer } from './binary.js';
import type { DocumentRecord } from './document.record.js';

/** What a document record says about its chunks. */
export type ChunkLayout = Pick<
  DocumentRecord,
  '_id' | 'sizeBytes' | 'chunkBytes' | 'chunkCount' | 'previewChunks'
>;

/**
 * Above this many chunks, one `deleteMany({ documentId })` is used rather than one delete per
 * chunk (never with the default 1 MiB chunks and 10 MB documents: that is at most 11).
 */
const MAX_CHUNKS_BY_ID = 1024;
const DELETE_BATCH = 16;

interface ChunkRecord {
  _id: string;
  documentId: string;
  part: DocumentPart;
  index: number;
  /** Ciphertext and GCM tag: the plaintext never reaches the database. */
  data: Buffer;
}

const chunkId = (documentId: string, part: DocumentPart, index: number) =>
  `${documentId}:${part}:${index}`;

/**
 * `document_chunks`: encrypted content in chunks (DOCUMENT_CHUNK_BYTES, 1 MiB by default).
 * Plain documents rather than GridFS: GridFS works on FerretDB v1 too (tested), but each chunk
 * here is sealed on its own (see envelope.cipher.ts), and chunks read by `_id` — the one lookup
 * FerretDB v1 answers without scanning the collection — stream with one chunk in memory.
 */
export class DocumentChunkRepository {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<ChunkRecord>('document_chunks');
  }

  async ensureIndexes(): Promise<void> {
    // deleteAll's fallback, for a record that cannot say which chunks it has (MongoDB uses it).
    await this.collection.createIndex({ documentId: 1 });
  }

  /** Writes chunks in order. A rewrite of the same chunk (a retried ingest) replaces it. */
  async write(documentId: string, part: DocumentPart, chunks: Buffer[]): Promise<void> {
    const BATCH = 8;
    for (let at = 0; at < chunks.length; at += BATCH) {
      await this.collection.bulkWrite(
        chunks.slice(at, at + BATCH).map((data, i) => {
          const index = at + i;
          const doc: ChunkRecord = {
            _id: chunkId(documentId, part, index),
            documentId,
            part,
            index,
            data,
          };
          return { replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } };
        }),
        { ordered: true },
      );
    }
  }

  /** One chunk, or undefined if it is missing (which the reader treats as an integrity failure). */
  async read(documentId: string, part: DocumentPart, index: number): Promise<Buffer | undefined> {
    const doc = await this.collection.findOne({ _id: chunkId(documentId, part, index) });
    return doc ? toBuffer(doc.data) : undefined;
  }

  /**
   * Removes every chunk of one document (purge, delete, a dead writer's leftovers). Chunk ids are
   * deterministic and a document id is written by one ingest only, which inserts its record (with
   * the counts) before its first chunk: so the record's counts name every chunk that can exist,
   * also after a crash half-way through the writing. Each is removed by exact `_id`, the one
   * filter FerretDB v1 answers from an index; `deleteMany({ documentId })` would make it decode
   * every chunk of every document. A record whose counts are missing or do not add up falls
   * back to that `deleteMany`, so nothing is ever left behind.
   */
  async deleteAll(record: ChunkLayout): Promise<number> {
    const ids = chunkIdsOf(record);
    if (!ids) {
      const res = await this.collection.deleteMany({ documentId: record._id });
      return res.deletedCount;
    }
    let deleted = 0;
    for (let at = 0; at < ids.length; at += DELETE_BATCH) {
      // One `delete` command of several statements, each `{ _id }` alone (FerretDB runs and
      // pushes down each statement on its own; `{ _id: { $in } }` it would not push down).
      const res = await this.collection.bulkWrite(
        ids.slice(at, at + DELETE_BATCH).map((_id) => ({ deleteOne: { filter: { _id } } })),
        { ordered: false },
      );
      deleted += res.deletedCount;
    }
    return deleted;
  }
}

const isCount = (n: unknown, min: number): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= min;

/**
 * The ids of every chunk `record` can have, or undefined when its counts cannot be trusted.
 * `chunkCount` counts content chunks and `previewChunks` preview chunks (the two parts); the
 * content was cut by `splitChunks` into max(1, ⌈sizeBytes / chunkBytes⌉) chunks.
 */
export function chunkIdsOf(record: ChunkLayout): string[] | undefined {
  const { _id, sizeBytes, chunkBytes, chunkCount, previewChunks } = record;
  if (!isCount(sizeBytes, 0) || !isCount(chunkBytes, 1)) return undefined;
  if (!isCount(chunkCount, 1) || chunkCount !== Math.max(1, Math.ceil(sizeBytes / chunkBytes)))
    return undefined;
  if (!isCount(previewChunks, 0) || chunkCount + previewChunks > MAX_CHUNKS_BY_ID) return undefined;
  const ids: string[] = [];
  for (let index = 0; index < chunkCount; index++) ids.push(chunkId(_id, 'content', index));
  for (let index = 0; index < previewChunks; index++) ids.push(chunkId(_id, 'preview', index));
  return ids;
}
