import {
  citizenKey,
  notifyWaSend,
  waInMessage,
  waInStatus,
  type Envelope,
  type Topology,
} from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import {
  startConsumer,
  type ConsumerHandle,
  type JetStreamClient,
  type JetStreamManager,
} from '@pandawa/nats';
import type { CaseNotices } from '../application/case-notices.js';
import { citizenWrote } from '../application/customer-windows.js';
import type { DeliveryStatuses } from '../application/delivery-statuses.js';
import type { HeldMessages } from '../application/held-messages.js';
import type { SendCommand } from '../application/send-command.js';
import type { RecentMemory } from '../application/recent-memory.js';
import type { CustomerWindowRepository } from '../store/customer-window.repository.js';

export interface ConsumerDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  logger: Logger;
  sendConcurrency: number;
  send: (command: SendCommand) => Promise<void>;
  caseNotices: CaseNotices;
  statuses: DeliveryStatuses;
  windows: CustomerWindowRepository;
  windowMemory: RecentMemory<number>;
  held: HeldMessages;
  now: () => number;
}

/** Durable names: stable, because JetStream keeps each one's position. */
export const DURABLES = {
  send: 'notification-send',
  caseEvents: 'notification-case-events',
  statuses: 'notification-statuses',
  windows: 'notification-windows',
} as const;

/**
 * The service's four durable consumers (the edges: they translate and hand over):
 * - `notify.wa.send` → one send each, one citizen's in stream order;
 * - `case.events.*` → commands for what the citizen must hear, one case's in order;
 * - `wa.in.status` → delivery states, one message's in order;
 * - `wa.in.message` → the 24-hour window, then the citizen's held messages released (the window
 *   is recorded first, so a redelivery after a failed release records nothing new and releases
 *   the same commands again: their ids are the held records', one send each).
 */
export async function startConsumers(deps: ConsumerDeps): Promise<ConsumerHandle[]> {
  const { js, jsm, topology: t, logger } = deps;
  const dead = (durable: string, stream: string) => t.subjects.deadLetter(stream, durable);
  const handles: ConsumerHandle[] = [];

  handles.push(
    await startConsumer({
      js,
      jsm,
      stream: t.streams.NOTIFY.name,
      durable: DURABLES.send,
      filterSubjects: [t.subjects.notifySend],
      schema: notifyWaSend.schema,
      deadLetterSubject: dead(DURABLES.send, t.streams.NOTIFY.name),
      logger,
      concurrency: deps.sendConcurrency,
      orderingKey: (e) => citizenKey(e.data.to),
      // Retries happen inside the handler (so order holds); a redelivery means a stop or a crash.
      maxDeliver: 100,
      retryDelayMs: () => 1000,
      // A StoppingError (the service is stopping mid-wait) naks it back for the next start.
      handler: (envelope) => deps.send(envelope),
    }),
  );

  handles.push(
    await startConsumer({
      js,
      jsm,
      stream: t.streams.CASE_EVENTS.name,
      durable: DURABLES.caseEvents,
      filterSubjects: [t.subjects.caseEvent('status_changed'), t.subjects.caseEvent('reply_added')],
      deadLetterSubject: dead(DURABLES.caseEvents, t.streams.CASE_EVENTS.name),
      logger,
      orderingKey: (e) => String((e.data as { caseId?: unknown }).caseId ?? e.id),
      handler: (envelope: Envelope) => deps.caseNotices.handle(envelope),
    }),
  );

  handles.push(
    await startConsumer({
      js,
      jsm,
      stream: t.streams.WA_IN.name,
      durable: DURABLES.statuses,
      filterSubjects: [t.subjects.waInStatus],
      schema: waInStatus.schema,
      deadLetterSubject: dead(DURABLES.statuses, t.streams.WA_IN.name),
      logger,
      concurrency: 8,
      orderingKey: (e) => e.data.messageId,
      handler: async (envelope) => {
        const error = firstError(envelope.data.statusObject);
        await deps.statuses.apply({
          officeId: envelope.officeId,
          wamid: envelope.data.messageId,
          status: envelope.data.status,
          timestamp: envelope.data.timestamp,
          errorCode: error?.code,
          errorTitle: error?.title,
        });
      },
    }),
  );

  handles.push(
    await startConsumer({
      js,
      jsm,
      stream: t.streams.WA_IN.name,
      durable: DURABLES.windows,
      filterSubjects: [t.subjects.waInMessage],
      schema: waInMessage.schema,
      deadLetterSubject: dead(DURABLES.windows, t.streams.WA_IN.name),
      logger,
      concurrency: 8,
      handler: async (envelope) => {
        const inbound = {
          phoneNumberId: envelope.data.phoneNumberId,
          identifiers: [envelope.data.citizen.bsuid, envelope.data.citizen.phone].filter(
            (id): id is string => Boolean(id),
          ),
          timestamp: envelope.data.timestamp,
        };
        await citizenWrote(deps.windows, deps.windowMemory, inbound, deps.now());
        await deps.held.release({ ...inbound, messageId: envelope.data.messageId });
      },
    }),
  );
  return handles;
}

/** Meta's first error on a failed status: `errors[0].code` and `.title`. */
function firstError(
  statusObject: Record<string, unknown>,
): { code?: number; title?: string } | undefined {
  const errors = statusObject.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const e = errors[0] as { code?: unknown; title?: unknown; message?: unknown };
  return {
    ...(typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.title === 'string'
      ? { title: e.title.slice(0, 512) }
      : typeof e.message === 'string'
        ? { title: e.message.slice(0, 512) }
        : {}),
  };
}
