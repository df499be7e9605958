import { AppError } from '@pandawa/errors';
import {
  callerFromMetadata,
  loadProto,
  unaryHandler,
  withCallSpan,
  type CaseProto,
  type grpc,
  type GrpcServer,
} from '@pandawa/grpc';
import type { Logger } from '@pandawa/logging';
import type { CaseService } from '../case.service.js';
import {
  CASE_CATEGORIES,
  CASE_PRIORITIES,
  CASE_STATUSES,
  DELIVERY_STATUSES,
  type Actor,
  type CaseCategory,
  type CasePriority,
  type CaseStatus,
} from '../domain/case.types.js';
import { looksLikeTrackingCode, normalizeTrackingCode } from '../domain/tracking-code.js';
import { normalizeName } from '../domain/search-name.js';
import type { ListOrder } from '../read-model/case-list.view.js';
import { toCaseMessage, type CaseView } from './case.mapper.js';
import type { CaseMethod, Req, Res } from './case.proto-types.js';
import { decodePageToken, encodePageToken, pageSize } from './page-token.js';
import { parseRequestTime, validateCaseRequest } from './case.validation.js';

export const CASE_SERVICE_NAME = 'pandawa.case.v1.CaseService';

function oneOf<T extends string>(values: readonly T[], value: string, field: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new AppError('INVALID_ARGUMENT', `${field} is missing or unknown`, {
    reason: `${field.toUpperCase()}_INVALID`,
  });
}

const optionalVersion = (v: string | number) => Number(v) || undefined;

/** A request's priority; undefined for CASE_PRIORITY_UNSPECIFIED ("not given"). */
const priorityOf = (p: string): CasePriority | undefined =>
  p === 'CASE_PRIORITY_UNSPECIFIED' ? undefined : oneOf(CASE_PRIORITIES, p, 'priority');

/** `{ priority }` when the request gave one, for spreading into a filter or a change. */
const withPriority = (p: string) => {
  const priority = priorityOf(p);
  return priority ? { priority } : {};
};

const LIST_ORDERS: Record<Req<'ListCases'>['order'], ListOrder> = {
  CASE_LIST_ORDER_UNSPECIFIED: 'newest',
  CASE_LIST_ORDER_NEWEST: 'newest',
  CASE_LIST_ORDER_SLA_DUE: 'sla_due',
};

/** The list order asked for; an unknown one (a newer client's) is refused, not read as newest. */
function listOrder(order: Req<'ListCases'>['order']): ListOrder {
  const known = Object.hasOwn(LIST_ORDERS, order) ? LIST_ORDERS[order] : undefined;
  if (!known)
    throw new AppError('INVALID_ARGUMENT', 'order is not a known list order', {
      reason: 'ORDER_INVALID',
      details: { field: 'order' },
    });
  return known;
}

