/** Delivery states a status webhook reports for a message we sent. */
export const DELIVERY_STATES = ['sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const isDeliveryState = (value: string): value is DeliveryState =>
  (DELIVERY_STATES as readonly string[]).includes(value);

// `failed` ranks with `sent`: Meta reports a failure only for a message that never arrived, so a
// `delivered` or `read` seen (in any order) outranks it. The case service keeps the same rule
// (services/case/src/domain/delivery-status.ts).
const RANK: Record<DeliveryState, number> = { sent: 1, failed: 1.5, delivered: 2, read: 3 };

/**
 * The furthest state among those seen. Webhooks arrive out of order and `delivered` is
 * sometimes skipped, so the answer depends on the set of states, never on their order.
 */
export function furthestState(seen: Iterable<DeliveryState>): DeliveryState | undefined {
  let best: DeliveryState | undefined;
  for (const state of seen) if (best === undefined || RANK[state] > RANK[best]) best = state;
  return best;
}
