import { z } from 'zod';
import { citizenIdentitySchema } from '../citizen.js';
import { defineEvent } from '../envelope.js';

/**
 * `notify.wa.send`: one outbound WhatsApp message, a command to the notification service (the
 * only sender, architecture §2). The envelope id is the idempotency key: a producer derives it from what
 * caused the message (the inbound wamid, the case event id), so a redelivered cause never makes a
 * second send. Messages to one citizen (`citizenKey(to)`) leave in the order of their commands.
 * Bounds are Meta's own (packages/whatsapp `LIMITS`); notification re-checks them before sending.
 */
const replyButton = z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) });
const listRow = z.object({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(24),
  description: z.string().max(72).optional(),
});
const headerFooter = {
  header: z.string().min(1).max(60).optional(),
  footer: z.string().min(1).max(60).optional(),
};

export const templateSchema = z.object({
  name: z.string().min(1).max(512),
  language: z.string().min(2).max(15).default('id'),
  /** Body parameters, in order ({{1}}, {{2}}, ...). */
  parameters: z.array(z.string().min(1).max(1024)).max(20).default([]),
});

export const outboundMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    text: z.string().min(1).max(4096),
    /** Quote the citizen's message (a wamid). */
    replyTo: z.string().max(512).optional(),
  }),
  z.object({
    kind: z.literal('buttons'),
    body: z.string().min(1).max(1024),
    buttons: z.array(replyButton).min(1).max(3),
    ...headerFooter,
  }),
  z.object({
    kind: z.literal('list'),
    body: z.string().min(1).max(4096),
    buttonText: z.string().min(1).max(20),
    sections: z
      .array(z.object({ title: z.string().max(24).optional(), rows: z.array(listRow).min(1) }))
      .min(1)
      .max(10),
    ...headerFooter,
  }),
  z.object({ kind: z.literal('template'), template: templateSchema }),
  z.object({
    kind: z.literal('media'),
    mediaType: z.enum(['image', 'document', 'audio', 'video', 'sticker']),
    mediaId: z.string().min(1).max(512).optional(),
    link: z.url().max(2048).optional(),
    caption: z.string().max(1024).optional(),
    filename: z.string().max(240).optional(),
  }),
  /** Blue ticks on the citizen's message and, optionally, the typing indicator while we work. */
  z.object({
    kind: z.literal('read'),
    messageId: z.string().min(1).max(512),
    typingIndicator: z.boolean().default(false),
  }),
]);

export type OutboundMessage = z.infer<typeof outboundMessageSchema>;

export const notifyWaSend = defineEvent(
  'notify.wa.send',
  2,
  z.object({
    to: citizenIdentitySchema,
    /** The office's sending number; notification takes the office's own when absent. */
    phoneNumberId: z.string().min(1).max(64).optional(),
    caseId: z.string().min(1).max(64).optional(),
    /**
     * The case-thread message this send carries (an officer's reply): notification reports its
     * delivery to the case service (`UpdateMessageDelivery`), so the officer sees its ticks.
     */
    caseMessageId: z.string().min(1).max(64).optional(),
    /** What the message is about, e.g. `conversation.reply`, `case.status_changed`. */
    purpose: z.string().min(1).max(64),
    message: outboundMessageSchema,
    /**
     * Sent instead of `message` when the citizen's 24-hour window is closed (a free-form send
     * would fail with 131047). Without one, such a command fails as `WINDOW_CLOSED`.
     */
    fallbackTemplate: templateSchema.optional(),
    /**
     * The citizen's message this command answers (the conversation's replies): its Meta
     * timestamp (Unix seconds) opens the 24-hour window just as the `wa.in.message` it came in
     * did. Notification records windows from WA_IN on a consumer of its own, which may not have
     * seen a first message yet when the reply to it arrives; without this, that reply would be
     * refused as WINDOW_CLOSED.
     */
    answers: z
      .object({
        messageId: z.string().min(1).max(512),
        timestamp: z.number().int().nonnegative().max(1e11),
      })
      .optional(),
  }),
);

export const notifyWaResult = defineEvent(
  'notify.wa.result',
  2,
  z.object({
    /** The `notify.wa.send` envelope id. */
    commandId: z.string().min(1).max(256),
    caseId: z.string().max(64).optional(),
    purpose: z.string().max(64).optional(),
    /** `unknown`: the send's outcome was lost (a crash mid-request); never retried blindly. */
    outcome: z.enum(['sent', 'failed', 'unknown']),
    /** Sent as the fallback template because the window was closed. */
    viaTemplate: z.boolean().default(false),
    wamid: z.string().max(512).optional(),
    errorCode: z.number().int().optional(),
    errorTitle: z.string().max(512).optional(),
    permanent: z.boolean().optional(),
  }),
);

/**
 * `notify.wa.alert`: something people must look at — a permanent send failure (Meta's code and
 * title), or sending paused for a phone number whose access token Meta refused (190) and resumed
 * once it works again. Kept in NOTIFY_RESULT beside the results.
 */
export const notifyWaAlert = defineEvent(
  'notify.wa.alert',
  1,
  z.object({
    kind: z.enum(['permanent_failure', 'gave_up', 'sending_paused', 'sending_resumed']),
    phoneNumberId: z.string().min(1).max(64),
    commandId: z.string().min(1).max(256).optional(),
    caseId: z.string().max(64).optional(),
    purpose: z.string().max(64).optional(),
    errorCode: z.number().int().optional(),
    errorTitle: z.string().max(512).optional(),
  }),
);
