import type { DeliveryStatus } from './case.types.js';

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
