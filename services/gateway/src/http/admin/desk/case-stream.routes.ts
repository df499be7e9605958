import { AppError } from '@pandawa/errors';
import type { Request } from 'express';
import type { CaseStreams } from '../../../application/desk/case-streams.js';
import { route, type AnyRoute } from '../api-route.js';

/** The access token's expiry (ms). The token was verified by `authenticate` just before. */
function tokenExpiry(req: Request): number {
  const token = /^Bearer ([^ ]+)$/.exec(req.header('authorization') ?? '')?.[1] ?? '';
  try {
    const claims = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { exp?: unknown };
    if (typeof claims.exp === 'number') return claims.exp * 1000;
  } catch {
    // Unreadable here means unreadable to the verifier too; it would not have got this far.
  }
  return Date.now();
}

/** `Last-Event-ID`: a stream sequence this API sent (digits), or none. */
function lastEventId(req: Request): number | undefined {
  const value = req.header('last-event-id');
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value))
    throw new AppError('INVALID_ARGUMENT', 'Last-Event-ID: not an id this stream sent', {
      reason: 'LAST_EVENT_ID_INVALID',
    });
  return Number(value);
}

/**
 * `GET /cases/stream`: server-sent events of the office's case changes, so a console updates
 * live (issue 14). Listed before `/cases/:caseId`, which would otherwise take `stream` for an id.
 */
export function caseStreamRoutes(deps: { caseStreams?: CaseStreams | undefined }): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/cases/stream',
      operationId: 'streamCaseChanges',
      summary:
        'Live case changes of your office (text/event-stream: `event: case`, data ' +
        '{ caseId, type, status?, occurredAt }, `id` to resume with Last-Event-ID; ' +
        '`event: reset` = refetch; heartbeats); ends when the access token expires',
      tag: 'cases',
      access: 'officer',
      response: null,
      produces: ['text/event-stream'],
      status: 200,
      errors: [429, 503],
      handler: async ({ officer, req, res }) => {
        if (!deps.caseStreams)
          throw new AppError('UNAVAILABLE', 'live streams are not served here', {
            reason: 'STREAM_UNAVAILABLE',
          });
        const resumeAfter = lastEventId(req);
        await deps.caseStreams.serve(officer, tokenExpiry(req), resumeAfter, res, () => {
          res.status(200);
          res.setHeader('content-type', 'text/event-stream; charset=utf-8');
          res.setHeader('cache-control', 'no-store');
          // Proxies (nginx) must pass each event at once.
          res.setHeader('x-accel-buffering', 'no');
          res.flushHeaders();
          res.write('retry: 3000\n\n');
        });
        return undefined;
      },
    }),
  ];
}
