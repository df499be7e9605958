import { z } from 'zod';
import { defineEvent } from '../envelope.js';

/** One outbound WhatsApp message. The envelope id is the idempotency key. */
export const notifyWaSend = defineEvent(
  'notify.wa.send',
  1,
  z.object({
    to: z.string(),
    /** The office's sending number. */
    phoneNumberId: z.string().optional(),
    caseId: z.string().optional(),
    message: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('text'), text: z.string().min(1).max(4096) }),
      z.object({ kind: z.literal('interactive'), interactive: z.record(z.string(), z.unknown()) }),
      z.object({
        kind: z.literal('template'),
        name: z.string(),
        language: z.string().default('id'),
        parameters: z.array(z.string()).default([]),
      }),
    ]),
  }),
);

export const notifyWaResult = defineEvent(
  'notify.wa.result',
  1,
  z.object({
    commandId: z.string(),
    outcome: z.enum(['sent', 'failed']),
    wamid: z.string().optional(),
    errorCode: z.number().optional(),
  }),
);
