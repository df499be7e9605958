import { normalizeTags } from '../domain/case-tags.js';
import { isStaff, type Actor, type CasePriority } from '../domain/case.types.js';
import type { CaseContext } from './case-context.js';
import { caseRef } from './case-events.js';
import { denied, invalid } from './case-guards.js';
import { mutateCase } from './case-mutation.js';

export interface TriageInput {
  /** Undefined: leave it as it is. */
  priority?: CasePriority;
  /** Undefined: leave them as they are; [] clears them. */
  tags?: string[];
}

/** Sets a case's priority and/or tags (officers only); nothing changes, nothing is written. */
export function updateTriage(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  input: TriageInput,
  expectedVersion?: number,
) {
  if (!isStaff(actor)) throw denied('only officers triage cases', 'OFFICER_ONLY');
  const tags = input.tags === undefined ? undefined : normalizeTags(input.tags);
  if (typeof tags === 'string')
    throw invalid(`tags: ${tags.toLowerCase().replace(/_/g, ' ')}`, tags);
  return mutateCase(ctx, actor, officeId, caseId, expectedVersion, (doc) => {
    const priority = input.priority ?? doc.priority;
    const nextTags = tags ?? doc.tags;
    const same =
      priority === doc.priority &&
      nextTags.length === doc.tags.length &&
      nextTags.every((t, i) => t === doc.tags[i]);
    if (same) return null;
    return {
      set: { priority, tags: nextTags },
      audit: {
        action: 'triaged',
        before: { priority: doc.priority, tags: doc.tags },
        after: { priority, tags: nextTags },
        reason: '',
      },
      // Lists filter on both: every instance's list view re-reads the case.
      events: [
        {
          name: 'triaged',
          data: {
            ...caseRef(doc),
            priority,
            tags: nextTags,
            actor: { id: actor.id, role: actor.role },
          },
        },
      ],
    };
  });
}
