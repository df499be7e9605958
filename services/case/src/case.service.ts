import { randomUUID } from 'node:crypto';
import { caseEvents, type CaseEventName } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';
import type { mongo } from 'mongoose';
import { planTransition, type TransitionInput } from './domain/case-lifecycle.js';
import {
  isOpen,
  isStaff,
  SYSTEM_ACTOR,
  type Actor,
  type CaseCategory,
  type CasePriority,
  type CaseStatus,
  type DeliveryStatus,
} from './domain/case.types.js';
import { summarize } from './domain/percentile.js';
import { serviceTimeBetween, type ServiceSchedule } from './domain/service-hours.js';
import { computeDueTimes, DEFAULT_SLA_TARGETS, type SlaTargets } from './domain/sla.policy.js';
import { allocateTrackingCode } from './domain/tracking-code.js';
import type { CaseLocks } from './store/case/case-lock.repository.js';
import {
  caseKey,
  type CaseRepository,
  type Cursor,
  type ListFilter,
} from './store/case/case.repository.js';
import type {
  AuditEntryDoc,
  CaseDocument,
  OutboxEntry,
  SlaDoc,
  ThreadMessageDoc,
} from './store/case/case.schema.js';

export interface CreateCaseInput {
  officeId: string;
  idempotencyKey: string;
  category: CaseCategory;
  citizen: { waId: string; profileName: string; nik: string; kkNumber: string; name: string };
  description: string;
  documentIds: string[];
  priority: CasePriority;
  tags: string[];
}

export interface CaseServiceOptions {
  repository: CaseRepository;
  /** Serializes writes to one case (FerretDB v1 updates are not isolated; see case-lock.repository.ts). */
  locks: CaseLocks;
  schedule: ServiceSchedule;
  logger: Logger;
  slaTargets?: Readonly<Record<CaseCategory, SlaTargets>>;
  /** Called after a write that left events in the outbox, so the relay publishes them now. */
  onEventsWritten?: () => void;
  now?: () => Date;
}

/** A change to one case: applied in one single-document update, with its audit and events. */
interface Mutation {
  set?: Partial<CaseDocument> & Record<string, unknown>;
  push?: { messages?: ThreadMessageDoc[]; notes?: CaseDocument['notes']; documentIds?: string[] };
  audit: Omit<AuditEntryDoc, 'at' | 'actorId' | 'actorRole'>;
  events?: { name: CaseEventName; data: Record<string, unknown> }[];
}

const MAX_TEXT = 4096;
const MAX_DOCUMENTS = 20;
const MAX_STATS_SAMPLE = 10_000;
const MINUTE = 60_000;

const invalid = (message: string, reason: string) =>
  new AppError('INVALID_ARGUMENT', message, { reason });
const notFound = () => new AppError('NOT_FOUND', 'case not found', { reason: 'CASE_NOT_FOUND' });
const denied = (message: string, reason: string) =>
  new AppError('PERMISSION_DENIED', message, { reason });

/**
 * The case aggregate's use cases. Each write to a case is one single-document update made while
 * holding the case's lock, after checking its version (FerretDB has no transactions and does
 * not isolate updates, DESIGN §5); the audit entry and the outbox events travel in that same
 * update, so an event exists exactly when its change does.
 */
export class CaseService {
  private readonly repo: CaseRepository;
  private readonly schedule: ServiceSchedule;
  private readonly targets: Readonly<Record<CaseCategory, SlaTargets>>;
  private readonly now: () => Date;

  constructor(private readonly options: CaseServiceOptions) {
    this.repo = options.repository;
    this.schedule = options.schedule;
    this.targets = options.slaTargets ?? DEFAULT_SLA_TARGETS;
    this.now = options.now ?? (() => new Date());
  }

  // --- create & read -------------------------------------------------------------------------

