import { citizenKey, type Envelope, type notifyWaSend } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import { WhatsAppApiError } from '@pandawa/whatsapp';
import type { z } from 'zod';
import { windowIsOpen } from '../domain/customer-window.js';
import { chooseOutbound, needsWindow } from '../domain/outbound-choice.js';
import { classifyFailure, retryDelayMs, type FailureAction } from '../domain/send-failure.js';
import type { CustomerWindowRepository } from '../store/customer-window.repository.js';
import type {
  SendError,
  SendRecord,
  SendRecordRepository,
} from '../store/send-record.repository.js';
import type { CaseDeliveryReporter } from './case-delivery.js';
import type { DeliveryStatuses } from './delivery-statuses.js';
import type { NotificationMetrics } from './metrics.js';
import type { PauseGates } from './pause-gates.js';
import type { SendOutcomes } from './send-outcomes.js';
import type { RecipientPacer, ThroughputGate } from './throughput.js';
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
  metrics: NotificationMetrics;
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
 * behind it and order holds.
 */
export async function sendCommand(deps: SendDeps, command: SendCommand): Promise<void> {
  const { records, logger } = deps;
  const data = command.data;
  const phoneNumberId = data.phoneNumberId ?? deps.numberOf(command.officeId);
  const { record, created } = await records.claim(
    {
      _id: command.id,
      officeId: command.officeId,
      phoneNumberId,
      purpose: data.purpose,
      caseId: data.caseId,
      caseMessageId: data.caseMessageId,
      commandAt: new Date(command.occurredAt),
    },
    new Date(),
  );
  if (!created && record.state !== 'pending') {
    deps.metrics.duplicates.inc();
    if (record.state === 'sending') {
      // Died between "request leaving" and "answer recorded". Meta may or may not have the
      // message; sending again could make the citizen read it twice, so we do not (at most once).
      const error: SendError = {
        title: 'outcome unknown: the service stopped while the request was in flight',
        permanent: true,
      };
      await records.markUnknown(command.id, error, new Date());
      deps.metrics.unknown.inc({ phone_number_id: phoneNumberId });
      logger.warn({ commandId: command.id }, 'send outcome unknown after a restart; not resent');
      await deps.outcomes.result({ ...record, state: 'unknown', error });
      return;
    }
    await deps.outcomes.result(record);
    return;
  }

  const keys = identifiersOf(data.to);
  let attempt = record.attempts;
  let forceTemplate = false;
  let probing = false;
  for (;;) {
    if (!probing) await deps.gates.whenOpen(phoneNumberId);
    const lastInboundAt = needsWindow(data.message)
      ? await deps.windows.lastInboundAt(phoneNumberId, keys)
      : undefined;
    const open =
      !forceTemplate && windowIsOpen(lastInboundAt, deps.now(), deps.policy.windowMarginMs);
    const choice = chooseOutbound(data.message, data.fallbackTemplate, open);
    if ('windowClosed' in choice) {
      await fail(deps, record, {
        code: 131047,
        title: 'WINDOW_CLOSED: the 24-hour window is closed and the command has no template',
        permanent: true,
      });
      return;
    }
    if (choice.send.kind !== 'read') await deps.pacer.take(citizenKey(data.to));
    const finish = await deps.throughput.start(phoneNumberId);
    attempt++;
    const started = performance.now();
    let action: FailureAction & { retryAfterMs?: number | undefined };
    try {
      await records.markSending(command.id, attempt, new Date());
    } catch (error) {
      finish();
      throw error;
    }
    try {
      const result = await deps.dispatch.send(phoneNumberId, data.to, choice.send);
      finish();
      deps.metrics.graphLatency.observe((performance.now() - started) / 1000);
      await recordSent(deps, record, result.wamid, choice.viaTemplate);
      if (probing && deps.gates.resume(phoneNumberId)) {
        await deps.outcomes.alert(command.officeId, `resumed:${phoneNumberId}:${command.id}`, {
          kind: 'sending_resumed',
          phoneNumberId,
          commandId: command.id,
        });
      }
      return;
    } catch (error) {
      finish();
      deps.metrics.graphLatency.observe((performance.now() - started) / 1000);
      if (!(error instanceof WhatsAppApiError)) {
        // A message that breaks Meta's limits (WhatsAppLimitError) or an identity we cannot
        // address: it will never succeed.
        const title = error instanceof Error ? error.message : String(error);
        await fail(deps, record, { title: title.slice(0, 512), permanent: true });
        return;
      }
      action = {
        ...classifyFailure({
          graphCode: error.graphCode,
          httpStatus: error.httpStatus,
          transient: error.transient,
          title: error.graphMessage,
          retryAfterMs: error.retryAfterMs,
        }),
        retryAfterMs: error.retryAfterMs,
      };
    }
    const lastError: SendError = { code: action.code, title: action.title, permanent: false };
    switch (action.kind) {
      case 'window_closed':
        // Our record of the window disagreed with Meta's (an inbound message we never saw):
        // the fallback template, if any, goes now; otherwise it is explained.
        if (data.fallbackTemplate && !forceTemplate && choice.send.kind !== 'template') {
          forceTemplate = true;
          await records.markPending(command.id, lastError, new Date());
          continue;
        }
        await fail(deps, record, { ...lastError, permanent: true });
        return;
      case 'pause': {
        await records.markPending(command.id, lastError, new Date());
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
            logger.error({ err }, 'access token file could not be read');
          });
        }
        continue;
      }
      case 'retry':
        if (attempt < deps.policy.maxAttempts) {
          deps.metrics.retried.inc({ code: String(action.code ?? 'network') });
          await records.markPending(command.id, lastError, new Date());
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
        await fail(deps, record, { ...lastError, permanent: false }, 'gave_up');
        return;
      case 'unknown': {
        const error: SendError = { ...lastError, permanent: true };
        await records.markUnknown(command.id, error, new Date());
        deps.metrics.unknown.inc({ phone_number_id: phoneNumberId });
        await deps.outcomes.result({ ...record, state: 'unknown', error });
        return;
      }
      case 'permanent':
        await fail(deps, record, { ...lastError, permanent: true });
        return;
    }
  }
}

