import type { Logger } from '@pandawa/logging';
import type { OfficeSettingsKv } from '@pandawa/nats';
import type { DeskClients } from '../../../grpc/desk.clients.js';
import type { AccountRepository } from '../../../store/accounts/account.repository.js';
import type { CannedReplyRepository } from '../../../store/canned-replies/canned-reply.repository.js';
import type { CaseStreams } from '../../../application/desk/case-streams.js';
import type { RevealQuotaRule, RevealQuotaStore } from '../../../store/desk/reveal-quota.store.js';
import type { AnyRoute } from '../api-route.js';
import { caseActionRoutes } from './case-actions.routes.js';
import { handoffRoutes } from './handoff.routes.js';
import { identityRevealRoutes } from './identity-reveal.routes.js';
import { officeSettingsRoutes } from './office-settings.routes.js';
import { cannedReplyRoutes } from './canned-replies.routes.js';
import { caseStreamRoutes } from './case-stream.routes.js';
import { replyRoutes } from './replies.routes.js';
import { accessLogRoutes } from './access-log.routes.js';
import { caseRoutes } from './cases.routes.js';
import { documentRoutes } from './documents.routes.js';
import { statisticsRoutes } from './statistics.routes.js';

/**
 * What the case-desk routes need. Every call to case and document-storage goes through
 * `clients` with `asOfficer(officer, …)`, so the services check office and role themselves;
 * the routes check them too (another office's object is 404, never 403).
 */
export interface DeskDeps {
  clients: DeskClients;
  /** The office's accounts: assignees, and who an audit entry names. */
  accounts: AccountRepository;
  logger: Logger;
  /** The `office_settings` KV bucket; without it the settings routes answer 503. */
  officeSettings?: OfficeSettingsKv;
  /** The office's canned replies (gateway's MongoDB); without it their routes are not served. */
  cannedReplies?: CannedReplyRepository;
  /** The office's live case stream (NATS); without it `GET /cases/stream` answers 503. */
  caseStreams?: CaseStreams;
  /**
   * Each officer's reveals of full NIK / KK numbers (gateway's MongoDB) and their bound; without
   * it the reveal route is not served (no reveal without its bound).
   */
  reveals?: { quota: RevealQuotaStore; rule: RevealQuotaRule };
}

/**
 * The case desk (issue 14): one `desk/<topic>.routes.ts` per topic, each listed once here, so
 * the OpenAPI document and the authorization matrix see every route.
 */
export function deskRoutes(deps: DeskDeps): AnyRoute[] {
  return [
    // First: `/cases/stream` must not be read as `/cases/:caseId`.
    ...caseStreamRoutes(deps),
    ...caseRoutes(deps),
    ...documentRoutes(deps),
    ...accessLogRoutes(deps),
    ...statisticsRoutes(deps),
    ...caseActionRoutes(deps),
    ...officeSettingsRoutes(deps),
    ...handoffRoutes(deps),
    ...replyRoutes(deps),
    ...(deps.cannedReplies ? cannedReplyRoutes({ cannedReplies: deps.cannedReplies }) : []),
    ...(deps.reveals ? identityRevealRoutes({ clients: deps.clients, ...deps.reveals }) : []),
  ];
}
