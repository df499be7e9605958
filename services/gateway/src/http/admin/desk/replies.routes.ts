import { CASE_LIMITS } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import { z } from 'zod';
import { caseWindow, replyToCitizen } from '../../../application/desk/reply-to-citizen.js';
import type { DeskClients } from '../../../grpc/desk.clients.js';
import type { CannedReplyRepository } from '../../../store/canned-replies/canned-reply.repository.js';
import { route, type AnyRoute } from '../api-route.js';
import { idParam } from '../schemas.js';
import { officerText } from './canned-replies.routes.js';
import { deliveryState } from './case.schemas.js';

const customerWindow = z
  .object({
    open: z.boolean(),
    closesAt: z.iso.datetime().nullable(),
    lastInboundAt: z.iso.datetime().nullable(),
    template: z.object({ name: z.string(), language: z.string(), text: z.string() }),
  })
  .meta({ id: 'CustomerWindow' });

const replyBody = z
  .object({
    /** What the citizen reads (WhatsApp's 4 096); may be a canned reply's text, edited. */
    text: officerText(CASE_LIMITS.replyText).optional(),
    /** Insert this canned reply of your office: its text is sent when `text` is not given. */
    cannedReplyId: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    /**
     * `text` (default): free text, only inside the 24-hour window. `template`: the approved
     * officer-reply template a refusal offered goes now; `text`, if given, is the reply the
     * thread keeps, delivered when the citizen answers the template (held by notification).
     * Without `text`, the template's own text is what the thread keeps.
     */
    sendAs: z.enum(['text', 'template']).default('text'),
  })
  .strict();

const replyOut = z
  .object({
    caseId: z.string(),
    message: z.object({
      id: z.string(),
      text: z.string(),
      createdAt: z.string(),
      delivery: deliveryState,
      sentAs: z.enum(['text', 'template']),
    }),
    window: customerWindow,
  })
  .meta({ id: 'OfficerReply' });

/**
 * Replies to the citizen (issue 14): refused with WINDOW_CLOSED and the template offered while
 * WhatsApp's 24-hour window is closed (notification keeps that window; architecture §3.1).
 */
export function replyRoutes(deps: {
  clients: DeskClients;
  cannedReplies?: CannedReplyRepository | undefined;
}): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/cases/:caseId/window',
      operationId: 'getCustomerWindow',
      summary: 'Whether free text may go to the case’s citizen now (WhatsApp’s 24-hour window)',
      tag: 'replies',
      access: 'officer',
      params: idParam('caseId'),
      response: customerWindow,
      errors: [404, 503],
      handler: ({ params, officer }) => caseWindow(deps.clients, officer, params.caseId as string),
    }),
    route({
      method: 'post',
      path: '/cases/:caseId/replies',
      operationId: 'replyToCitizen',
      summary:
        'Sends a reply to the citizen on WhatsApp; 409 WINDOW_CLOSED offers the template instead',
      tag: 'replies',
      access: 'officer',
      params: idParam('caseId'),
      body: replyBody,
      response: replyOut,
      status: 201,
      errors: [404, 409, 503],
      handler: async ({ params, body, officer }) => {
        const b = body as z.output<typeof replyBody>;
        let text = b.text;
        if (b.cannedReplyId) {
          const canned = await deps.cannedReplies?.byId(officer.officeId, b.cannedReplyId);
          if (!canned)
            throw new AppError('NOT_FOUND', 'no such canned reply', {
              reason: 'CANNED_REPLY_NOT_FOUND',
            });
          text ??= canned.text;
        }
        return replyToCitizen(deps.clients, officer, params.caseId as string, {
          text,
          sendAs: b.sendAs,
        });
      },
    }),
  ];
}
