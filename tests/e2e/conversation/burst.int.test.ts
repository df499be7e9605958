import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  burst,
  publishDelivery,
  repliesByCitizen,
  SCRIPT,
  transcriptProblem,
} from './support/burst.js';
import { startJourneySystem, type JourneySystem } from './support/journey-system.js';

// Acceptance 2 of the conversation issue: 1 000 messages from 100 citizens, each delivered
// twice, shuffled across citizens. Every citizen's replies come in order, and every inbound
// message has exactly its replies, once.
let system: JourneySystem;
const CITIZENS = 100;

beforeAll(async () => {
  system = await startJourneySystem({ conversationEnv: { LOG_LEVEL: 'warn' } });
}, 240_000);

afterAll(async () => {
  await system?.stop();
}, 60_000);

describe('a burst from 100 citizens, every message delivered twice', () => {
  it('answers each citizen in order, exactly once per message', async () => {
    const run = `b${Date.now().toString(36)}`;
    const deliveries = burst(CITIZENS, 7, run);
    expect(deliveries).toHaveLength(CITIZENS * SCRIPT.length * 2);
    const t0 = Date.now();
    for (const [i, d] of deliveries.entries()) await publishDelivery(system, d, t0 + i);

    const expectedReplies = SCRIPT.reduce((n, s) => n + s.replies.length, 0) * CITIZENS;
    await waitFor(
      () => {
        const n = system.commands.filter((c) => c.data.purpose === 'conversation.reply').length;
        return n >= expectedReplies;
      },
      540_000,
      `${expectedReplies} replies`,
    );
    const byCitizen = repliesByCitizen(system.commands);
    const problems: string[] = [];
    for (let c = 0; c < CITIZENS; c++) {
      const citizen = String(6281300000000 + 7 * 1000 + c);
      const problem = transcriptProblem(byCitizen.get(citizen) ?? [], run, c);
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
    // One read receipt per message, not per delivery.
    const reads = system.commands.filter((c) => c.data.purpose === 'conversation.read');
    expect(new Set(reads.map((c) => c.id)).size).toBe(CITIZENS * SCRIPT.length);
  }, 600_000);
});
