import type { mongo } from 'mongoose';

export interface IndexSpec {
  key: Record<string, 1 | -1>;
  name: string;
  unique?: boolean;
}

/**
 * Creates the indexes of `specs` that are missing. Only the missing ones: FerretDB v1.24 panics
 * ("slice bounds out of range") when createIndexes names indexes that already exist. (FerretDB v1
 * does not use them for queries, but MongoDB does.)
 */
export async function ensureIndexes(
  collection: Pick<mongo.Collection, 'listIndexes' | 'createIndexes'>,
  specs: readonly IndexSpec[],
): Promise<void> {
  const existing = new Set(
    await collection
      .listIndexes()
      .toArray()
      .then((list) => list.map((i) => i.name as string))
      // A collection not created yet has no indexes to list.
      .catch(() => [] as string[]),
  );
  const missing = specs.filter((i) => !existing.has(i.name));
  if (missing.length === 0) return;
  await collection.createIndexes(
    missing.map((i) => ({ key: i.key, name: i.name, ...(i.unique ? { unique: true } : {}) })),
  );
}

/**
 * Deletes up to `limit` documents matching `filter`, oldest ids first by nothing in particular:
 * the ids are read first and deleted by `_id` with the filter again, so a document that changed
 * in between (it no longer matches) stays, on MongoDB. FerretDB v1 has no TTL indexes (and does
 * not isolate the filtered delete), so expiry is this, run on a schedule in bounded batches.
 * Returns how many were deleted.
 */
export async function deleteBatch<T extends { _id: string }>(
  collection: mongo.Collection<T>,
  filter: mongo.Filter<T>,
  limit: number,
): Promise<number> {
  const ids = (
    await collection
      .find(filter, { projection: { _id: 1 } })
      .limit(limit)
      .toArray()
  ).map((d) => d._id);
  if (ids.length === 0) return 0;
  const result = await collection.deleteMany({
    $and: [{ _id: { $in: ids } }, filter],
  } as mongo.Filter<T>);
  return result.deletedCount;
}
