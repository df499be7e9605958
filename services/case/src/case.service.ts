import type { Logger } from '@pandawa/logging';
import type { CaseContext } from './application/case-context.js';
import { assignCase, claimCase, unassignCase } from './application/case-assignment.js';
import { attachDocuments } from './application/case-documents.js';
import { addCitizenMessage, addOfficerReply } from './application/case-messages.js';
import { handBackToBot } from './application/case-handoff.js';
import { addInternalNote } from './application/case-notes.js';
import { revealCitizenIdentity } from './application/identity-reveal.js';
import { updateTriage, type TriageInput } from './application/case-triage.js';
import { getCase, listCases, listCitizenCases } from './application/case-queries.js';
import { caseStatistics } from './application/case-statistics.js';
import { transitionCase } from './application/case-transitions.js';
import { createCase, type CreateCaseInput } from './application/create-case.js';
import { moveCitizen, type CitizenRefIdentity } from './application/citizen-identity.js';
import { updateMessageDelivery } from './application/message-delivery.js';
import { markSlaBreaches, raiseDueSlaBreaches } from './application/sla-breaches.js';
import type { TransitionInput } from './domain/case-lifecycle.js';
import type { Actor, CaseCategory, DeliveryFailure, DeliveryStatus } from './domain/case.types.js';
import type { ServiceSchedule } from './domain/service-hours.js';
import { DEFAULT_SLA_TARGETS, type SlaTargets } from './domain/sla.policy.js';
import type { CaseLocks } from './store/case/case-lock.repository.js';
import { CaseStore } from './store/case/case.store.js';
import type { CaseLists, ListFilter, ListOrder } from './read-model/case-lists.js';
import type { CaseRepository, Cursor } from './store/case/case.repository.js';

export type { CreateCaseInput } from './application/create-case.js';

type CitizenMove = CitizenRefIdentity & { parentBsuid?: string; username?: string };

export interface CaseServiceOptions {
  repository: CaseRepository;
  /** Serializes writes to one case (FerretDB v1 updates are not isolated; see case-lock.repository.ts). */
  locks: CaseLocks;
  lists: CaseLists;
  /** The configured schedule (SERVICE_HOURS, SERVICE_HOLIDAYS). */
  schedule: ServiceSchedule;
  /** Each office's schedule (its settings, else `schedule`); without it, `schedule` for all. */
  scheduleFor?: (officeId: string) => ServiceSchedule;
  logger: Logger;
  slaTargets?: Readonly<Record<CaseCategory, SlaTargets>>;
  /** Called after a write that left events in the outbox, so the relay publishes them now. */
  onEventsWritten?: () => void;
  now?: () => Date;
}

/**
 * The case aggregate's use cases behind one object, so the gRPC layer and the SLA checker take
 * a single dependency. Each use case lives in its own module under application/; writes go
 * through application/case-mutation.ts (read, decide, write under the case's lock).
 */
export class CaseService {
  private readonly ctx: CaseContext;

  constructor(options: CaseServiceOptions) {
    const onEventsWritten = options.onEventsWritten;
    this.ctx = {
      store: new CaseStore({
        repository: options.repository,
        locks: options.locks,
        lists: options.lists,
      }),
      repo: options.repository,
      locks: options.locks,
      lists: options.lists,
      scheduleFor: options.scheduleFor ?? (() => options.schedule),
      targets: options.slaTargets ?? DEFAULT_SLA_TARGETS,
      logger: options.logger,
      now: options.now ?? (() => new Date()),
      onEventsWritten: () => onEventsWritten?.(),
    };
  }

  create(actor: Actor, input: CreateCaseInput) {
    return createCase(this.ctx, actor, input);
  }

  get(actor: Actor, officeId: string, key: { id?: string; trackingCode?: string }) {
    return getCase(this.ctx, actor, officeId, key);
  }

  listCitizenCases(
    actor: Actor,
    officeId: string,
    who: CitizenRefIdentity,
    pageSize: number,
    after?: Cursor,
  ) {
    return listCitizenCases(this.ctx, actor, officeId, who, pageSize, after);
  }

