import type { CitizenIdentity, OutboundMessage } from '@pandawa/contracts';
import { deleteBatch, ensureIndexes, isDuplicateKeyError, type Connection } from '@pandawa/mongo';

/**
 * A held message (domain/held-message.ts): the free-form content a template stood in for.
 * Personal data (the message text, the identity): kept only until sent or expired, never logged.
 */
export interface HeldMessage {
  /** `heldIdOf(commandId)`: also the id of the command that delivers it. */
  _id: string;
  /** The `notify.wa.send` that left as its template. */
  commandId: string;
  officeId: string;
  phoneNumberId: string;
  /** Every identifier of `to` (BSUID, phone): an inbound message names the citizen by either. */
  identifiers: string[];
  to: CitizenIdentity;
  purpose: string;
  caseId?: string;
  caseMessageId?: string;
  message: OutboundMessage;
  heldAt: Date;
  expiresAt: Date;
}

/** Someone known by this identifier may have held messages (`<number>:<identifier>`). */
interface HeldMarker {
  _id: string;
  /** The `heldAt` of the last message held for them. */
  since: Date;
}

/**
 * `held_messages` in `pandawa_notification`: inserted once per command (a redelivered command
 * holds nothing twice), deleted once delivered, dropped or expired; never updated.
 *
 * `held_citizens` marks, by `_id`, who may have some. Why: a citizen's held messages are found
 * by a filter that FerretDB v1 runs as a scan of the whole collection (only `_id` is pushed
 * down; measured ~0.35 ms per document on the 2-core dev machine, 350 ms at 1 000 held), and
 * every inbound message and every reply asks. The marker, read by `_id`, answers "none" for
 * nearly all of them; only a marked citizen's lookup scans, and a scan that finds nothing left
 * removes the mark. On MongoDB the filter uses the `citizen` index and the mark is cheap anyway.
 */
export class HeldMessageRepository {
  constructor(private readonly connection: Connection) {}

  private get held() {
    return this.connection.collection<HeldMessage>('held_messages');
  }

  private get markers() {
    return this.connection.collection<HeldMarker>('held_citizens');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.held, [
      // ofCitizen: a citizen's held messages for one business number.
      { key: { phoneNumberId: 1, identifiers: 1 }, name: 'citizen' },
      // deleteExpired: the purge.
      { key: { expiresAt: 1 }, name: 'expires' },
    ]);
    // deleteMarksBefore: the purge.
    await ensureIndexes(this.markers, [{ key: { since: 1 }, name: 'since' }]);
  }

  /**
   * True when it was held now, false when it already was (a redelivery). The message first,
   * then its marks: a lookup between the two finds the message by its mark or not at all, and a
   * mark is never missing for a message written before it.
   */
  async hold(message: HeldMessage): Promise<boolean> {
    let inserted = true;
    try {
      await this.held.insertOne(stripUndefined(message));
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      inserted = false;
    }
    // Marked again even for a redelivery: the first delivery may have died before its marks.
    await Promise.all(
      message.identifiers.map(async (id) => {
        const filter = { _id: `${message.phoneNumberId}:${id}` };
        const update = { $set: { since: message.heldAt } };
        try {
          await this.markers.updateOne(filter, update, { upsert: true });
        } catch (error) {
          // Two upserts racing on FerretDB v1 may both insert; the loser updates the winner's.
          if (!isDuplicateKeyError(error)) throw error;
          await this.markers.updateOne(filter, update);
        }
      }),
    );
    return inserted;
  }

  /** The held messages of the citizen known by any of `identifiers` (none: two `_id` reads). */
  async ofCitizen(phoneNumberId: string, identifiers: string[]): Promise<HeldMessage[]> {
    if (identifiers.length === 0) return [];
    const marks = (
      await Promise.all(
        identifiers.map((id) => this.markers.findOne({ _id: `${phoneNumberId}:${id}` })),
      )
    ).filter((m): m is HeldMarker => m !== null);
    if (marks.length === 0) return [];
    const found = await this.held
      .find({ phoneNumberId, identifiers: { $in: identifiers } })
      .toArray();
    if (found.length === 0) {
      // Nothing left: unmark, unless a message was held since the mark was read (its `since`
      // moved). FerretDB v1 does not isolate the filtered delete; the window is a hold racing
      // the citizen's own message, which a window that just opened makes all but impossible.
      await Promise.all(marks.map((m) => this.markers.deleteOne({ _id: m._id, since: m.since })));
    }
    return found;
  }

  async get(id: string): Promise<HeldMessage | null> {
    return this.held.findOne({ _id: id });
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.held.deleteMany({ _id: { $in: ids } });
  }

  /** Deletes up to `limit` held messages that expired before `now` (FerretDB v1 has no TTL). */
  deleteExpired(now: Date, limit: number): Promise<number> {
    return deleteBatch(this.held, { expiresAt: { $lte: now } }, limit);
  }

  /** Deletes up to `limit` marks older than `cutoff` (everything they marked has expired). */
  deleteMarksBefore(cutoff: Date, limit: number): Promise<number> {
    return deleteBatch(this.markers, { since: { $lte: cutoff } }, limit);
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
