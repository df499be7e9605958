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

/**
 * `held_messages` in `pandawa_notification`: inserted once per command (a redelivered command
 * holds nothing twice), deleted once delivered, dropped or expired; never updated.
 */
export class HeldMessageRepository {
  constructor(private readonly connection: Connection) {}

  private get held() {
    return this.connection.collection<HeldMessage>('held_messages');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.held, [
      // ofCitizen: a citizen's held messages for one business number.
      { key: { phoneNumberId: 1, identifiers: 1 }, name: 'citizen' },
      // deleteExpired: the purge.
      { key: { expiresAt: 1 }, name: 'expires' },
    ]);
  }

  /** True when it was held now, false when it already was (a redelivery). */
  async hold(message: HeldMessage): Promise<boolean> {
    try {
      await this.held.insertOne(stripUndefined(message));
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /**
   * The held messages of the citizen known by any of `identifiers`. On FerretDB v1 this filter
   * is a scan of the collection (only `_id` is pushed down); the collection stays small because
   * every entry is deleted once delivered and purged once expired.
   */
  async ofCitizen(phoneNumberId: string, identifiers: string[]): Promise<HeldMessage[]> {
    if (identifiers.length === 0) return [];
    return this.held.find({ phoneNumberId, identifiers: { $in: identifiers } }).toArray();
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
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
