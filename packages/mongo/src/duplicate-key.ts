/**
 * Whether a write failed because a unique index (or `_id`) already holds the key: code 11000 on
 * MongoDB and FerretDB alike (the case service's lock test and the idempotency tests run it on
 * both). An insert under a unique key is the one atomic "only one wins" both servers give.
 */
export const isDuplicateKeyError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
