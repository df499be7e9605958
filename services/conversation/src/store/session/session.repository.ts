import type { CitizenIdentity, Envelope } from '@pandawa/contracts';
import { deleteBatch, ensureIndexes, type Connection } from '@pandawa/mongo';
import type { FlowState } from '../../domain/intake.machine.js';

/** The inbound messages a session remembers with the commands they produced, newest last. */
export const RECENT_LIMIT = 20;

/**
 * One citizen's conversation with one office (architecture §6). `recent` makes a redelivered
 * message republish exactly the commands its first handling produced (same ids, so nothing is
 * sent twice), even when the process died between saving the session and publishing.
 */
export interface Session {
  /** `<officeId>:<citizen key>` */
  id: string;
  officeId: string;
  identity: CitizenIdentity;
  profileName: string;
  flow: FlowState;
  /** When this service last handled a message of the citizen (its own clock). */
  lastActivityAt: Date;
  /** WhatsApp's timestamp of the citizen's latest message: idle time is measured from it. */
  lastMessageAt: Date;
  /** 0 while not stored yet; every save adds one (optimistic concurrency). */
  version: number;
  recent: Array<{ messageId: string; commands: Envelope[] }>;
  /** Per-citizen rate limit: messages in the current one-minute window. */
  rate: { windowStartedAt: Date; count: number; warned: boolean };
}

interface SessionDocument extends Omit<Session, 'id' | 'recent'> {
  _id: string;
  /** JSON text: envelopes keep keys MongoDB-wire servers treat specially nowhere, and stay opaque. */
  recent: Array<{ messageId: string; commands: string }>;
}

export const sessionId = (officeId: string, key: string) => `${officeId}:${key}`;

/**
 * Sessions in `pandawa_conversation.sessions`, read and written by `_id` only (the one query
 * FerretDB v1 pushes down). A save names the version it read: another writer in between makes it
 * fail, and the caller starts over from the fresh session. FerretDB v1 does not isolate a
 * filtered update, so two instances racing on one citizen could both pass the version check
 * there; one instance already handles a citizen's messages one at a time, and on MongoDB the
 * check holds across instances.
 */
export class SessionRepository {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<SessionDocument>('sessions');
  }

  async load(id: string): Promise<Session | null> {
    const doc = await this.collection.findOne({ _id: id });
    if (!doc) return null;
    const { _id, recent, ...rest } = doc;
    return {
      ...rest,
      id: _id,
      recent: recent.map((r) => ({
        messageId: r.messageId,
        commands: JSON.parse(r.commands) as Envelope[],
      })),
    };
  }

  /** Stores `next` if the stored session is still at `next.version - 1`; false otherwise. */
  async save(next: Session): Promise<boolean> {
    const { id, recent, ...rest } = next;
    const doc: SessionDocument = {
      ...rest,
      _id: id,
      recent: recent.slice(-RECENT_LIMIT).map((r) => ({
        messageId: r.messageId,
        commands: JSON.stringify(r.commands),
      })),
    };
    if (next.version === 1) {
      try {
        await this.collection.insertOne(doc);
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    }
    const { _id, ...fields } = doc;
    const result = await this.collection.updateOne(
      { _id, version: next.version - 1 },
      { $set: fields },
    );
    return result.matchedCount === 1;
  }

  async delete(id: string): Promise<void> {
    await this.collection.deleteOne({ _id: id });
  }

  /** The index the purge's query needs (on MongoDB; FerretDB v1 scans either way). */
  async ensureIndexes(): Promise<void> {
    // deleteIdleSince: sessions last active before a time.
    await ensureIndexes(this.collection, [{ key: { lastActivityAt: 1 }, name: 'last_activity' }]);
  }

  /**
   * Deletes up to `limit` sessions with no message since `cutoff` (the purge, long after they
   * expired): a citizen who writes again starts afresh. A session a message saves meanwhile is
   * kept on MongoDB (the delete filters on the time again); FerretDB v1 does not isolate it.
   */
  deleteIdleSince(cutoff: Date, limit: number): Promise<number> {
    return deleteBatch(this.collection, { lastActivityAt: { $lt: cutoff } }, limit);
  }
}
