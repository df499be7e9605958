import type { Connection } from '@pandawa/mongo';
import { waitFor, type TestBus } from '@pandawa/testing';

async function snapshot(mongo: Connection, bus: TestBus) {
  const db = mongo.db!;
  const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
  const parts: string[] = [];
  let busy = false;
  for (const name of names) {
    const docs = await db.collection(name).find({}).toArray();
    // Locks, outbox hints and outbox entries are the background's work in progress.
    if ((name === 'case_locks' || name === 'case_outbox_hints') && docs.length > 0) busy = true;
    if (docs.some((d) => Array.isArray(d.outbox) && d.outbox.length > 0)) busy = true;
    parts.push(`${name}:${JSON.stringify(docs.map((d) => JSON.stringify(d)).sort())}`);
  }
  const stream = await bus.jsm.streams.info(bus.topology.streams.CASE_EVENTS.name);
  parts.push(`events:${stream.state.last_seq}`);
  return { text: parts.join('\n'), busy };
}

/**
 * Everything the case service has written in a test's namespace, once its background work (the
 * outbox relay, locks) has settled: every document of every collection and the CASE_EVENTS
 * stream's last sequence. Equal snapshots before and after a refused request prove that it
 * wrote nothing.
 */
export async function storeSnapshot(mongo: Connection, bus: TestBus): Promise<string> {
  return waitFor(
    async () => {
      const s = await snapshot(mongo, bus);
      return s.busy ? undefined : s.text;
    },
    30_000,
    'the case store to settle',
  );
}
