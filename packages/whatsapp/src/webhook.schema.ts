import { z } from 'zod';

/**
 * The Cloud API's webhook payloads. Every object is loose: fields Meta adds later pass through
 * untouched, and a message or status of a type we do not know is kept, not rejected. Only the
 * fields PANDAWA relies on are required.
 */

export const graphWebhookErrorSchema = z.looseObject({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});

/**
 * `contacts[]` of a messages (or delivered/read status) webhook, 2026 shape: `user_id` (the
 * BSUID) is on every one; `wa_id` (the phone number) is withheld for a citizen who adopted a
 * username (unless they are in the business's contact book); `parent_user_id` and
 * `profile.username` when they exist. System messages have no contacts at all.
 */
export const webhookContactSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  parent_user_id: z.string().optional(),
  profile: z
    .looseObject({ name: z.string().optional(), username: z.string().optional() })
    .optional(),
});
export type WebhookContact = z.infer<typeof webhookContactSchema>;

const mediaObject = z.looseObject({
  id: z.string(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
});

/** The message types of the Cloud API; others are kept as they come. */
export const KNOWN_MESSAGE_TYPES = [
  'text',
  'image',
  'document',
  'audio',
  'video',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'button',
  'reaction',
  'order',
  'system',
  'unsupported',
] as const;
export type KnownMessageType = (typeof KNOWN_MESSAGE_TYPES)[number];

export const inboundMessageSchema = z.looseObject({
  // Bounded so that ids derived from it stay within the event envelope's limits.
  id: z.string().min(1).max(200),
  /** The sender's phone number; absent for a username citizen whose number is withheld. */
  from: z.string().min(1).optional(),
  /** The sender's BSUID (2026): present on every message. */
  from_user_id: z.string().min(1).optional(),
  from_parent_user_id: z.string().min(1).optional(),
  /** Unix seconds, as a string. */
  timestamp: z.string(),
  type: z.string(),
  context: z
    .looseObject({
      from: z.string().optional(),
      id: z.string().optional(),
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
    })
    .optional(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: mediaObject.optional(),
  document: mediaObject.extend({ filename: z.string().optional() }).optional(),
  audio: mediaObject.extend({ voice: z.boolean().optional() }).optional(),
  video: mediaObject.optional(),
  sticker: mediaObject.extend({ animated: z.boolean().optional() }).optional(),
  location: z
    .looseObject({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
      url: z.string().optional(),
    })
    .optional(),
  contacts: z.array(z.looseObject({})).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
      list_reply: z
        .looseObject({ id: z.string(), title: z.string(), description: z.string().optional() })
        .optional(),
    })
    .optional(),
  /** A quick-reply button of a template. */
  button: z.looseObject({ text: z.string().optional(), payload: z.string().optional() }).optional(),
  reaction: z.looseObject({ message_id: z.string(), emoji: z.string().optional() }).optional(),
  order: z
    .looseObject({
      catalog_id: z.string().optional(),
      text: z.string().optional(),
      product_items: z.array(z.looseObject({})).optional(),
    })
    .optional(),
  system: z
    .looseObject({
      body: z.string().optional(),
      type: z.string().optional(),
      /** `user_changed_number`: the new phone number. */
      wa_id: z.string().optional(),
      new_wa_id: z.string().optional(),
      /** `user_changed_user_id` (and `user_changed_number` when Meta gives it): the new BSUID. */
      user_id: z.string().optional(),
      parent_user_id: z.string().optional(),
      identity: z.string().optional(),
      customer: z.string().optional(),
    })
    .optional(),
  /** On `unsupported` messages: why Meta could not pass the content on. */
  errors: z.array(graphWebhookErrorSchema).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const KNOWN_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;

export const messageStatusSchema = z.looseObject({
  /** The `wamid` of the message our side sent. */
  id: z.string().min(1).max(200),
  status: z.string().min(1).max(40),
  timestamp: z.string(),
  /** The recipient's phone number, when the message was sent to one (or Meta knows it). */
  recipient_id: z.string().optional(),
  /** The recipient's BSUID (2026); failed statuses may carry only this, and no contacts. */
  recipient_user_id: z.string().optional(),
  recipient_parent_user_id: z.string().optional(),
  conversation: z.looseObject({}).optional(),
  pricing: z.looseObject({}).optional(),
  errors: z.array(graphWebhookErrorSchema).optional(),
  biz_opaque_callback_data: z.string().optional(),
});
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/**
 * `value` of a change with `field: "messages"`. Messages, statuses and contacts are arrays of
 * anything here: each one is checked on its own (webhook.items.ts), so one malformed message
 * never takes its valid neighbours down with it.
 */
export const messagesChangeValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({
    display_phone_number: z.string().optional(),
    phone_number_id: z.string().min(1).max(64),
  }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});
export type MessagesChangeValue = z.infer<typeof messagesChangeValueSchema>;

export const webhookChangeSchema = z.looseObject({
  field: z.string(),
  /** Parsed with `messagesChangeValueSchema` when `field` is `messages`. */
  value: z.unknown(),
});

export const webhookEntrySchema = z.looseObject({
  id: z.string(),
  changes: z.array(webhookChangeSchema),
});

export const webhookPayloadSchema = z.looseObject({
  object: z.string(),
  entry: z.array(webhookEntrySchema),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
