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

export const webhookContactSchema = z.looseObject({
  wa_id: z.string(),
  profile: z.looseObject({ name: z.string().optional() }).optional(),
});

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
  /** The sender's WhatsApp id (their phone number). */
  from: z.string().min(1),
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
      wa_id: z.string().optional(),
      new_wa_id: z.string().optional(),
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
  recipient_id: z.string().optional(),
  conversation: z.looseObject({}).optional(),
  pricing: z.looseObject({}).optional(),
  errors: z.array(graphWebhookErrorSchema).optional(),
  biz_opaque_callback_data: z.string().optional(),
});
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/** `value` of a change with `field: "messages"`. */
export const messagesChangeValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({
    display_phone_number: z.string().optional(),
    phone_number_id: z.string().min(1),
  }),
  contacts: z.array(webhookContactSchema).optional(),
  messages: z.array(inboundMessageSchema).optional(),
  statuses: z.array(messageStatusSchema).optional(),
  errors: z.array(graphWebhookErrorSchema).optional(),
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
