import { withTimeout } from '@pandawa/async';
import type { Logger } from '@pandawa/logging';
import mongoose, { type Connection } from 'mongoose';

export type { Connection };

export interface MongoOptions {
  url: string;
  /** Each service owns its database (`pandawa_case`, ...); no service reads another's. */
  dbName: string;
  logger: Logger;
  /** Connections in the pool; small services need few. */
  maxPoolSize?: number;
}

/**
 * A mongoose connection with bounded waits: a database that is down fails calls within
 * seconds instead of hanging them, and the driver keeps reconnecting in the background.
 */
export async function connectMongo({
  url,
  dbName,
  logger,
  maxPoolSize = 10,
}: MongoOptions): Promise<Connection> {
  const connection = mongoose.createConnection(url, {
    dbName,
    maxPoolSize,
    minPoolSize: 1,
    serverSelectionTimeoutMS: 5000,
    connectTimeoutMS: 5000,
    socketTimeoutMS: 30_000,
    heartbeatFrequencyMS: 2000,
    // Indexes are declared by each repository at start; FerretDB and MongoDB both build them.
    autoIndex: false,
    autoCreate: false,
    bufferCommands: false,
  });
  connection.on('disconnected', () => {
    // A disconnect we asked for (shutdown) is not worth a warning.
    if (!closing.has(connection)) logger.warn({ db: dbName }, 'MongoDB disconnected');
  });
  connection.on('reconnected', () => logger.info({ db: dbName }, 'MongoDB reconnected'));
  await connection.asPromise();
  logger.info({ db: dbName }, 'connected to MongoDB');
  return connection;
}

const closing = new WeakSet<Connection>();

/** Closes the connection on purpose (shutdown): no "disconnected" warning follows. */
export async function closeMongo(connection: Connection): Promise<void> {
  closing.add(connection);
  await connection.close();
}

/** True when the database answers a ping within `timeoutMs`. */
export async function isMongoHealthy(connection: Connection, timeoutMs = 1500): Promise<boolean> {
  if (connection.readyState !== 1 || !connection.db) return false;
  try {
    await withTimeout(connection.db.command({ ping: 1 }), timeoutMs);
    return true;
  } catch {
    return false;
  }
}
