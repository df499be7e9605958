import { mongo } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbName, testNamespace, waitFor } from '../src/index.js';

// The local/CI FerretDB wrapper (deploy/local/ferretdb/id_index.go) gives every collection an
// index on the exact expression FerretDB's SQLite backend uses for `{_id: <string|ObjectId>}`
// filters, so those lookups stop scanning the whole table. FerretDB's `explain` returns SQLite's
// EXPLAIN QUERY PLAN rows in `queryPlanner.Plan`, e.g.
//   "id=3 parent=0 notused=0 detail=SEARCH t_1234abcd USING INDEX t_1234abcd__id_lookup (<expr>=?)"

let client: mongo.MongoClient;
let db: mongo.Db;
let ferretdb = false;

beforeAll(async () => {
  client = await mongo.MongoClient.connect(process.env.MONGO_URL!);
  db = client.db(testDbName(testNamespace(), 'ferretdb_id_index'));
  const buildInfo = await db.admin().command({ buildInfo: 1 });
  ferretdb = 'ferretdbVersion' in buildInfo;
});

afterAll(async () => {
  await db?.dropDatabase().catch(() => undefined);
  await client?.close();
});

async function explainFindById(collection: string, id: string): Promise<string[]> {
  const res = await db.command({ explain: { find: collection, filter: { _id: id } } });
  return (res.queryPlanner as { Plan?: string[] }).Plan ?? [];
}

/**
 * Waits until a find by `_id` uses the wrapper's index. A real find runs first on each try:
 * SQLite re-prepares a real statement on a connection whose schema is stale, but not an EXPLAIN,
 * so without it FerretDB's pooled connection could keep reporting the plan from before the index.
 */
async function waitForIdLookupIndex(collection: string, id: string): Promise<string[]> {
  const coll = db.collection<{ _id: string }>(collection);
  let plan: string[] = [];
  const usesIndex = await waitFor(
    async () => {
      await coll.findOne({ _id: id });
      plan = await explainFindById(collection, id);
      return plan.some((row) => /USING INDEX \S+__id_lookup\b/.test(row));
    },
    20_000,
    'a find by _id to use the __id_lookup index',
  ).catch(() => false);
  if (!usesIndex) {
    throw new Error(
      `find by _id did not use an __id_lookup index; last plan: ${JSON.stringify(plan)}`,
    );
  }
  return plan;
}

const NOT_FERRETDB =
  'MONGO_URL is not FerretDB (buildInfo has no ferretdbVersion): the local wrapper is not in play';

describe('FerretDB wrapper: _id lookup index', () => {
  it('makes a find by string _id use an index, and FerretDB does not list it', async (ctx) => {
    ctx.skip(!ferretdb, NOT_FERRETDB);

    const coll = db.collection<{ _id: string; n: number }>('things');
    const docs = Array.from({ length: 300 }, (_, n) => ({
      _id: `thing-${String(n).padStart(4, '0')}`,
      n,
    }));
    await coll.insertMany(docs);
    const last = docs.at(-1)!;

    const plan = await waitForIdLookupIndex('things', last._id);
    expect(plan.join('\n')).toMatch(/SEARCH \S+ USING INDEX \S+__id_lookup/);

    expect(await coll.findOne({ _id: last._id })).toEqual(last);
    expect(await coll.findOne({ _id: 'thing-missing' })).toBeNull();

    // The extra index lives outside FerretDB's metadata: listIndexes shows only FerretDB's own.
    const indexes = await coll.listIndexes().toArray();
    expect(indexes.map((index) => index.name)).toEqual(['_id_']);
  });

  it('indexes a collection again after it was dropped and created anew', async (ctx) => {
    ctx.skip(!ferretdb, NOT_FERRETDB);

    // Same name, so the same SQLite table name: only a check of the schema, not a memory of
    // tables already indexed, notices that the new table lacks the index.
    const coll = db.collection<{ _id: string }>('again');
    await coll.insertMany([{ _id: 'a-1' }, { _id: 'a-2' }]);
    await waitForIdLookupIndex('again', 'a-2');

    await coll.drop();
    await coll.insertMany([{ _id: 'b-1' }, { _id: 'b-2' }]);
    await waitForIdLookupIndex('again', 'b-2');
    expect(await coll.findOne({ _id: 'b-2' })).toEqual({ _id: 'b-2' });
    expect(await coll.findOne({ _id: 'a-2' })).toBeNull();
  });
});
