/** Meta's customer-service window: free-form messages only within 24 hours of the user's last. */
export const CUSTOMER_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a free-form message may leave now. `marginMs` closes our window a little before Meta's,
 * so that a send that leaves just inside does not arrive just outside (131047).
 */
export function windowIsOpen(
  lastInboundAt: number | undefined,
  now: number,
  marginMs: number,
): boolean {
  if (lastInboundAt === undefined) return false;
  return now - lastInboundAt < CUSTOMER_WINDOW_MS - marginMs;
}
