import { serviceHoursText, type OfficeSettingsContent } from '@pandawa/contracts';
import { parseWeek, type ServiceSchedule } from './service-hours.js';

/**
 * An office's SLA schedule (architecture §3.2, §7): the service hours and holidays an admin set
 * for it, each part that is unset taken from the configured schedule (`SERVICE_HOURS`,
 * `SERVICE_HOLIDAYS`). The time zone and its offset always come from the configuration: the
 * settings have none. Returns `configured` itself when the settings change neither.
 */
export function officeSchedule(
  configured: ServiceSchedule,
  settings: Pick<OfficeSettingsContent, 'serviceHours' | 'holidays'>,
): ServiceSchedule {
  if (!settings.serviceHours && !settings.holidays) return configured;
  return {
    ...configured,
    // Through the text form, so the settings and SERVICE_HOURS are read by one parser.
    week: settings.serviceHours
      ? parseWeek(serviceHoursText(settings.serviceHours))
      : configured.week,
    holidays: settings.holidays ? new Set(settings.holidays) : configured.holidays,
  };
}
