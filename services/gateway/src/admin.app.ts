import type { Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import type { Connection } from '@pandawa/mongo';
import type { JetStreamClient, JetStreamManager } from '@pandawa/nats';
import { AccessTokens } from './application/auth/access-tokens.js';
import { CaseStreams } from './application/desk/case-streams.js';
import type { AuthDeps } from './application/auth/sign-in.js';
import type { GatewayConfig } from './config.js';
import { scryptHasher, type PasswordHasher } from './domain/password.js';
import { createDeskClients, type DeskClients } from './grpc/desk.clients.js';
import { deskRoutes, type DeskDeps } from './http/admin/desk/desk.routes.js';
import type { AnyRoute } from './http/admin/api-route.js';
import { AccountRepository } from './store/accounts/account.repository.js';
import { CannedReplyRepository } from './store/canned-replies/canned-reply.repository.js';
import { RefreshTokenStore } from './store/auth/refresh-token.store.js';
import { SignInThrottleStore } from './store/auth/sign-in-throttle.store.js';
import { RevealQuotaStore } from './store/desk/reveal-quota.store.js';

/** The admin API's object graph over the gateway's database (main.ts and the tests build it here). */
export async function createAdminAuth(
  config: GatewayConfig,
  mongo: Connection,
  options: { hasher?: PasswordHasher; now?: () => number } = {},
): Promise<AuthDeps & { throttle: SignInThrottleStore }> {
  const accounts = new AccountRepository(mongo);
  const throttle = new SignInThrottleStore(mongo);
  await Promise.all([accounts.ensureIndexes(), throttle.ensureIndexes()]);
  return {
    accounts,
    hasher: options.hasher ?? scryptHasher,
    tokens: new AccessTokens({
      keys: config.ADMIN_JWT_KEYS,
      activeKid: config.ADMIN_JWT_ACTIVE_KID,
      issuer: config.ADMIN_JWT_ISSUER,
      audience: config.ADMIN_JWT_AUDIENCE,
      ttlSeconds: config.ADMIN_ACCESS_TOKEN_TTL_S,
    }),
    refreshTokens: new RefreshTokenStore(mongo),
    throttle,
    rules: {
      account: {
        maxFailures: config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
        windowMs: config.SIGN_IN_WINDOW_MS,
        lockoutMs: config.SIGN_IN_LOCKOUT_MS,
      },
      address: {
        maxFailures: config.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
        windowMs: config.SIGN_IN_WINDOW_MS,
        lockoutMs: config.SIGN_IN_LOCKOUT_MS,
      },
    },
    refreshTtlMs: config.ADMIN_REFRESH_TOKEN_TTL_MS,
    ...(options.now ? { now: options.now } : {}),
  };
}

/** The admin API's HTTP settings from the configuration. */
export const adminHttpSettings = (config: GatewayConfig) => ({
  corsOrigins: config.ADMIN_CORS_ORIGINS,
  secureCookies: config.ADMIN_SECURE_COOKIES,
  maxBodyBytes: config.ADMIN_MAX_BODY_BYTES,
});

/**
 * The case desk: its gRPC clients (closed at shutdown) and its routes under /api. With the
 * gateway's database, also the office's canned replies and the reveal of full numbers (its
 * per-officer bound is stored there); with NATS, the live case stream (its
 * streams ended at shutdown, `caseStreams.closeAll()`).
 */
export function createDesk(
  config: GatewayConfig,
  auth: Pick<AuthDeps, 'accounts'>,
  logger: Logger,
  stores: Pick<DeskDeps, 'officeSettings'> & {
    mongo?: Connection;
    bus?: { js: JetStreamClient; jsm: JetStreamManager; topology: Topology };
  } = {},
): {
  clients: DeskClients;
  routes: AnyRoute[];
  caseStreams?: CaseStreams;
  revealQuota?: RevealQuotaStore;
} {
  const clients = createDeskClients({
    caseAddr: config.CASE_ADDR,
    documentAddr: config.DOCUMENT_ADDR,
    notificationAddr: config.NOTIFICATION_ADDR,
    deadlineMs: config.GRPC_DEADLINE_MS,
    downloadDeadlineMs: config.DOCUMENT_DOWNLOAD_DEADLINE_MS,
  });
  const { mongo, bus, ...kept } = stores;
  const caseStreams = bus
    ? new CaseStreams({
        js: bus.js,
        jsm: bus.jsm,
        stream: bus.topology.streams.CASE_EVENTS.name,
        subjects: [bus.topology.subjects.caseEventsAll],
        accounts: auth.accounts,
        logger,
        maxPerAccount: config.ADMIN_STREAMS_PER_ACCOUNT,
        heartbeatMs: config.ADMIN_STREAM_HEARTBEAT_MS,
        maxReplay: 10_000,
      })
    : undefined;
  const cannedReplies = mongo ? new CannedReplyRepository(mongo) : undefined;
  // Its indexes only speed reads up (none is unique): made in the background, a failure logged.
  cannedReplies
    ?.ensureIndexes()
    .catch((err: unknown) => logger.warn({ err }, 'canned-reply indexes not made'));
  const revealQuota = mongo ? new RevealQuotaStore(mongo) : undefined;
  revealQuota
    ?.ensureIndexes()
    .catch((err: unknown) => logger.warn({ err }, 'reveal-quota indexes not made'));
  const revealRule = {
    maxPerWindow: config.REVEAL_MAX_PER_ACCOUNT,
    windowMs: config.REVEAL_WINDOW_MS,
  };
  return {
    clients,
    ...(caseStreams ? { caseStreams } : {}),
    ...(revealQuota ? { revealQuota } : {}),
    routes: deskRoutes({
      clients,
      accounts: auth.accounts,
      logger,
      ...kept,
      ...(cannedReplies ? { cannedReplies } : {}),
      ...(caseStreams ? { caseStreams } : {}),
      ...(revealQuota ? { reveals: { quota: revealQuota, rule: revealRule } } : {}),
    }),
  };
}
