const DAY = 24 * 60 * 60 * 1000;

/** How long content is kept (architecture §8, UU 27/2022: no longer than its purpose needs). */
export interface RetentionPolicy {
  /** Days after a case closes; per office where an office set its own. */
  defaultDays: number;
  byOffice: ReadonlyMap<string, number>;
  /** Documents never attached to a case (an intake the citizen abandoned). */
  unattachedDays: number;
  /** A STORING record older than this belongs to a writer that died. */
  staleStoringMs: number;
}

/** `pekanbaru:90,dumai:60` entries (validated by the config schema). */
export function parseOfficeDays(entries: readonly string[]): Map<string, number> {
  return new Map(
    entries.map((entry) => {
      const [office, days] = entry.split(':');
      return [office ?? '', Number(days)] as const;
    }),
  );
}

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
