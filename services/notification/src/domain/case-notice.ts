import type { CitizenIdentity, OutboundMessage } from '@pandawa/contracts';
import {
  officerReplyText,
  STATUS_LABELS,
  statusChangedText,
  type CaseStatus,
} from '../messages.id.js';

/** The templates sent instead when the citizen's 24-hour window is closed. */
export interface CaseTemplates {
  caseUpdate: string;
  officerReply: string;
  language: string;
}

/** A case event turned into what to tell the citizen: the data of a `notify.wa.send`. */
export interface CaseNotice {
  to: CitizenIdentity;
  caseId: string;
  caseMessageId?: string;
  purpose: string;
  message: OutboundMessage;
  fallbackTemplate: { name: string; language: string; parameters: string[] };
}

interface CaseRef {
  caseId: string;
  trackingCode: string;
  citizen: CitizenIdentity;
}

export interface StatusChange extends CaseRef {
  to: CaseStatus;
  reason?: string | undefined;
  missingItems?: string[] | undefined;
  visitInstructions?: string | undefined;
  actorRole: string;
}

export interface OfficerReply extends CaseRef {
  messageId: string;
  text: string;
  /** The officer chose the template (the window was closed): it goes, never free-form text. */
  asTemplate?: boolean | undefined;
}

/** Template parameters are bounded by Meta (1 024 characters) and may not be empty. */
const param = (value: string) => (value.trim() || '-').slice(0, 1024);

export function statusChangeNotice(
  change: StatusChange,
  templates: CaseTemplates,
): CaseNotice | undefined {
  // A citizen who cancelled has just been told so by the conversation, in the chat itself.
  if (change.to === 'DIBATALKAN' && change.actorRole === 'citizen') return undefined;
  const text = statusChangedText({
    trackingCode: change.trackingCode,
    to: change.to,
    reason: change.reason,
    missingItems: change.missingItems,
    visitInstructions: change.visitInstructions,
  });
  if (!text) return undefined;
  return {
    to: change.citizen,
    caseId: change.caseId,
    purpose: 'case.status_changed',
    message: { kind: 'text', text: text.slice(0, 4096) },
    fallbackTemplate: {
      name: templates.caseUpdate,
      language: templates.language,
      parameters: [param(change.trackingCode), param(STATUS_LABELS[change.to])],
    },
  };
}

export function officerReplyNotice(reply: OfficerReply, templates: CaseTemplates): CaseNotice {
  const template = {
    name: templates.officerReply,
    language: templates.language,
    parameters: [param(reply.trackingCode)],
  };
  return {
    to: reply.citizen,
    caseId: reply.caseId,
    caseMessageId: reply.messageId,
    purpose: 'case.reply_added',
    message: reply.asTemplate
      ? { kind: 'template', template }
      : { kind: 'text', text: officerReplyText(reply.trackingCode, reply.text) },
    fallbackTemplate: template,
  };
}
