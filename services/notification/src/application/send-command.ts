import { citizenKey, type Envelope, type notifyWaSend } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import { WhatsAppApiError } from '@pandawa/whatsapp';
import type { z } from 'zod';
import { windowIsOpen } from '../domain/customer-window.js';
import { chooseOutbound, needsWindow } from '../domain/outbound-choice.js';
import { deliveryFailureReason } from '../domain/delivery-failure.js';
import { classifyFailure, retryDelayMs, type FailureAction } from '../domain/send-failure.js';
import type { CustomerWindowRepository } from '../store/customer-window.repository.js';
import type {
  NewSendRecord,
  SendError,
  SendRecord,
  SendRecordRepository,
} from '../store/send-record.repository.js';
import type { CaseDeliveryReporter } from './case-delivery.js';
import type { DeliveryStatuses } from './delivery-statuses.js';
import type { HeldMessages } from './held-messages.js';
import type { NotificationMetrics } from './metrics.js';
import type { PauseGates } from './pause-gates.js';
import type { SendOutcomes } from './send-outcomes.js';
import type { RecipientPacer, ThroughputGate } from './throughput.js';
import type { RecentMemory } from './recent-memory.js';
import { pause } from './waiting.js';
import type { AccessTokenSource, WhatsAppDispatch } from './whatsapp-dispatch.js';

export type SendCommand = Envelope<z.output<typeof notifyWaSend.data>>;

export interface SendPolicy {
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  probeIntervalMs: number;
  windowMarginMs: number;
}

export interface SendDeps {
  records: SendRecordRepository;
  windows: CustomerWindowRepository;
  dispatch: WhatsAppDispatch;
  tokens: AccessTokenSource;
  throughput: ThroughputGate;
  pacer: RecipientPacer;
  gates: PauseGates;
  outcomes: SendOutcomes;
  caseDelivery: CaseDeliveryReporter;
  statuses: DeliveryStatuses;
  /** The free-form content of a send that leaves as its template, kept for the citizen's reply. */
  held: HeldMessages;
  metrics: NotificationMetrics;
  /** Commands this process finished (final records), so their copies skip the database. */
  finished: RecentMemory<SendRecord>;
  /** Citizens' last inbound times this process has seen (`<number>:<identifier>` → ms). */
  windowMemory: RecentMemory<number>;
  /** The office's sending number, for commands that name none. */
  numberOf: (officeId: string) => string;
  policy: SendPolicy;
  /** The clock of the 24-hour window (injectable: tests agree on it with the sandbox). */
  now: () => number;
  signal: AbortSignal;
  logger: Logger;
}

/** The identifiers a citizen may be known by in the window records. */
const identifiersOf = (to: SendCommand['data']['to']) =>
  [to.bsuid, to.phone].filter((v): v is string => Boolean(v));

/**
 * One `notify.wa.send`, sent at most once (architecture §3, notification):
 * the send record (keyed by the command id) is claimed first; a redelivered command whose record
 * is final only has its result published again; one found `sending` died mid-request and is
 * recorded `unknown`, never sent blindly a second time. Otherwise: wait while the number is
 * paused, choose free-form or the fallback template by the window, pace, send, and record.
 * Transient failures are retried here, holding the command, so the citizen's later messages wait
 * behind it and order holds. A free-form message that leaves as its template has its content
 * held first (held-messages.ts), for the citizen's next message to release.
 */
