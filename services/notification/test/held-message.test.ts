import { describe, expect, it } from 'vitest';
import { boundHeld, heldIdOf, isHeldRelease } from '../src/domain/held-message.js';

const DAY = 24 * 60 * 60 * 1000;
const bounds = { maxPerCitizen: 3, maxAgeMs: 7 * DAY };
const at = (id: string, ms: number) => ({ _id: id, heldAt: new Date(ms) });

describe('held messages', () => {
  it('have an id derived from the command, which is the id of the send that delivers them', () => {
    expect(heldIdOf('case:evt-1')).toBe('held:case:evt-1');
    expect(heldIdOf('case:evt-1')).toBe(heldIdOf('case:evt-1'));
    expect(isHeldRelease(heldIdOf('case:evt-1'))).toBe(true);
    expect(isHeldRelease('case:evt-1')).toBe(false);
    // Envelope ids are bounded: a long command id is hashed, still one per command.
    const long = heldIdOf('x'.repeat(256));
    expect(long.length).toBeLessThanOrEqual(256);
    expect(long).not.toBe(heldIdOf('x'.repeat(255) + 'y'));
    expect(isHeldRelease(long)).toBe(true);
  });

  it('keep the order they were held in, whatever order the database returns', () => {
    const { keep } = boundHeld([at('b', 20), at('a', 10), at('c', 30)], 40, bounds);
    expect(keep.map((h) => h._id)).toEqual(['a', 'b', 'c']);
  });

  it('drop the oldest past the count and the expired past the age', () => {
    const now = 10 * DAY;
    const held = [
      at('expired', now - 7 * DAY),
      at('oldest', now - 6 * DAY),
      at('2', now - 3),
      at('3', now - 2),
      at('4', now - 1),
    ];
    const { keep, expired, overflow } = boundHeld(held, now, bounds);
    expect(keep.map((h) => h._id)).toEqual(['2', '3', '4']);
    expect(expired.map((h) => h._id)).toEqual(['expired']);
    expect(overflow.map((h) => h._id)).toEqual(['oldest']);
  });
});
