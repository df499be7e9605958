import type { Connection } from '@pandawa/mongo';
import { InsertBatcher, rawCollection } from './insert-batcher.js';

/**
 * - `pending`: accepted, not yet sent (waiting for its turn, a retry, or a paused number);
 * - `sending`: a request to Meta is in flight. Found so on a redelivery, it means the process
 *   died mid-request: the outcome is unknown;
 * - `sent` (a wamid), `failed` (Meta's code and title, or WINDOW_CLOSED), `unknown`: final.
 */
export type SendState = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown';
export type FinalState = Extract<SendState, 'sent' | 'failed' | 'unknown'>;

export interface SendError {
  code?: number | undefined;
  title: string;
  permanent: boolean;
}

/** What the command asked, written once when it is first seen. */
interface ClaimDoc {
  /** The `notify.wa.send` envelope id: the idempotency key. */
  _id: string;
  officeId: string;
  phoneNumberId: string;
  purpose: string;
  caseId?: string;
  caseMessageId?: string;
  commandAt: Date;
  createdAt: Date;
  /** The claim was written as request 1 left (else: failed before any request). */
  requested: boolean;
}

/**
 * One request to Meta (`<command>#<n>`; request 1 is the claim itself) and, once it was answered
 * with a failure worth trying again, `<command>#<n>.done`.
 */
interface AttemptDoc {
  _id: string;
  at: Date;
  error?: SendError;
}

/** How it ended, written once (the first outcome wins). */
interface OutcomeDoc {
  _id: string;
  state: FinalState;
  attempts: number;
  viaTemplate: boolean;
  wamid?: string;
  error?: SendError;
  at: Date;
}

export interface SendRecord {
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
  commandAt: Date;
  createdAt: Date;
  sentAt?: Date;
}

export type NewSendRecord = Pick<
  SendRecord,
  '_id' | 'officeId' | 'phoneNumberId' | 'purpose' | 'caseId' | 'caseMessageId' | 'commandAt'
>;

/**
 * The send record of each command, in `pandawa_notification`, append-only: the claim, each
 * attempt (before the request leaves, and once it is answered), the outcome, and a wamid →
 * command index for status webhooks. Nothing is ever updated in place: FerretDB v1 runs updates
 * one at a time (~200/s) and does not isolate them, while batched inserts under unique `_id`s
 * are fast and atomic on both servers (`InsertBatcher`). Reads are by `_id` only, the one filter
 * FerretDB v1 pushes down to SQLite.
 */
export class SendRecordRepository {
  private readonly claims;
  private readonly attemptDocs;
  private readonly outcomes;
  private readonly wamidDocs;
  private readonly claimInserts;
  private readonly attemptInserts;
  private readonly outcomeInserts;
  private readonly wamidInserts;

  constructor(connection: Connection) {
    this.claims = rawCollection<ClaimDoc>(connection, 'sends');
    this.attemptDocs = rawCollection<AttemptDoc>(connection, 'send_attempts');
    this.outcomes = rawCollection<OutcomeDoc>(connection, 'send_outcomes');
    this.wamidDocs = rawCollection<{ _id: string; commandId: string }>(connection, 'send_wamids');
    this.claimInserts = new InsertBatcher(this.claims);
    this.attemptInserts = new InsertBatcher(this.attemptDocs);
    this.outcomeInserts = new InsertBatcher(this.outcomes);
    this.wamidInserts = new InsertBatcher(this.wamidDocs);
  }

  /**
   * Creates the command's record as its first request leaves (`requested`), or just before it
   * fails without one; or returns the record a first delivery already made.
   */
  async claim(
    init: NewSendRecord,
    requested: boolean,
    now: Date,
  ): Promise<{ record: SendRecord; created: boolean }> {
    const claim = { ...stripUndefined(init), createdAt: now, requested } as ClaimDoc;
    if (await this.claimInserts.insert(claim)) {
      const attempts = requested ? 1 : 0;
      return {
        record: { ...init, createdAt: now, state: requested ? 'sending' : 'pending', attempts },
        created: true,
      };
    }
    const existing = await this.get(init._id);
    if (!existing) throw new Error(`send record ${init._id} vanished`);
    return { record: existing, created: false };
  }

