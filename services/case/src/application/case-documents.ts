import type { Actor } from '../domain/case.types.js';
import type { CaseContext } from './case-context.js';
import { caseRef } from './case-events.js';
import { resumeOnCitizenAnswer } from './citizen-answer.js';
import { checkDocuments, invalid, MAX_DOCUMENTS } from './case-guards.js';
import { mutateCase } from './case-mutation.js';

/**
 * Attaches stored documents to a case; ids it already holds are skipped, not repeated. Documents
 * from the citizen (through the conversation service) answer a case waiting on them, so they
 * resume its resolution clock like a citizen message does.
 */
export function attachDocuments(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  documentIds: string[],
) {
  checkDocuments(documentIds);
  const fromCitizen = actor.role === 'citizen' || actor.role === 'service';
  return mutateCase(ctx, actor, officeId, caseId, undefined, (doc, now) => {
    const added = [...new Set(documentIds)].filter((d) => !doc.documentIds.includes(d));
    if (added.length === 0) return null;
    if (doc.documentIds.length + added.length > MAX_DOCUMENTS * 3)
      throw invalid('too many documents on one case', 'TOO_MANY_DOCUMENTS');
    const answer = fromCitizen ? resumeOnCitizenAnswer(ctx, doc, now) : null;
    return {
      ...(answer?.set ? { set: answer.set } : {}),
      push: { documentIds: added },
      audit: {
        action: 'documents_attached',
        before: answer?.auditBefore ?? null,
        after: { documentIds: added, ...answer?.auditAfter },
        reason: '',
      },
      // Every instance's list view re-reads the case on it (the clock may have resumed).
      events: [
        {
          name: 'documents_attached',
          data: { ...caseRef(doc), documentIds: added, actor: { id: actor.id, role: actor.role } },
        },
      ],
    };
  });
}
