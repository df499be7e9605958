import type { Connection } from '@pandawa/mongo';
import type { DocumentPart } from '../domain/envelope.cipher.js';
import { toBuffer } from './binary.js';

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
    // deleteAll: every chunk of one document at purge/delete.
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

  async deleteAll(documentId: string): Promise<number> {
    const res = await this.collection.deleteMany({ documentId });
    return res.deletedCount;
  }
}
