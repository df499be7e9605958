import type { Actor } from '../domain/case.types.js';
import type { ListFilter, ListOrder } from '../read-model/case-list.view.js';
import type { Cursor } from '../store/case/case.repository.js';
import type { CaseContext } from './case-context.js';
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

/** A citizen's own cases (the citizen's "Cek status"); a citizen caller sees only theirs. */
export async function listCitizenCases(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  waId: string,
  pageSize: number,
  after?: Cursor,
) {
  requireOffice(officeId);
  if (actor.role === 'citizen' && actor.id !== waId) return { items: [] };
  if (!waId) throw invalid('wa_id is required', 'WA_ID_REQUIRED');
  return ctx.repo.listByCitizen(officeId, waId, pageSize, after);
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
  requireLoaded(ctx.view);
  if (actor.role === 'citizen') {
    // A citizen lists only their own cases, whatever filter they sent.
    filter = { ...filter, citizenWaId: actor.id };
  }
  return ctx.view.list(officeId, filter, pageSize, after, order);
}
