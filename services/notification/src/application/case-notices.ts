import {
  caseReplyAdded,
  caseStatusChanged,
  notifyWaSend,
  type CitizenIdentity,
  type Envelope,
  type Topology,
} from '@pandawa/contracts';
import type { EventPublisher } from '@pandawa/nats';
import { PoisonMessageError } from '@pandawa/nats';
import {
  officerReplyNotice,
  statusChangeNotice,
  type CaseNotice,
  type CaseTemplates,
} from '../domain/case-notice.js';

/** The citizen a case event names (case.events v2 `citizen`, architecture §3). */
function citizenOf(data: { citizen: CitizenIdentity }): CitizenIdentity {
  return data.citizen;
}

/**
 * Case events the citizen must hear about (status changes, officers' replies) become
 * `notify.wa.send` commands on NOTIFY, so they take the same road as every other message: one
 * send record, the citizen's order, the window and its templates. The command id is derived from
 * the event id, so a republished or redelivered event is one message.
 */
export class CaseNotices {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly topology: Topology,
    /** The templates of the event's office (its settings, else the configuration). */
    private readonly templatesFor: (officeId: string) => CaseTemplates,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const notice = this.noticeFor(envelope);
    if (!notice) return;
    const command = notifyWaSend.create({
      id: `case:${envelope.id}`.slice(0, 256),
      officeId: envelope.officeId,
      data: notice,
    });
    await this.publisher.publish(this.topology.subjects.notifySend, command as Envelope);
  }

  private noticeFor(envelope: Envelope): CaseNotice | undefined {
    if (envelope.type === caseStatusChanged.type) {
      const e = parse(caseStatusChanged.schema, envelope);
      return statusChangeNotice(
        {
          caseId: e.data.caseId,
          trackingCode: e.data.trackingCode,
          citizen: citizenOf(e.data),
          to: e.data.to,
          reason: e.data.reason,
          missingItems: e.data.missingItems,
          visitInstructions: e.data.visitInstructions,
          actorRole: e.data.actor.role,
        },
        this.templatesFor(envelope.officeId),
      );
    }
    if (envelope.type === caseReplyAdded.type) {
      const e = parse(caseReplyAdded.schema, envelope);
      return officerReplyNotice(
        {
          caseId: e.data.caseId,
          trackingCode: e.data.trackingCode,
          citizen: citizenOf(e.data),
          messageId: e.data.messageId,
          text: e.data.text,
          asTemplate: e.data.asTemplate,
        },
        this.templatesFor(envelope.officeId),
      );
    }
    return undefined;
  }
}

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Error } },
  envelope: Envelope,
): T {
  const result = schema.safeParse(envelope);
  if (!result.success)
    throw new PoisonMessageError(`${envelope.type} failed validation`, { cause: result.error });
  return result.data;
}
