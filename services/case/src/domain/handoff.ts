import { isOpen, type CaseStatus } from './case.types.js';

/**
 * The citizen asked for an officer (*Bicara dengan petugas*, architecture §6.1): the bot stays
 * quiet on the case while it runs. Cases stored before the flag have none.
 */
export interface Handoff {
  /** The latest request. */
  requestedAt: Date;
  /** When an officer handed the conversation back; null while it runs. */
  endedAt: Date | null;
  /** The officer who handed it back; '' while it runs. */
  endedBy: string;
}

/**
 * Whether the citizen waits for an officer: they asked, no officer has handed the conversation
 * back yet, and the case is still open (closing a case ends the handoff too).
 */
export function handoffActive(c: { status: CaseStatus; handoff?: Handoff | null }): boolean {
  return Boolean(c.handoff && !c.handoff.endedAt && isOpen(c.status));
}

/** A new request: running from `now`, whatever an earlier handoff of the case was. */
export const handoffRequested = (now: Date): Handoff => ({
  requestedAt: now,
  endedAt: null,
  endedBy: '',
});
