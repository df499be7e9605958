import { BSUID_PATTERN, IDENTITY_LIMITS } from '@pandawa/contracts';
import { WhatsAppLimitError } from './graph.errors.js';

/** Meta's limits on outbound messages, checked before sending so a bad message fails clearly. */
export const LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  header: 60,
  footer: 60,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButton: 20,
  listRows: 10,
  listSections: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  caption: 1024,
} as const;

/** Characters as Meta counts them: code points, so an emoji is one. */
export const charCount = (value: string) => [...value].length;

export function checkLength(field: string, value: string, max: number, min = 1): void {
  const n = charCount(value);
  if (n < min)
    throw new WhatsAppLimitError(
      field,
      min,
      n,
      min === 1 ? 'must not be empty' : `must have at least ${min} characters`,
    );
  if (n > max) throw new WhatsAppLimitError(field, max, n, `at most ${max} characters`);
}

export function checkCount(field: string, count: number, max: number, min = 1): void {
  if (count < min) throw new WhatsAppLimitError(field, min, count, `at least ${min} required`);
  if (count > max) throw new WhatsAppLimitError(field, max, count, `at most ${max} allowed`);
}

export function checkUnique(field: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id))
      throw new WhatsAppLimitError(field, 1, 2, `ids must be unique ("${id}" repeats)`);
    seen.add(id);
  }
}

/** A WhatsApp id is the phone number in international form, digits only. */
/**
 * Who a send goes to (architecture §1): a phone number (digits, an optional plus) goes in `to`;
 * a business-scoped user ID (`ID.1234567890123456`) goes in `recipient`, for citizens whose
 * number WhatsApp withholds. The phone is preferred by callers when they know it.
 */
export function checkRecipient(to: string): { to: string } | { recipient: string } {
  if (BSUID_PATTERN.test(to) && to.length <= IDENTITY_LIMITS.bsuid) return { recipient: to };
  const digits = to.replace(/^\+/, '');
  if (!/^\d{6,15}$/.test(digits)) {
    throw new WhatsAppLimitError(
      'to',
      15,
      digits.length,
      'a phone number of 6 to 15 digits or a BSUID',
    );
  }
  return { to: digits };
}