  async create(actor: Actor, input: CreateCaseInput): Promise<CaseDocument> {
    requireOffice(input.officeId);
    if (!input.idempotencyKey || input.idempotencyKey.length > 200)
      throw invalid('an idempotency key is required', 'IDEMPOTENCY_KEY_REQUIRED');
    if (!input.citizen.waId) throw invalid('the citizen WhatsApp id is required', 'WA_ID_REQUIRED');
    if (actor.role === 'citizen' && actor.id !== input.citizen.waId)
      throw denied('a citizen may open cases only for themself', 'NOT_OWN_CASE');
    for (const [field, value] of [
      ['nik', input.citizen.nik],
      ['kkNumber', input.citizen.kkNumber],
    ] as const) {
      if (value && !/^\d{16}$/.test(value))
        throw invalid(`${field} must be 16 digits`, `${field.toUpperCase()}_INVALID`);
    }
    checkText(input.description, 'description');
    checkDocuments(input.documentIds);

    const existing = await this.repo.findByIdempotencyKey(input.officeId, input.idempotencyKey);
    if (existing) return this.sameCreate(actor, existing);

    const now = this.now();
    const due = computeDueTimes(this.schedule, this.targets, input.category, now);
    const id = randomUUID();
    // Listed under the citizen before it exists: a crash in between leaves an id that lists as
    // nothing, never a case the citizen cannot find.
    await this.options.locks.withLock(input.officeId, `citizen/${input.citizen.waId}`, () =>
      this.repo.addCitizenCase(input.officeId, input.citizen.waId, id),
    );
    const created = await allocateTrackingCode(async (trackingCode) => {
      const citizenWaId = input.citizen.waId;
      const doc: CaseDocument = {
        _id: caseKey(input.officeId, id),
        caseId: id,
        officeId: input.officeId,
        trackingCode,
        idempotencyKey: input.idempotencyKey,
        status: 'BARU',
        statusDetail: {},
        category: input.category,
        priority: input.priority,
        citizen: { ...input.citizen },
        searchName: normalizeName(input.citizen.name || input.citizen.profileName),
        description: input.description,
        documentIds: [...new Set(input.documentIds)],
        assigneeId: '',
        tags: [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))],
        createdAt: now,
        updatedAt: now,
        sla: {
          firstResponseDueAt: due.firstResponseDueAt,
          resolutionDueAt: due.resolutionDueAt,
          firstResponseAt: null,
          resolvedAt: null,
          firstResponseBreached: false,
          resolutionBreached: false,
          firstResponseMinutes: null,
          resolutionMinutes: null,
        },
        slaBreached: false,
        slaNextCheckAt: due.firstResponseDueAt,
        messages: [],
        notes: [],
        audit: [
          {
            at: now,
            actorId: actor.id,
            actorRole: actor.role,
            action: 'created',
            before: null,
            after: { status: 'BARU', category: input.category, trackingCode },
            reason: '',
          },
        ],
        outbox: [],
        version: 1,
      };
      doc.outbox = [
        this.event(doc, 'created', now, {
          caseId: id,
          trackingCode,
          citizenWaId,
          category: input.category,
          status: 'BARU',
          firstResponseDueAt: due.firstResponseDueAt.toISOString(),
          resolutionDueAt: due.resolutionDueAt.toISOString(),
        }),
      ];
      await this.repo.hintPending(input.officeId, id);
      const outcome = await this.repo.insert(doc);
      if (outcome.ok) {
        this.options.logger.info(
          { caseId: id, officeId: input.officeId, trackingCode },
          'case opened',
        );
        this.options.onEventsWritten?.();
        return doc;
      }
      // A duplicate is either the idempotency key (a concurrent retry won) or the tracking code.
      const raced =
        (await this.repo.findByIdempotencyKey(input.officeId, input.idempotencyKey)) ??
        (await this.repo.findByIdempotencyKeyQuery(input.officeId, input.idempotencyKey));
      if (raced) return this.sameCreate(actor, raced);
      this.options.logger.warn({ officeId: input.officeId }, 'tracking code collision; retrying');
      return undefined;
    });
    if (created) return created;
    throw new AppError('UNAVAILABLE', 'could not allocate a tracking code', {
      reason: 'TRACKING_CODE_EXHAUSTED',
    });
  }

  /** A repeated create answers with the case it made, but never hands one citizen another's. */
  private sameCreate(actor: Actor, existing: CaseDocument): CaseDocument {
    if (!canSee(actor, existing))
      throw new AppError('ALREADY_EXISTS', 'the idempotency key belongs to another case', {
        reason: 'IDEMPOTENCY_KEY_REUSED',
      });
    return existing;
  }

  async get(actor: Actor, officeId: string, key: { id?: string; trackingCode?: string }) {
    requireOffice(officeId);
    if (!key.id && !key.trackingCode)
      throw invalid('give an id or a tracking code', 'KEY_REQUIRED');
    const doc = key.id
      ? await this.repo.findById(officeId, key.id)
      : await this.repo.findByTrackingCode(officeId, key.trackingCode!);
    if (!doc || !canSee(actor, doc)) throw notFound();
    return doc;
  }

  /** A citizen's own cases (the citizen's "Cek status"); a citizen caller sees only theirs. */
  async listCitizenCases(
    actor: Actor,
    officeId: string,
    waId: string,
    pageSize: number,
    after?: Cursor,
  ) {
    requireOffice(officeId);
    if (actor.role === 'citizen' && actor.id !== waId) return { items: [] };
    if (!waId) throw invalid('wa_id is required', 'WA_ID_REQUIRED');
    return this.repo.listByCitizen(officeId, waId, pageSize, after);
  }

  async list(actor: Actor, officeId: string, filter: ListFilter, pageSize: number, after?: Cursor) {
    requireOffice(officeId);
    if (actor.role === 'citizen') {
      // A citizen lists only their own cases, whatever filter they sent.
      filter = { ...filter, citizenWaId: actor.id };
    }
    return this.repo.list(officeId, filter, pageSize, after);
  }

  // --- lifecycle ------------------------------------------------------------------------------

  transition(
    actor: Actor,
    officeId: string,
    caseId: string,
    input: TransitionInput,
    expectedVersion?: number,
  ) {
    return this.mutate(actor, officeId, caseId, expectedVersion, (doc, now) => {
      const detail = planTransition(doc.status, input, actor);
      const set: Mutation['set'] = { status: input.to, statusDetail: detail };
      const sla = { ...doc.sla };
      if (isStaff(actor)) this.stopFirstResponseClock(doc, sla, now);
      if (!isOpen(input.to)) {
        sla.resolvedAt = now;
        // Only an officer's decision counts as a resolution time; a cancellation stops the clock.
        if (input.to !== 'DIBATALKAN')
          sla.resolutionMinutes = Math.round(
            serviceTimeBetween(this.schedule, doc.createdAt, now) / MINUTE,
          );
      }
      Object.assign(set, { sla, slaNextCheckAt: nextSlaCheck(sla, input.to) });
      return {
        set,
        audit: {
          action: 'status_changed',
          before: { status: doc.status },
          after: { status: input.to, ...detail },
          reason: detail.reason ?? '',
        },
        events: [
          {
            name: 'status_changed',
            data: {
              ...ref(doc),
              from: doc.status,
              to: input.to,
              ...detail,
              actor: { id: actor.id, role: actor.role },
            },
          },
        ],
      };
    });
  }

  // --- assignment -----------------------------------------------------------------------------

  assign(
    actor: Actor,
    officeId: string,
    caseId: string,
    assigneeId: string,
    expectedVersion?: number,
  ) {
    if (actor.role !== 'supervisor' && actor.role !== 'admin')
      throw denied('only a supervisor assigns cases', 'ASSIGN_BY_SUPERVISOR_ONLY');
    if (!assigneeId) throw invalid('name the officer to assign', 'ASSIGNEE_REQUIRED');
    return this.setAssignee(actor, officeId, caseId, assigneeId, '', expectedVersion);
  }

  claim(actor: Actor, officeId: string, caseId: string, expectedVersion?: number) {
    if (!isStaff(actor)) throw denied('only officers claim cases', 'CLAIM_BY_OFFICER_ONLY');
    return this.mutate(actor, officeId, caseId, expectedVersion, (doc) => {
      if (doc.assigneeId === actor.id) return null;
      if (doc.assigneeId)
        throw new AppError('FAILED_PRECONDITION', 'the case is already assigned', {
          reason: 'ALREADY_ASSIGNED',
        });
      return this.assignment(doc, actor, actor.id, '', 'claimed');
    });
  }

  unassign(
    actor: Actor,
    officeId: string,
    caseId: string,
    reason: string,
    expectedVersion?: number,
  ) {
    if (!isStaff(actor)) throw denied('only officers unassign cases', 'UNASSIGN_BY_OFFICER_ONLY');
    return this.mutate(actor, officeId, caseId, expectedVersion, (doc) => {
      if (!doc.assigneeId) return null;
      if (actor.role === 'officer' && doc.assigneeId !== actor.id)
        throw denied('an officer may release only their own case', 'NOT_ASSIGNEE');
      return this.assignment(doc, actor, '', reason, 'unassigned');
    });
  }

  private setAssignee(
    actor: Actor,
    officeId: string,
    caseId: string,
    assigneeId: string,
    reason: string,
    expectedVersion?: number,
  ) {
    return this.mutate(actor, officeId, caseId, expectedVersion, (doc) => {
      if (doc.assigneeId === assigneeId) return null;
      return this.assignment(doc, actor, assigneeId, reason, 'assigned');
    });
  }

  private assignment(
    doc: CaseDocument,
    actor: Actor,
    assigneeId: string,
    reason: string,
    action: string,
  ): Mutation {
    if (!isOpen(doc.status))
      throw new AppError('FAILED_PRECONDITION', 'a closed case cannot be reassigned', {
        reason: 'CASE_CLOSED',
      });
    return {
      set: { assigneeId },
      audit: {
        action,
        before: { assigneeId: doc.assigneeId },
        after: { assigneeId },
        reason: reason ?? '',
      },
      events: [
        {
          name: 'assigned',
          data: {
            ...ref(doc),
            assigneeId,
            previousAssigneeId: doc.assigneeId,
            actor: { id: actor.id, role: actor.role },
          },
        },
      ],
    };
  }

  // --- thread, notes, documents ---------------------------------------------------------------

  addCitizenMessage(
    actor: Actor,
    officeId: string,
    caseId: string,
    input: { text: string; documentIds: string[]; waMessageId: string },
  ) {
    if (actor.role !== 'citizen' && actor.role !== 'service')
      throw denied('only the citizen adds citizen messages', 'CITIZEN_ONLY');
    if (!input.text && input.documentIds.length === 0)
      throw invalid('a message needs text or documents', 'EMPTY_MESSAGE');
    if (input.text) checkText(input.text, 'text');
    checkDocuments(input.documentIds);
    return this.mutate(actor, officeId, caseId, undefined, (doc, now) => {
      if (input.waMessageId && doc.messages.some((m) => m.waMessageId === input.waMessageId))
        return null;
      if (!isOpen(doc.status))
        throw new AppError('FAILED_PRECONDITION', 'the case is closed', { reason: 'CASE_CLOSED' });
      const message: ThreadMessageDoc = {
        id: randomUUID(),
        author: 'citizen',
        actorId: actor.id,
        text: input.text,
        createdAt: now,
        documentIds: input.documentIds,
        waMessageId: input.waMessageId,
        deliveryStatus: null,
      };
      const newDocs = input.documentIds.filter((d) => !doc.documentIds.includes(d));
      return {
        push: { messages: [message], ...(newDocs.length ? { documentIds: newDocs } : {}) },
        audit: {
          action: 'message_added',
          before: null,
          after: { messageId: message.id },
          reason: '',
        },
        events: [
          {
            name: 'message_added',
            data: { ...ref(doc), messageId: message.id, documentIds: input.documentIds },
          },
        ],
      };
    });
  }

  addOfficerReply(actor: Actor, officeId: string, caseId: string, text: string) {
    if (!isStaff(actor)) throw denied('only officers reply', 'OFFICER_ONLY');
    checkText(text, 'text', true);
    return this.mutate(actor, officeId, caseId, undefined, (doc, now) => {
      const message: ThreadMessageDoc = {
        id: randomUUID(),
        author: 'officer',
        actorId: actor.id,
        text,
        createdAt: now,
        documentIds: [],
        waMessageId: '',
        deliveryStatus: 'DELIVERY_PENDING',
      };
      const sla = { ...doc.sla };
      this.stopFirstResponseClock(doc, sla, now);
      return {
        set: { sla, slaNextCheckAt: nextSlaCheck(sla, doc.status) },
        push: { messages: [message] },
        audit: {
          action: 'reply_added',
          before: null,
          after: { messageId: message.id },
          reason: '',
        },
        events: [
          {
            name: 'reply_added',
            data: {
              ...ref(doc),
              messageId: message.id,
              text,
              actor: { id: actor.id, role: actor.role },
            },
          },
        ],
      };
    });
  }

  addInternalNote(actor: Actor, officeId: string, caseId: string, text: string) {
    if (!isStaff(actor)) throw denied('only officers write internal notes', 'OFFICER_ONLY');
    checkText(text, 'text', true);
    return this.mutate(actor, officeId, caseId, undefined, (_doc, now) => {
      const note = { id: randomUUID(), actorId: actor.id, text, createdAt: now };
      return {
        push: { notes: [note] },
        audit: { action: 'note_added', before: null, after: { noteId: note.id }, reason: '' },
      };
    });
  }

  attachDocuments(actor: Actor, officeId: string, caseId: string, documentIds: string[]) {
    checkDocuments(documentIds);
    return this.mutate(actor, officeId, caseId, undefined, (doc) => {
      const added = [...new Set(documentIds)].filter((d) => !doc.documentIds.includes(d));
      if (added.length === 0) return null;
      if (doc.documentIds.length + added.length > MAX_DOCUMENTS * 3)
        throw invalid('too many documents on one case', 'TOO_MANY_DOCUMENTS');
      return {
        push: { documentIds: added },
        audit: {
          action: 'documents_attached',
          before: null,
          after: { documentIds: added },
          reason: '',
        },
      };
    });
  }

  /** Receipts only move forward: sent → delivered → read; failed only before delivery. */
  async updateMessageDelivery(
    actor: Actor,
    officeId: string,
    caseId: string,
    messageId: string,
    to: DeliveryStatus,
  ): Promise<CaseDocument> {
    if (actor.role !== 'service' && !isStaff(actor))
      throw denied('only services record delivery', 'SERVICE_ONLY');
    requireOffice(officeId);
    return this.options.locks.withLock(officeId, caseId, () =>
      this.recordDelivery(officeId, caseId, messageId, to),
    );
  }

  private async recordDelivery(
    officeId: string,
    caseId: string,
    messageId: string,
    to: DeliveryStatus,
  ): Promise<CaseDocument> {
    const doc = await this.repo.findById(officeId, caseId);
    if (!doc) throw notFound();
    const index = doc.messages.findIndex((m) => m.id === messageId);
    const message = doc.messages[index];
    if (!message || message.author === 'citizen')
      throw new AppError('NOT_FOUND', 'outbound message not found', {
        reason: 'MESSAGE_NOT_FOUND',
      });
    if (!deliveryMovesForward(message.deliveryStatus, to)) return doc;
    await this.repo.setFieldLocked(officeId, caseId, `messages.${index}.deliveryStatus`, to);
    message.deliveryStatus = to;
    return doc;
  }

  // --- SLA ------------------------------------------------------------------------------------

  /** Marks every clock of `doc` that is past due; each breach is recorded and raised once. */
  async markSlaBreaches(officeId: string, caseId: string): Promise<number> {
    let raised = 0;
    await this.mutate(SYSTEM_ACTOR, officeId, caseId, undefined, (doc, now) => {
      const sla = { ...doc.sla };
      const events: NonNullable<Mutation['events']> = [];
      const breach = (clock: 'first_response' | 'resolution', dueAt: Date) =>
        events.push({
          name: 'sla_breached',
          data: { ...ref(doc), clock, dueAt: dueAt.toISOString(), assigneeId: doc.assigneeId },
        });
      if (
        isOpen(doc.status) &&
        !sla.firstResponseAt &&
        !sla.firstResponseBreached &&
        sla.firstResponseDueAt <= now
      ) {
        sla.firstResponseBreached = true;
        breach('first_response', sla.firstResponseDueAt);
      }
      if (
        isOpen(doc.status) &&
        !sla.resolvedAt &&
        !sla.resolutionBreached &&
        sla.resolutionDueAt <= now
      ) {
        sla.resolutionBreached = true;
        breach('resolution', sla.resolutionDueAt);
      }
      const nextCheck = nextSlaCheck(sla, doc.status);
      if (events.length === 0) {
        // Nothing due (a clock stopped meanwhile): just move the checker's pointer on.
        if (sameTime(nextCheck, doc.slaNextCheckAt)) return null;
        return {
          set: { slaNextCheckAt: nextCheck },
          audit: { action: 'sla_rescheduled', before: null, after: null, reason: '' },
        };
      }
      raised = events.length;
      return {
        set: { sla, slaBreached: true, slaNextCheckAt: nextCheck },
        audit: {
          action: 'sla_breached',
          before: null,
          after: { clocks: events.map((e) => e.data.clock) },
          reason: '',
        },
        events,
      };
    });
    return raised;
  }

  // --- statistics -----------------------------------------------------------------------------

  async statistics(actor: Actor, officeId: string, from: Date, to: Date) {
    requireOffice(officeId);
    if (!isStaff(actor)) throw denied('statistics are for officers', 'OFFICER_ONLY');
    if (!(from < to)) throw invalid('`from` must be before `to`', 'BAD_WINDOW');
    const [byStatus, byCategory, frBreaches, resBreaches, durations] = await Promise.all([
      this.repo.countBy(officeId, 'status', from, to),
      this.repo.countBy(officeId, 'category', from, to),
      this.repo.countWhere(officeId, from, to, { 'sla.firstResponseBreached': true }),
      this.repo.countWhere(officeId, from, to, { 'sla.resolutionBreached': true }),
      this.repo.durations(officeId, from, to, MAX_STATS_SAMPLE),
    ]);
    return {
      byStatus,
      byCategory,
      total: byStatus.reduce((n, s) => n + s.count, 0),
      firstResponseBreaches: frBreaches,
      resolutionBreaches: resBreaches,
      firstResponse: summarize(durations.firstResponse),
      resolution: summarize(durations.resolution),
      truncated: durations.truncated,
    };
  }

  // --- machinery ------------------------------------------------------------------------------

  private stopFirstResponseClock(doc: CaseDocument, sla: SlaDoc, now: Date) {
    if (sla.firstResponseAt) return;
    sla.firstResponseAt = now;
    sla.firstResponseMinutes = Math.round(
      serviceTimeBetween(this.schedule, doc.createdAt, now) / MINUTE,
    );
  }

  private event(
    doc: Pick<CaseDocument, 'officeId'>,
    name: CaseEventName,
    occurredAt: Date,
    data: Record<string, unknown>,
  ): OutboxEntry {
    // Validated now, at write time: an invalid event fails the write instead of the relay.
    const envelope = caseEvents[name].create({
      id: randomUUID(),
      officeId: doc.officeId,
      occurredAt,
      data: data as never,
    });
    return { ...(envelope as unknown as OutboxEntry), name };
  }

  /**
   * Read, decide, write — one case at a time. Writers of a case queue on its lock, so a second
   * officer moving a case "from the same state" is judged against the state it is really in
   * (FAILED_PRECONDITION if the move no longer applies), and a caller who pinned a version gets
   * ABORTED when the case moved on.
   */
  private async mutate(
    actor: Actor,
    officeId: string,
    caseId: string,
    expectedVersion: number | undefined,
    decide: (doc: CaseDocument, now: Date) => Mutation | null,
  ): Promise<CaseDocument> {
    requireOffice(officeId);
    if (!caseId) throw invalid('case id is required', 'CASE_ID_REQUIRED');
    return this.options.locks.withLock(officeId, caseId, () =>
      this.readDecideWrite(actor, officeId, caseId, expectedVersion, decide),
    );
  }

  private async readDecideWrite(
    actor: Actor,
    officeId: string,
    caseId: string,
    expectedVersion: number | undefined,
    decide: (doc: CaseDocument, now: Date) => Mutation | null,
  ): Promise<CaseDocument> {
    // The lock is held: nobody else writes this case until we return, so the version read here
    // is the version written over.
    const doc = await this.repo.findById(officeId, caseId);
    if (!doc || !canSee(actor, doc)) throw notFound();
    if (expectedVersion && doc.version !== expectedVersion) throw conflict();
    const now = this.now();
    const m = decide(doc, now);
    if (!m) return doc;
    const events = (m.events ?? []).map((e) => this.event(doc, e.name, now, e.data));
    const audit: AuditEntryDoc = { at: now, actorId: actor.id, actorRole: actor.role, ...m.audit };
    const $push: Record<string, unknown> = { audit };
    if (events.length) $push.outbox = { $each: events };
    for (const [field, items] of Object.entries(m.push ?? {}))
      if (items?.length) $push[field] = { $each: items };
    const update: mongo.UpdateFilter<CaseDocument> = {
      $set: { ...(m.set ?? {}), updatedAt: now },
      $push: $push as mongo.UpdateFilter<CaseDocument>['$push'],
    };
    // The hint goes first: a crash after it and before the update leaves a hint with nothing
    // behind it (harmless); the other order could leave events nobody looks for.
    if (events.length) await this.repo.hintPending(officeId, caseId);
    const updated = await this.repo.updateLocked(officeId, caseId, update);
    if (!updated) throw notFound();
    this.options.logger.info(
      { caseId, officeId, action: m.audit.action, version: updated.version },
      'case changed',
    );
    if (events.length) this.options.onEventsWritten?.();
    return updated;
  }
}

