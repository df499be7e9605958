import { AppError } from '@pandawa/errors';
import { isStaff, type Actor, type DeliveryStatus } from '../domain/case.types.js';
import { deliveryMovesForward } from '../domain/delivery-status.js';
import type { CaseDocument } from '../store/case/case.schema.js';
import type { CaseContext } from './case-context.js';
import { denied, notFound, requireOffice } from './case-guards.js';

/**
 * Records a WhatsApp delivery receipt for an outbound message. It bypasses mutateCase on
 * purpose: a receipt moves one field forward, leaves no audit entry and raises no event.
 */
export async function updateMessageDelivery(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  messageId: string,
  to: DeliveryStatus,
): Promise<CaseDocument> {
  if (actor.role !== 'service' && !isStaff(actor))
    throw denied('only services record delivery', 'SERVICE_ONLY');
  requireOffice(officeId);
  return ctx.locks.withLock(officeId, caseId, () =>
    recordDelivery(ctx, officeId, caseId, messageId, to),
  );
}

async function recordDelivery(
  ctx: CaseContext,
  officeId: string,
  caseId: string,
  messageId: string,
  to: DeliveryStatus,
): Promise<CaseDocument> {
  const doc = await ctx.repo.findById(officeId, caseId);
  if (!doc) throw notFound();
  const index = doc.messages.findIndex((m) => m.id === messageId);
  const message = doc.messages[index];
  if (!message || message.author === 'citizen')
    throw new AppError('NOT_FOUND', 'outbound message not found', {
      reason: 'MESSAGE_NOT_FOUND',
    });
  if (!deliveryMovesForward(message.deliveryStatus, to)) return doc;
  await ctx.repo.setFieldLocked(officeId, caseId, `messages.${index}.deliveryStatus`, to);
  message.deliveryStatus = to;
  return doc;
}
