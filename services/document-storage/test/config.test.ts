import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEV_ONLY_MASTER_KEY_ID, loadDocumentConfig } from '../src/config.js';

describe('document-storage configuration', () => {
  it('runs with no settings on the clearly marked dev-only key and the issue’s limits', () => {
    const config = loadDocumentConfig({});
    expect(config.DOCUMENT_ACTIVE_KEY_ID).toBe(DEV_ONLY_MASTER_KEY_ID);
    expect(config.DOCUMENT_IMAGE_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(config.DOCUMENT_PDF_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(config.DOCUMENT_RETENTION_DAYS).toBe(90);
    expect(config.MONGO_DB).toBe('pandawa_document');
  });

  it('takes several master keys and refuses an active key that is not among them', () => {
    const keys = `k1:${randomBytes(32).toString('base64')},k2:${randomBytes(32).toString('base64')}`;
    expect(
      loadDocumentConfig({ DOCUMENT_MASTER_KEYS: keys, DOCUMENT_ACTIVE_KEY_ID: 'k2' })
        .DOCUMENT_MASTER_KEYS,
    ).toHaveLength(2);
    expect(() =>
      loadDocumentConfig({ DOCUMENT_MASTER_KEYS: keys, DOCUMENT_ACTIVE_KEY_ID: 'k3' }),
    ).toThrow(/DOCUMENT_ACTIVE_KEY_ID/);
  });

  it('refuses malformed per-office retention', () => {
    expect(() => loadDocumentConfig({ DOCUMENT_RETENTION_DAYS_BY_OFFICE: 'pekanbaru=90' })).toThrow(
      /DOCUMENT_RETENTION_DAYS_BY_OFFICE/,
    );
  });

  it('refuses to start in production on the dev key, the sandbox token or the sandbox URL', () => {
    expect(() => loadDocumentConfig({ PANDAWA_ENV: 'production' })).toThrow(
      expect.objectContaining({
        problems: [
          expect.stringMatching(/^WHATSAPP_ACCESS_TOKEN:/),
          expect.stringMatching(/^DOCUMENT_ACTIVE_KEY_ID:/),
          expect.stringMatching(/^DOCUMENT_MASTER_KEYS:/),
          expect.stringMatching(/^CALLER_TRUSTED_KEYS:/),
          expect.stringMatching(/^WHATSAPP_API_URL:/),
        ],
      }),
    );
    const config = loadDocumentConfig({
      PANDAWA_ENV: 'production',
      DOCUMENT_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      DOCUMENT_ACTIVE_KEY_ID: 'k1',
      WHATSAPP_ACCESS_TOKEN: 'EAAG-real',
      WHATSAPP_API_URL: 'https://graph.facebook.com',
      CALLER_TRUSTED_KEYS: `gateway:k1:${randomBytes(32).toString('base64')}`,
    });
    expect(config.PANDAWA_ENV).toBe('production');
  });
});
