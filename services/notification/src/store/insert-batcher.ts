import { isDuplicateKeyError, type Connection } from '@pandawa/mongo';

type Document = { _id: string };

/** The little of the driver's collection this store uses: reads by `_id` and bulk inserts. */
export interface Collection<T extends Document> {
  findOne(filter: { _id: string }): Promise<T | null>;
  bulkWrite(ops: { insertOne: { document: T } }[], options: { ordered: boolean }): Promise<unknown>;
}

/** The driver's collection behind a mongoose connection (bulk writes, no mongoose model). */
export const rawCollection =
  <T extends Document>(connection: Connection, name: string) =>
  (): Collection<T> => {
    if (!connection.db) throw new Error('MongoDB is not connected');
    return connection.db.collection(name) as unknown as Collection<T>;
  };

interface Pending<T> {
  doc: T;
  resolve: (inserted: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Inserts into one collection, gathered into unordered bulk writes: while one batch is being
 * written the next one gathers, so the batch size follows the load and a quiet service still
 * writes each document at once. Each caller learns its own document's fate: inserted, or
 * already there (a duplicate `_id`).
 *
 * Why: FerretDB v1 commits every write command as its own SQLite transaction — about 90 single
 * inserts a second on a loaded 2-core machine, against ~3 000 documents a second in batches —
 * and executes updates one by one (~200/s even in bulk). The send records are therefore
 * append-only inserts, and inserts go through here. MongoDB is faster either way.
 */
export class InsertBatcher<T extends Document> {
  private queue: Pending<T>[] = [];
  private writing = false;

  constructor(
    private readonly collection: () => Collection<T>,
    private readonly maxBatch = 500,
  ) {}

  /** True when inserted, false when a document with that `_id` was already there. */
  insert(doc: T): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.write(batch);
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Pending<T>[]): Promise<void> {
    const ops = batch.map((p) => ({ insertOne: { document: p.doc } }));
    try {
      await this.collection().bulkWrite(ops, { ordered: false });
      for (const p of batch) p.resolve(true);
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { index: number; code?: number }[] })
        .writeErrors;
      if (!Array.isArray(writeErrors)) {
        for (const p of batch) p.reject(error);
        return;
      }
      const failed = new Map(writeErrors.map((w) => [w.index, w]));
      for (const [i, p] of batch.entries()) {
        const w = failed.get(i);
        if (!w) p.resolve(true);
        else if (isDuplicateKeyError(w)) p.resolve(false);
        else p.reject(error);
      }
    }
  }
}
