import type { OutboundMessage } from '@pandawa/contracts';

type Template = Extract<OutboundMessage, { kind: 'template' }>['template'];

export type OutboundChoice =
  | { send: OutboundMessage; viaTemplate: boolean }
  /** Free-form, window closed, no template to send instead: fails as WINDOW_CLOSED. */
  | { windowClosed: true };

/** Whether a message may leave at any time: templates, and read receipts (no chat message). */
export const needsWindow = (m: OutboundMessage) => m.kind !== 'template' && m.kind !== 'read';

/**
 * What leaves for a command: the message itself inside the 24-hour window (or when it needs
 * none), else its fallback template, else nothing — never a free-form send that would fail 131047.
 */
export function chooseOutbound(
  message: OutboundMessage,
  fallback: Template | undefined,
  windowOpen: boolean,
): OutboundChoice {
  if (!needsWindow(message) || windowOpen) return { send: message, viaTemplate: false };
  if (fallback) return { send: { kind: 'template', template: fallback }, viaTemplate: true };
  return { windowClosed: true };
}