  async get(commandId: string): Promise<SendRecord | null> {
    const [claim, outcome] = await Promise.all([
      this.claims().findOne({ _id: commandId }),
      this.outcomes().findOne({ _id: commandId }),
    ]);
    if (!claim) return null;
    const base = {
      _id: claim._id,
      officeId: claim.officeId,
      phoneNumberId: claim.phoneNumberId,
      purpose: claim.purpose,
      caseId: claim.caseId,
      caseMessageId: claim.caseMessageId,
      commandAt: claim.commandAt,
      createdAt: claim.createdAt,
    };
    if (outcome) {
      return {
        ...base,
        state: outcome.state,
        attempts: outcome.attempts,
        viaTemplate: outcome.viaTemplate,
        ...(outcome.wamid ? { wamid: outcome.wamid } : {}),
        ...(outcome.error ? { error: outcome.error } : {}),
        ...(outcome.state === 'sent' ? { sentAt: outcome.at } : {}),
      };
    }
    const attempts = claim.requested ? await this.lastAttempt(commandId) : 0;
    if (attempts === 0) return { ...base, state: 'pending', attempts };
    const done = await this.attemptDocs().findOne({ _id: `${commandId}#${attempts}.done` });
    return {
      ...base,
      state: done ? 'pending' : 'sending',
      attempts,
      ...(done?.error ? { lastError: done.error } : {}),
    };
  }

  /** Written just before request `attempt` leaves for Meta. */
  async markSending(commandId: string, attempt: number, now: Date): Promise<void> {
    await this.attemptInserts.insert({ _id: `${commandId}#${attempt}`, at: now });
  }

  /** Request `attempt` was answered with a failure worth trying again (or a pause). */
  async markAnswered(commandId: string, attempt: number, error: SendError, now: Date) {
    await this.attemptInserts.insert({ _id: `${commandId}#${attempt}.done`, at: now, error });
  }

  /** `wamid` is absent for a read receipt, which makes no message. */
  async markSent(
    commandId: string,
    outcome: { wamid: string | undefined; viaTemplate: boolean; attempts: number },
    now: Date,
  ): Promise<void> {
    // The index with the outcome: a status webhook that races them retries until both exist.
    await Promise.all([
      outcome.wamid
        ? this.wamidInserts.insert({ _id: outcome.wamid, commandId })
        : Promise.resolve(true),
      this.outcomeInserts.insert({
        _id: commandId,
        state: 'sent',
        attempts: outcome.attempts,
        viaTemplate: outcome.viaTemplate,
        ...(outcome.wamid ? { wamid: outcome.wamid } : {}),
        at: now,
      }),
    ]);
  }

  async markFinal(
    commandId: string,
    state: 'failed' | 'unknown',
    outcome: { error: SendError; attempts: number; viaTemplate?: boolean },
    now: Date,
  ): Promise<void> {
    await this.outcomeInserts.insert({
      _id: commandId,
      state,
      attempts: outcome.attempts,
      viaTemplate: outcome.viaTemplate ?? false,
      error: outcome.error,
      at: now,
    });
  }

  async commandOfWamid(wamid: string): Promise<string | undefined> {
    return (await this.wamidDocs().findOne({ _id: wamid }))?.commandId;
  }

  /**
   * The number of the last attempt written (1 is the claim; 2, 3, … follow with no gap):
   * doubling, then halving, reads by `_id`. Only a redelivered command asks.
   */
  private async lastAttempt(commandId: string): Promise<number> {
    const exists = async (n: number) =>
      n === 1 || (await this.attemptDocs().findOne({ _id: `${commandId}#${n}` })) !== null;
    let lo = 1;
    let hi = 2;
    while (await exists(hi)) {
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (await exists(mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
