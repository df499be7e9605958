import { z } from 'zod';

/** What is kept of a message that could not be processed, for people to inspect or replay. */
export const deadLetterRecordSchema = z.object({
  stream: z.string(),
  consumer: z.string(),
  subject: z.string(),
  streamSequence: z.number(),
  deliveryCount: z.number(),
  reason: z.string(),
  failedAt: z.string(),
  headers: z.record(z.string(), z.string()),
  /** The original payload, base64: it may not even be valid JSON. */
  payloadBase64: z.string(),
});

export type DeadLetterRecord = z.infer<typeof deadLetterRecordSchema>;
