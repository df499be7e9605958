import type { CitizenIdentity } from '@pandawa/contracts';
import { windowView, type WindowView } from '../domain/customer-window.js';
import type { CustomerWindowRepository } from '../store/customer-window.repository.js';
import type { RecentMemory } from './recent-memory.js';

export interface WindowQueryDeps {
  windows: CustomerWindowRepository;
  /** What this process saw of inbound messages lately (the send path's shortcut). */
  windowMemory: RecentMemory<number>;
  numberOf: (officeId: string) => string;
  marginMs: number;
  now: () => number;
}

/**
 * A citizen's 24-hour window on the office's sending number, as a send would judge it now
 * (architecture §3.1): the officers' desk asks before it accepts a free-form reply. Read from
 * the database (the truth), and from this process's memory of inbound messages not yet seen
 * there; inbound times only grow, so the later of the two is right.
 */
export async function customerWindowOf(
  deps: WindowQueryDeps,
  officeId: string,
  citizen: Pick<CitizenIdentity, 'bsuid' | 'phone'>,
): Promise<WindowView> {
  const phoneNumberId = deps.numberOf(officeId);
  const keys = [citizen.bsuid, citizen.phone].filter((k): k is string => Boolean(k));
  const stored = await deps.windows.lastInboundAt(phoneNumberId, keys);
  const remembered = keys.map((k) => deps.windowMemory.get(`${phoneNumberId}:${k}`) ?? -Infinity);
  const latest = Math.max(stored ?? -Infinity, ...remembered);
  return windowView(Number.isFinite(latest) ? latest : undefined, deps.now(), deps.marginMs);
}
