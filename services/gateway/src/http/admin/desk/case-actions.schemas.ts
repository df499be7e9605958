import { CASE_LIMITS, COMMON_LIMITS } from '@pandawa/contracts';
import { z } from 'zod';
import { casePriority } from './case.schemas.js';

/**
 * Request bodies of the case desk's actions. The bounds are the case service's own
 * (packages/contracts limits.ts), so the gateway refuses exactly what case would, with the
 * field named, before a call is made.
 */

/** Free text an officer types; line breaks allowed, other control characters not. */
const officerText = (max: number, what: string, whenMissing?: string) =>
  z
    .string(whenMissing ? { error: whenMissing } : undefined)
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what}: at most ${max} characters`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s), `${what}: no control characters`);

const expectedVersion = z
  .number()
  .int()
  .min(1)
  .max(CASE_LIMITS.version)
  .optional()
  .describe(
    'The case `version` you last read: the change is refused with 409 if someone changed the case since. Leave it out to change it whatever its version.',
  );

const optionalReason = officerText(CASE_LIMITS.reason, 'reason')
  .optional()
  .describe('Why; kept in the audit trail');

/**
 * `POST /cases/:caseId/transitions`: one shape per target status, each asking for exactly the
 * data that status needs (architecture §7; services/case domain/case-lifecycle.ts). `DIBATALKAN`
 * is not offered: only the citizen cancels.
 */
export const transitionBody = z
  .discriminatedUnion(
    'to',
    [
      z
        .object({ to: z.literal('DIVERIFIKASI'), reason: optionalReason, expectedVersion })
        .strict()
        .describe('The complaint and its documents were checked'),
      z
        .object({ to: z.literal('DIPROSES'), reason: optionalReason, expectedVersion })
        .strict()
        .describe('The office is working on it'),
      z
        .object({
          to: z.literal('MENUNGGU_DATA'),
          missingItems: z
            .array(officerText(CASE_LIMITS.missingItem, 'missing item'), {
              error: 'missingItems: say what the citizen must still send',
            })
            .min(1, 'missingItems: name at least one thing the citizen must still send')
            .max(CASE_LIMITS.missingItems, `missingItems: at most ${CASE_LIMITS.missingItems}`)
            .describe('What the citizen must still send; told to them on WhatsApp'),
          reason: optionalReason,
          expectedVersion,
        })
        .strict()
        .describe('Waiting for the citizen to send what is missing (the resolution clock pauses)'),
      z
        .object({
          to: z.literal('PERLU_KUNJUNGAN'),
          visitInstructions: officerText(
            CASE_LIMITS.visitInstructions,
            'visitInstructions',
            'visitInstructions: tell the citizen when and where to come and what to bring',
          ).describe('When and where to come, what to bring; told to the citizen on WhatsApp'),
          reason: optionalReason,
          expectedVersion,
        })
        .strict()
        .describe('The citizen must visit the office (e.g. a biometric check)'),
      z
        .object({ to: z.literal('SELESAI'), reason: optionalReason, expectedVersion })
        .strict()
        .describe('Resolved'),
      z
        .object({
          to: z.literal('DITOLAK'),
          reason: officerText(
            CASE_LIMITS.reason,
            'reason',
            'reason: a rejection needs a reason the citizen will read',
          ).describe('Why the complaint is rejected; told to the citizen on WhatsApp'),
          expectedVersion,
        })
        .strict()
        .describe('Rejected, with a reason'),
    ],
    {
      error: () =>
        'to: the status to move to, one of DIVERIFIKASI, DIPROSES, MENUNGGU_DATA, PERLU_KUNJUNGAN, SELESAI, DITOLAK',
    },
  )
  .meta({ id: 'TransitionRequest' });
export type TransitionBody = z.output<typeof transitionBody>;

export const versionOnlyBody = z.object({ expectedVersion }).strict();

export const assigneeBody = z
  .object({
    assigneeId: z
      .string()
      .min(1)
      .max(COMMON_LIMITS.id)
      .regex(/^[A-Za-z0-9_-]+$/)
      .describe('An enabled account of your office'),
    expectedVersion,
  })
  .strict();

export const unassignQuery = z
  .object({ expectedVersion: z.coerce.number().pipe(expectedVersion.unwrap()).optional() })
  .strict();

export const noteBody = z
  .object({ text: officerText(CASE_LIMITS.noteText, 'text').describe('Seen by officers only') })
  .strict();

export const triageBody = z
  .object({
    priority: casePriority.optional(),
    tags: z
      .array(officerText(CASE_LIMITS.tag, 'tag'))
      .max(CASE_LIMITS.tags, `tags: at most ${CASE_LIMITS.tags}`)
      .optional()
      .describe('Replaces the case’s tags; [] clears them'),
    expectedVersion,
  })
  .strict()
  .refine((b) => b.priority !== undefined || b.tags !== undefined, {
    error: 'give a priority, tags, or both',
  });
