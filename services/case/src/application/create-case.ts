import { randomUUID } from 'node:crypto';
import { AppError } from '@pandawa/errors';
import { normalizeTags } from '../domain/case-tags.js';
import type { Actor, CaseCategory, CasePriority } from '../domain/case.types.js';
import { eventIdentityOf, identityProblem } from '../domain/citizen-identity.js';
import { normalizeName } from '../domain/search-name.js';
import { handoffRequested } from '../domain/handoff.js';
import { computeDueTimes } from '../domain/sla.policy.js';
import { allocateTrackingCode } from '../domain/tracking-code.js';
import type { CaseDocument } from '../store/case/case.schema.js';
import type { NewCase } from '../store/case/case.store.js';
import type { CaseContext } from './case-context.js';
import { outboxEntry } from './case-events.js';
import { addToRef, citizenCaseIds } from './citizen-identity.js';
import {
  canSee,
  checkDocuments,
  checkText,
  denied,
  invalid,
  requireOffice,
} from './case-guards.js';

export interface CreateCaseInput {
  officeId: string;
  idempotencyKey: string;
  category: CaseCategory;
  /** Identity fields empty when not given ('' from gRPC); a citizen caller's come from them. */
  citizen: {
    phone: string;
    bsuid: string;
    parentBsuid: string;
    username: string;
    profileName: string;
    nik: string;
    kkNumber: string;
    name: string;
  };
  description: string;
  documentIds: string[];
  priority: CasePriority;
  tags: string[];
  /** The citizen asked for an officer: the case starts with a running handoff (§6.1). */
  requestOfficer?: boolean;
}

/**
 * Opens a case, once per idempotency key: a retried create answers with the case the first
 * attempt made.
 */