const conflict = () =>
  new AppError('ABORTED', 'the case was changed by someone else; reload and try again', {
    reason: 'CASE_VERSION_CONFLICT',
  });

function requireOffice(officeId: string) {
  if (!officeId) throw invalid('office_id is required', 'OFFICE_REQUIRED');
}

/** A citizen sees only their own cases; to them anything else does not exist. */
function canSee(actor: Actor, doc: CaseDocument): boolean {
  return actor.role !== 'citizen' || doc.citizen.waId === actor.id;
}

function ref(doc: CaseDocument) {
  return { caseId: doc.caseId, trackingCode: doc.trackingCode, citizenWaId: doc.citizen.waId };
}

function checkText(text: string, field: string, required = false) {
  if (required && !text.trim()) throw invalid(`${field} is required`, 'TEXT_REQUIRED');
  if (text.length > MAX_TEXT) throw invalid(`${field} is too long`, 'TEXT_TOO_LONG');
}

function checkDocuments(ids: string[]) {
  if (ids.length > MAX_DOCUMENTS) throw invalid('too many documents', 'TOO_MANY_DOCUMENTS');
  if (ids.some((id) => !id || id.length > 200)) throw invalid('bad document id', 'BAD_DOCUMENT_ID');
}

export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The earliest due time of a clock that still runs and has not breached; null when none. */
export function nextSlaCheck(sla: SlaDoc, status: CaseStatus): Date | null {
  if (!isOpen(status)) return null;
  const due: Date[] = [];
  if (!sla.firstResponseAt && !sla.firstResponseBreached) due.push(sla.firstResponseDueAt);
  if (!sla.resolvedAt && !sla.resolutionBreached) due.push(sla.resolutionDueAt);
  return due.length ? new Date(Math.min(...due.map((d) => d.getTime()))) : null;
}

const sameTime = (a: Date | null, b: Date | null) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

const DELIVERY_RANK: Record<DeliveryStatus, number> = {
  DELIVERY_PENDING: 0,
  DELIVERY_SENT: 1,
  DELIVERY_DELIVERED: 2,
  DELIVERY_READ: 3,
  DELIVERY_FAILED: 1,
};

function deliveryMovesForward(from: DeliveryStatus | null, to: DeliveryStatus): boolean {
  if (from === to) return false;
  if (from === null) return true;
  if (from === 'DELIVERY_FAILED') return false;
  if (to === 'DELIVERY_FAILED') return DELIVERY_RANK[from] <= 1;
  return DELIVERY_RANK[to] > DELIVERY_RANK[from];
}