export async function sendCommand(deps: SendDeps, command: SendCommand): Promise<void> {
  const { records } = deps;
  const data = command.data;
  const phoneNumberId = data.phoneNumberId ?? deps.numberOf(command.officeId);
  const known = deps.finished.get(command.id);
  if (known) {
    // A copy of a command this process finished: its record is final in the database already.
    deps.metrics.duplicates.inc();
    await deps.outcomes.result(known);
    // Back after a stop or crash, perhaps before case was told: told again (harmless).
    tellCase(deps, known);
    return;
  }
  if (data.answers && needsWindow(data.message) && answersOpenWindow(deps, data.answers)) {
    // The citizen wrote: what a template promised them goes first, in this lane (held-messages).
    for (const ahead of await deps.held.aheadOf(command, phoneNumberId))
      await sendCommand(deps, ahead);
  }
  const init: NewSendRecord = {
    _id: command.id,
    officeId: command.officeId,
    phoneNumberId,
    purpose: data.purpose,
    caseId: data.caseId,
    caseMessageId: data.caseMessageId,
    commandAt: new Date(command.occurredAt),
  };
  // The record is claimed as the first request leaves (one write, not two): until then a
  // command has no record, and a copy of it waits behind it in the citizen's order anyway.
  let record: SendRecord = { ...init, state: 'pending', attempts: 0, createdAt: new Date() };
  let claimed = false;
  /** Claims the record; false when it existed (a redelivery), which `resume` then handles. */
  const claim = async (requested: boolean): Promise<'claimed' | 'done' | 'resume'> => {
    const result = await records.claim(init, requested, new Date());
    claimed = true;
    if (result.created) return 'claimed';
    record = result.record;
    return (await settleExisting(deps, record)) ? 'done' : 'resume';
  };

  const keys = identifiersOf(data.to);
  let attempt = 0;
  let forceTemplate = false;
  let probing = false;
  let held = false;
  const failed = async (error: SendError, alertKind?: 'permanent_failure' | 'gave_up') => {
    await fail(deps, record, attempt, error, alertKind);
    // The template did not go either: the citizen was promised nothing.
    if (held)
      await deps.held.discard(command.id).catch((err: unknown) => {
        deps.logger.warn({ err, commandId: command.id }, 'held message not discarded');
      });
  };
  for (;;) {
    if (!probing) await deps.gates.whenOpen(phoneNumberId);
    const open =
      !forceTemplate &&
      needsWindow(data.message) &&
      (answersOpenWindow(deps, data.answers) || (await windowOpen(deps, phoneNumberId, keys)));
    const choice = chooseOutbound(data.message, data.fallbackTemplate, open);
    if ('windowClosed' in choice) {
      if (!claimed && (await claim(false)) !== 'claimed') {
        if (record.state !== 'pending') return;
        attempt = record.attempts;
        continue;
      }
      await failed({
        code: 131047,
        title: 'WINDOW_CLOSED: the 24-hour window is closed and the command has no template',
        permanent: true,
      });
      return;
    }
    if (choice.viaTemplate && !held) {
      // Held before the template's request leaves (and before its claim: a database failure
      // here naks the command, which then goes later, template and all). A crash between the two
      // is a redelivery that holds nothing twice.
      await deps.held.hold(command, phoneNumberId);
      held = true;
    }
    if (choice.send.kind !== 'read') await deps.pacer.take(citizenKey(data.to));
    const finish = await deps.throughput.start(phoneNumberId);
    try {
      if (!claimed) {
        const claimedNow = await claim(true);
        if (claimedNow === 'done') {
          finish();
          // A copy of a command whose template failed for good (after a restart, so not in
          // memory) held its content again just now: nothing was promised, nothing is kept.
          if (held && record.state === 'failed')
            await deps.held.discard(command.id).catch((err: unknown) => {
              deps.logger.warn({ err, commandId: command.id }, 'held message not discarded');
            });
          return;
        }
        if (claimedNow === 'resume') {
          // Found pending (it was between retries when the process stopped): carry on from there.
          finish();
          attempt = record.attempts;
          continue;
        }
        attempt = 1;
      } else {
        attempt++;
        await records.markSending(command.id, attempt, new Date());
      }
    } catch (error) {
      finish();
      throw error;
    }
    const started = performance.now();
    // Only the request's own failure is judged below: one after it (recording the send, telling
    // case) is thrown as it is, so a message that left is never recorded as failed.
    const answer = await deps.dispatch.send(phoneNumberId, data.to, choice.send).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    finish();
    deps.metrics.graphLatency.observe((performance.now() - started) / 1000);
    if ('result' in answer) {
      await recordSent(deps, record, attempt, answer.result.wamid, choice.viaTemplate);
      if (probing && deps.gates.resume(phoneNumberId)) {
        await deps.outcomes.alert(command.officeId, `resumed:${phoneNumberId}:${command.id}`, {
          kind: 'sending_resumed',
          phoneNumberId,
          commandId: command.id,
        });
      }
      return;
    }
    const { error } = answer;
    if (!(error instanceof WhatsAppApiError)) {
      // A message that breaks Meta's limits (WhatsAppLimitError) or an identity we cannot
      // address: it will never succeed.
      const title = error instanceof Error ? error.message : String(error);
      await failed({ title: title.slice(0, 512), permanent: true });
      return;
    }
    const action: FailureAction & { retryAfterMs?: number | undefined } = {
      ...classifyFailure({
        graphCode: error.graphCode,
        httpStatus: error.httpStatus,
        transient: error.transient,
        title: error.graphMessage,
        retryAfterMs: error.retryAfterMs,
      }),
      retryAfterMs: error.retryAfterMs,
    };
    const lastError: SendError = { code: action.code, title: action.title, permanent: false };
    switch (action.kind) {
      case 'window_closed':
        // Our record of the window disagreed with Meta's (an inbound message we never saw):
        // the fallback template, if any, goes now; otherwise it is explained.
        if (data.fallbackTemplate && !forceTemplate && choice.send.kind !== 'template') {
          forceTemplate = true;
          await records.markAnswered(command.id, attempt, lastError, new Date());
          continue;
        }
        await failed({ ...lastError, permanent: true });
        return;
      case 'pause': {
        await records.markAnswered(command.id, attempt, lastError, new Date());
        const isProbe = deps.gates.pause(phoneNumberId, action.code, action.title, Date.now());
        if (isProbe) {
          await deps.outcomes.alert(command.officeId, `paused:${phoneNumberId}:${command.id}`, {
            kind: 'sending_paused',
            phoneNumberId,
            commandId: command.id,
            errorCode: action.code,
            errorTitle: action.title,
          });
        }
        probing = probing || isProbe;
        if (probing) {
          await pause(deps.policy.probeIntervalMs, deps.signal);
          await deps.tokens.reload().catch((err: unknown) => {
            deps.logger.error({ err }, 'access token file could not be read');
          });
        }
        continue;
      }
      case 'retry':
        if (attempt < deps.policy.maxAttempts) {
          deps.metrics.retried.inc({ code: String(action.code ?? 'network') });
          await records.markAnswered(command.id, attempt, lastError, new Date());
          await pause(
            retryDelayMs(
              attempt,
              { baseMs: deps.policy.retryBaseMs, maxMs: deps.policy.retryMaxMs },
              action.retryAfterMs,
            ),
            deps.signal,
          );
          continue;
        }
        await failed({ ...lastError, permanent: false }, 'gave_up');
        return;
      case 'unknown': {
        const error: SendError = { ...lastError, permanent: true };
        await records.markFinal(command.id, 'unknown', { error, attempts: attempt }, new Date());
        deps.metrics.unknown.inc({ phone_number_id: phoneNumberId });
        await deps.outcomes.result({ ...record, state: 'unknown', error });
        await settleHeld(deps, command.id, false);
        return;
      }
      case 'permanent':
        await failed({ ...lastError, permanent: true });
        return;
    }
  }
}

