import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burst, publishDelivery, SCRIPT } from './support/burst.js';
import { startJourneySystem, type JourneySystem } from './support/journey-system.js';

// Acceptance 3 of the conversation issue: the conversation service is SIGKILLed in the middle
// of a burst and started again. No message is lost (every inbound one gets its whole set of
// replies) and none is handled twice (one set per message, each reply once).
let system: JourneySystem;
const CITIZENS = 40;

beforeAll(async () => {
  system = await startJourneySystem({ conversationEnv: { LOG_LEVEL: 'warn' } });
}, 240_000);

afterAll(async () => {
  await system?.stop();
}, 60_000);

const replies = () => system.commands.filter((c) => c.data.purpose === 'conversation.reply');

describe('the conversation service killed mid-burst', () => {
  it('loses no message and doubles no reply after a restart', async () => {
    const run = `k${Date.now().toString(36)}`;
    const deliveries = burst(CITIZENS, 11, run);
    const t0 = Date.now();
    for (const [i, d] of deliveries.entries()) await publishDelivery(system, d, t0 + i);
    const expected = SCRIPT.reduce((n, s) => n + s.replies.length, 0) * CITIZENS;

    await waitFor(() => replies().length >= expected / 4, 300_000, 'a quarter of the replies');
    system.services.conversation.child.kill('SIGKILL');
    expect(await system.services.conversation.exited).toBe('SIGKILL');
    const atKill = replies().length;
    expect(atKill).toBeLessThan(expected);
    await system.restartConversation();

    // Every message of every citizen: its whole reply set (`i/n` for i = 1..n), once.
    const wamids = [...new Set(deliveries.map((d) => d.wamid))];
    await waitFor(
      () => {
        const have = new Set(replies().map((c) => c.id.slice(0, c.id.lastIndexOf(':'))));
        return wamids.every((w) => have.has(w));
      },
      540_000,
      'a reply to every message',
    );
    // Let anything still in flight land before counting.
    await waitFor(
      async () => {
        const before = system.commands.length;
        await new Promise((r) => setTimeout(r, 3000));
        return system.commands.length === before;
      },
      120_000,
      'quiet',
    );

    const all = replies();
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    const problems: string[] = [];
    for (const wamid of wamids) {
      const mine = all.filter((c) => c.id.startsWith(`${wamid}:`));
      const totals = new Set(mine.map((c) => c.id.split('/').at(-1)));
      const n = Number([...totals][0]);
      if (totals.size !== 1 || mine.length !== n)
        problems.push(`${wamid}: ${mine.map((c) => c.id.slice(wamid.length)).join(' ')}`);
    }
    expect(problems).toEqual([]);
  }, 900_000);
});
