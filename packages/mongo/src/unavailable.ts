/**
 * Whether an operation failed because the database could not be reached (no server selected,
 * the connection dropped or timed out, mongoose's buffer gave up), not because of what was
 * asked: the caller should hear "try again" (503), not "internal error" (500).
 */
const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

export function isMongoUnavailableError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
  // mongoose queues operations while disconnected and fails them with a plain MongooseError.
  return (
    name === 'MongooseError' && typeof message === 'string' && /buffering timed out/.test(message)
  );
}
