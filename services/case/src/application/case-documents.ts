import type { Actor } from '../domain/case.types.js';
import type { CaseContext } from './case-context.js';
import { checkDocuments, invalid, MAX_DOCUMENTS } from './case-guards.js';
import { mutateCase } from './case-mutation.js';

/** Attaches stored documents to a case; ids it already holds are skipped, not repeated. */
export function attachDocuments(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  documentIds: string[],
) {
  checkDocuments(documentIds);
  return mutateCase(ctx, actor, officeId, caseId, undefined, (doc) => {
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
