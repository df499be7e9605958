import { AppError } from '@pandawa/errors';
import {
  isStaff,
  type Actor,
  type DeliveryFailure,
  type DeliveryStatus,
} from '../domain/case.types.js';
import { deliveryMovesForward, failureToKeep } from '../domain/delivery-status.js';
import type { CaseDocument } from '../store/case/case.schema.js';
import type { CaseContext } from './case-context.js';
import { denied, notFound, requireOffice } from './case-guards.js';

/**
 * Records a WhatsApp delivery receipt for an outbound message, with Meta's reason when it
 * failed. It bypasses mutateCase on purpose: a receipt moves one field forward, leaves no audit
 * entry and raises no event.
 */
export async function updateMessageDelivery(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  messageId: string,
  to: DeliveryStatus,
  failure?: DeliveryFailure,
): Promise<CaseDocument> {
  if (actor.role !== 'service' && !isStaff(actor))
    throw denied('only services record delivery', 'SERVICE_ONLY');
  requireOffice(officeId);
  if (failure && to !== 'DELIVERY_FAILED')
    throw new AppError('INVALID_ARGUMENT', 'failure is given only with DELIVERY_FAILED', {
      reason: 'FAILURE_WITHOUT_FAILED',
      details: { field: 'failure' },
    });
  return ctx.locks.withLock(officeId, caseId, () =>
    recordDelivery(ctx, officeId, caseId, messageId, to, failure),
  );
}

async function recordDelivery(
  ctx: CaseContext,
  officeId: string,
  caseId: string,
  messageId: string,
  to: DeliveryStatus,
  failure: DeliveryFailure | undefined,
): Promise<CaseDocument> {
  const doc = await ctx.repo.findById(officeId, caseId);
  if (!doc) throw notFound();
  const index = doc.messages.findIndex((m) => m.id === messageId);
  const message = doc.messages[index];
  if (!message || message.author === 'citizen')
    throw new AppError('NOT_FOUND', 'outbound message not found', {
      reason: 'MESSAGE_NOT_FOUND',
    });
  const moves = deliveryMovesForward(message.deliveryStatus, to);
  const reason = failureToKeep(message, to, failure, moves);
  if (!moves && !reason) return doc;
  await ctx.repo.setFieldsLocked(officeId, caseId, {
    ...(moves ? { [`messages.${index}.deliveryStatus`]: to } : {}),
    ...(reason ? { [`messages.${index}.deliveryFailure`]: reason } : {}),
  });
  if (moves) message.deliveryStatus = to;
  if (reason) message.deliveryFailure = reason;
  return doc;
}
