import { isDuplicateKeyError, type Connection } from '@pandawa/mongo';
import type { DeliveryState } from '../domain/delivery-state.js';

/**
 * - `pending`: accepted, not yet sent (waiting for its turn, a retry, or a paused number);
 * - `sending`: a request to Meta is in flight. Found so on a redelivery, it means the process
 *   died mid-request: the outcome is unknown;
 * - `sent` (a wamid), `failed` (Meta's code and title, or WINDOW_CLOSED), `unknown`: final.
 */
export type SendState = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown';

export interface SendError {
  code?: number | undefined;
  title: string;
  permanent: boolean;
}

export interface SendRecord {
  /** The `notify.wa.send` envelope id: the idempotency key. */
  _id: string;
  officeId: string;
  phoneNumberId: string;
  purpose: string;
  caseId?: string | undefined;
  caseMessageId?: string | undefined;
  state: SendState;
  /** Requests made to Meta for this command so far. */
  attempts: number;
  viaTemplate?: boolean;
  wamid?: string;
  error?: SendError;
  /** The last transient error, while retrying. */
  lastError?: SendError;
  /** The furthest delivery state seen in status webhooks. */
  delivery?: DeliveryState;
  commandAt: Date;
  createdAt: Date;
  updatedAt: Date;
  sentAt?: Date;
}

export type NewSendRecord = Pick<
  SendRecord,
  '_id' | 'officeId' | 'phoneNumberId' | 'purpose' | 'caseId' | 'caseMessageId' | 'commandAt'
>;

/**
 * One record per command, in `pandawa_notification.sends`, and a wamid → command index (so a
 * status webhook finds its command). Every read and write is by `_id`: FerretDB v1 pushes only
 * `_id` filters down to SQLite and scans the whole collection for anything else.
 */
export class SendRecordRepository {
  constructor(private readonly connection: Connection) {}

  private get sends() {
    return this.connection.collection<SendRecord>('sends');
  }

  private get wamids() {
    return this.connection.collection<{ _id: string; commandId: string }>('send_wamids');
  }

  /**
   * The command's record, created `pending` if this is its first delivery. A plain insert under
   * a unique `_id` (atomic on MongoDB and FerretDB alike); losing the race means it exists.
   */
  async claim(init: NewSendRecord, now: Date): Promise<{ record: SendRecord; created: boolean }> {
    const record: SendRecord = {
      ...stripUndefined(init),
      state: 'pending',
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.sends.insertOne(record);
      return { record, created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.sends.findOne({ _id: init._id });
      if (!existing) throw error;
      return { record: existing, created: false };
    }
  }

  get(commandId: string): Promise<SendRecord | null> {
    return this.sends.findOne({ _id: commandId });
  }

  async markSending(commandId: string, attempts: number, now: Date): Promise<void> {
    await this.set(commandId, { state: 'sending', attempts, updatedAt: now });
  }

  async markPending(commandId: string, lastError: SendError, now: Date): Promise<void> {
    await this.set(commandId, { state: 'pending', lastError, updatedAt: now });
  }

  /** `wamid` is absent for a read receipt, which makes no message. */
  async markSent(
    commandId: string,
    wamid: string | undefined,
    viaTemplate: boolean,
    now: Date,
  ): Promise<void> {
    // The index first: a status webhook that races the record then still finds its command.
    if (wamid) {
      try {
        await this.wamids.insertOne({ _id: wamid, commandId });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    await this.set(commandId, {
      state: 'sent',
      ...(wamid ? { wamid } : {}),
      viaTemplate,
      sentAt: now,
      updatedAt: now,
    });
  }

  async markFailed(commandId: string, error: SendError, now: Date): Promise<void> {
    await this.set(commandId, { state: 'failed', error, updatedAt: now });
  }

  async markUnknown(commandId: string, error: SendError, now: Date): Promise<void> {
    await this.set(commandId, { state: 'unknown', error, updatedAt: now });
  }

  async setDelivery(commandId: string, delivery: DeliveryState, now: Date): Promise<void> {
    await this.set(commandId, { delivery, updatedAt: now });
  }

  async commandOfWamid(wamid: string): Promise<string | undefined> {
    return (await this.wamids.findOne({ _id: wamid }))?.commandId;
  }

  private async set(commandId: string, fields: Partial<SendRecord>): Promise<void> {
    await this.sends.updateOne({ _id: commandId }, { $set: fields });
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
