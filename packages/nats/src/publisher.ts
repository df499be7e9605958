import type { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { envelopeSchema, type Envelope } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import { injectTraceContext, SpanKind, withSpan } from '@pandawa/telemetry';

export interface PublishResult {
  stream: string;
  seq: number;
  /** True when JetStream already had a message with this id inside its duplicate window. */
  duplicate: boolean;
}

export interface PublishOptions {
  /** `Nats-Msg-Id`; the envelope id by default. */
  msgID?: string;
  timeoutMs?: number;
}

/**
 * Publishes envelopes and waits for JetStream's acknowledgement: a publish that returns has
 * been stored. The message id de-duplicates retries inside the stream's duplicate window.
 */
export class EventPublisher {
  constructor(private readonly js: JetStreamClient) {}

  async publish(
    subject: string,
    envelope: Envelope,
    options: PublishOptions = {},
  ): Promise<PublishResult> {
    const checked = envelopeSchema.safeParse(envelope);
    if (!checked.success) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `refusing to publish an invalid ${envelope.type} envelope`,
        {
          reason: 'INVALID_ENVELOPE',
          cause: checked.error,
        },
      );
    }
    return withSpan(
      `publish ${envelope.type}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: { 'messaging.system': 'nats', 'messaging.message.id': envelope.id },
      },
      async () => {
        const h = natsHeaders();
        injectTraceContext(h);
        const traceparent = h.get('traceparent');
        const body = traceparent && !envelope.traceparent ? { ...envelope, traceparent } : envelope;
        try {
          const ack = await this.js.publish(subject, JSON.stringify(body), {
            msgID: options.msgID ?? envelope.id,
            headers: h,
            timeout: options.timeoutMs ?? 5000,
          });
          return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
        } catch (error) {
          throw new AppError('UNAVAILABLE', 'the message bus did not acknowledge the publish', {
            reason: 'NATS_PUBLISH_FAILED',
            cause: error,
          });
        }
      },
    );
  }

  /** Publishes raw bytes (dead letters, passthrough) with a message id. */
  async publishRaw(
    subject: string,
    data: Uint8Array | string,
    msgID: string,
    timeoutMs = 5000,
  ): Promise<PublishResult> {
    const ack = await this.js.publish(subject, data, { msgID, timeout: timeoutMs });
    return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
  }
}
