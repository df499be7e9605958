import { adminJwtKeyProblems, callerKeyProblems } from './caller-keys.js';

/**
 * The published development values: the wa-sandbox's secrets and the dev-only document master
 * key. They are defaults so that `npm run dev` works with no settings, and anyone who has read
 * this repository knows them — so a production deployment must never run on one.
 */
export const SANDBOX_APP_SECRET = 'sandbox-app-secret';
export const SANDBOX_VERIFY_TOKEN = 'sandbox-verify-token';
export const SANDBOX_ACCESS_TOKEN = 'sandbox-access-token';
/** The wa-sandbox standing in for Meta's Cloud API on a developer's machine. */
export const SANDBOX_API_URL = 'http://127.0.0.1:8090';
/** Meta's Graph API: what production calls. */
export const META_GRAPH_API_URL = 'https://graph.facebook.com';

export const DEV_ONLY_MASTER_KEY_ID = 'dev-only-insecure';
export const DEV_ONLY_MASTER_KEY = Buffer.alloc(32, 'pandawa-dev-only').toString('base64');
export const DEV_ONLY_MASTER_KEYS = `${DEV_ONLY_MASTER_KEY_ID}:${DEV_ONLY_MASTER_KEY}`;

/** Settings whose published value is refused in production, by name. */
const PUBLISHED_SECRETS: Readonly<Record<string, string>> = {
  WHATSAPP_APP_SECRET: SANDBOX_APP_SECRET,
  WHATSAPP_VERIFY_TOKEN: SANDBOX_VERIFY_TOKEN,
  WHATSAPP_ACCESS_TOKEN: SANDBOX_ACCESS_TOKEN,
  DOCUMENT_ACTIVE_KEY_ID: DEV_ONLY_MASTER_KEY_ID,
};

/** Hosts of a sandbox, never of Meta: loopback, or the dev cluster's `wa-sandbox` Service. */
const SANDBOX_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', 'wa-sandbox']);

/**
 * What keeps a configuration from running in production (PANDAWA_ENV=production): a secret
 * still at its published dev value, the dev master key among the keys, or the Cloud API URL
 * pointing at the sandbox. Names the settings, never their values. Empty when all is well.
 */
export function productionProblems(config: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const [key, published] of Object.entries(PUBLISHED_SECRETS)) {
    if (config[key] === published)
      problems.push(`${key}: is the published development value; set it from the Secret`);
  }
  const keys = config.DOCUMENT_MASTER_KEYS;
  if (
    Array.isArray(keys) &&
    keys.some((k) => typeof k === 'string' && k.split(':')[0] === DEV_ONLY_MASTER_KEY_ID)
  )
    problems.push(
      'DOCUMENT_MASTER_KEYS: holds the published development key; set real keys from the Secret',
    );
  problems.push(...callerKeyProblems(config), ...adminJwtKeyProblems(config));
  const apiUrl = config.WHATSAPP_API_URL;
  if (typeof apiUrl === 'string') {
    let host = '';
    try {
      host = new URL(apiUrl).hostname;
    } catch {
      host = '';
    }
    if (SANDBOX_HOSTS.has(host) || host.startsWith('wa-sandbox.'))
      problems.push(`WHATSAPP_API_URL: is the sandbox's; production calls ${META_GRAPH_API_URL}`);
  }
  return problems;
}
