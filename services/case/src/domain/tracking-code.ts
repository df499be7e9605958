import { randomInt } from 'node:crypto';

/**
 * Characters a citizen can read out and type without confusion: no 0/O, 1/I/L. 31 symbols, six
 * of them: ~8.9e8 codes per office, drawn with a CSPRNG so the next code cannot be guessed from
 * the last. Collisions are resolved by the unique index and a retry (case.repository.ts).
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_PREFIX = 'PDW-';
const LENGTH = 6;

export function generateTrackingCode(): string {
  let code = TRACKING_PREFIX;
  // randomInt draws without modulo bias.
  for (let i = 0; i < LENGTH; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

const FULL = new RegExp(`^${TRACKING_PREFIX}[${TRACKING_ALPHABET}]{${LENGTH}}$`);

/** Upper-cases and restores the prefix, so `pdw-7k3m9q` and `7K3M9Q` find `PDW-7K3M9Q`. */
export function normalizeTrackingCode(input: string): string {
  const s = input.trim().toUpperCase().replace(/\s+/g, '');
  return s.startsWith(TRACKING_PREFIX) ? s : `${TRACKING_PREFIX}${s}`;
}

export const isTrackingCode = (s: string) => FULL.test(s);

/** True when `input` could be the start of a tracking code (used by list search). */
export function looksLikeTrackingCode(input: string): boolean {
  const s = input.trim().toUpperCase();
  if (s.startsWith(TRACKING_PREFIX) || s.startsWith('PDW')) return true;
  return s.length === LENGTH && [...s].every((c) => TRACKING_ALPHABET.includes(c)) && /\d/.test(s);
}

/**
 * Draws codes until `claim` accepts one (in production: the insert under the unique index).
 * Six symbols give ~8.9e8 codes, so by the birthday bound about 5–6 of 100 000 raw draws repeat
 * one before them; uniqueness comes from this retry, not from luck. `claim` returns a result to
 * stop, or undefined when the code was taken.
 */
export async function allocateTrackingCode<T>(
  claim: (code: string) => Promise<T | undefined>,
  maxAttempts = 8,
  generate: () => string = generateTrackingCode,
): Promise<T | undefined> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const result = await claim(generate());
    if (result !== undefined) return result;
  }
  return undefined;
}
