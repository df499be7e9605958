import { waInMessage, type Envelope, type Topology } from '@pandawa/contracts';
import type { EventPublisher } from '@pandawa/nats';
import type { Sandbox } from '@pandawa/wa-sandbox';

/**
 * A citizen writes a text through the wa-sandbox (which opens Meta's 24-hour window there), and
 * WA_IN gets the `wa.in.message` the gateway would have published for it: for tests that run the
 * notification service without a gateway. `atMs` is when WhatsApp says it was sent (default
 * now). Resolves with the envelope, to deliver it again.
 */
export async function citizenWrites(
  target: { sandbox: Sandbox; publisher: EventPublisher; topology: Topology; officeId: string },
  waId: string,
  text: string,
  atMs = Date.now(),
): Promise<Envelope> {
  const { sandbox } = target;
  const messageId = sandbox.sendAsCitizen({ waId, message: { type: 'text', text } });
  const envelope = waInMessage.create({
    id: messageId,
    officeId: target.officeId,
    data: {
      phoneNumberId: sandbox.phoneNumberId,
      citizen: { phone: waId },
      messageId,
      messageType: 'text',
      timestamp: String(Math.floor(atMs / 1000)),
      message: { id: messageId, type: 'text', text: { body: text } },
    },
  }) as Envelope;
  await target.publisher.publish(target.topology.subjects.waInMessage, envelope);
  return envelope;
}
