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

/** What the officers' desk is told of a citizen's window (architecture §3.1, NotificationService). */
export interface WindowView {
  open: boolean;
  /** When free-form sending stops (the margin taken off), in ms; undefined when never written. */
  closesAt: number | undefined;
  lastInboundAt: number | undefined;
}

/** The window as `windowIsOpen` decides it, with the moment it closes. */
export function windowView(
  lastInboundAt: number | undefined,
  now: number,
  marginMs: number,
): WindowView {
  return {
    open: windowIsOpen(lastInboundAt, now, marginMs),
    closesAt:
      lastInboundAt === undefined ? undefined : lastInboundAt + CUSTOMER_WINDOW_MS - marginMs,
    lastInboundAt,
  };
}
