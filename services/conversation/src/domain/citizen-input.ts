/**
 * What a citizen sent, reduced to what the flow needs. Built from the webhook's message object
 * in `events/inbound-message.ts`; documents are already ingested by then.
 */
export type CitizenInput =
  | { kind: 'text'; text: string }
  /** A tapped list row or reply button: its id, and the title as a fallback. */
  | { kind: 'choice'; id: string; title: string }
  | { kind: 'document'; documentId: string }
  /** A file document-storage refused; `reason` is its Bahasa Indonesia text. */
  | { kind: 'document_refused'; reason: string }
  /** Sticker, reaction, location, voice note, contacts, or a type we do not know. */
  | { kind: 'unsupported'; type: string };

/** The words that work at every step (architecture §6). */
export type GlobalWord = 'menu' | 'batal' | 'status' | 'petugas';

/**
 * Lower case, without stray punctuation or emoji around and inside the words, spaces collapsed:
 * `"  MENU!! "` → `menu`, `"Batal."` → `batal`.
 */
export function normalizeWords(text: string): string {
  return text
    .slice(0, 300)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9&\s-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const GLOBAL_WORDS: Record<string, GlobalWord> = {
  menu: 'menu',
  'menu utama': 'menu',
  batal: 'batal',
  batalkan: 'batal',
  status: 'status',
  'cek status': 'status',
  petugas: 'petugas',
  'bicara dengan petugas': 'petugas',
};

export function globalWordOf(input: CitizenInput): GlobalWord | undefined {
  if (input.kind !== 'text') return undefined;
  return GLOBAL_WORDS[normalizeWords(input.text)];
}
