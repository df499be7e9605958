import { describe, expect, it } from 'vitest';
import { OrderedLanes } from '../src/ordered-lanes.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('ordered lanes', () => {
  it("runs one key's items one at a time, lowest rank first among those waiting, ties in arrival order", async () => {
    const ran: string[] = [];
    let active = 0;
    let maxActivePerKey = 0;
    let gate: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (gate = resolve));
    const lanes = new OrderedLanes<{ key: string; label: string }>({
      settled: () => settled,
      run: async ({ key, label }) => {
        active++;
        maxActivePerKey = Math.max(maxActivePerKey, active);
        await tick();
        ran.push(`${key}${label}`);
        active--;
      },
    });
    const done = [
      lanes.push('a', 3, { key: 'a', label: '3' }),
      lanes.push('a', 1, { key: 'a', label: '1x' }),
      lanes.push('a', 2, { key: 'a', label: '2' }),
      lanes.push('a', 1, { key: 'a', label: '1y' }),
    ];
    gate();
    await Promise.all(done);
    expect(ran).toEqual(['a1x', 'a1y', 'a2', 'a3']);
    expect(maxActivePerKey).toBe(1);
    expect(lanes.size).toBe(0);
  });

  it('runs different keys side by side', async () => {
    const started: string[] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((r) => (release = r));
    const lanes = new OrderedLanes<string>({
      settled: async () => undefined,
      run: async (key) => {
        started.push(key);
        if (key === 'slow') await blocked;
      },
    });
    const slow = lanes.push('slow', 1, 'slow');
    await lanes.push('fast', 1, 'fast');
    expect(started).toEqual(['slow', 'fast']);
    release();
    await slow;
  });

  it('goes on with a key after an item whose run threw, and frees the lane', async () => {
    const ran: string[] = [];
    const lanes = new OrderedLanes<string>({
      settled: async () => undefined,
      run: async (label) => {
        ran.push(label);
        if (label === 'bad') throw new Error('a handler that did not settle its message');
      },
    });
    await Promise.all([lanes.push('a', 1, 'bad'), lanes.push('a', 2, 'next')]);
    await lanes.push('a', 3, 'later');
    expect(ran).toEqual(['bad', 'next', 'later']);
    expect(lanes.size).toBe(0);
  });
});