  /** WhatsApp said the citizen `previous` is now `current` (events/identity-change.consumer.ts). */
  moveCitizen(officeId: string, previous: CitizenMove, current: CitizenMove) {
    return moveCitizen(this.ctx, officeId, previous, current);
  }

  list(
    actor: Actor,
    officeId: string,
    filter: ListFilter,
    pageSize: number,
    after?: Cursor,
    order?: ListOrder,
  ) {
    return listCases(this.ctx, actor, officeId, filter, pageSize, after, order);
  }

  transition(
    actor: Actor,
    officeId: string,
    caseId: string,
    input: TransitionInput,
    expectedVersion?: number,
  ) {
    return transitionCase(this.ctx, actor, officeId, caseId, input, expectedVersion);
  }

  assign(
    actor: Actor,
    officeId: string,
    caseId: string,
    assigneeId: string,
    expectedVersion?: number,
  ) {
    return assignCase(this.ctx, actor, officeId, caseId, assigneeId, expectedVersion);
  }

  claim(actor: Actor, officeId: string, caseId: string, expectedVersion?: number) {
    return claimCase(this.ctx, actor, officeId, caseId, expectedVersion);
  }

  unassign(
    actor: Actor,
    officeId: string,
    caseId: string,
    reason: string,
    expectedVersion?: number,
  ) {
    return unassignCase(this.ctx, actor, officeId, caseId, reason, expectedVersion);
  }

  addCitizenMessage(
    actor: Actor,
    officeId: string,
    caseId: string,
    input: { text: string; documentIds: string[]; waMessageId: string; requestOfficer?: boolean },
  ) {
    return addCitizenMessage(this.ctx, actor, officeId, caseId, input);
  }

  /** An officer gives the conversation back to the bot; the case stays open. */
  handBackToBot(actor: Actor, officeId: string, caseId: string, expectedVersion?: number) {
    return handBackToBot(this.ctx, actor, officeId, caseId, expectedVersion);
  }

  addOfficerReply(
    actor: Actor,
    officeId: string,
    caseId: string,
    text: string,
    asTemplate = false,
  ) {
    return addOfficerReply(this.ctx, actor, officeId, caseId, text, asTemplate);
  }

  addInternalNote(actor: Actor, officeId: string, caseId: string, text: string) {
    return addInternalNote(this.ctx, actor, officeId, caseId, text);
  }

  updateTriage(
    actor: Actor,
    officeId: string,
    caseId: string,
    input: TriageInput,
    expectedVersion?: number,
  ) {
    return updateTriage(this.ctx, actor, officeId, caseId, input, expectedVersion);
  }

  attachDocuments(actor: Actor, officeId: string, caseId: string, documentIds: string[]) {
    return attachDocuments(this.ctx, actor, officeId, caseId, documentIds);
  }

  updateMessageDelivery(
    actor: Actor,
    officeId: string,
    caseId: string,
    messageId: string,
    to: DeliveryStatus,
    failure?: DeliveryFailure,
  ) {
    return updateMessageDelivery(this.ctx, actor, officeId, caseId, messageId, to, failure);
  }

  /** The citizen's full NIK and KK number for an officer, audited before they are answered. */
  revealCitizenIdentity(actor: Actor, officeId: string, caseId: string, reason: string) {
    return revealCitizenIdentity(this.ctx, actor, officeId, caseId, reason);
  }

  markSlaBreaches(officeId: string, caseId: string) {
    return markSlaBreaches(this.ctx, officeId, caseId);
  }

  /** The SLA schedule's work: every breach due by `now`, up to `batchSize` cases. */
  raiseDueSlaBreaches(now: Date, batchSize: number) {
    return raiseDueSlaBreaches(this.ctx, now, batchSize);
  }

  statistics(actor: Actor, officeId: string, from: Date, to: Date) {
    return caseStatistics(this.ctx, actor, officeId, from, to);
  }
}