/**
 * A redelivered command whose record exists: a final one only has its result published again;
 * one found `sending` died mid-request — Meta may or may not have the message, and sending again
 * could make the citizen read it twice, so it becomes `unknown` (at most once). True when done;
 * false when it was pending and should carry on.
 */
async function settleExisting(deps: SendDeps, record: SendRecord): Promise<boolean> {
  if (record.state === 'pending') return false;
  deps.metrics.duplicates.inc();
  if (record.state === 'sending') {
    const error: SendError = {
      title: 'outcome unknown: the service stopped while the request was in flight',
      permanent: true,
    };
    await deps.records.markFinal(
      record._id,
      'unknown',
      { error, attempts: record.attempts },
      new Date(),
    );
    deps.metrics.unknown.inc({ phone_number_id: record.phoneNumberId });
    deps.logger.warn({ commandId: record._id }, 'send outcome unknown after a restart; not resent');
    const unknown: SendRecord = { ...record, state: 'unknown', error };
    deps.finished.set(record._id, unknown);
    await deps.outcomes.result(unknown);
    await settleHeld(deps, record._id, false);
    return true;
  }
  deps.finished.set(record._id, record);
  await deps.outcomes.result(record);
  // A release found final (its held record outlived it): purged now, not sent again.
  await settleHeld(deps, record._id, record.state === 'sent', false);
  tellCase(deps, record);
  return true;
}

/**
 * A command reached its outcome: the held message it delivered (if it was a release) is purged.
 * A failure here leaves the record for the next release, which finds the send final.
 */
async function settleHeld(deps: SendDeps, commandId: string, sent: boolean, count = true) {
  await deps.held.settled(commandId, sent, count).catch((err: unknown) => {
    deps.logger.warn({ err, commandId }, 'held message not purged; purged on its next release');
  });
}

/**
 * A reply to a citizen's message is inside the window that message opened (Meta's timestamp,
 * never later than now), even before the window consumer has recorded it.
 */
function answersOpenWindow(deps: SendDeps, answers: { timestamp: number } | undefined): boolean {
  if (!answers) return false;
  const now = deps.now();
  return windowIsOpen(Math.min(answers.timestamp * 1000, now), now, deps.policy.windowMarginMs);
}

