import { createHash } from 'node:crypto';
import { citizenKey, type Envelope, type OutboundMessage } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';
import type { IdempotencyStore } from '@pandawa/mongo';
import { isOpenStatus } from '../domain/categories.js';
import type { CitizenInput } from '../domain/citizen-input.js';
import {
  advance,
  inIntake,
  initialState,
  type FlowContext,
  type FlowState,
} from '../domain/intake.machine.js';
import type { RegionCodes } from '../domain/region-codes.js';
import { readCommand, replyCommands, type ReplyPublisher } from '../events/reply.publisher.js';
import type { InboundMessage } from '../events/inbound-message.js';
import { messages } from '../messages.id.js';
import {
  sessionId,
  type Session,
  type SessionRepository,
} from '../store/session/session.repository.js';
import { performAction, type ActionDeps, type ActionScope } from './flow-actions.js';

export interface InboundDeps extends ActionDeps {
  sessions: SessionRepository;
  processed: IdempotencyStore;
  replies: ReplyPublisher;
  regions: RegionCodes;
  logger: Logger;
  now: () => Date;
  idleTimeoutMs: number;
  maxMessagesPerMinute: number;
  maxDocuments: number;
  descriptionMaxChars: number;
  privacyRetentionDays: number;
}

/** Attempts of an ingest that failed for a passing reason before the citizen is told. */
const INGEST_ATTEMPTS_BEFORE_TELLING = 3;
const MINUTE = 60_000;
/** Saves that lost to another writer before the message is handed back to JetStream. */
const SAVE_ATTEMPTS = 5;

const hash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/** Errors another attempt may cure (the consumer naks them); others are answered politely. */
const transient = (error: unknown) =>
  !(error instanceof AppError) ||
  ['UNAVAILABLE', 'DEADLINE_EXCEEDED', 'ABORTED', 'INTERNAL'].includes(error.code);

/**
 * One inbound WhatsApp message, end to end (architecture §3, §6): read receipt and typing
 * indicator; once per wamid (idempotency records, and the session's memory of the commands each
 * message produced); the session's step with expiry and rate limit; documents to
 * document-storage; the flow's action; the session saved (optimistic), then the replies.
 */
export class InboundHandler {
  constructor(private readonly deps: InboundDeps) {}

