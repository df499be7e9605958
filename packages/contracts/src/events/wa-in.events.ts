import { z } from 'zod';
import { defineEvent } from '../envelope.js';

/**
 * Inbound WhatsApp traffic as the gateway publishes it. `message` and `status` keep the Cloud
 * API's own object (snake_case, unknown fields kept) so that nothing Meta sent is lost.
 */
export const waInMessage = defineEvent(
  'wa.in.message',
  1,
  z.object({
    phoneNumberId: z.string(),
    /** The citizen's WhatsApp id (a phone number). */
    waId: z.string(),
    profileName: z.string().optional(),
    messageId: z.string(),
    messageType: z.string(),
    /** Unix seconds as sent by Meta. */
    timestamp: z.string(),
    message: z.record(z.string(), z.unknown()),
  }),
);

export const waInStatus = defineEvent(
  'wa.in.status',
  1,
  z.object({
    phoneNumberId: z.string(),
    messageId: z.string(),
    status: z.string(),
    recipientId: z.string().optional(),
    timestamp: z.string(),
    statusObject: z.record(z.string(), z.unknown()),
  }),
);

/**
 * A signed webhook part the gateway did not process: kept for inspection (and replay), answered
 * 200 so that Meta does not retry it for days. `reason` is one of `INVALID_PAYLOAD`,
 * `UNSUPPORTED_OBJECT`, `UNSUPPORTED_FIELD`, `INVALID_CHANGE_VALUE`, `VALUE_ERRORS`,
 * `EMPTY_CHANGE`, `UNKNOWN_PHONE_NUMBER_ID`.
 */
export const waInUnhandled = defineEvent(
  'wa.in.unhandled',
  1,
  z.object({
    reason: z.string(),
    phoneNumberId: z.string().optional(),
    /** Where in the webhook body the part was: `entry[0].changes[1]`, or `payload`. */
    path: z.string().optional(),
    payload: z.unknown(),
  }),
);
