export { closeMongo, connectMongo, isMongoHealthy, type Connection } from './connection.js';
export { IdempotencyStore } from './idempotency.store.js';
export { deleteBatch, ensureIndexes, type IndexSpec } from './ensure-indexes.js';
export { isDuplicateKeyError } from './duplicate-key.js';
export { isMongoUnavailableError } from './unavailable.js';
