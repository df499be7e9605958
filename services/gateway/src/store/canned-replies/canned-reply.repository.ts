import { randomUUID } from 'node:crypto';
import type { Connection } from '@pandawa/mongo';
import type { mongo } from 'mongoose';
import { searchWords, titleKey, type CannedReply } from '../../domain/canned-reply.js';

export const CANNED_REPLY_COLLECTION = 'canned_replies';

interface CannedReplyDoc {
  _id: string;
  officeId: string;
  title: string;
  text: string;
  category: string | null;
  /** `titleKey(title)`: lists sort on it. */
  titleKey: string;
  /** `searchWords(title, text)`: a search matches the start of these. */
  words: string[];
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const toReply = (doc: CannedReplyDoc): CannedReply => ({
  id: doc._id,
  officeId: doc.officeId,
  title: doc.title,
  text: doc.text,
  category: doc.category,
  version: doc.version,
  createdBy: doc.createdBy,
  updatedBy: doc.updatedBy,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface CannedReplyQuery {
  /** Words each matched as the start of a word of the title or text (all must match). */
  words: string[];
  category?: string | undefined;
  /** After this place in the order (title, then id). */
  after?: { titleKey: string; id: string } | undefined;
  limit: number;
}

/**
 * The office's canned replies in `pandawa_gateway`. Every filter carries the office: no read or
 * write can reach another office's entries.
 */
export class CannedReplyRepository {
  private readonly replies: mongo.Collection<CannedReplyDoc>;

  constructor(connection: Connection) {
    this.replies = connection.collection<CannedReplyDoc>(
      CANNED_REPLY_COLLECTION,
    ) as unknown as mongo.Collection<CannedReplyDoc>;
  }

  async create(input: {
    officeId: string;
    title: string;
    text: string;
    category: string | null;
    actorId: string;
  }): Promise<CannedReply> {
    const now = new Date();
    const doc: CannedReplyDoc = {
      _id: randomUUID(),
      officeId: input.officeId,
      title: input.title,
      text: input.text,
      category: input.category,
      titleKey: titleKey(input.title),
      words: searchWords(input.title, input.text),
      version: 1,
      createdBy: input.actorId,
      updatedBy: input.actorId,
      createdAt: now,
      updatedAt: now,
    };
    await this.replies.insertOne(doc);
    return toReply(doc);
  }

  async byId(officeId: string, id: string): Promise<CannedReply | undefined> {
    const doc = await this.replies.findOne({ _id: id, officeId });
    return doc ? toReply(doc) : undefined;
  }

  /**
   * Changes title, text or category; with `expectedVersion`, only if nobody changed it since.
   * Returns the entry as it is now (undefined when gone), and whether this change applied.
   */
  async update(
    officeId: string,
    id: string,
    change: { title?: string; text?: string; category?: string | null },
    actorId: string,
    expectedVersion?: number,
  ): Promise<{ reply: CannedReply | undefined; applied: boolean }> {
    const current = await this.replies.findOne({ _id: id, officeId });
    if (!current) return { reply: undefined, applied: false };
    if (expectedVersion !== undefined && current.version !== expectedVersion)
      return { reply: toReply(current), applied: false };
    const title = change.title ?? current.title;
    const text = change.text ?? current.text;
    const set = {
      title,
      text,
      category: change.category === undefined ? current.category : change.category,
      titleKey: titleKey(title),
      words: searchWords(title, text),
      updatedBy: actorId,
      updatedAt: new Date(),
    };
    // The version in the filter makes the change conditional on what was read (a single
    // document update: atomic on MongoDB and on FerretDB v1 alike).
    const result = await this.replies.updateOne(
      { _id: id, officeId, version: current.version },
      { $set: set, $inc: { version: 1 } },
    );
    const now = await this.replies.findOne({ _id: id, officeId });
    return { reply: now ? toReply(now) : undefined, applied: result.modifiedCount === 1 };
  }

  async remove(officeId: string, id: string): Promise<boolean> {
    return (await this.replies.deleteOne({ _id: id, officeId })).deletedCount === 1;
  }

  /**
   * A page of the office's entries by title. A filtered read (a scan on FerretDB v1, fine for
   * the hundreds of answers an office keeps; the indexes serve it on MongoDB). Each word is an
   * anchored regular expression on the `words` array: it matches an entry one of whose words
   * starts with it (an index range on MongoDB).
   */
  async list(officeId: string, q: CannedReplyQuery): Promise<CannedReply[]> {
    const filter: mongo.Filter<CannedReplyDoc> = {
      officeId,
      ...(q.category ? { category: q.category } : {}),
      ...(q.words.length
        ? { $and: q.words.map((w) => ({ words: { $regex: `^${escapeRegex(w)}` } })) }
        : {}),
      ...(q.after
        ? {
            $or: [
              { titleKey: { $gt: q.after.titleKey } },
              { titleKey: q.after.titleKey, _id: { $gt: q.after.id } },
            ],
          }
        : {}),
    };
    const docs = await this.replies
      .find(filter)
      .sort({ titleKey: 1, _id: 1 })
      .limit(q.limit)
      .toArray();
    return docs.map(toReply);
  }

  async ensureIndexes(): Promise<void> {
    // The list: an office's entries by title (cursor pages on title, then id).
    await this.replies.createIndex({ officeId: 1, titleKey: 1, _id: 1 }, { name: 'office_title' });
    // The search: an office's entries by the start of a word (multikey on `words`).
    await this.replies.createIndex({ officeId: 1, words: 1 }, { name: 'office_words' });
  }
}
