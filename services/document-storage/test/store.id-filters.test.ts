import type { Connection } from '@pandawa/mongo';
import { describe, expect, it } from 'vitest';
import { chunkIdsOf, DocumentChunkRepository } from '../src/store/document-chunk.repository.js';
import { DocumentRepository } from '../src/store/document.repository.js';

type Call = [method: string, ...args: unknown[]];

/**
 * A collection that records what it was asked, holding one document: enough to see which filters
 * reach the database. FerretDB v1 answers from an index only a filter that is exactly `{ _id }`.
 */
function recordingConnection(doc: Record<string, unknown> | null) {
  const calls: Call[] = [];
  const collection = {
    findOne: async (...args: unknown[]) => {
      calls.push(['findOne', ...args]);
      return doc;
    },
    updateOne: async (...args: unknown[]) => {
      calls.push(['updateOne', ...args]);
      return { matchedCount: 1, modifiedCount: 1 };
    },
    deleteMany: async (...args: unknown[]) => {
      calls.push(['deleteMany', ...args]);
      return { deletedCount: 3 };
    },
    bulkWrite: async (ops: unknown[], ...rest: unknown[]) => {
      calls.push(['bulkWrite', ops, ...rest]);
      return { deletedCount: ops.length };
    },
  };
  const connection = { collection: () => collection } as unknown as Connection;
  return { connection, calls };
}

const filtersOf = (calls: Call[]) =>
  calls.flatMap(([method, first]) =>
    method === 'bulkWrite'
      ? (first as { deleteOne: { filter: unknown } }[]).map((op) => op.deleteOne.filter)
      : [first],
  );

describe('DocumentRepository: one document by id', () => {
  const stored = { _id: 'd1', officeId: 'pekanbaru', encryption: null };

  it('finds by `_id` alone and treats another office’s document as missing', async () => {
    const { connection, calls } = recordingConnection(stored);
    const repo = new DocumentRepository(connection);
    expect(await repo.findById('pekanbaru', 'd1')).toMatchObject({ _id: 'd1' });
    expect(await repo.findById('dumai', 'd1')).toBeNull();
    expect(filtersOf(calls)).toEqual([{ _id: 'd1' }, { _id: 'd1' }]);
  });

  it('attaches and finishes a cleanup by `_id` alone, and not for another office', async () => {
    const { connection, calls } = recordingConnection(stored);
    const repo = new DocumentRepository(connection);
    expect(await repo.attach('dumai', 'd1', 'c1', new Date(), null)).toBe(false);
    await repo.finishCleanup('dumai', 'd1');
    expect(calls.filter(([m]) => m === 'updateOne')).toHaveLength(0);
    expect(await repo.attach('pekanbaru', 'd1', 'c1', new Date(), null)).toBe(true);
    await repo.finishCleanup('pekanbaru', 'd1');
    expect(calls.filter(([m]) => m === 'updateOne')).toHaveLength(2);
    for (const filter of filtersOf(calls)) expect(filter).toEqual({ _id: 'd1' });
  });
});

describe('DocumentChunkRepository.deleteAll', () => {
  const layout = { _id: 'd1', sizeBytes: 2500, chunkBytes: 1000, chunkCount: 3, previewChunks: 2 };

  it('names every chunk of both parts from the record', () => {
    expect(chunkIdsOf(layout)).toEqual([
      'd1:content:0',
      'd1:content:1',
      'd1:content:2',
      'd1:preview:0',
      'd1:preview:1',
    ]);
    // An empty document still has its one (empty) content chunk.
    expect(chunkIdsOf({ ...layout, sizeBytes: 0, chunkCount: 1, previewChunks: 0 })).toEqual([
      'd1:content:0',
    ]);
  });

  it('does not trust counts that are missing or do not add up', () => {
    const bad: Record<string, unknown>[] = [
      { chunkCount: 2 }, // 2500 bytes in 1000-byte chunks are 3
      { chunkCount: 0, sizeBytes: 0 },
      { chunkCount: undefined },
      { previewChunks: undefined },
      { previewChunks: -1 },
      { previewChunks: 1.5 },
      { chunkBytes: 0 },
      { sizeBytes: 5_000_000, chunkBytes: 1, chunkCount: 5_000_000 }, // too many to go one by one
    ];
    for (const change of bad) expect(chunkIdsOf({ ...layout, ...change })).toBeUndefined();
  });

  it('deletes by exact `_id`, in batches, and by documentId only for a record it cannot trust', async () => {
    const { connection, calls } = recordingConnection(null);
    const chunks = new DocumentChunkRepository(connection);
    const many = {
      _id: 'd2',
      sizeBytes: 20_000,
      chunkBytes: 1000,
      chunkCount: 20,
      previewChunks: 1,
    };
    expect(await chunks.deleteAll(many)).toBe(21);
    expect(calls.map(([m]) => m)).toEqual(['bulkWrite', 'bulkWrite']);
    expect(filtersOf(calls)).toEqual(chunkIdsOf(many)!.map((_id) => ({ _id })));

    calls.length = 0;
    expect(await chunks.deleteAll({ ...many, chunkCount: 3 })).toBe(3);
    expect(calls).toEqual([['deleteMany', { documentId: 'd2' }]]);
  });
});
