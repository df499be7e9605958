import { z } from 'zod';
import { OFFICER_ROLES } from '../../domain/officer-account.js';
import { PASSWORD_MAX_LENGTH } from '../../domain/password.js';

/**
 * What a reply refused with `WINDOW_CLOSED` offers instead: the approved template the citizen
 * would receive (its name and the text they would read). Send it with `sendAs: "template"`.
 */
export const templateOffer = z
  .object({
    sendAs: z.literal('template'),
    template: z.object({ name: z.string(), language: z.string(), text: z.string() }),
  })
  .meta({ id: 'TemplateOffer' });

/** Shared shapes of the admin API (OpenAPI components come from these). */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      reason: z.string().optional(),
      /** What the caller may do instead; today only a closed window's template offer. */
      offer: templateOffer.optional(),
    }),
    requestId: z.string(),
  })
  .meta({ id: 'Error' });

export const role = z.enum(OFFICER_ROLES);

export const account = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    officeId: z.string(),
    role,
    disabled: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Account' });

export const session = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().positive(),
    account,
  })
  .meta({ id: 'Session' });

export const signInBody = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict();

export const newAccountBody = z
  .object({
    // USERNAME_PATTERN before lower-casing: the document promises no name the handler refuses.
    username: z
      .string()
      .min(3)
      .max(64)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/),
    displayName: z.string().trim().min(1).max(120),
    role,
    password: z.string().min(12).max(PASSWORD_MAX_LENGTH),
  })
  .strict();

export const accountChangeBody = z
  .object({
    displayName: z.string().trim().min(1).max(120).optional(),
    role: role.optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(12).max(PASSWORD_MAX_LENGTH).optional(),
  })
  .strict();

/** Cursor pages: `cursor` is opaque, `limit` 1–100. */
export const pageQuery = z
  .object({
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const idParam = (name: string) =>
  z
    .object({
      [name]: z
        .string()
        .min(1)
        .max(128)
        .regex(/^[A-Za-z0-9_-]+$/),
    })
    .strict();

export const toAccountOut = (a: {
  id: string;
  username: string;
  displayName: string;
  officeId: string;
  role: z.output<typeof role>;
  disabled: boolean;
  createdAt: Date;
}) => ({ ...a, createdAt: a.createdAt.toISOString() });
