import {
  notifyWaSend,
  type Envelope,
  type OutboundMessage,
  type Topology,
} from '@pandawa/contracts';
import type { EventPublisher } from '@pandawa/nats';
import type { InboundMessage } from './inbound-message.js';

/** `notify.wa.send` purposes this service uses. */
export const PURPOSE = { reply: 'conversation.reply', read: 'conversation.read' } as const;

/**
 * Every reply leaves as a `notify.wa.send` command (architecture §2). Its envelope id is the
 * idempotency key: the inbound wamid plus the reply's place, so a redelivered message yields the
 * same ids and never a second reply.
 */
export function replyCommands(
  inbound: InboundMessage,
  replies: OutboundMessage[],
  now: Date,
): Envelope[] {
  return replies.map((message, i) =>
    notifyWaSend.create({
      // The place and the count: a reader (a test, a trace) knows when it has every reply.
      id: `${inbound.messageId}:${i + 1}/${replies.length}`,
      officeId: inbound.officeId,
      occurredAt: now,
      data: {
        to: inbound.citizen,
        phoneNumberId: inbound.phoneNumberId,
        purpose: PURPOSE.reply,
        message,
        // The window this message opened is open, whatever notification has recorded so far.
        ...(inbound.timestamp > 0
          ? { answers: { messageId: inbound.messageId, timestamp: inbound.timestamp } }
          : {}),
      },
    }),
  );
}

/** Blue ticks and the typing indicator while the bot works. */
export function readCommand(inbound: InboundMessage, now: Date): Envelope {
  return notifyWaSend.create({
    id: `${inbound.messageId}:read`,
    officeId: inbound.officeId,
    occurredAt: now,
    data: {
      to: inbound.citizen,
      phoneNumberId: inbound.phoneNumberId,
      purpose: PURPOSE.read,
      message: { kind: 'read', messageId: inbound.messageId, typingIndicator: true },
    },
  });
}

export class ReplyPublisher {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly topology: Topology,
  ) {}

  /** In order, each acknowledged by JetStream before the next (one citizen's order holds). */
  async publish(commands: Envelope[]): Promise<void> {
    for (const command of commands)
      await this.publisher.publish(this.topology.subjects.notifySend, command);
  }
}
