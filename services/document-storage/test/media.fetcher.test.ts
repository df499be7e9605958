import { AppError } from '@pandawa/errors';
import { testLogger } from '@pandawa/testing';
import { describe, expect, it } from 'vitest';
import { fetchMediaWithRetry } from '../src/ingest/media.fetcher.js';
import type { MediaSource } from '../src/ingest/media.source.js';

class WaError extends AppError {
  constructor(
    readonly kind: string,
    code: 'UNAVAILABLE' | 'NOT_FOUND' | 'PAYLOAD_TOO_LARGE' | 'UNAUTHENTICATED',
    readonly declaredMimeType?: string,
  ) {
    super(code, `whatsapp ${kind}`);
  }
}

const MB = 1024 * 1024;
const limits = {
  imageMaxBytes: 5 * MB,
  pdfMaxBytes: 10 * MB,
  maxPixels: 40e6,
  previewMaxSide: 320,
};

function scripted(outcomes: (Error | Buffer)[]): MediaSource & { calls: number } {
  const source = {
    calls: 0,
    fetch: async () => {
      const next = outcomes[source.calls++];
      if (next instanceof Error) throw next;
      return { bytes: next ?? Buffer.alloc(0), declaredMime: 'image/jpeg' };
    },
  };
  return source;
}

const policy = { attempts: 4, backoffMs: 1 };
const logger = testLogger('media-fetcher-test');

describe('fetchMediaWithRetry', () => {
  it('retries transient failures and returns the bytes', async () => {
    const source = scripted([
      new WaError('transient', 'UNAVAILABLE'),
      new WaError('transient', 'UNAVAILABLE'),
      Buffer.from('ok'),
    ]);
    const media = await fetchMediaWithRetry(source, 'm1', limits, policy, logger);
    expect(media.bytes.toString()).toBe('ok');
    expect(source.calls).toBe(3);
  });

  it('reports media that is gone at once, without retrying', async () => {
    const source = scripted([new WaError('not_found', 'NOT_FOUND')]);
    await expect(fetchMediaWithRetry(source, 'm1', limits, policy, logger)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'MEDIA_NOT_FOUND',
    });
    expect(source.calls).toBe(1);
  });

  it('gives up after the last attempt with MEDIA_DOWNLOAD_FAILED', async () => {
    const source = scripted(
      Array.from({ length: 5 }, () => new WaError('transient', 'UNAVAILABLE')),
    );
    await expect(fetchMediaWithRetry(source, 'm1', limits, policy, logger)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'MEDIA_DOWNLOAD_FAILED',
    });
    expect(source.calls).toBe(4);
  });

  it('turns a too-large download into the DOCUMENT_TOO_LARGE refusal', async () => {
    const source = scripted([new WaError('too_large', 'PAYLOAD_TOO_LARGE')]);
    await expect(fetchMediaWithRetry(source, 'm1', limits, policy, logger)).rejects.toMatchObject({
      reason: 'DOCUMENT_TOO_LARGE',
    });
    expect(source.calls).toBe(1);
  });

  it('does not retry a credentials problem', async () => {
    const source = scripted([
      new WaError('token_expired', 'UNAUTHENTICATED'),
      Buffer.from('never'),
    ]);
    await expect(fetchMediaWithRetry(source, 'm1', limits, policy, logger)).rejects.toMatchObject({
      reason: 'MEDIA_DOWNLOAD_FAILED',
    });
    expect(source.calls).toBe(1);
  });

  it('refuses a 22 MB photo with the photo limit, not the PDF one', async () => {
    const source = scripted([new WaError('too_large', 'PAYLOAD_TOO_LARGE', 'image/jpeg')]);
    const error = await fetchMediaWithRetry(source, 'm1', limits, policy, logger).catch(
      (e: AppError) => e,
    );
    expect(error).toMatchObject({ reason: 'DOCUMENT_TOO_LARGE', details: { limitBytes: 5 * MB } });
    expect((error as AppError).message).toContain('foto');
    expect((error as AppError).message).toContain('maksimal 5 MB');
    expect((error as AppError).message).not.toContain('10 MB');
  });

  it('refuses a too-large PDF with the PDF limit', async () => {
    const source = scripted([new WaError('too_large', 'PAYLOAD_TOO_LARGE', 'application/pdf')]);
    await expect(fetchMediaWithRetry(source, 'm1', limits, policy, logger)).rejects.toMatchObject({
      message: expect.stringContaining('PDF terlalu besar (maksimal 10 MB)'),
    });
  });

  it('names both limits when the declared type is unknown', async () => {
    const source = scripted([new WaError('too_large', 'PAYLOAD_TOO_LARGE')]);
    await expect(fetchMediaWithRetry(source, 'm1', limits, policy, logger)).rejects.toMatchObject({
      message: expect.stringContaining('foto maksimal 5 MB, dokumen PDF maksimal 10 MB'),
    });
  });
});
