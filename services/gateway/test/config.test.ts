import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadBootstrapAdminConfig, loadGatewayConfig } from '../src/config.js';

describe('gateway configuration', () => {
  it('binds loopback unless told otherwise', () => {
    expect(loadGatewayConfig({}).BIND_HOST).toBe('127.0.0.1');
    expect(loadGatewayConfig({ BIND_HOST: '0.0.0.0' }).BIND_HOST).toBe('0.0.0.0');
  });

  it('refuses to start in production on the sandbox’s published webhook secret and verify token', () => {
    expect(() => loadGatewayConfig({ PANDAWA_ENV: 'production' })).toThrow(
      expect.objectContaining({
        problems: [
          expect.stringMatching(/^WHATSAPP_APP_SECRET:/),
          expect.stringMatching(/^WHATSAPP_VERIFY_TOKEN:/),
          expect.stringMatching(/^GATEWAY_CALLER_SIGNING_KEY:/),
          expect.stringMatching(/^ADMIN_JWT_KEYS:/),
        ],
      }),
    );
    expect(
      loadGatewayConfig({
        PANDAWA_ENV: 'production',
        WHATSAPP_APP_SECRET: 'real-secret',
        WHATSAPP_VERIFY_TOKEN: 'real-token',
        GATEWAY_CALLER_SIGNING_KEY: `k1:${randomBytes(32).toString('base64')}`,
        ADMIN_JWT_KEYS: `jwt1:${randomBytes(32).toString('base64')}`,
        ADMIN_JWT_ACTIVE_KID: 'jwt1',
      }).PANDAWA_ENV,
    ).toBe('production');
  });

  it('takes the bootstrap admin’s password only when it has at least 12 characters', () => {
    const password = 'a long passphrase';
    expect(loadBootstrapAdminConfig({ ADMIN_BOOTSTRAP_PASSWORD: password })).toEqual({
      ADMIN_BOOTSTRAP_PASSWORD: password,
    });
    for (const env of [{}, { ADMIN_BOOTSTRAP_PASSWORD: 'too short' }])
      expect(() => loadBootstrapAdminConfig(env)).toThrow(
        expect.objectContaining({
          problems: [expect.stringMatching(/^ADMIN_BOOTSTRAP_PASSWORD:/)],
        }),
      );
  });

  it('gives a document download two minutes unless told otherwise', () => {
    expect(loadGatewayConfig({}).DOCUMENT_DOWNLOAD_DEADLINE_MS).toBe(120_000);
    expect(
      loadGatewayConfig({ DOCUMENT_DOWNLOAD_DEADLINE_MS: '300000' }).DOCUMENT_DOWNLOAD_DEADLINE_MS,
    ).toBe(300_000);
  });
});
