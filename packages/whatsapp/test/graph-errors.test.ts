import { describe, expect, it } from 'vitest';
import { classifyGraphError, WhatsAppApiError, WhatsAppClient } from '../src/index.js';

describe('Graph error classification', () => {
  it.each([
    [400, 130429, 'throughput_limit', true],
    [400, 131056, 'pair_rate_limit', true],
    [400, 131047, 'outside_window', false],
    [400, 131026, 'undeliverable', false],
    [401, 190, 'token_expired', false],
    [400, 100, 'invalid_parameter', false],
    [503, 2, 'transient', true],
    [500, undefined, 'transient', true],
    [429, 4, 'throughput_limit', true],
    [404, undefined, 'not_found', false],
  ] as const)('HTTP %i code %s → %s', (status, code, kind, transient) => {
    expect(classifyGraphError(status, code === undefined ? undefined : { code })).toBe(kind);
    const e = new WhatsAppApiError({
      kind: classifyGraphError(status, code === undefined ? undefined : { code }),
      operation: 'x',
    });
    expect(e.transient).toBe(transient);
  });

  it('treats "object does not exist" (100/33) as not found', () => {
    expect(classifyGraphError(400, { code: 100, error_subcode: 33 })).toBe('not_found');
  });

  it('turns a refused connection into a transient error, and reads Retry-After', async () => {
    const refused = new WhatsAppClient({
      baseUrl: 'http://x',
      accessToken: 't',
      phoneNumberId: '1',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const e1 = (await refused.messages
      .sendText('6281234567890', 'hi')
      .catch((e: unknown) => e)) as WhatsAppApiError;
    expect(e1.kind).toBe('transient');
    const limited = new WhatsAppClient({
      baseUrl: 'http://x',
      accessToken: 't',
      phoneNumberId: '1',
      fetch: async () =>
        new Response(
          JSON.stringify({ error: { code: 130429, message: 'Rate limit hit', fbtrace_id: 'A' } }),
          {
            status: 400,
            headers: { 'retry-after': '2' },
          },
        ),
    });
    const e2 = (await limited.messages
      .sendText('6281234567890', 'hi')
      .catch((e: unknown) => e)) as WhatsAppApiError;
    expect(e2).toMatchObject({
      kind: 'throughput_limit',
      graphCode: 130429,
      retryAfterMs: 2000,
      fbtraceId: 'A',
    });
    // The message text and the number stay out of the error.
    expect(e2.message).not.toContain('6281234567890');
  });
});
