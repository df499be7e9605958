import { caseCategoryValues } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import { z } from 'zod';
import {
  CANNED_REPLY_LIMITS,
  queryWords,
  titleKey,
  type CannedReply,
} from '../../../domain/canned-reply.js';
import type { CannedReplyRepository } from '../../../store/canned-replies/canned-reply.repository.js';
import { route, type AnyRoute } from '../api-route.js';
import { idParam, page } from '../schemas.js';

// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Free text an officer writes: trimmed, not empty, bounded; line breaks allowed, NUL and the like not. */
export const officerText = (max: number, multiline = true) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !(multiline ? CONTROL_BUT_LINES : CONTROL).test(s), {
      message: 'control characters are not allowed',
    });

const category = z.enum(caseCategoryValues);

export const cannedReply = z
  .object({
    id: z.string(),
    title: z.string(),
    text: z.string(),
    category: category.nullable(),
    version: z.number().int().positive(),
    createdBy: z.string(),
    updatedBy: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CannedReply' });

const newCannedReply = z
  .object({
    title: officerText(CANNED_REPLY_LIMITS.title, false),
    text: officerText(CANNED_REPLY_LIMITS.text),
    category: category.nullable().optional(),
  })
  .strict();

const cannedReplyChange = z
  .object({
    title: officerText(CANNED_REPLY_LIMITS.title, false).optional(),
    text: officerText(CANNED_REPLY_LIMITS.text).optional(),
    category: category.nullable().optional(),
    /** Refuse the change (409) if the entry is no longer at this version. */
    expectedVersion: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict()
  .refine((c) => c.title !== undefined || c.text !== undefined || c.category !== undefined, {
    message: 'change at least one of title, text, category',
  });

const listQuery = z
  .object({
    /** Words, each matched as the start of a word of the title or the text. */
    q: z.string().max(CANNED_REPLY_LIMITS.query).optional(),
    category: category.optional(),
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

const toOut = (r: CannedReply) => ({
  id: r.id,
  title: r.title,
  text: r.text,
  category: r.category as z.output<typeof category> | null,
  version: r.version,
  createdBy: r.createdBy,
  updatedBy: r.updatedBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const notFound = () =>
  new AppError('NOT_FOUND', 'no such canned reply', { reason: 'CANNED_REPLY_NOT_FOUND' });

const cursorOf = (r: { titleKey: string; id: string }) =>
  Buffer.from(JSON.stringify([r.titleKey, r.id])).toString('base64url');

function afterOf(cursor: string | undefined): { titleKey: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      parsed[0].length <= 200 &&
      parsed[1].length <= 128
    )
      return { titleKey: parsed[0], id: parsed[1] };
  } catch {
    // Not ours: refused below.
  }
  throw new AppError('INVALID_ARGUMENT', 'query.cursor: not a cursor this API made', {
    reason: 'CURSOR_INVALID',
  });
}

/**
 * The office's canned replies (issue 14: the question-and-answer knowledge). Every officer reads
 * and searches them and inserts one into a reply (`cannedReplyId`, replies.routes.ts);
 * supervisors and admins write them — they answer for what the office tells citizens. Another
 * office's entry is 404.
 */
export function cannedReplyRoutes(deps: { cannedReplies: CannedReplyRepository }): AnyRoute[] {
  const { cannedReplies } = deps;
  return [
    route({
      method: 'get',
      path: '/canned-replies',
      operationId: 'listCannedReplies',
      summary: 'Your office’s canned replies by title; `q` finds words starting so',
      tag: 'canned-replies',
      access: 'officer',
      query: listQuery,
      response: page(cannedReply),
      handler: async ({ query, officer }) => {
        const q = query as z.output<typeof listQuery>;
        const found = await cannedReplies.list(officer.officeId, {
          words: queryWords(q.q ?? ''),
          category: q.category,
          after: afterOf(q.cursor),
          limit: q.limit + 1,
        });
        const shown = found.slice(0, q.limit);
        const last = shown[shown.length - 1];
        return {
          items: shown.map(toOut),
          nextCursor:
            found.length > q.limit && last
              ? cursorOf({ titleKey: titleKey(last.title), id: last.id })
              : null,
        };
      },
    }),
    route({
      method: 'get',
      path: '/canned-replies/:cannedReplyId',
      operationId: 'getCannedReply',
      summary: 'One canned reply of your office',
      tag: 'canned-replies',
      access: 'officer',
      params: idParam('cannedReplyId'),
      response: cannedReply,
      errors: [404],
      handler: async ({ params, officer }) => {
        const found = await cannedReplies.byId(officer.officeId, params.cannedReplyId as string);
        if (!found) throw notFound();
        return toOut(found);
      },
    }),
    route({
      method: 'post',
      path: '/canned-replies',
      operationId: 'createCannedReply',
      summary: 'Adds a canned reply to your office’s knowledge (supervisors and admins)',
      tag: 'canned-replies',
      access: 'supervisor',
      body: newCannedReply,
      response: cannedReply,
      status: 201,
      handler: async ({ body, officer }) => {
        const b = body as z.output<typeof newCannedReply>;
        return toOut(
          await cannedReplies.create({
            officeId: officer.officeId,
            title: b.title,
            text: b.text,
            category: b.category ?? null,
            actorId: officer.accountId,
          }),
        );
      },
    }),
    route({
      method: 'patch',
      path: '/canned-replies/:cannedReplyId',
      operationId: 'updateCannedReply',
      summary: 'Edits a canned reply of your office (supervisors and admins)',
      tag: 'canned-replies',
      access: 'supervisor',
      params: idParam('cannedReplyId'),
      body: cannedReplyChange,
      response: cannedReply,
      errors: [404, 409],
      handler: async ({ params, body, officer }) => {
        const { expectedVersion, ...change } = body as z.output<typeof cannedReplyChange>;
        const { reply, applied } = await cannedReplies.update(
          officer.officeId,
          params.cannedReplyId as string,
          Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
          officer.accountId,
          expectedVersion,
        );
        if (!reply) throw notFound();
        if (!applied)
          throw new AppError(
            'ABORTED',
            'someone changed this canned reply meanwhile; read it again',
            { reason: 'VERSION_CONFLICT' },
          );
        return toOut(reply);
      },
    }),
    route({
      method: 'delete',
      path: '/canned-replies/:cannedReplyId',
      operationId: 'deleteCannedReply',
      summary: 'Removes a canned reply of your office (replies already sent keep their text)',
      tag: 'canned-replies',
      access: 'supervisor',
      params: idParam('cannedReplyId'),
      response: null,
      errors: [404],
      handler: async ({ params, officer }) => {
        if (!(await cannedReplies.remove(officer.officeId, params.cannedReplyId as string)))
          throw notFound();
        return undefined;
      },
    }),
  ];
}
