import { z } from 'zod';

/**
 * Every message on the bus is this JSON envelope (architecture §3). `type` names the event and
 * `version` its data schema, so a consumer can tell an old producer's messages from a new one's.
 */
export const envelopeSchema = z.object({
  id: z.string().min(1).max(256),
  type: z.string().regex(/^[a-z][a-z0-9_.]*$/, 'dotted lowercase event type'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  officeId: z.string().min(1).max(64),
  traceparent: z.string().optional(),
  data: z.unknown(),
});

export type Envelope<D = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: D };

export interface EventDefinition<D extends z.ZodType> {
  type: string;
  version: number;
  data: D;
  /** Schema of the whole envelope with this event's data. */
  schema: z.ZodType<Envelope<z.output<D>>>;
  /** Builds a valid envelope; throws if `data` does not match the schema. */
  create(input: {
    id: string;
    officeId: string;
    data: z.input<D>;
    occurredAt?: Date;
  }): Envelope<z.output<D>>;
}

export function defineEvent<D extends z.ZodType>(
  type: string,
  version: number,
  data: D,
): EventDefinition<D> {
  const schema = envelopeSchema.extend({
    type: z.literal(type),
    version: z.literal(version),
    data,
  }) as unknown as z.ZodType<Envelope<z.output<D>>>;
  return {
    type,
    version,
    data,
    schema,
    create: ({ id, officeId, data: payload, occurredAt = new Date() }) =>
      schema.parse({
        id,
        type,
        version,
        occurredAt: occurredAt.toISOString(),
        officeId,
        data: payload,
      }),
  };
}