export async function createCase(
  ctx: CaseContext,
  actor: Actor,
  input: CreateCaseInput,
): Promise<CaseDocument> {
  requireOffice(input.officeId);
  if (!input.idempotencyKey || input.idempotencyKey.length > 200)
    throw invalid('an idempotency key is required', 'IDEMPOTENCY_KEY_REQUIRED');
  const citizen = citizenOfCreate(actor, input.citizen);
  const problem = identityProblem(citizen);
  if (problem) throw invalid(problem, 'CITIZEN_IDENTITY_INVALID');
  for (const [field, value] of [
    ['nik', input.citizen.nik],
    ['kkNumber', input.citizen.kkNumber],
  ] as const) {
    if (value && !/^\d{16}$/.test(value))
      throw invalid(`${field} must be 16 digits`, `${field.toUpperCase()}_INVALID`);
  }
  checkText(input.description, 'description');
  checkDocuments(input.documentIds);
  const tags = normalizeTags(input.tags);
  if (typeof tags === 'string')
    throw invalid(`tags: ${tags.toLowerCase().replace(/_/g, ' ')}`, tags);

  const existing = await ctx.repo.findByIdempotencyKey(input.officeId, input.idempotencyKey);
  if (existing) return sameCreate(actor, existing);

  const now = ctx.now();
  const due = computeDueTimes(ctx.scheduleFor(input.officeId), ctx.targets, input.category, now);
  const id = randomUUID();
  // Listed under the citizen before it exists: a crash in between leaves an id that lists as
  // nothing, never a case the citizen cannot find.
  // Under the BSUID and under the phone (linked to the BSUID), so the citizen finds it by
  // either, as WhatsApp names them on a given day.
  if (citizen.bsuid && citizen.phone)
    await citizenCaseIds(ctx, input.officeId, { bsuid: citizen.bsuid, phone: citizen.phone });
  for (const key of [citizen.bsuid, citizen.phone]) {
    if (!key) continue;
    await ctx.locks.withLock(input.officeId, `citizen/${key}`, () =>
      ctx.repo.addCitizenCase(input.officeId, key, id),
    );
  }
  if (citizen.bsuid && citizen.phone)
    await addToRef(ctx, input.officeId, citizen.phone, [], citizen.bsuid);
  const created = await allocateTrackingCode(async (trackingCode) => {
    const doc: NewCase = {
      caseId: id,
      officeId: input.officeId,
      trackingCode,
      idempotencyKey: input.idempotencyKey,
      status: 'BARU',
      statusDetail: {},
      category: input.category,
      priority: input.priority,
      citizen: {
        ...citizen,
        profileName: input.citizen.profileName,
        nik: input.citizen.nik,
        kkNumber: input.citizen.kkNumber,
        name: input.citizen.name,
      },
      searchName: normalizeName(input.citizen.name || input.citizen.profileName),
      description: input.description,
      documentIds: [...new Set(input.documentIds)],
      assigneeId: '',
      tags,
      handoff: input.requestOfficer ? handoffRequested(now) : null,
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
        pausedAt: null,
        pausedMinutes: 0,
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
          after: {
            status: 'BARU',
            category: input.category,
            trackingCode,
            ...(input.requestOfficer ? { handoff: 'requested' } : {}),
          },
          reason: '',
        },
      ],
      outbox: [],
      version: 1,
    };
    doc.outbox = [
      outboxEntry(doc, 'created', now, {
        caseId: id,
        trackingCode,
        citizen: eventIdentityOf(citizen),
        category: input.category,
        status: 'BARU',
        firstResponseDueAt: due.firstResponseDueAt.toISOString(),
        resolutionDueAt: due.resolutionDueAt.toISOString(),
      }),
      ...(input.requestOfficer
        ? [
            outboxEntry(doc, 'handoff_changed', now, {
              caseId: id,
              trackingCode,
              citizen: eventIdentityOf(citizen),
              active: true,
              requestedAt: now.toISOString(),
              actor: { id: actor.id, role: actor.role },
            }),
          ]
        : []),
    ];
    const { outcome, doc: stored } = await ctx.store.create(doc);
    if (outcome.ok) {
      ctx.logger.info({ caseId: id, officeId: input.officeId, trackingCode }, 'case opened');
      ctx.onEventsWritten();
      return stored;
    }
    // A duplicate is either the idempotency key (a concurrent retry won) or the tracking code.
    const raced =
      (await ctx.repo.findByIdempotencyKey(input.officeId, input.idempotencyKey)) ??
      (await ctx.repo.findByIdempotencyKeyQuery(input.officeId, input.idempotencyKey));
    if (raced) return sameCreate(actor, raced);
    ctx.logger.warn({ officeId: input.officeId }, 'tracking code collision; retrying');
    return undefined;
  });
  if (created) return created;
  throw new AppError('UNAVAILABLE', 'could not allocate a tracking code', {
    reason: 'TRACKING_CODE_EXHAUSTED',
  });
}

/** A repeated create answers with the case it made, but never hands one citizen another's. */
function sameCreate(actor: Actor, existing: CaseDocument): CaseDocument {
  if (!canSee(actor, existing))
    throw new AppError('ALREADY_EXISTS', 'the idempotency key belongs to another case', {
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
  return existing;
}

/**
 * The identity a new case is stored under: the request's, or for a citizen caller their own
 * (empty fields filled from it). A citizen may not name anyone else.
 */
function citizenOfCreate(actor: Actor, given: CreateCaseInput['citizen']) {
  const out: { bsuid?: string; phone?: string; parentBsuid?: string; username?: string } = {};
  let bsuid = given.bsuid;
  let phone = given.phone;
  if (actor.role === 'citizen') {
    const own = actor.citizen ?? {};
    if ((bsuid && bsuid !== own.bsuid) || (phone && phone !== own.phone))
      throw denied('a citizen may open cases only for themself', 'NOT_OWN_CASE');
    bsuid = own.bsuid ?? '';
    phone = own.phone ?? '';
  }
  if (bsuid) out.bsuid = bsuid;
  if (phone) out.phone = phone;
  if (given.parentBsuid) out.parentBsuid = given.parentBsuid;
  if (given.username) out.username = given.username;
  return out;
}