/**
 * Whether the citizen's window is open. Inbound times only grow, so a remembered time that still
 * says "open" is right without asking the database; anything else is read from it.
 */
async function windowOpen(deps: SendDeps, phoneNumberId: string, keys: string[]): Promise<boolean> {
  const margin = deps.policy.windowMarginMs;
  const remembered = Math.max(
    ...keys.map((k) => deps.windowMemory.get(`${phoneNumberId}:${k}`) ?? -Infinity),
  );
  if (windowIsOpen(Number.isFinite(remembered) ? remembered : undefined, deps.now(), margin))
    return true;
  const stored = await deps.windows.lastInboundAt(phoneNumberId, keys);
  if (stored !== undefined)
    for (const k of keys) deps.windowMemory.set(`${phoneNumberId}:${k}`, stored);
  return windowIsOpen(stored, deps.now(), margin);
}

async function recordSent(
  deps: SendDeps,
  record: SendRecord,
  attempts: number,
  wamid: string | undefined,
  viaTemplate: boolean,
): Promise<void> {
  const now = new Date();
  // The message left: its record must say so, or a redelivery would call it unknown. Retry the
  // write through a short database outage rather than give up.
  for (let i = 1; ; i++) {
    try {
      await deps.records.markSent(record._id, { wamid, viaTemplate, attempts }, now);
      break;
    } catch (error) {
      if (i >= 20) throw error;
      await pause(Math.min(5000, 100 * 2 ** i), deps.signal).catch(() => undefined);
    }
  }
  const sent: SendRecord = {
    ...record,
    state: 'sent',
    viaTemplate,
    ...(wamid ? { wamid } : {}),
    sentAt: now,
  };
  deps.finished.set(record._id, sent);
  deps.metrics.sent.inc({ phone_number_id: record.phoneNumberId, purpose: record.purpose });
  if (viaTemplate) deps.metrics.viaTemplate.inc({ purpose: record.purpose });
  deps.metrics.sendLatency.observe((now.getTime() - record.commandAt.getTime()) / 1000);
  await deps.outcomes.result(sent);
  await settleHeld(deps, record._id, true);
  tellCase(deps, sent);
}

async function fail(
  deps: SendDeps,
  record: SendRecord,
  attempts: number,
  error: SendError,
  alertKind: 'permanent_failure' | 'gave_up' = 'permanent_failure',
): Promise<void> {
  await deps.records.markFinal(record._id, 'failed', { error, attempts }, new Date());
  deps.metrics.failed.inc({
    code:
      error.code === 131047 && error.title.startsWith('WINDOW_CLOSED')
        ? 'WINDOW_CLOSED'
        : String(error.code ?? 'none'),
  });
  deps.logger.warn(
    {
      commandId: record._id,
      errorCode: error.code,
      errorTitle: error.title,
      purpose: record.purpose,
    },
    'send failed',
  );
  const failed: SendRecord = { ...record, state: 'failed', error, attempts };
  deps.finished.set(record._id, failed);
  await deps.outcomes.result(failed);
  await settleHeld(deps, record._id, false);
  await deps.outcomes.alert(record.officeId, `failed:${record._id}`, {
    kind: alertKind,
    phoneNumberId: record.phoneNumberId,
    commandId: record._id,
    ...(record.caseId ? { caseId: record.caseId } : {}),
    purpose: record.purpose,
    ...(error.code !== undefined ? { errorCode: error.code } : {}),
    errorTitle: error.title.slice(0, 512),
  });
  tellCase(deps, failed);
}

/**
 * Tells the case service how an officer's reply ended: sent (with the statuses that raced
 * ahead of the record, kept without a command to tell about), or failed with Meta's reason; a
 * no-op for every other send. Off the citizen's lane: the reporter retries while case is away
 * (15–30 s) and the citizen's next messages do not wait for it. A redelivered copy of the
 * command tells case again; a `sent` is also told again by the next status webhook.
 */
function tellCase(deps: SendDeps, record: SendRecord): void {
  const { caseId, caseMessageId } = record;
  if (!caseId || !caseMessageId) return;
  const told =
    record.state === 'sent' && record.wamid
      ? deps.statuses.reportToCase(record, 'sent')
      : record.state === 'failed'
        ? deps.caseDelivery.report(
            { officeId: record.officeId, caseId, caseMessageId },
            'failed',
            deliveryFailureReason(record.error?.code, record.error?.title),
          )
        : undefined;
  void told?.catch((err: unknown) => {
    deps.logger.error(
      { err, commandId: record._id, caseId, state: record.state },
      'case not told how a reply went',
    );
  });
}
