import { citizenIdentitySchema, envelopeSchema, type CitizenIdentity } from '@pandawa/contracts';
import { z } from 'zod';

/**
 * `wa.in.message` as this service reads it. Version 1 named the citizen by `waId` (a phone
 * number); version 2 carries the whole identity (`citizen`, BSUID first, architecture §1). Both
 * are read, so the gateway and this service can be deployed in either order.
 */
const inboundData = z.object({
  phoneNumberId: z.string().min(1).max(64),
  citizen: citizenIdentitySchema.optional(),
  waId: z.string().min(1).max(32).optional(),
  profileName: z.string().max(256).optional(),
  messageId: z.string().min(1).max(200),
  messageType: z.string().min(1).max(64),
  timestamp: z.string().max(20),
  message: z.record(z.string(), z.unknown()),
});

export const inboundEnvelopeSchema = envelopeSchema.extend({
  type: z.literal('wa.in.message'),
  version: z.union([z.literal(1), z.literal(2)]),
  data: inboundData.refine((d) => d.citizen !== undefined || d.waId !== undefined, {
    message: 'the message names no citizen',
  }),
});

export type InboundEnvelope = z.infer<typeof inboundEnvelopeSchema>;

/** What was sent, before documents are fetched: the webhook's message object, reduced. */
export type RawInput =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; id: string; title: string }
  | { kind: 'media'; mediaId: string }
  | { kind: 'unsupported'; type: string }
  /** System notices (a changed number or BSUID): no reply. */
  | { kind: 'ignored' };

export interface InboundMessage {
  officeId: string;
  phoneNumberId: string;
  citizen: CitizenIdentity;
  profileName: string;
  messageId: string;
  /** Unix seconds, WhatsApp's clock. */
  timestamp: number;
  input: RawInput;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

function rawInputOf(type: string, message: Obj): RawInput {
  switch (type) {
    case 'text':
      return { kind: 'text', text: str(obj(message.text)?.body, 4096) };
    case 'interactive': {
      const i = obj(message.interactive);
      const reply = obj(i?.button_reply) ?? obj(i?.list_reply);
      if (!reply) return { kind: 'unsupported', type: 'interactive' };
      return { kind: 'choice', id: str(reply.id, 256), title: str(reply.title, 100) };
    }
    case 'button': {
      const b = obj(message.button);
      return { kind: 'choice', id: str(b?.payload, 256), title: str(b?.text, 100) };
    }
    case 'image':
    case 'document': {
      const mediaId = str(obj(message[type])?.id, 512);
      return mediaId ? { kind: 'media', mediaId } : { kind: 'unsupported', type };
    }
    case 'system':
      return { kind: 'ignored' };
    default:
      // sticker, reaction, location, audio (voice notes), video, contacts, order, unsupported, …
      return { kind: 'unsupported', type: type.slice(0, 32) };
  }
}

export function inboundMessageOf(envelope: InboundEnvelope): InboundMessage {
  const d = envelope.data;
  const citizen = d.citizen ?? { phone: d.waId! };
  const timestamp = Number(d.timestamp);
  return {
    officeId: envelope.officeId,
    phoneNumberId: d.phoneNumberId,
    citizen,
    profileName: (d.profileName ?? '').slice(0, 100),
    messageId: d.messageId,
    timestamp: Number.isFinite(timestamp) ? timestamp : 0,
    input: rawInputOf(d.messageType, d.message),
  };
}