async function recordSent(
  deps: SendDeps,
  record: SendRecord,
  wamid: string | undefined,
  viaTemplate: boolean,
): Promise<void> {
  const now = new Date();
  // The message left: its record must say so, or a redelivery would call it unknown. Retry the
  // write through a short database outage rather than give up.
  for (let i = 1; ; i++) {
    try {
      await deps.records.markSent(record._id, wamid, viaTemplate, now);
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
  deps.metrics.sent.inc({ phone_number_id: record.phoneNumberId, purpose: record.purpose });
  if (viaTemplate) deps.metrics.viaTemplate.inc({ purpose: record.purpose });
  deps.metrics.sendLatency.observe((now.getTime() - record.commandAt.getTime()) / 1000);
  await deps.outcomes.result(sent);
  if (wamid && record.caseId && record.caseMessageId) {
    // Statuses that raced ahead of this record were kept without a command to tell about.
    await deps.statuses.reportToCase(sent, 'sent').catch((err: unknown) => {
      deps.logger.warn({ err, commandId: record._id }, 'case not told about a sent reply');
    });
  }
}

async function fail(
  deps: SendDeps,
  record: SendRecord,
  error: SendError,
  alertKind: 'permanent_failure' | 'gave_up' = 'permanent_failure',
): Promise<void> {
  await deps.records.markFailed(record._id, error, new Date());
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
  const failed: SendRecord = { ...record, state: 'failed', error };
  await deps.outcomes.result(failed);
  await deps.outcomes.alert(record.officeId, `failed:${record._id}`, {
    kind: alertKind,
    phoneNumberId: record.phoneNumberId,
    commandId: record._id,
    ...(record.caseId ? { caseId: record.caseId } : {}),
    purpose: record.purpose,
    ...(error.code !== undefined ? { errorCode: error.code } : {}),
    errorTitle: error.title.slice(0, 512),
  });
  if (record.caseId && record.caseMessageId) {
    await deps.caseDelivery
      .report(
        { officeId: record.officeId, caseId: record.caseId, caseMessageId: record.caseMessageId },
        'failed',
      )
      .catch((err: unknown) => {
        deps.logger.warn({ err, commandId: record._id }, 'case not told about a failed reply');
      });
  }
}
