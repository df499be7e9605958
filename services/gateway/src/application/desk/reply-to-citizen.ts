import { AppError } from '@pandawa/errors';
import { callUnary, type ClientResponse, type CaseProto } from '@pandawa/grpc';
import { asOfficer, type DeskClients } from '../../grpc/desk.clients.js';
import type { Officer } from '../../http/admin/authenticate.js';

type CaseService = CaseProto['pandawa']['case']['v1']['CaseService']['service'];
type CaseMessage = ClientResponse<CaseService, 'GetCase'>;

export interface CustomerWindowOut {
  open: boolean;
  /** RFC 3339; null when the citizen never wrote to the office's number. */
  closesAt: string | null;
  lastInboundAt: string | null;
  /** What a reply goes as while the window is closed: the template and the text the citizen reads. */
  template: { name: string; language: string; text: string };
}

export interface ReplyInput {
  /** Free text (already taken from a canned reply when one was named and no text given). */
  text: string | undefined;
  sendAs: 'text' | 'template';
}

export interface ReplyOut {
  caseId: string;
  message: {
    id: string;
    text: string;
    createdAt: string;
    /** Delivery ticks, as the case detail's thread shows them. */
    delivery: 'pending' | 'sent' | 'delivered' | 'read' | 'failed';
    sentAs: 'text' | 'template';
  };
  window: CustomerWindowOut;
}

const DELIVERY = {
  DELIVERY_PENDING: 'pending',
  DELIVERY_SENT: 'sent',
  DELIVERY_DELIVERED: 'delivered',
  DELIVERY_READ: 'read',
  DELIVERY_FAILED: 'failed',
} as const;

/** The case the officer may see (another office's, or none: NOT_FOUND from the case service). */
async function caseOf(clients: DeskClients, officer: Officer, caseId: string) {
  return callUnary(
    clients.cases,
    clients.cases.getCase,
    { officeId: officer.officeId, id: caseId },
    asOfficer(officer, clients.deadlineMs),
  );
}

async function windowOf(
  clients: DeskClients,
  officer: Officer,
  found: CaseMessage,
): Promise<CustomerWindowOut> {
  const w = await callUnary(
    clients.notifications,
    clients.notifications.getCustomerWindow,
    {
      officeId: officer.officeId,
      citizen: { bsuid: found.citizen?.bsuid ?? '', phone: found.citizen?.phone ?? '' },
      trackingCode: found.trackingCode,
    },
    asOfficer(officer, clients.deadlineMs),
  );
  return {
    open: w.open,
    closesAt: w.closesAt || null,
    lastInboundAt: w.lastInboundAt || null,
    template: {
      name: w.replyTemplate?.name ?? '',
      language: w.replyTemplate?.language ?? '',
      text: w.replyTemplate?.text ?? '',
    },
  };
}

/** The citizen's 24-hour window for a case of the officer's office (asked of notification). */
export async function caseWindow(
  clients: DeskClients,
  officer: Officer,
  caseId: string,
): Promise<CustomerWindowOut> {
  return windowOf(clients, officer, await caseOf(clients, officer, caseId));
}

/**
 * An officer's reply to the citizen (architecture §3.1): free text only while the citizen's
 * 24-hour window is open — otherwise refused with WINDOW_CLOSED and the template offered, so the
 * officer chooses. `sendAs: 'template'` with text: the officer's text is the reply (the thread
 * keeps it) and goes as an ordinary one, which notification, finding the window closed, sends as
 * the template and holds until the citizen answers it ("Balas pesan ini untuk membacanya": held
 * messages, §3.1) — so the officer's words are never swapped for the template's. Without text,
 * the template alone (its text is what the thread keeps). The
 * case service records the reply and emits `reply_added`; notification sends it and reports its
 * ticks back to the case. A window that closes between this check and the send still gets the
 * template (notification's fallback), never a free-form message Meta would refuse.
 */
export async function replyToCitizen(
  clients: DeskClients,
  officer: Officer,
  caseId: string,
  input: ReplyInput,
): Promise<ReplyOut> {
  const found = await caseOf(clients, officer, caseId);
  const window = await windowOf(clients, officer, found);
  const sendAsTemplate = input.sendAs === 'template';
  if (!sendAsTemplate && !window.open)
    throw new AppError(
      'FAILED_PRECONDITION',
      'The citizen has not written in the last 24 hours, so WhatsApp allows no free text. ' +
        'Send the template instead; it asks the citizen to reply, which opens the window again, ' +
        'and your text is delivered then.',
      {
        reason: 'WINDOW_CLOSED',
        offer: { sendAs: 'template', template: window.template },
      },
    );
  const officerText = input.text?.trim() ? input.text : undefined;
  // Only a template with nothing of the officer's to hold goes as the template itself.
  const asTemplate = sendAsTemplate && !officerText;
  const text = asTemplate ? window.template.text : officerText;
  if (!text?.trim())
    throw new AppError('INVALID_ARGUMENT', 'body.text: a reply needs text (or a canned reply)', {
      reason: 'REPLY_TEXT_REQUIRED',
    });
  const updated = await callUnary(
    clients.cases,
    clients.cases.addOfficerReply,
    { officeId: officer.officeId, caseId, text, asTemplate },
    asOfficer(officer, clients.deadlineMs),
  );
  const added = [...(updated.messages ?? [])]
    .reverse()
    .find((m) => m.author === 'AUTHOR_OFFICER' && m.actorId === officer.accountId);
  if (!added) throw new Error('the case service answered without the reply it added');
  return {
    caseId: updated.id,
    message: {
      id: added.id,
      text: added.text,
      createdAt: added.createdAt,
      delivery: DELIVERY[added.deliveryStatus as keyof typeof DELIVERY] ?? 'pending',
      sentAs: sendAsTemplate ? 'template' : 'text',
    },
    window,
  };
}
