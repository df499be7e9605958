import { z } from 'zod';
import { citizenIdentitySchema } from '../citizen.js';
import { defineEvent } from '../envelope.js';

/**
 * Inbound WhatsApp traffic as the gateway publishes it. `message` and `status` keep the Cloud
 * API's own object (snake_case, unknown fields kept) so that nothing Meta sent is lost. Every
 * identity here comes from WhatsApp's signed payload (architecture §1): the BSUID
 * (`from_user_id` / `contacts[].user_id`), the phone number when WhatsApp gave one
 * (`from` / `contacts[].wa_id`), the username from `contacts[].profile.username`.
 */
export const waInMessage = defineEvent(
  'wa.in.message',
  2,
  z.object({
    phoneNumberId: z.string().min(1).max(64),
    /** Who wrote: answer them with `notify.wa.send` `to: citizen`. */
    citizen: citizenIdentitySchema,
    profileName: z.string().max(256).optional(),
    messageId: z.string().min(1).max(200),
    messageType: z.string().min(1).max(64),
    /** Unix seconds as sent by Meta (checked to be within a sane window by the gateway). */
    timestamp: z.string().max(20),
    message: z.record(z.string(), z.unknown()),
  }),
);

export const waInStatus = defineEvent(
  'wa.in.status',
  2,
  z.object({
    phoneNumberId: z.string().min(1).max(64),
    messageId: z.string().min(1).max(200),
    status: z.string().min(1).max(40),
    /**
     * Who the message went to (`recipient_user_id`, `recipient_id`, and on delivered/read
     * statuses `contacts[]`); absent only when Meta named no one.
     */
    recipient: citizenIdentitySchema.optional(),
    timestamp: z.string().max(20),
    statusObject: z.record(z.string(), z.unknown()),
  }),
);

export const IDENTITY_CHANGES = ['user_changed_user_id', 'user_changed_number'] as const;
export type IdentityChange = (typeof IDENTITY_CHANGES)[number];

/**
 * A WhatsApp system message saying a citizen's identity changed (architecture §1, §3):
 * `user_changed_user_id` (a new BSUID; no phone number is included) or `user_changed_number`
 * (a new phone number, and with it a new BSUID when Meta gives one). Everything that is the
 * citizen's (cases, sessions) moves from `previous` to `current`. `current` is the whole new
 * identity as far as it is known: an unchanged phone or BSUID is carried over from `previous`.
 * Published with `Nats-Msg-Id` = the system message's wamid.
 */
export const waInIdentityChanged = defineEvent(
  'wa.in.identity_changed',
  1,
  z.object({
    phoneNumberId: z.string().min(1).max(64),
    messageId: z.string().min(1).max(200),
    change: z.enum(IDENTITY_CHANGES),
    previous: citizenIdentitySchema,
    current: citizenIdentitySchema,
    timestamp: z.string().max(20),
  }),
);

/**
 * A signed webhook part the gateway did not process: kept for inspection (and replay), answered
 * 200 so that Meta does not retry it for days. `reason` is one of `INVALID_PAYLOAD`,
 * `UNSUPPORTED_OBJECT`, `UNSUPPORTED_FIELD`, `INVALID_CHANGE_VALUE`, `INVALID_MESSAGE`,
 * `INVALID_STATUS`, `NO_CITIZEN_IDENTITY`, `TIMESTAMP_OUT_OF_RANGE`, `VALUE_ERRORS`,
 * `EMPTY_CHANGE`, `UNKNOWN_PHONE_NUMBER_ID`; `detail` says more when there is more to say.
 */
export const waInUnhandled = defineEvent(
  'wa.in.unhandled',
  1,
  z.object({
    reason: z.string().max(64),
    detail: z.string().max(500).optional(),
    phoneNumberId: z.string().optional(),
    /** Where in the webhook body the part was: `entry[0].changes[1].messages[2]`, or `payload`. */
    path: z.string().optional(),
    payload: z.unknown(),
  }),
);
