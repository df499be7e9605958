import type { Logger } from '@pandawa/logging';
import type { OfficeSettingsFollower } from '@pandawa/nats';
import { officeSchedule } from '../domain/office-schedule.js';
import type { ServiceSchedule } from '../domain/service-hours.js';

/**
 * Each office's SLA schedule (architecture §3.2): from the settings the KV watch keeps in
 * memory, so the clocks of every case write read it synchronously, without a KV round trip. An
 * office without settings (none stored, unreadable, another schemaVersion, or the watch not
 * loaded) keeps the configured schedule. Derived once per settings revision: parsing the week
 * at every write would be waste.
 */
export class OfficeSchedules {
  private readonly derived = new Map<string, { revision: number; schedule: ServiceSchedule }>();

  constructor(
    private readonly configured: ServiceSchedule,
    private readonly settings: Pick<OfficeSettingsFollower, 'get'> | undefined,
    private readonly logger: Logger,
  ) {}

  for(officeId: string): ServiceSchedule {
    const stored = this.settings?.get(officeId);
    if (!stored) return this.configured;
    const known = this.derived.get(officeId);
    if (known?.revision === stored.revision) return known.schedule;
    let schedule = this.configured;
    try {
      schedule = officeSchedule(this.configured, stored.settings);
    } catch (err) {
      // The contract's schema rules out an empty week; should one slip through, clocks still run.
      this.logger.warn(
        { err, officeId, revision: stored.revision },
        'office service hours unusable; configured schedule applies',
      );
    }
    this.derived.set(officeId, { revision: stored.revision, schedule });
    return schedule;
  }
}
