import { randomUUID } from 'node:crypto';
import { AppError } from '@pandawa/errors';
import { normalizeTags } from '../domain/case-tags.js';
import type { Actor, CaseCategory, CasePriority } from '../domain/case.types.js';
import { normalizeName } from '../domain/search-name.js';
import { computeDueTimes } from '../domain/sla.policy.js';
import { allocateTrackingCode } from '../domain/tracking-code.js';
import { toListEntry } from '../read-model/case-list.entry.js';
import { caseKey } from '../store/case/case.repository.js';
import type { CaseDocument } from '../store/case/case.schema.js';
import type { CaseContext } from './case-context.js';
import { outboxEntry } from './case-events.js';
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
  citizen: { waId: string; profileName: string; nik: string; kkNumber: string; name: string };
  description: string;
  documentIds: string[];
  priority: CasePriority;
  tags: string[];
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
  const tags = normalizeTags(input.tags);
  if (typeof tags === 'string')
    throw invalid(`tags: ${tags.toLowerCase().replace(/_/g, ' ')}`, tags);

  const existing = await ctx.repo.findByIdempotencyKey(input.officeId, input.idempotencyKey);
  if (existing) return sameCreate(actor, existing);

  const now = ctx.now();
  const due = computeDueTimes(ctx.schedule, ctx.targets, input.category, now);
  const id = randomUUID();
  // Listed under the citizen before it exists: a crash in between leaves an id that lists as
  // nothing, never a case the citizen cannot find.
  await ctx.locks.withLock(input.officeId, `citizen/${input.citizen.waId}`, () =>
    ctx.repo.addCitizenCase(input.officeId, input.citizen.waId, id),
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
      tags,
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
          after: { status: 'BARU', category: input.category, trackingCode },
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
        citizenWaId,
        category: input.category,
        status: 'BARU',
        firstResponseDueAt: due.firstResponseDueAt.toISOString(),
        resolutionDueAt: due.resolutionDueAt.toISOString(),
      }),
    ];
    await ctx.repo.hintPending(input.officeId, id);
    const outcome = await ctx.repo.insert(doc);
    if (outcome.ok) {
      ctx.logger.info({ caseId: id, officeId: input.officeId, trackingCode }, 'case opened');
      ctx.view.upsert(toListEntry(doc));
      ctx.onEventsWritten();
      return doc;
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
