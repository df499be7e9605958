import { DOCUMENT_LIMITS } from '@pandawa/contracts';
import { callUnary } from '@pandawa/grpc';
import { z } from 'zod';
import { asOfficer } from '../../../grpc/desk.clients.js';
import { route } from '../api-route.js';
import { page } from '../schemas.js';
import type { DeskDeps } from './desk.routes.js';
import { officerNames } from './officer-names.js';
import { actorRef } from './case.schemas.js';

const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

const accessLogQuery = z
  .object({
    caseId: id.optional(),
    documentId: id.optional(),
    /** The officer's account id. */
    officerId: id.optional(),
    /** At or after. */
    from: z.iso.datetime({ offset: true }).optional(),
    /** Before. */
    to: z.iso.datetime({ offset: true }).optional(),
    cursor: z.string().max(DOCUMENT_LIMITS.pageToken).optional(),
    limit: z.coerce.number().int().min(1).max(DOCUMENT_LIMITS.accessLogPageSize).default(50),
  })
  .strict();

const accessEntry = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    action: z.enum(['METADATA', 'READ', 'PREVIEW', 'LIST']),
    /** OK: served. DENIED: refused for who asked or how (`deniedReason`). */
    outcome: z.enum(['OK', 'DENIED', 'FAILED']),
    deniedReason: z.string().nullable(),
    documentId: z.string().nullable(),
    caseId: z.string().nullable(),
    actor: actorRef,
    /** The caller's own office: another office's when one of its officers tried. */
    actorOfficeId: z.string().nullable(),
    reason: z.string(),
  })
  .meta({ id: 'DocumentAccess' });

const orNull = (s: string) => s || null;

/** Who opened (or was refused) which document, when and why: supervisors and admins. */
export function accessLogRoutes(deps: DeskDeps) {
  const { documents, deadlineMs } = deps.clients;
  return [
    route({
      method: 'get',
      path: '/documents/access-log',
      operationId: 'listDocumentAccess',
      summary:
        'Your office’s document access log, newest first: every view and every refusal, by case, document, officer and time; cursor pages',
      tag: 'documents',
      access: 'supervisor',
      query: accessLogQuery,
      response: page(accessEntry),
      handler: async ({ query, officer }) => {
        const q = query as z.output<typeof accessLogQuery>;
        const answer = await callUnary(
          documents,
          documents.listDocumentAccess,
          {
            officeId: officer.officeId,
            caseId: q.caseId ?? '',
            documentId: q.documentId ?? '',
            actorId: q.officerId ?? '',
            from: q.from ?? '',
            to: q.to ?? '',
            pageSize: q.limit,
            pageToken: q.cursor ?? '',
          },
          asOfficer(officer, deadlineMs),
        );
        const names = await officerNames(
          deps.accounts,
          officer,
          answer.entries.filter((e) => e.actorRole !== 'service').map((e) => e.actorId),
        );
        return {
          items: answer.entries.map((e) => ({
            id: e.id,
            at: e.at,
            action: e.action as z.input<typeof accessEntry>['action'],
            outcome: e.outcome as z.input<typeof accessEntry>['outcome'],
            deniedReason: orNull(e.deniedReason),
            documentId: orNull(e.documentId),
            caseId: orNull(e.caseId),
            actor:
              e.actorRole === 'service' || e.actorRole === 'citizen'
                ? {
                    kind: e.actorRole === 'citizen' ? ('citizen' as const) : ('system' as const),
                    id: e.actorRole === 'service' ? e.actorId : null,
                    displayName: null,
                    role: e.actorRole,
                  }
                : { ...names(e.actorId), role: e.actorRole },
            actorOfficeId: orNull(e.actorOfficeId),
            reason: e.reason,
          })),
          nextCursor: answer.nextPageToken || null,
        };
      },
    }),
  ];
}
