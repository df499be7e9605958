import {
  COMMON_LIMITS,
  OFFICE_SETTINGS_SCHEMA_VERSION,
  officeSettingsContentSchema,
  type OfficeSettingsContent,
} from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import type { OfficeSettingsKv, StoredOfficeSettings } from '@pandawa/nats';
import { z } from 'zod';
import { route, type AnyRoute } from '../api-route.js';

const revision = z
  .number()
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .describe('The settings’ version: 0 while none are stored');

export const officeSettingsOut = officeSettingsContentSchema
  .extend({
    officeId: z.string().max(COMMON_LIMITS.officeId),
    revision,
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'OfficeSettings' });

export const officeSettingsBody = officeSettingsContentSchema
  .extend({
    expectedRevision: revision
      .optional()
      .describe(
        'The `revision` you last read (0: none stored yet): refused with 409 if someone saved since. Leave it out to overwrite.',
      ),
  })
  .strict()
  .meta({ id: 'OfficeSettingsRequest' });

const CONTENT_KEYS = Object.keys(officeSettingsContentSchema.shape) as Array<
  keyof OfficeSettingsContent
>;

function toOut(officeId: string, stored: StoredOfficeSettings | undefined) {
  if (!stored) return { officeId, revision: 0, updatedAt: null, updatedBy: null };
  const { settings } = stored;
  const content = Object.fromEntries(
    CONTENT_KEYS.filter((k) => settings[k] !== undefined).map((k) => [k, settings[k]]),
  );
  return {
    ...content,
    officeId,
    revision: stored.revision,
    updatedAt: settings.updatedAt,
    updatedBy: settings.updatedBy,
  };
}

const unavailable = () =>
  new AppError('UNAVAILABLE', 'office settings are not available; try again shortly', {
    reason: 'OFFICE_SETTINGS_UNAVAILABLE',
  });

/**
 * `GET/PUT /office/settings` (admins): what the citizens of the admin's office are told — service
 * hours, holidays, address, what to bring — and the WhatsApp template per message kind. Stored in
 * the `office_settings` KV bucket (architecture §3.2) where every service reads them; a field left
 * out of a PUT is unset, and the services use their configuration for it.
 */
export function officeSettingsRoutes(deps: { officeSettings?: OfficeSettingsKv }): AnyRoute[] {
  /** A NATS failure (timeout, no connection) is the bus's, not the caller's: 503, never a 500. */
  const withKv = async <T>(use: (kv: OfficeSettingsKv) => Promise<T>): Promise<T> => {
    if (!deps.officeSettings) throw unavailable();
    try {
      return await use(deps.officeSettings);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw unavailable();
    }
  };
  return [
    route({
      method: 'get',
      path: '/office/settings',
      operationId: 'getOfficeSettings',
      summary: 'Your office’s settings (unset fields: the services’ configuration applies)',
      tag: 'office',
      access: 'admin',
      response: officeSettingsOut,
      errors: [503],
      handler: async ({ officer }) =>
        toOut(officer.officeId, await withKv((kv) => kv.read(officer.officeId))),
    }),
    route({
      method: 'put',
      path: '/office/settings',
      operationId: 'putOfficeSettings',
      summary: 'Replaces your office’s settings; what you leave out is unset',
      tag: 'office',
      access: 'admin',
      body: officeSettingsBody,
      response: officeSettingsOut,
      errors: [409, 503],
      handler: async ({ body, officer }) => {
        const { expectedRevision, ...content } = body;
        const settings = {
          ...content,
          schemaVersion: OFFICE_SETTINGS_SCHEMA_VERSION,
          officeId: officer.officeId,
          updatedAt: new Date().toISOString(),
          updatedBy: officer.accountId,
        } as const;
        const written = await withKv((kv) => kv.write(settings, expectedRevision));
        return toOut(officer.officeId, { settings, revision: written });
      },
    }),
  ];
}
