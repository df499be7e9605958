import { createHash } from 'node:crypto';

/**
 * Held messages: the free-form content of a send that left as its fallback template because the
 * citizen's 24-hour window was closed. The templates promise "Balas pesan ini untuk melihat
 * rinciannya" / "untuk membacanya"; the citizen's next message opens the window and the held
 * content goes then, free-form, in order, once each (architecture §3.1, Held messages).
 */

/** How many are kept per citizen and number, and for how long. */
export interface HeldBounds {
  maxPerCitizen: number;
  maxAgeMs: number;
}

const PREFIX = 'held:';
/** Envelope ids are at most 256 characters (packages/contracts). */
const MAX_ID = 256;

/**
 * The id of the held record of the command `commandId`, which is also the idempotency key of
 * the `notify.wa.send` that delivers it: derived, so every release of it (a redelivered
 * `wa.in.message`, a restart, two replicas) is one send record, one message.
 */
export function heldIdOf(commandId: string): string {
  const id = `${PREFIX}${commandId}`;
  if (id.length <= MAX_ID) return id;
  return `${PREFIX}#${createHash('sha256').update(commandId).digest('hex')}`;
}

/** Whether a command is the delivery of a held message (its record is purged once final). */
export const isHeldRelease = (commandId: string) => commandId.startsWith(PREFIX);

export interface HeldOrder {
  _id: string;
  heldAt: Date;
}

/** The citizen's order: as they were held (the send lane holds one citizen's in stream order). */
export function inHeldOrder<T extends HeldOrder>(held: readonly T[]): T[] {
  return [...held].sort(
    (a, b) => a.heldAt.getTime() - b.heldAt.getTime() || (a._id < b._id ? -1 : 1),
  );
}

/**
 * What a citizen's held messages come to at `now`: those to keep, oldest first, and those to
 * drop — expired (older than `maxAgeMs`), or the oldest beyond `maxPerCitizen` (the citizen has
 * had a template for each; the newest are the ones worth reading).
 */
export function boundHeld<T extends HeldOrder>(
  held: readonly T[],
  now: number,
  bounds: HeldBounds,
): { keep: T[]; expired: T[]; overflow: T[] } {
  const ordered = inHeldOrder(held);
  const expired = ordered.filter((h) => now - h.heldAt.getTime() >= bounds.maxAgeMs);
  const live = ordered.filter((h) => now - h.heldAt.getTime() < bounds.maxAgeMs);
  const cut = Math.max(0, live.length - bounds.maxPerCitizen);
  return { keep: live.slice(cut), expired, overflow: live.slice(0, cut) };
}
