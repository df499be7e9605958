import { describe, expect, it } from 'vitest';
import { Readiness } from '../src/readiness.js';

describe('Readiness', () => {
  it('is ready only when every check passes', async () => {
    let mongoUp = true;
    const readiness = new Readiness({ nats: () => true, mongo: async () => mongoUp });
    expect(await readiness.report()).toEqual({ ready: true, checks: { nats: true, mongo: true } });
    mongoUp = false;
    expect(await readiness.report()).toEqual({
      ready: false,
      checks: { nats: true, mongo: false },
    });
  });

  it('treats a check that throws as failing', async () => {
    const readiness = new Readiness({
      mongo: async () => {
        throw new Error('connection refused');
      },
    });
    expect((await readiness.report()).ready).toBe(false);
  });

  it('is not ready once shutdown has begun, even with healthy dependencies', async () => {
    const readiness = new Readiness({ nats: () => true });
    readiness.markNotReady();
    expect((await readiness.report()).ready).toBe(false);
  });
});
