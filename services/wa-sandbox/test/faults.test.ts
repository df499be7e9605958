import { describe, expect, it } from 'vitest';
import { validateOutbound } from '../src/http/outbound.validation.js';
import { Faults } from '../src/state/faults.js';
import { ThroughputLimiter, WindowTracker } from '../src/state/window.tracker.js';

describe('fault rules', () => {
  it('hits only the next N matching requests of the route and media id', () => {
    const faults = new Faults();
    faults.add({ route: 'media.download', status: 404, count: 2, mediaId: 'm1' });
    expect(faults.decide('media.download', { mediaId: 'm2' }).error).toBeUndefined();
    expect(faults.decide('media.metadata', { mediaId: 'm1' }).error).toBeUndefined();
    expect(faults.decide('media.download', { mediaId: 'm1' }).error).toEqual({
      status: 404,
      code: 100,
    });
    expect(faults.decide('media.download', { mediaId: 'm1' }).error).toBeDefined();
    expect(faults.decide('media.download', { mediaId: 'm1' }).error).toBeUndefined();
    expect(faults.list()).toHaveLength(0);
  });

  it('fills in Meta codes and statuses', () => {
    const faults = new Faults();
    faults.add({ route: 'messages', status: 429, count: 1 });
    faults.add({ route: 'messages', errorCode: 190, count: 1 });
    faults.add({ route: 'messages', status: 500, count: 1 });
    expect(faults.decide('messages').error).toEqual({ status: 429, code: 130429 });
    expect(faults.decide('messages').error).toEqual({ status: 401, code: 190 });
    expect(faults.decide('messages').error).toEqual({ status: 500, code: 2 });
  });

  it('applies an error rate', () => {
    const draws = [0.1, 0.9, 0.4, 0.6];
    const faults = new Faults(() => draws.shift() ?? 1);
    faults.add({ route: '*', status: 503, rate: 0.5 });
    const hits = [1, 2, 3, 4].map(() => faults.decide('messages').error !== undefined);
    expect(hits).toEqual([true, false, true, false]);
  });

  it('adds latency without an error', () => {
    const faults = new Faults();
    faults.add({ route: 'messages', latencyMs: 250 });
    expect(faults.decide('messages')).toEqual({ latencyMs: 250 });
  });
});

describe('window and throughput', () => {
  it('opens the window for 24 hours after the citizen writes', () => {
    const w = new WindowTracker();
    expect(w.isOpen('p', 'c', 0)).toBe(false);
    w.userWrote('p', 'c', 1000);
    expect(w.isOpen('p', 'c', 1000 + 24 * 3600_000 - 1)).toBe(true);
    expect(w.isOpen('p', 'c', 1000 + 24 * 3600_000)).toBe(false);
    expect(w.isOpen('other', 'c', 2000)).toBe(false);
  });

  it('allows N per second per number', () => {
    const t = new ThroughputLimiter(3);
    expect([1, 2, 3, 4].map(() => t.tryTake('p', 500))).toEqual([true, true, true, false]);
    expect(t.tryTake('q', 500)).toBe(true);
    expect(t.tryTake('p', 1500)).toBe(true);
  });
});

describe('what Meta refuses', () => {
  const base = { messaging_product: 'whatsapp', to: '6281234567890' };
  it.each([
    ['an empty text', { type: 'text', text: { body: '' } }],
    ['a text over 4096', { type: 'text', text: { body: 'x'.repeat(4097) } }],
    ['a template without language', { type: 'template', template: { name: 'x' } }],
    [
      'a list with 11 rows',
      {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'b' },
          action: {
            button: 'Pilih',
            sections: [
              { rows: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: 't' })) },
            ],
          },
        },
      },
    ],
    ['an unknown type', { type: 'hologram' }],
  ])('refuses %s', (_n, body) => {
    expect(validateOutbound({ ...base, ...body })).toBeTypeOf('string');
  });

  it('accepts a valid image by id', () => {
    expect(validateOutbound({ ...base, type: 'image', image: { id: '123' } })).toBeUndefined();
  });
});
