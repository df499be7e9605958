import { z } from 'zod';
import { COMMON_LIMITS, TIME_LIMITS } from './limits.js';

/**
 * An office's settings (architecture §3.2): what an admin sets in the admin API and every
 * replica of every service reads from the NATS KV bucket `office_settings` (one key per office,
 * the value this schema's JSON). Each content field is optional: unset, a service keeps to its
 * own configuration for it. `schemaVersion` changes when a reader would misread the value; a
 * reader that meets a version it does not know ignores the value (falls back) rather than guess.
 */
export const OFFICE_SETTINGS_SCHEMA_VERSION = 1;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The kinds of message that leave as a WhatsApp template when the 24-hour window is closed
 * (architecture §3.1): a case's status change and an officer's reply. The notification service's
 * `TEMPLATE_CASE_UPDATE` / `TEMPLATE_OFFICER_REPLY` are the defaults.
 */
export const TEMPLATE_MESSAGE_KINDS = ['case_update', 'officer_reply'] as const;
export type TemplateMessageKind = (typeof TEMPLATE_MESSAGE_KINDS)[number];

export const OFFICE_SETTINGS_LIMITS = {
  /** Opening windows in one week (two a day is plenty). */
  serviceWindows: 14,
  holidays: 100,
  address: 300,
  whatToBring: 500,
  /** Meta: template names are lower-case letters, digits and underscores, 512 at most. */
  templateName: 512,
} as const;

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day like 08:00')
  .meta({ example: '08:00' });

export const serviceWindowSchema = z
  .object({
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1)
      .max(7)
      .refine((d) => new Set(d).size === d.length, 'each day once'),
    opens: clock,
    closes: clock,
  })
  .strict()
  .refine((w) => w.opens < w.closes, 'a window closes after it opens');
export type ServiceWindow = z.output<typeof serviceWindowSchema>;

/** A local date (the office's time zone) inside TIME_LIMITS. */
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-25')
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return (
      Number.isFinite(t) &&
      new Date(t).toISOString().startsWith(s) &&
      t >= TIME_LIMITS.earliest &&
      t < TIME_LIMITS.latest
    );
  }, 'a real date between 2020 and 2099');

const templateName = z
  .string()
  .regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and underscores (Meta template name)')
  .max(OFFICE_SETTINGS_LIMITS.templateName);

/** Free text shown to citizens: one or more lines, no control characters but line breaks. */
const citizenText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s), 'no control characters');

/** What an admin may set; every field optional (unset: the services' configuration). */
export const officeSettingsContentSchema = z
  .object({
    serviceHours: z.array(serviceWindowSchema).min(1).max(OFFICE_SETTINGS_LIMITS.serviceWindows),
    holidays: z
      .array(localDate)
      .max(OFFICE_SETTINGS_LIMITS.holidays)
      .refine((d) => new Set(d).size === d.length, 'each date once'),
    address: citizenText(OFFICE_SETTINGS_LIMITS.address),
    whatToBring: citizenText(OFFICE_SETTINGS_LIMITS.whatToBring),
    templates: z
      .object({
        case_update: templateName.optional(),
        officer_reply: templateName.optional(),
      } satisfies Record<TemplateMessageKind, z.ZodType>)
      .strict(),
  })
  .partial()
  .strict();
export type OfficeSettingsContent = z.output<typeof officeSettingsContentSchema>;

/** The stored value: the content plus who set it when (the KV entry's revision is its version). */
export const officeSettingsSchema = officeSettingsContentSchema.extend({
  schemaVersion: z.literal(OFFICE_SETTINGS_SCHEMA_VERSION),
  officeId: z.string().min(1).max(COMMON_LIMITS.officeId),
  updatedAt: z.iso.datetime(),
  /** The admin's account id. */
  updatedBy: z.string().min(1).max(COMMON_LIMITS.id),
});
export type OfficeSettings = z.output<typeof officeSettingsSchema>;

/** KV keys allow `[-/_=.a-zA-Z0-9]`; an office id outside that has no settings entry. */
export const officeSettingsKey = (officeId: string): string | undefined =>
  /^[A-Za-z0-9_-]{1,64}$/.test(officeId) ? officeId : undefined;

/**
 * The windows as the `SERVICE_HOURS` text the case and conversation services read
 * (`mon-thu 08:00-15:00; fri 08:00-11:30`): each window's days in week order, consecutive days
 * as one range.
 */
export function serviceHoursText(windows: readonly ServiceWindow[]): string {
  const parts: string[] = [];
  for (const w of windows) {
    const idx = [...new Set(w.days)].map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= idx.length; i++) {
      if (i < idx.length && idx[i] === idx[i - 1]! + 1) continue;
      const first = WEEKDAYS[idx[start]!]!;
      const last = WEEKDAYS[idx[i - 1]!]!;
      parts.push(`${first === last ? first : `${first}-${last}`} ${w.opens}-${w.closes}`);
      start = i;
    }
  }
  return parts.join('; ');
}
