import type { Actor } from '../domain/case.types.js';
import { belongsTo, identityProblem } from '../domain/citizen-identity.js';
import type { ListFilter, ListOrder } from '../read-model/case-lists.js';
import type { Cursor } from '../store/case/case.repository.js';
import type { CaseContext } from './case-context.js';
import { citizenCaseIds, type CitizenRefIdentity } from './citizen-identity.js';
import { canSee, invalid, notFound, requireLoaded, requireOffice } from './case-guards.js';

export async function getCase(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  key: { id?: string; trackingCode?: string },
) {
  requireOffice(officeId);
  if (!key.id && !key.trackingCode) throw invalid('give an id or a tracking code', 'KEY_REQUIRED');
  const doc = key.id
    ? await ctx.repo.findById(officeId, key.id)
    : await ctx.repo.findByTrackingCode(officeId, key.trackingCode!);
  if (!doc || !canSee(actor, doc)) throw notFound();
  return doc;
}

/**
 * A citizen's own cases (the citizen's "Cek status"), by BSUID, phone or both. A citizen caller
 * sees only theirs: an identity that is not theirs lists nothing.
 */
export async function listCitizenCases(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  asked: CitizenRefIdentity,
  pageSize: number,
  after?: Cursor,
) {
  requireOffice(officeId);
  let who: CitizenRefIdentity = asked;
  if (actor.role === 'citizen') {
    const own = actor.citizen ?? {};
    const differs = (a?: string, b?: string) => Boolean(a && b && a !== b);
    if (differs(asked.bsuid, own.bsuid) || differs(asked.phone, own.phone)) return { items: [] };
    if ((asked.bsuid && !own.bsuid) || (asked.phone && !own.phone)) return { items: [] };
    who = own;
  }
  if (!who.bsuid && !who.phone)
    throw invalid('bsuid or phone is required', 'CITIZEN_IDENTITY_REQUIRED');
  const problem = identityProblem(who);
  if (problem) throw invalid(problem, 'CITIZEN_IDENTITY_INVALID');
  const ids = await citizenCaseIds(ctx, officeId, who);
  return ctx.repo.listByIds(officeId, ids, (doc) => belongsTo(doc.citizen, who), pageSize, after);
}

export async function listCases(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  filter: ListFilter,
  pageSize: number,
  after?: Cursor,
  order: ListOrder = 'newest',
) {
  requireOffice(officeId);
  requireLoaded(ctx.lists);
  if (actor.role === 'citizen') {
    // A citizen lists only their own cases, whatever filter they sent.
    filter = { ...filter, citizen: actor.citizen ?? { phone: '' } };
  }
  return ctx.lists.list(officeId, filter, pageSize, after, order);
}
