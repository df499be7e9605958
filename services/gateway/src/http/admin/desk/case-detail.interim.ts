import { caseCategoryValues, caseStatusValues } from '@pandawa/contracts';
import type { CaseProto, ClientResponse } from '@pandawa/grpc';
import { z } from 'zod';
import { citizenOf } from './case.mapper.js';
import { citizenOut } from './case.schemas.js';

/**
 * INTERIM: the case detail's JSON shape, until the desk-read work (which owns `GET /cases/:caseId`
 * and its mapper) lands on main. The action routes answer with the updated case in that same
 * shape; when theirs lands, the action routes import it and this file goes (one mapper only).
 */
type CaseService = CaseProto['pandawa']['case']['v1']['CaseService']['service'];
export type CaseOut = ClientResponse<CaseService, 'GetCase'>;

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH'] as const;
export type Priority = (typeof PRIORITIES)[number];

const optionalTime = z.iso.datetime().nullable();
const blankToNull = (s: string) => (s ? s : null);

export const caseDetail = z
  .object({
    id: z.string(),
    officeId: z.string(),
    trackingCode: z.string(),
    status: z.enum(caseStatusValues),
    category: z.enum(caseCategoryValues).nullable(),
    // Masked as on GET /cases/{id}: the admin API never sends a whole NIK, KK, phone or BSUID.
    citizen: citizenOut,
    description: z.string(),
    documentIds: z.array(z.string()),
    assigneeId: z.string().nullable(),
    priority: z.enum(PRIORITIES),
    tags: z.array(z.string()),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** Send it back as `expectedVersion` to change the case only if nobody else has. */
    version: z.number().int().nonnegative(),
    statusDetail: z.object({
      reason: z.string().nullable(),
      missingItems: z.array(z.string()),
      visitInstructions: z.string().nullable(),
    }),
    sla: z.object({
      firstResponseDueAt: optionalTime,
      resolutionDueAt: optionalTime,
      firstResponseAt: optionalTime,
      resolvedAt: optionalTime,
      firstResponseBreached: z.boolean(),
      resolutionBreached: z.boolean(),
      resolutionPausedAt: optionalTime,
    }),
    messages: z.array(
      z.object({
        id: z.string(),
        author: z.enum(['citizen', 'officer', 'system']),
        actorId: z.string().nullable(),
        text: z.string(),
        createdAt: z.iso.datetime(),
        delivery: z.enum(['pending', 'sent', 'delivered', 'read', 'failed']).nullable(),
        documentIds: z.array(z.string()),
      }),
    ),
    notes: z.array(
      z.object({
        id: z.string(),
        actorId: z.string(),
        text: z.string(),
        createdAt: z.iso.datetime(),
      }),
    ),
    audit: z.array(
      z.object({
        at: z.iso.datetime(),
        actorId: z.string(),
        actorRole: z.string(),
        action: z.string(),
        before: z.string().nullable(),
        after: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'CaseDetail' });

const PRIORITY_OUT: Record<string, Priority> = {
  PRIORITY_LOW: 'LOW',
  PRIORITY_HIGH: 'HIGH',
};
const AUTHOR_OUT: Record<string, 'citizen' | 'officer' | 'system'> = {
  AUTHOR_CITIZEN: 'citizen',
  AUTHOR_OFFICER: 'officer',
};
const DELIVERY_OUT: Record<string, 'pending' | 'sent' | 'delivered' | 'read' | 'failed'> = {
  DELIVERY_PENDING: 'pending',
  DELIVERY_SENT: 'sent',
  DELIVERY_DELIVERED: 'delivered',
  DELIVERY_READ: 'read',
  DELIVERY_FAILED: 'failed',
};

/** The case service's answer as the admin API shows it: empty strings become null, enums words. */
export function toCaseDetail(c: CaseOut): z.input<typeof caseDetail> {
  const category = String(c.category);
  return {
    id: c.id,
    officeId: c.officeId,
    trackingCode: c.trackingCode,
    status: c.status as z.input<typeof caseDetail>['status'],
    category: (caseCategoryValues as readonly string[]).includes(category)
      ? (category as (typeof caseCategoryValues)[number])
      : null,
    citizen: citizenOf(c.citizen),
    description: c.description,
    documentIds: c.documentIds,
    assigneeId: blankToNull(c.assigneeId),
    priority: PRIORITY_OUT[String(c.priority)] ?? 'NORMAL',
    tags: c.tags,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: Number(c.version),
    statusDetail: {
      reason: blankToNull(c.statusDetail?.reason ?? ''),
      missingItems: c.statusDetail?.missingItems ?? [],
      visitInstructions: blankToNull(c.statusDetail?.visitInstructions ?? ''),
    },
    sla: {
      firstResponseDueAt: blankToNull(c.sla?.firstResponseDueAt ?? ''),
      resolutionDueAt: blankToNull(c.sla?.resolutionDueAt ?? ''),
      firstResponseAt: blankToNull(c.sla?.firstResponseAt ?? ''),
      resolvedAt: blankToNull(c.sla?.resolvedAt ?? ''),
      firstResponseBreached: c.sla?.firstResponseBreached ?? false,
      resolutionBreached: c.sla?.resolutionBreached ?? false,
      resolutionPausedAt: blankToNull(c.sla?.resolutionPausedAt ?? ''),
    },
    messages: c.messages.map((m) => ({
      id: m.id,
      author: AUTHOR_OUT[String(m.author)] ?? 'system',
      actorId: m.author === 'AUTHOR_OFFICER' ? blankToNull(m.actorId) : null,
      text: m.text,
      createdAt: m.createdAt,
      delivery: DELIVERY_OUT[String(m.deliveryStatus)] ?? null,
      documentIds: m.documentIds,
    })),
    notes: c.notes.map((n) => ({
      id: n.id,
      actorId: n.actorId,
      text: n.text,
      createdAt: n.createdAt,
    })),
    audit: c.audit.map((a) => ({
      at: a.at,
      // A citizen's actor id is their phone or BSUID: never shown.
      actorId: a.actorRole === 'citizen' ? '' : a.actorId,
      actorRole: a.actorRole,
      action: a.action,
      before: blankToNull(a.before),
      after: blankToNull(a.after),
      reason: blankToNull(a.reason),
    })),
  };
}
