import { citizenKey, type CitizenIdentity } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import { sessionId, type SessionRepository } from '../store/session/session.repository.js';

/**
 * A citizen's identity changed (`wa.in.identity_changed`: a new BSUID, or a new number): their
 * session follows them, so a half-done complaint is not lost (architecture §1). Doing it twice
 * is harmless: the second time there is nothing left under the old key. If the citizen already
 * wrote under the new identity, that newer session is kept.
 */
export async function followIdentityChange(
  deps: { sessions: SessionRepository; logger: Logger },
  change: { officeId: string; previous: CitizenIdentity; current: CitizenIdentity },
): Promise<'moved' | 'updated' | 'nothing'> {
  const from = sessionId(change.officeId, citizenKey(change.previous));
  const to = sessionId(change.officeId, citizenKey(change.current));
  const old = await deps.sessions.load(from);
  if (!old) return 'nothing';
  if (from === to) {
    // Same key (a new number under the same BSUID): replies go to the identity as it is now.
    const saved = await deps.sessions.save({
      ...old,
      identity: change.current,
      version: old.version + 1,
    });
    return saved ? 'updated' : 'nothing';
  }
  if (await deps.sessions.load(to)) {
    deps.logger.info('session under the new identity already exists; the old one is left');
    return 'nothing';
  }
  const moved = await deps.sessions.save({ ...old, id: to, identity: change.current, version: 1 });
  if (moved) await deps.sessions.delete(from);
  return moved ? 'moved' : 'nothing';
}
