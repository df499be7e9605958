import { mongo } from 'mongoose';

/** The driver hands Binary back for stored Buffers; callers want bytes. */
export function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof mongo.Binary) return Buffer.from(value.buffer);
  if (value instanceof Uint8Array) return Buffer.from(value);
  throw new TypeError('expected binary data');
}
