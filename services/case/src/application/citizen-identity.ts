import { citizenKey } from '@pandawa/contracts';
import { belongsTo } from '../domain/citizen-identity.js';
import type { CaseContext } from './case-context.js';

/** A citizen as WhatsApp's signed webhook named them: a BSUID, a phone number, or both. */
export interface CitizenRefIdentity {
  bsuid?: string;
  phone?: string;
}

const refLock = (key: string) => `citizen/${key}`;

/**
 * The ids of every case that may be `who`'s (architecture §1): those opened under their BSUID,
 * and those opened under their phone number unless that number is linked to another BSUID (a
 * recycled number). Callers still check each case with `belongsTo`. A call with both BSUID and
 * phone links a number not linked yet (see `linkPhoneToBsuid`), once.
 */
export async function citizenCaseIds(
  ctx: CaseContext,
  officeId: string,
  who: CitizenRefIdentity,
): Promise<string[]> {
  const [byBsuid, byPhone] = await Promise.all([
    who.bsuid ? ctx.repo.findCitizenRef(officeId, who.bsuid) : null,
    who.phone ? ctx.repo.findCitizenRef(officeId, who.phone) : null,
  ]);
  if (who.bsuid && who.phone && byPhone && !byPhone.bsuid && byPhone.caseIds.length > 0) {
    await linkPhoneToBsuid(ctx, officeId, who.phone, who.bsuid);
    const linked = await ctx.repo.findCitizenRef(officeId, who.bsuid);
    return linked?.caseIds ?? [];
  }
  const phoneIds =
    byPhone && (!byPhone.bsuid || !who.bsuid || byPhone.bsuid === who.bsuid) ? byPhone.caseIds : [];
  return [...new Set([...(byBsuid?.caseIds ?? []), ...phoneIds])];
}

/**
 * A webhook showed that this phone number and this BSUID are one citizen: the phone's cases
 * that have no BSUID yet get it, and join the BSUID's list. From then on they are found by the
 * BSUID alone (a username citizen whose number WhatsApp withholds), and a later owner of the
 * same number (another BSUID) does not see them. Idempotent: a crash midway is finished by the
 * next call, because the phone ref is marked linked last.
 */
export async function linkPhoneToBsuid(
  ctx: CaseContext,
  officeId: string,
  phone: string,
  bsuid: string,
): Promise<void> {
  await ctx.locks.withLock(officeId, refLock(phone), async () => {
    const byPhone = await ctx.repo.findCitizenRef(officeId, phone);
    if (!byPhone || byPhone.bsuid) return;
    const moved = await rewriteCases(ctx, officeId, byPhone.caseIds, { phone }, { bsuid, phone });
    await addToRef(ctx, officeId, bsuid, moved);
    await ctx.repo.saveCitizenRef(officeId, phone, { caseIds: byPhone.caseIds, bsuid });
    ctx.logger.info({ officeId, cases: moved.length }, 'citizen phone linked to their BSUID');
  });
}

/**
 * WhatsApp said the citizen `previous` is now `current` (`wa.in.identity_changed`): their cases
 * take the new identity, are listed under it, and the old keys list nothing any more (an old
 * number may be given to someone else). Idempotent, so a redelivered event changes nothing.
 */
export async function moveCitizen(
  ctx: CaseContext,
  officeId: string,
  previous: CitizenRefIdentity & { parentBsuid?: string; username?: string },
  current: CitizenRefIdentity & { parentBsuid?: string; username?: string },
): Promise<number> {
  // Each ref and each case is written under its own lock (locks are not re-entrant); the steps
  // are ordered so that a crash midway leaves the cases findable, and a redelivery finishes.
  const ids = await citizenCaseIds(ctx, officeId, previous);
  const moved = await rewriteCases(ctx, officeId, ids, previous, current);
  if (current.bsuid) await addToRef(ctx, officeId, current.bsuid, moved);
  if (current.phone) await addToRef(ctx, officeId, current.phone, moved, current.bsuid);
  const toKey = citizenKey(current);
  for (const old of [previous.bsuid, previous.phone]) {
    if (!old || old === current.bsuid || old === current.phone) continue;
    await ctx.locks.withLock(officeId, refLock(old), () =>
      ctx.repo.saveCitizenRef(officeId, old, { caseIds: [], movedTo: toKey }),
    );
  }
  ctx.logger.info({ officeId, cases: moved.length }, 'citizen identity changed; cases moved');
  return moved.length;
}

/** Adds case ids to a key's ref (and links it to `bsuid` when it is a phone ref). */
export async function addToRef(
  ctx: CaseContext,
  officeId: string,
  key: string,
  caseIds: string[],
  bsuid?: string,
) {
  if (caseIds.length === 0 && !bsuid) return;
  await ctx.locks.withLock(officeId, refLock(key), async () => {
    const ref = await ctx.repo.findCitizenRef(officeId, key);
    await ctx.repo.saveCitizenRef(officeId, key, {
      caseIds: [...new Set([...(ref?.caseIds ?? []), ...caseIds])],
      ...(bsuid ? { bsuid } : ref?.bsuid ? { bsuid: ref.bsuid } : {}),
    });
  });
}

/** Gives each case of `from` the identity `to`, under the case's lock; returns their ids. */
async function rewriteCases(
  ctx: CaseContext,
  officeId: string,
  caseIds: string[],
  from: CitizenRefIdentity,
  to: CitizenRefIdentity & { parentBsuid?: string; username?: string },
): Promise<string[]> {
  const moved: string[] = [];
  for (const caseId of new Set(caseIds)) {
    await ctx.locks.withLock(officeId, caseId, async () => {
      const doc = await ctx.repo.findById(officeId, caseId);
      if (!doc || !belongsTo(doc.citizen, from)) return;
      // Found by phone alone: a case already bound to another BSUID is someone else's.
      if (!from.bsuid && doc.citizen.bsuid && doc.citizen.bsuid !== to.bsuid) return;
      const updated = await ctx.repo.setCitizenIdentityLocked(officeId, caseId, to);
      if (updated) ctx.lists.changed(updated);
      moved.push(caseId);
    });
  }
  return moved;
}
