import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  commonEnv,
  ConfigError,
  DEV_ONLY_CALLER_SIGNING_KEYS,
  DEV_ONLY_CALLER_TRUSTED_KEYS,
  DEV_ONLY_MASTER_KEYS,
  ed25519PublicOf,
  loadConfig,
  productionProblems,
  SANDBOX_APP_SECRET,
  whatsappApiEnv,
} from '../src/index.js';

// A service that calls the Cloud API and verifies webhooks, as the real ones do.
const schema = z.object({
  ...commonEnv,
  ...whatsappApiEnv,
  WHATSAPP_APP_SECRET: z.string().default(SANDBOX_APP_SECRET),
});

const realSettings = {
  WHATSAPP_API_URL: 'https://graph.facebook.com',
  WHATSAPP_ACCESS_TOKEN: 'EAAG-real-token',
  WHATSAPP_APP_SECRET: 'a-real-app-secret',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('fail closed in production', () => {
  it('starts in development on the published defaults, bound to loopback', () => {
    const config = loadConfig(schema, {});
    expect(config.PANDAWA_ENV).toBe('development');
    expect(config.BIND_HOST).toBe('127.0.0.1');
  });

  it('refuses to start in production on every published secret and the sandbox URL, naming each', () => {
    const problems = problemsOf({ PANDAWA_ENV: 'production' });
    expect(problems).toHaveLength(3);
    const text = problems.join('\n');
    expect(text).toMatch(/WHATSAPP_APP_SECRET/);
    expect(text).toMatch(/WHATSAPP_ACCESS_TOKEN/);
    expect(text).toMatch(/WHATSAPP_API_URL/);
    // Names the settings, never the values.
    expect(text).not.toContain(SANDBOX_APP_SECRET);
  });

  it('refuses one published secret left among real settings', () => {
    const problems = problemsOf({
      ...realSettings,
      PANDAWA_ENV: 'production',
      WHATSAPP_ACCESS_TOKEN: 'sandbox-access-token',
    });
    expect(problems).toEqual([expect.stringMatching(/^WHATSAPP_ACCESS_TOKEN:/)]);
  });

  it.each(['http://127.0.0.1:8090', 'http://localhost:8090', 'http://wa-sandbox:8090'])(
    'refuses the sandbox as the Cloud API in production (%s)',
    (url) => {
      expect(
        problemsOf({ ...realSettings, PANDAWA_ENV: 'production', WHATSAPP_API_URL: url }),
      ).toEqual([expect.stringMatching(/^WHATSAPP_API_URL:/)]);
    },
  );

  it('starts in production with real secrets and Meta’s URL', () => {
    expect(problemsOf({ ...realSettings, PANDAWA_ENV: 'production' })).toEqual([]);
  });

  it('refuses the dev master key, active or merely listed', () => {
    expect(
      productionProblems({
        DOCUMENT_MASTER_KEYS: [DEV_ONLY_MASTER_KEYS],
        DOCUMENT_ACTIVE_KEY_ID: 'dev-only-insecure',
      }),
    ).toHaveLength(2);
    expect(
      productionProblems({
        DOCUMENT_MASTER_KEYS: ['k1:abc', DEV_ONLY_MASTER_KEYS],
        DOCUMENT_ACTIVE_KEY_ID: 'k1',
      }),
    ).toEqual([expect.stringMatching(/^DOCUMENT_MASTER_KEYS:/)]);
  });

  it('refuses a published caller key, signing or trusted, and accepts real ones', () => {
    const real = `k1:${randomBytes(32).toString('base64')}`;
    expect(
      productionProblems({
        GATEWAY_CALLER_SIGNING_KEY: DEV_ONLY_CALLER_SIGNING_KEYS.gateway,
        CONVERSATION_CALLER_SIGNING_KEY: real,
        CALLER_TRUSTED_KEYS: DEV_ONLY_CALLER_TRUSTED_KEYS.split(','),
      }),
    ).toEqual([
      expect.stringMatching(/^GATEWAY_CALLER_SIGNING_KEY:/),
      expect.stringMatching(/^CALLER_TRUSTED_KEYS:/),
    ]);
    // A dev public key relabelled with another key id is still the dev key.
    const devPublic = DEV_ONLY_CALLER_TRUSTED_KEYS.split(',')[0]!.split(':')[2];
    expect(productionProblems({ CALLER_TRUSTED_KEYS: [`gateway:k9:${devPublic}`] })).toHaveLength(
      1,
    );
    expect(
      productionProblems({
        NOTIFICATION_CALLER_SIGNING_KEY: real,
        CALLER_TRUSTED_KEYS: [`gateway:k1:${ed25519PublicOf(real.split(':')[1]!)}`],
      }),
    ).toEqual([]);
  });

  it('refuses an unknown environment name rather than guessing', () => {
    expect(problemsOf({ PANDAWA_ENV: 'prod' })).toEqual([expect.stringMatching(/^PANDAWA_ENV:/)]);
  });
});
