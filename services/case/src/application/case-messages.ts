import { randomUUID } from 'node:crypto';
import { AppError } from '@pandawa/errors';
import { isOpen, isStaff, type Actor } from '../domain/case.types.js';
import { nextSlaCheck, stopFirstResponseClock } from '../domain/sla-clocks.js';
import type { ThreadMessageDoc } from '../store/case/case.schema.js';
import type { CaseContext } from './case-context.js';
import { caseRef } from './case-events.js';
import { checkDocuments, checkText, denied, invalid } from './case-guards.js';
import { mutateCase } from './case-mutation.js';
import { requestOfficer } from './case-handoff.js';
import { resumeOnCitizenAnswer } from './citizen-answer.js';

/**
 * A citizen's message on their case. WhatsApp redelivers webhooks, so a message whose
 * WhatsApp id the thread already holds is not added twice. An answer to a case waiting on the
 * citizen resumes its resolution clock: the office is accountable from the moment it arrives.
 * With `requestOfficer` the citizen asks for an officer: the case's handoff starts (same update).
 */
export function addCitizenMessage(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  input: { text: string; documentIds: string[]; waMessageId: string; requestOfficer?: boolean },
) {
  if (actor.role !== 'citizen' && actor.role !== 'service')
    throw denied('only the citizen adds citizen messages', 'CITIZEN_ONLY');
  if (!input.text && input.documentIds.length === 0)
    throw invalid('a message needs text or documents', 'EMPTY_MESSAGE');
  if (input.text) checkText(input.text, 'text');
  checkDocuments(input.documentIds);
  return mutateCase(ctx, actor, officeId, caseId, undefined, (doc, now) => {
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
    const answer = resumeOnCitizenAnswer(ctx, doc, now);
    const handoff = input.requestOfficer ? requestOfficer(doc, actor, now) : null;
    const set = { ...answer.set, ...handoff?.set };
    return {
      ...(Object.keys(set).length ? { set } : {}),
      push: { messages: [message], ...(newDocs.length ? { documentIds: newDocs } : {}) },
      audit: {
        action: 'message_added',
        before: answer.auditBefore,
        after: {
          messageId: message.id,
          ...answer.auditAfter,
          ...(handoff ? { handoff: 'requested' } : {}),
        },
        reason: '',
      },
      events: [
        {
          name: 'message_added',
          data: { ...caseRef(doc), messageId: message.id, documentIds: input.documentIds },
        },
        ...(handoff ? [handoff.event] : []),
      ],
    };
  });
}

/**
 * An officer's reply to the citizen; the first one stops the first-response clock. `asTemplate`:
 * sent as the officer-reply template (the window was closed), `text` being what the citizen reads.
 */
export function addOfficerReply(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  text: string,
  asTemplate = false,
) {
  if (!isStaff(actor)) throw denied('only officers reply', 'OFFICER_ONLY');
  checkText(text, 'text', true);
  return mutateCase(ctx, actor, officeId, caseId, undefined, (doc, now) => {
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
    stopFirstResponseClock(ctx.scheduleFor(doc.officeId), doc.createdAt, sla, now);
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
            ...caseRef(doc),
            messageId: message.id,
            text,
            ...(asTemplate ? { asTemplate: true } : {}),
            actor: { id: actor.id, role: actor.role },
          },
        },
      ],
    };
  });
}
