import type { DeliveryFailure, DeliveryStatus } from './case.types.js';

// FAILED ranks with SENT: a failure can only be reported for a message that never arrived.
const DELIVERY_RANK: Record<DeliveryStatus, number> = {
  DELIVERY_PENDING: 0,
  DELIVERY_SENT: 1,
  DELIVERY_DELIVERED: 2,
  DELIVERY_READ: 3,
  DELIVERY_FAILED: 1,
};

/**
 * Receipts arrive out of order and more than once, so they only move forward:
 * sent → delivered → read; failed only before delivery, and nothing after failed.
 */
export function deliveryMovesForward(from: DeliveryStatus | null, to: DeliveryStatus): boolean {
  if (from === to) return false;
  if (from === null) return true;
  if (from === 'DELIVERY_FAILED') return false;
  if (to === 'DELIVERY_FAILED') return DELIVERY_RANK[from] <= 1;
  return DELIVERY_RANK[to] > DELIVERY_RANK[from];
}

/**
 * The failure reason to store with a receipt, if any: Meta's reason comes with the failure that
 * moves the message to FAILED, or with a later report of the same failure when the first had
 * none (a send refused at once, then Meta's `failed` webhook). A known reason is never replaced.
 */
export function failureToKeep(
  message: { deliveryStatus: DeliveryStatus | null; deliveryFailure?: DeliveryFailure | null },
  to: DeliveryStatus,
  failure: DeliveryFailure | undefined,
  moves: boolean,
): DeliveryFailure | undefined {
  if (!failure || to !== 'DELIVERY_FAILED') return undefined;
  if (moves) return failure;
  const alreadyFailed = message.deliveryStatus === 'DELIVERY_FAILED';
  return alreadyFailed && !message.deliveryFailure ? failure : undefined;
}