/** Registers pandawa.case.v1.CaseService on `server`: each handler is metadata → service → mapper. */
export function registerCaseGrpc(server: GrpcServer, service: CaseService, logger: Logger): void {
  const definition = loadProto<CaseProto>('pandawa/case/v1/case.proto').pandawa.case.v1.CaseService
    .service;

  /** One handler: the caller from metadata, a span carrying only identifiers, the call itself. */
  const handle = <M extends CaseMethod>(
    method: M,
    fn: (req: Req<M>, actor: Actor) => Promise<Res<M>>,
  ) =>
    unaryHandler<Req<M>, Res<M>>(method, logger, async (req, call) => {
      // Bounds first: nothing below (not even a span attribute) sees an out-of-bounds value.
      validateCaseRequest(method, req);
      const officeId = (req as { officeId: string }).officeId;
      const { id, role, citizen } = callerFromMetadata(call.metadata, officeId);
      const actor: Actor = { id, role, ...(citizen ? { citizen } : {}) };
      return withCallSpan('CaseService', method, { officeId, role }, () => fn(req, actor));
    });

  const caseOut = (actor: Actor) => (doc: CaseView) => toCaseMessage(doc, actor);

  const implementation: { [M in CaseMethod]: grpc.handleUnaryCall<Req<M>, Res<M>> } = {
    CreateCase: handle('CreateCase', async (req, actor) =>
      caseOut(actor)(
        await service.create(actor, {
          officeId: req.officeId,
          idempotencyKey: req.idempotencyKey,
          category: oneOf(CASE_CATEGORIES, req.category, 'category'),
          citizen: {
            phone: req.citizen?.phone ?? '',
            bsuid: req.citizen?.bsuid ?? '',
            parentBsuid: req.citizen?.parentBsuid ?? '',
            username: req.citizen?.username ?? '',
            profileName: req.citizen?.profileName ?? '',
            nik: req.citizen?.nik ?? '',
            kkNumber: req.citizen?.kkNumber ?? '',
            name: req.citizen?.name ?? '',
          },
          description: req.description,
          documentIds: req.documentIds,
          priority: priorityOf(req.priority) ?? 'PRIORITY_NORMAL',
          tags: req.tags,
          requestOfficer: req.requestOfficer,
        }),
      ),
    ),

    GetCase: handle('GetCase', async (req, actor) =>
      caseOut(actor)(
        await service.get(actor, req.officeId, {
          ...(req.key === 'id' && req.id ? { id: req.id } : {}),
          ...(req.key === 'trackingCode' && req.trackingCode
            ? { trackingCode: normalizeTrackingCode(req.trackingCode) }
            : {}),
        }),
      ),
    ),

    ListCases: handle('ListCases', async (req, actor) => {
      const query = req.query.trim();
      const order = listOrder(req.order);
      const statuses = req.statuses.map((s) => oneOf(CASE_STATUSES, s, 'status') as CaseStatus);
      const category =
        req.category === 'CASE_CATEGORY_UNSPECIFIED'
          ? undefined
          : (oneOf(CASE_CATEGORIES, req.category, 'category') as CaseCategory);
      const page = await service.list(
        actor,
        req.officeId,
        {
          statuses,
          ...(category ? { category } : {}),
          ...(req.assigneeId ? { assigneeId: req.assigneeId } : {}),
          unassignedOnly: req.unassignedOnly,
          ...withPriority(req.priority),
          ...(req.tag.trim() ? { tag: req.tag } : {}),
          ...(req.awaitingOfficer ? { awaitingOfficer: true } : {}),
          ...(req.createdFrom
            ? { createdFrom: parseRequestTime(req.createdFrom, 'created_from') }
            : {}),
          ...(req.createdTo
            ? { createdBefore: parseRequestTime(req.createdTo, 'created_to') }
            : {}),
          ...(req._slaBreached === 'slaBreached' ? { slaBreached: Boolean(req.slaBreached) } : {}),
          ...(query
            ? looksLikeTrackingCode(query)
              ? { trackingCodePrefix: normalizeTrackingCode(query) }
              : { namePrefix: normalizeName(query) }
            : {}),
        },
        pageSize(req.pageSize),
        decodePageToken(req.pageToken, order),
        order,
      );
      return {
        cases: page.items.map(caseOut(actor)),
        nextPageToken: encodePageToken(page.next, order),
      };
    }),

    ListCitizenCases: handle('ListCitizenCases', async (req, actor) => {
      const page = await service.listCitizenCases(
        actor,
        req.officeId,
        { ...(req.bsuid ? { bsuid: req.bsuid } : {}), ...(req.phone ? { phone: req.phone } : {}) },
        pageSize(req.pageSize),
        decodePageToken(req.pageToken),
      );
      return { cases: page.items.map(caseOut(actor)), nextPageToken: encodePageToken(page.next) };
    }),

    TransitionCase: handle('TransitionCase', async (req, actor) =>
      caseOut(actor)(
        await service.transition(
          actor,
          req.officeId,
          req.caseId,
          {
            to: oneOf(CASE_STATUSES, req.toStatus, 'to_status'),
            reason: req.reason,
            missingItems: req.missingItems,
            visitInstructions: req.visitInstructions,
          },
          optionalVersion(req.expectedVersion),
        ),
      ),
    ),

    AssignCase: handle('AssignCase', async (req, actor) =>
      caseOut(actor)(
        await service.assign(
          actor,
          req.officeId,
          req.caseId,
          req.assigneeId,
          optionalVersion(req.expectedVersion),
        ),
      ),
    ),

    UnassignCase: handle('UnassignCase', async (req, actor) =>
      caseOut(actor)(
        await service.unassign(
          actor,
          req.officeId,
          req.caseId,
          req.reason,
          optionalVersion(req.expectedVersion),
        ),
      ),
    ),

    ClaimCase: handle('ClaimCase', async (req, actor) =>
      caseOut(actor)(
        await service.claim(actor, req.officeId, req.caseId, optionalVersion(req.expectedVersion)),
      ),
    ),

    AddCitizenMessage: handle('AddCitizenMessage', async (req, actor) =>
      caseOut(actor)(
        await service.addCitizenMessage(actor, req.officeId, req.caseId, {
          text: req.text,
          documentIds: req.documentIds,
          waMessageId: req.waMessageId,
          requestOfficer: req.requestOfficer,
        }),
      ),
    ),

    HandBackToBot: handle('HandBackToBot', async (req, actor) =>
      caseOut(actor)(
        await service.handBackToBot(
          actor,
          req.officeId,
          req.caseId,
          optionalVersion(req.expectedVersion),
        ),
      ),
    ),

    AddOfficerReply: handle('AddOfficerReply', async (req, actor) =>
      caseOut(actor)(
        await service.addOfficerReply(actor, req.officeId, req.caseId, req.text, req.asTemplate),
      ),
    ),

    AddInternalNote: handle('AddInternalNote', async (req, actor) =>
      caseOut(actor)(await service.addInternalNote(actor, req.officeId, req.caseId, req.text)),
    ),

    UpdateCaseTriage: handle('UpdateCaseTriage', async (req, actor) =>
      caseOut(actor)(
        await service.updateTriage(
          actor,
          req.officeId,
          req.caseId,
          {
            ...withPriority(req.priority),
            ...(req.replaceTags ? { tags: req.tags } : {}),
          },
          optionalVersion(req.expectedVersion),
        ),
      ),
    ),

    AttachDocuments: handle('AttachDocuments', async (req, actor) =>
      caseOut(actor)(
        await service.attachDocuments(actor, req.officeId, req.caseId, req.documentIds),
      ),
    ),

    UpdateMessageDelivery: handle('UpdateMessageDelivery', async (req, actor) =>
      caseOut(actor)(
        await service.updateMessageDelivery(
          actor,
          req.officeId,
          req.caseId,
          req.messageId,
          oneOf(DELIVERY_STATUSES, req.deliveryStatus, 'delivery_status'),
          req.failure ? { code: req.failure.code, title: req.failure.title } : undefined,
        ),
      ),
    ),

    RevealCitizenIdentity: handle('RevealCitizenIdentity', async (req, actor) => {
      const revealed = await service.revealCitizenIdentity(
        actor,
        req.officeId,
        req.caseId,
        req.reason.trim(),
      );
      return { ...revealed, revealedAt: revealed.revealedAt.toISOString() };
    }),

    GetStatistics: handle('GetStatistics', async (req, actor) => {
      const to = req.to ? parseRequestTime(req.to, 'to') : new Date();
      const from = req.from
        ? parseRequestTime(req.from, 'from')
        : new Date(to.getTime() - 30 * 86_400_000);
      const s = await service.statistics(actor, req.officeId, from, to);
      return {
        byStatus: s.byStatus,
        byCategory: s.byCategory,
        firstResponse: {
          sampleSize: s.firstResponse.sampleSize,
          medianMinutes: s.firstResponse.median,
          p90Minutes: s.firstResponse.p90,
        },
        resolution: {
          sampleSize: s.resolution.sampleSize,
          medianMinutes: s.resolution.median,
          p90Minutes: s.resolution.p90,
        },
        firstResponseBreaches: s.firstResponseBreaches,
        resolutionBreaches: s.resolutionBreaches,
        total: s.total,
        // Every case of the window is counted (the list view holds them all): never cut.
        durationsTruncated: false,
      };
    }),
  };

  server.addService(
    CASE_SERVICE_NAME,
    definition,
    implementation as unknown as grpc.UntypedServiceImplementation,
  );
}
