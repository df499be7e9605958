import type { OfficeSettingsFollower } from '@pandawa/nats';
import type { CaseTemplates } from '../domain/case-notice.js';
import { officeTemplates } from '../domain/office-templates.js';

/**
 * Each office's template names (architecture §3.2), from the settings the KV watch keeps in
 * memory: a case notice is built per case event, and a KV read for each would put a round trip
 * in front of every status change told. An office without settings (none stored, unreadable,
 * another schemaVersion, or the watch not loaded) gets the configured names.
 */
export function officeTemplatesFrom(
  configured: CaseTemplates,
  settings: Pick<OfficeSettingsFollower, 'get'> | undefined,
): (officeId: string) => CaseTemplates {
  return (officeId) => officeTemplates(configured, settings?.get(officeId)?.settings.templates);
}