  async handle(inbound: InboundMessage, deliveryCount = 1): Promise<void> {
    const { deps } = this;
    const id = sessionId(inbound.officeId, citizenKey(inbound.citizen));
    // Two reads at once: both are needed on the common path.
    const [already, first] = await Promise.all([
      deps.processed.has(inbound.messageId),
      deps.sessions.load(id),
    ]);
    if (already) return;
    // The blue ticks go out while the bot works; they are awaited before any reply, so they
    // stay first on the citizen's phone.
    const read = deps.replies.publish([readCommand(inbound, deps.now())]).then(
      () => undefined,
      (error: unknown) => error ?? new Error('read receipt not published'),
    );

    let stored = first;
    for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
      if (attempt > 1) stored = await deps.sessions.load(id);
      const done = stored?.recent.find((r) => r.messageId === inbound.messageId);
      const outcome = done
        ? // Handled before a crash stopped the publish or the record: the same commands again.
          { commands: done.commands, saved: true }
        : await this.converse(stored ?? this.newSession(id, inbound), inbound, deliveryCount).then(
            async ({ next, commands }) => ({ commands, saved: await deps.sessions.save(next) }),
          );
      if (!outcome.saved) continue;
      const readFailed = await read;
      if (readFailed) throw readFailed;
      await deps.replies.publish(outcome.commands);
      await deps.processed.remember(inbound.messageId);
      return;
    }
    await read;
    throw new AppError('ABORTED', 'the session kept changing under this message', {
      reason: 'SESSION_CONFLICT',
    });
  }

  private newSession(id: string, inbound: InboundMessage): Session {
    const now = this.deps.now();
    return {
      id,
      officeId: inbound.officeId,
      identity: inbound.citizen,
      profileName: inbound.profileName,
      flow: initialState(),
      lastActivityAt: now,
      lastMessageAt: new Date(0),
      version: 0,
      recent: [],
      rate: { windowStartedAt: new Date(0), count: 0, warned: false },
    };
  }

  private async converse(
    session: Session,
    inbound: InboundMessage,
    deliveryCount: number,
  ): Promise<{ next: Session; commands: Envelope[] }> {
    const { deps } = this;
    const now = deps.now();
    // Idle time and the rate limit are measured on WhatsApp's clock, between the citizen's
    // messages as sent: a backlog after an outage neither expires a session nor trips the limit.
    const sentAt = inbound.timestamp > 0 ? new Date(inbound.timestamp * 1000) : now;
    const finish = (flow: FlowState, replies: OutboundMessage[], rate = session.rate) => {
      const commands = replyCommands(inbound, replies, now);
      const next: Session = {
        ...session,
        identity: inbound.citizen,
        profileName: inbound.profileName || session.profileName,
        flow,
        lastActivityAt: now,
        lastMessageAt: sentAt > session.lastMessageAt ? sentAt : session.lastMessageAt,
        version: session.version + 1,
        rate,
        recent: [...session.recent, { messageId: inbound.messageId, commands }],
      };
      return { next, commands };
    };

    // Per citizen: past the limit the citizen is told once a minute and the rest is dropped,
    // so one flood slows only its sender.
    const fresh = sentAt.getTime() - session.rate.windowStartedAt.getTime() >= MINUTE;
    const rate = fresh
      ? { windowStartedAt: sentAt, count: 1, warned: false }
      : { ...session.rate, count: session.rate.count + 1 };
    if (rate.count > deps.maxMessagesPerMinute) {
      const replies = rate.warned ? [] : [messages.slowDown()];
      return finish(session.flow, replies, { ...rate, warned: true });
    }

    if (inbound.input.kind === 'ignored') return finish(session.flow, [], rate);

    const prefix: OutboundMessage[] = [];
    let flow = session.flow;
    if (session.version === 0) prefix.push(messages.greeting(deps.privacyRetentionDays));
    else if (
      inIntake(flow) &&
      sentAt.getTime() - session.lastMessageAt.getTime() > deps.idleTimeoutMs
    ) {
      prefix.push(messages.sessionExpired());
      flow = initialState(flow.intakeSeq + 1);
      if (inbound.input.kind !== 'choice' && inbound.input.kind !== 'text')
        return finish(flow, [...prefix, messages.menu()], rate);
    }

    const scope: ActionScope = {
      officeId: inbound.officeId,
      citizen: inbound.citizen,
      profileName: inbound.profileName,
      messageId: inbound.messageId,
      sessionHash: hash(session.id),
      sessionRef: (seq) => `${hash(session.id)}:${seq}`,
      now,
    };
    try {
      const resumed = await this.resumeIfHandoffOver(flow, scope);
      flow = resumed.flow;
      if (resumed.notice) prefix.push(resumed.notice);
      const input = await this.citizenInput(inbound, flow, scope, deliveryCount);
      const ctx: FlowContext = {
        regions: deps.regions,
        today: now,
        maxDocuments: deps.maxDocuments,
        descriptionMaxChars: deps.descriptionMaxChars,
      };
      const result = advance(flow, input, ctx);
      let replies = [...prefix, ...result.replies];
      let nextFlow = result.state;
      if (session.version === 0 && result.action?.type === 'free_text') {
        // A first "halo" is answered with the greeting and the menu, not with "not understood".
        return finish(result.state, [...prefix, messages.menu()], rate);
      }
      if (result.action) {
        const outcome = await performAction(deps, scope, result.action, result.state);
        replies = [...replies, ...outcome.replies];
        if (outcome.state) nextFlow = outcome.state;
      }
      return finish(nextFlow, [...replies, ...(result.after ?? [])], rate);
    } catch (error) {
      if (transient(error) && deliveryCount < 4) throw error;
      // Another service refused, or kept failing: the citizen hears so, and keeps their place.
      deps.logger.warn({ err: error, deliveryCount }, 'message answered with a temporary problem');
      return finish(flow, [...prefix, messages.temporaryProblem()], rate);
    }
  }

  /**
   * The bot speaks again once the case an officer has is closed, or an officer handed the
   * conversation back while it stays open (the case's handoff ended; the citizen is told so).
   */
  private async resumeIfHandoffOver(
    flow: FlowState,
    scope: ActionScope,
  ): Promise<{ flow: FlowState; notice?: OutboundMessage }> {
    if (flow.step !== 'handoff' || !flow.handoffCaseId) return { flow };
    const own = await this.deps.cases.listOwnCases(scope.officeId, scope.citizen);
    const handed = own.find((c) => c.id === flow.handoffCaseId);
    if (handed?.handoffActive) return { flow };
    const resumed = initialState(flow.intakeSeq);
    if (handed && isOpenStatus(handed.status))
      return { flow: resumed, notice: messages.handedBack(handed.trackingCode) };
    return { flow: resumed };
  }

  /** Documents are ingested here, so the flow sees a stored document or a refusal. */
  private async citizenInput(
    inbound: InboundMessage,
    flow: FlowState,
    scope: ActionScope,
    deliveryCount: number,
  ): Promise<CitizenInput> {
    const raw = inbound.input;
    if (raw.kind !== 'media') return raw as CitizenInput;
    try {
      const outcome = await this.deps.documents.ingest({
        officeId: inbound.officeId,
        mediaId: raw.mediaId,
        kind: flow.step === 'kk_photo' ? 'KK' : 'LAINNYA',
        sessionRef: scope.sessionRef(flow.intakeSeq),
        citizenRef: hash(`citizen:${scope.sessionHash}`),
      });
      return outcome.stored
        ? { kind: 'document', documentId: outcome.documentId }
        : { kind: 'document_refused', reason: outcome.reason };
    } catch (error) {
      if (deliveryCount < INGEST_ATTEMPTS_BEFORE_TELLING) throw error;
      return {
        kind: 'document_refused',
        reason: 'dokumen belum dapat kami ambil saat ini; silakan kirim ulang sebentar lagi.',
      };
    }
  }
}
