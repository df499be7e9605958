import { serviceHoursText } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import type { OfficeSettingsKv } from '@pandawa/nats';
import type { OfficeInfoOverrides, OfficeInfoPort } from '../application/office-info.js';
import { officeHours } from '../domain/office-hours.js';

/**
 * The office settings an admin stored in the `office_settings` KV bucket (architecture §3.2),
 * read on each *Info & jam layanan* request (rare; a KV read is always the latest write, on every
 * replica). A read that fails leaves the configuration in force: a citizen asking for the
 * opening hours never gets an error because NATS is slow.
 */
export function officeSettingsSource(
  kv: Pick<OfficeSettingsKv, 'read'>,
  fallback: { week: string; utcOffset: string; holidays: string[] },
  logger: Logger,
): OfficeInfoPort {
  return {
    async overrides(officeId): Promise<OfficeInfoOverrides | undefined> {
      let stored;
      try {
        stored = await kv.read(officeId);
      } catch (err) {
        logger.warn({ err, officeId }, 'office settings unreadable; configuration applies');
        return undefined;
      }
      if (!stored) return undefined;
      const s = stored.settings;
      const week = s.serviceHours ? serviceHoursText(s.serviceHours) : undefined;
      return {
        ...(week || s.holidays
          ? {
              hours: officeHours({
                week: week ?? fallback.week,
                utcOffset: fallback.utcOffset,
                holidays: s.holidays ?? fallback.holidays,
              }),
            }
          : {}),
        ...(s.holidays ? { holidays: s.holidays } : {}),
        ...(s.address ? { address: s.address } : {}),
        ...(s.whatToBring ? { whatToBring: s.whatToBring } : {}),
      };
    },
  };
}
