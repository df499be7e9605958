import { OFFICER_ROLES } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import {
  callerFromMetadata,
  loadProto,
  unaryHandler,
  withCallSpan,
  type grpc,
  type GrpcServer,
  type NotificationProto,
} from '@pandawa/grpc';
import type { Logger } from '@pandawa/logging';
import { customerWindowOf, type WindowQueryDeps } from '../application/customer-window-query.js';
import type { CaseTemplates } from '../domain/case-notice.js';
import { TEMPLATE_BODIES, templateText } from '../messages.id.js';
import type { NotificationMethod, Req, Res } from './notification.proto-types.js';
import { validateNotificationRequest, type ScopedRequest } from './notification.validation.js';

export const NOTIFICATION_SERVICE_NAME = 'pandawa.notification.v1.NotificationService';

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/**
 * Registers pandawa.notification.v1.NotificationService (architecture §4): what the officers'
 * desk asks before it acts. Only staff of the request's office, through the gateway (the only
 * issuer that may assert their roles), are answered.
 */
export function registerNotificationGrpc(
  server: GrpcServer,
  deps: WindowQueryDeps & { templatesFor: (officeId: string) => CaseTemplates },
  logger: Logger,
): void {
  const definition = loadProto<NotificationProto>('pandawa/notification/v1/notification.proto')
    .pandawa.notification.v1.NotificationService.service;

  const handle = <M extends NotificationMethod>(
    method: M,
    fn: (req: Req<M>, citizen: { bsuid?: string; phone?: string }) => Promise<Res<M>>,
  ) =>
    unaryHandler<Req<M> & ScopedRequest, Res<M>>(method, logger, (req, call) => {
      // Bounds first: nothing below sees an out-of-bounds value.
      const citizen = validateNotificationRequest(method, req);
      const caller = callerFromMetadata(call.metadata, req.officeId);
      if (!(OFFICER_ROLES as readonly string[]).includes(caller.role))
        throw new AppError('PERMISSION_DENIED', 'only officers ask for a customer window', {
          reason: 'OFFICER_ONLY',
        });
      return withCallSpan(
        'NotificationService',
        method,
        { officeId: req.officeId, role: caller.role },
        () => fn(req, citizen),
      );
    });

  const implementation: {
    [M in NotificationMethod]: grpc.handleUnaryCall<Req<M>, Res<M>>;
  } = {
    GetCustomerWindow: handle('GetCustomerWindow', async (req, citizen) => {
      const window = await customerWindowOf(deps, req.officeId, citizen);
      // The office's own template when its admin named one (architecture §3.2); the text shown
      // is the standard body, which an office's template is to keep the parameters of.
      const templates = deps.templatesFor(req.officeId);
      return {
        open: window.open,
        closesAt: iso(window.closesAt),
        lastInboundAt: iso(window.lastInboundAt),
        replyTemplate: {
          name: templates.officerReply,
          language: templates.language,
          text: templateText(
            TEMPLATE_BODIES.officerReply,
            req.trackingCode ? [req.trackingCode] : [],
          ),
        },
      };
    }),
  };

  server.addService(
    NOTIFICATION_SERVICE_NAME,
    definition,
    implementation as unknown as grpc.UntypedServiceImplementation,
  );
}
