import { z } from 'zod';
import { newWamid } from '../state/ids.js';
import type { SandboxState } from '../sandbox.state.js';
import { unixSeconds, webhookBody } from '../webhooks/webhook.payloads.js';

const mediaInput = {
  /** An id from `POST /sandbox/media`, or the bytes inline. */
  mediaId: z.string().optional(),
  dataBase64: z.string().optional(),
  mimeType: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
};

/** What a simulated citizen can send. */
export const citizenMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1) }),
  z.object({ type: z.literal('image'), ...mediaInput }),
  z.object({ type: z.literal('document'), ...mediaInput }),
  z.object({ type: z.literal('audio'), ...mediaInput }),
  z.object({ type: z.literal('video'), ...mediaInput }),
  z.object({ type: z.literal('sticker'), ...mediaInput }),
  z.object({
    type: z.literal('button_reply'),
    id: z.string(),
    title: z.string(),
    contextMessageId: z.string().optional(),
  }),
  z.object({
    type: z.literal('list_reply'),
    id: z.string(),
    title: z.string(),
    description: z.string().optional(),
    contextMessageId: z.string().optional(),
  }),
  z.object({ type: z.literal('button'), text: z.string(), payload: z.string() }),
  z.object({
    type: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  z.object({ type: z.literal('reaction'), messageId: z.string(), emoji: z.string() }),
  /**
   * WhatsApp's system message when the citizen's identity changes (architecture §1): a new BSUID
   * (`user_changed_user_id`), or a new phone number, which also brings a new BSUID
   * (`user_changed_number`). Sent from the citizen's old identity.
   */
  z.object({
    type: z.literal('identity_change'),
    change: z.enum(['user_changed_user_id', 'user_changed_number']),
    newBsuid: z.string().optional(),
    newPhone: z.string().optional(),
  }),
  /** Any message object, for types the sandbox has no shortcut for. */
  z.object({ type: z.literal('raw'), message: z.record(z.string(), z.unknown()) }),
]);
export type CitizenMessage = z.input<typeof citizenMessageSchema>;

/**
 * One citizen's message. 2026 identities (architecture §1): a citizen has a BSUID (on every
 * webhook as `from_user_id` / `contacts[].user_id`) and a phone number, which WhatsApp withholds
 * for a citizen who adopted a username (`waId` omitted). At least one of `waId` and `bsuid`.
 */
export interface CitizenSend {
  /** The phone number; omit for a username citizen whose number is withheld. */
  waId?: string;
  bsuid?: string;
  username?: string;
  profileName?: string;
  phoneNumberId?: string;
  message: CitizenMessage;
}

/**
 * Turns a citizen's action into the message object Meta would put in a webhook, opens the
 * 24-hour window, records it and queues the signed webhook. Returns the new `wamid`.
 */
export function sendAsCitizen(state: SandboxState, input: CitizenSend): string {
  const number = input.phoneNumberId ? state.numbers.get(input.phoneNumberId) : state.defaultNumber;
  if (!number) throw new Error(`unknown business phone number ${input.phoneNumberId}`);
  const m = citizenMessageSchema.parse(input.message);
  const now = state.clock.now();
  const wamid = newWamid();
  const who = input.bsuid ?? input.waId;
  if (!who) throw new Error('a citizen needs a phone number (waId) or a BSUID');
  const base = {
    ...(input.waId ? { from: input.waId } : {}),
    ...(input.bsuid ? { from_user_id: input.bsuid } : {}),
    id: wamid,
    timestamp: unixSeconds(now),
  };
  let message: Record<string, unknown>;
  switch (m.type) {
    case 'text':
      message = { ...base, type: 'text', text: { body: m.text } };
      break;
    case 'image':
    case 'document':
    case 'audio':
    case 'video':
    case 'sticker': {
      let media = m.mediaId ? state.media.get(m.mediaId) : undefined;
      if (!media && m.dataBase64 !== undefined) {
        media = state.media.put({
          bytes: Buffer.from(m.dataBase64, 'base64'),
          mimeType: m.mimeType ?? 'application/octet-stream',
          ...(m.filename ? { filename: m.filename } : {}),
          origin: 'citizen',
          now,
        });
        state.record.add({
          kind: 'media.upload',
          mediaId: media.id,
          mimeType: media.mimeType,
          size: media.bytes.length,
          origin: 'citizen',
        });
      }
      if (!media) throw new Error('mediaId (of an existing upload) or dataBase64 is required');
      const object: Record<string, unknown> = {
        id: media.id,
        mime_type: media.mimeType,
        sha256: Buffer.from(media.sha256, 'hex').toString('base64'),
      };
      if (m.caption && m.type !== 'audio' && m.type !== 'sticker') object.caption = m.caption;
      if (m.type === 'document') object.filename = m.filename ?? media.filename ?? 'document';
      if (m.type === 'audio') object.voice = false;
      if (m.type === 'sticker') object.animated = false;
      message = { ...base, type: m.type, [m.type]: object };
      break;
    }
    case 'button_reply':
    case 'list_reply':
      message = {
        ...base,
        ...(m.contextMessageId
          ? { context: { from: number.displayPhoneNumber, id: m.contextMessageId } }
          : {}),
        type: 'interactive',
        interactive: {
          type: m.type,
          [m.type]: {
            id: m.id,
            title: m.title,
            ...(m.type === 'list_reply' && m.description ? { description: m.description } : {}),
          },
        },
      };
      break;
    case 'button':
      message = { ...base, type: 'button', button: { text: m.text, payload: m.payload } };
      break;
    case 'location':
      message = {
        ...base,
        type: 'location',
        location: {
          latitude: m.latitude,
          longitude: m.longitude,
          ...(m.name ? { name: m.name } : {}),
          ...(m.address ? { address: m.address } : {}),
        },
      };
      break;
    case 'reaction':
      message = {
        ...base,
        type: 'reaction',
        reaction: { message_id: m.messageId, emoji: m.emoji },
      };
      break;
    case 'identity_change':
      message = {
        ...base,
        type: 'system',
        system: {
          body:
            m.change === 'user_changed_user_id'
              ? 'User changed their business-scoped user ID'
              : 'User changed their phone number',
          type: m.change,
          ...(m.newPhone ? { wa_id: m.newPhone } : {}),
          ...(m.newBsuid ? { user_id: m.newBsuid } : {}),
        },
      };
      break;
    case 'raw':
      message = { ...base, ...m.message };
      break;
  }
  // A reply may go to the phone or to the BSUID: both open the window.
  for (const key of [input.waId, input.bsuid])
    if (key) state.windows.userWrote(number.phoneNumberId, key, now);
  state.record.add({
    kind: 'inbound.message',
    wamid: String(message.id),
    phoneNumberId: number.phoneNumberId,
    from: who,
    type: String(message.type),
    message,
  });
  const body = webhookBody(number, {
    contacts: [
      {
        profile: {
          name: input.profileName ?? 'Warga',
          ...(input.username ? { username: input.username } : {}),
        },
        ...(input.waId ? { wa_id: input.waId } : {}),
        ...(input.bsuid ? { user_id: input.bsuid } : {}),
      },
    ],
    messages: [message],
  });
  state.webhooks.enqueue(body, `${number.phoneNumberId}:${who}`);
  return String(message.id);
}
