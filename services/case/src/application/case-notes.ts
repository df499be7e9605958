import { randomUUID } from 'node:crypto';
import { isStaff, type Actor } from '../domain/case.types.js';
import type { CaseContext } from './case-context.js';
import { checkText, denied } from './case-guards.js';
import { mutateCase } from './case-mutation.js';

/** A note between officers: audited, but raises no event, so it never reaches the citizen. */
export function addInternalNote(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  text: string,
) {
  if (!isStaff(actor)) throw denied('only officers write internal notes', 'OFFICER_ONLY');
  checkText(text, 'text', true);
  return mutateCase(ctx, actor, officeId, caseId, undefined, (_doc, now) => {
    const note = { id: randomUUID(), actorId: actor.id, text, createdAt: now };
    return {
      push: { notes: [note] },
      audit: { action: 'note_added', before: null, after: { noteId: note.id }, reason: '' },
    };
  });
}
