import { WHATSAPP_TEXT_MAX } from '@pandawa/contracts';

/**
 * Canned replies: the office's question-and-answer knowledge (the seed's "prosedur tanya
 * jawab"), a question or title and the answer an officer inserts into a reply and may edit.
 */
export interface CannedReply {
  id: string;
  officeId: string;
  title: string;
  text: string;
  /** A case category it answers (CaseCategory), or null for any. */
  category: string | null;
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const CANNED_REPLY_LIMITS = {
  title: 120,
  /** Inserted into a reply: one WhatsApp text. */
  text: WHATSAPP_TEXT_MAX,
  /** A search: a few words, each matched as the start of a word of the title or text. */
  query: 100,
  queryWords: 5,
  /** Words kept for search per reply, and their length (longer words are cut). */
  words: 400,
  word: 32,
} as const;

/**
 * The words a reply is found by: lower case, accents removed, split on anything that is not a
 * letter or digit, each once. "NIK tidak aktif (BPJS)" → nik, tidak, aktif, bpjs.
 */
export function searchWords(...texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts)
    for (const word of normalize(text).split(/[^\p{L}\p{N}]+/u))
      if (word) words.add(word.slice(0, CANNED_REPLY_LIMITS.word));
  return [...words].slice(0, CANNED_REPLY_LIMITS.words);
}

/** The words of a search, each to be matched as a prefix; at most a few. */
export const queryWords = (query: string) =>
  searchWords(query).slice(0, CANNED_REPLY_LIMITS.queryWords);

/** What lists sort on: the title as a reader compares it. */
export const titleKey = (title: string) => normalize(title).trim();

const normalize = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
