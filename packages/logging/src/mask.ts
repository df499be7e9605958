/**
 * Masking of personal data before anything is written to a log. UU 27/2022 (PDP) treats the
 * NIK, the KK number, phone numbers, WhatsApp BSUIDs and usernames, and what citizens write as
 * personal data; none of it may
 * reach a log or a trace in clear. Masking works on values wherever they appear, and on keys
 * whose whole value is sensitive.
 */

/** Keys whose value is dropped entirely: free text citizens write, and secrets. */
const REDACTED_KEYS = new Set(
  [
    'text',
    'body',
    'caption',
    'description',
    'token',
    'accesstoken',
    'access_token',
    'refreshtoken',
    'authorization',
    'password',
    'secret',
    'appsecret',
    'verifytoken',
    'cookie',
    'x-hub-signature-256',
    'profilename',
    'citizenname',
    'fullname',
    // WhatsApp usernames (2026) name a citizen as surely as a phone number.
    'username',
    'x-citizen-username',
  ].map((k) => k.toLowerCase()),
);

/** Keys that hold a business-scoped user ID (architecture §1): masked like a phone number. */
const BSUID_KEYS = new Set(
  [
    'bsuid',
    'parentbsuid',
    'user_id',
    'parent_user_id',
    'from_user_id',
    'from_parent_user_id',
    'recipient_user_id',
    'recipient_parent_user_id',
    'recipient',
    'x-citizen-bsuid',
  ].map((k) => k.toLowerCase()),
);

/** Keys that hold a phone number (WhatsApp ids are phone numbers). */
const PHONE_KEYS = new Set(
  [
    'from',
    'to',
    'wa_id',
    'waid',
    'phone',
    'phonenumber',
    'msisdn',
    'recipient_id',
    'recipientid',
    'display_phone_number',
    'x-citizen-phone',
  ].map((k) => k.toLowerCase()),
);

const REDACTED = '[REDACTED]';
const MAX_DEPTH = 8;

/** 16 digits standing alone: a NIK or a KK number. `1471010101900001` → `1471********0001`. */
const ID_NUMBER = /(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)/g;
/** Indonesian mobile numbers: +62 8.., 62 8.., 08... */
const PHONE = /(?<![\d+])(\+?62|0)(8\d)\d{5,10}(\d{2})(?!\d)/g;
/** A BSUID or parent BSUID in text: `ID.1234567890123456`, `US.ENT.1181...` → `ID.***`. */
const BSUID = /(?<![A-Za-z0-9.])([A-Z]{2})\.(?:ENT\.)?[A-Za-z0-9]{6,128}(?![A-Za-z0-9])/g;

/** `ID.1234567890123456` → `ID.***`: the country stays, the person does not. */
export function maskBsuid(value: string): string {
  const m = /^([A-Z]{2})\./.exec(value);
  return m ? `${m[1]}.***` : '***';
}

export function maskIdNumber(value: string): string {
  return value.replace(ID_NUMBER, '$1********$2');
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 6) return '***';
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 6)}${digits.slice(-2)}`;
}

/** Masks NIK/KK numbers and phone numbers inside free text. */
export function maskText(value: string): string {
  return value
    .replace(BSUID, '$1.***')
    .replace(ID_NUMBER, '$1********$2')
    .replace(
      PHONE,
      (_m, prefix: string, start: string, end: string) => `${prefix}${start}******${end}`,
    );
}

/** Returns a copy of `value` that is safe to log. Never mutates its input. */
export function maskPersonalData(value: unknown): unknown {
  return mask(value, 0, new WeakSet());
}

function mask(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);

  if (value instanceof Error) {
    const out: Record<string, unknown> = {
      type: value.name,
      message: maskText(value.message),
      stack: value.stack ? maskText(value.stack) : undefined,
    };
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) out.code = code;
    if (value.cause !== undefined) out.cause = mask(value.cause, depth + 1, seen);
    return out;
  }
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map((item) => mask(item, depth + 1, seen));

  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (REDACTED_KEYS.has(lower)) {
      out[key] = child === undefined || child === null ? child : REDACTED;
    } else if (BSUID_KEYS.has(lower) && typeof child === 'string') {
      out[key] = maskBsuid(child);
    } else if (PHONE_KEYS.has(lower) && (typeof child === 'string' || typeof child === 'number')) {
      out[key] = maskPhone(String(child));
    } else {
      out[key] = mask(child, depth + 1, seen);
    }
  }
  return out;
}
