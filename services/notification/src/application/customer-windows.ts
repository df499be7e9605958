import type { RecentMemory } from './recent-memory.js';
import type { CustomerWindowRepository } from '../store/customer-window.repository.js';

export interface InboundSeen {
  phoneNumberId: string;
  /** Every identifier the message carried (BSUID, phone). */
  identifiers: string[];
  /** Unix seconds, Meta's timestamp of the citizen's message. */
  timestamp: string;
}

/**
 * The 24-hour window opens (again) with every message a citizen sends. Meta counts from the
 * message's own time; a timestamp from the future (clock skew) counts as now.
 */
export async function citizenWrote(
  windows: CustomerWindowRepository,
  memory: RecentMemory<number>,
  inbound: InboundSeen,
  now: number,
): Promise<void> {
  const seconds = Number(inbound.timestamp);
  if (!Number.isFinite(seconds) || inbound.identifiers.length === 0) return;
  const at = Math.min(seconds * 1000, now);
  await windows.citizenWrote(inbound.phoneNumberId, inbound.identifiers, new Date(at));
  for (const id of inbound.identifiers) {
    const key = `${inbound.phoneNumberId}:${id}`;
    memory.set(key, Math.max(at, memory.get(key) ?? 0));
  }
}
