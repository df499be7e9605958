import { CallerSigner, callerCredential, useCallerSigner } from '@pandawa/grpc';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@pandawa/logging';
import { OfficeSettingsKv } from '@pandawa/nats';
import { connectBackbone, handleShutdown, Readiness, runMain } from '@pandawa/lifecycle';
import { adminHttpSettings, createAdminAuth, createDesk } from './admin.app.js';
import { loadGatewayConfig, SANDBOX_APP_SECRET, SANDBOX_VERIFY_TOKEN } from './config.js';
import { createApp } from './http/app.js';
import { KvDeliveryLedger } from './store/webhook-delivery.ledger.js';

await runMain('gateway', async () => {
  const config = loadGatewayConfig();
  // Every gRPC client this process creates signs its calls with the service's own key.
  useCallerSigner(new CallerSigner(callerCredential('gateway', config.GATEWAY_CALLER_SIGNING_KEY)));
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  if (
    config.WHATSAPP_APP_SECRET === SANDBOX_APP_SECRET ||
    config.WHATSAPP_VERIFY_TOKEN === SANDBOX_VERIFY_TOKEN
  ) {
    logger.warn(
      'DEV-ONLY WhatsApp webhook secrets in use: anyone can sign webhooks. Set WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN.',
    );
  }
  const backbone = await connectBackbone({
    service: 'gateway',
    logger,
    nats: { url: config.NATS_URL, namespace: config.NATS_NAMESPACE },
    // The admin API's store; the webhook path only publishes to NATS and never waits on it.
    mongo: { url: config.MONGO_URL, dbName: config.MONGO_DB },
    streams: (t) => [t.streams.WA_IN],
  });
  const auth = await createAdminAuth(config, backbone.mongo);
  // Office settings (architecture §3.2): the admin API writes them where every service reads them.
  const officeSettings = await OfficeSettingsKv.open(backbone.nc, backbone.topology, logger);
  const desk = createDesk(config, auth, logger, {
    officeSettings,
    mongo: backbone.mongo,
    bus: { js: backbone.js, jsm: backbone.jsm, topology: backbone.topology },
  });
  // Sign-in failures outlive their window by the lock-out, reveal slots their window; FerretDB
  // has no TTL index.
  const purge = setInterval(() => {
    auth.throttle.purge(Date.now()).catch((err: unknown) => logger.warn({ err }, 'purge failed'));
    desk.revealQuota
      ?.purge(Date.now())
      .catch((err: unknown) => logger.warn({ err }, 'reveal-quota purge failed'));
  }, 10 * 60_000);
  purge.unref();
  const ledger = config.WEBHOOK_LEDGER_ENABLED
    ? await KvDeliveryLedger.open(backbone.nc, {
        namespace: config.NATS_NAMESPACE,
        ttlMs: config.WEBHOOK_LEDGER_RETENTION_MS,
      })
    : undefined;
  const readiness = new Readiness({ nats: backbone.natsHealthy });
  const app = createApp({
    logger,
    readiness,
    trustedProxyHops: config.GATEWAY_TRUSTED_PROXY_HOPS,
    webhook: {
      settings: {
        appSecret: config.WHATSAPP_APP_SECRET,
        verifyToken: config.WHATSAPP_VERIFY_TOKEN,
        offices: config.WHATSAPP_OFFICES,
        maxBodyBytes: config.WEBHOOK_MAX_BODY_BYTES,
        publishTimeoutMs: config.WEBHOOK_PUBLISH_TIMEOUT_MS,
        ledgerTimeoutMs: config.WEBHOOK_LEDGER_TIMEOUT_MS,
      },
      publisher: backbone.publisher,
      subjects: backbone.topology.subjects,
      busUp: backbone.natsHealthy,
      ...(ledger ? { ledger } : {}),
    },
    admin: { auth, ...adminHttpSettings(config), extraRoutes: desk.routes },
  });
  const server = app.listen(config.GATEWAY_PORT, config.BIND_HOST);
  await new Promise<void>((resolve, reject) =>
    server.once('listening', resolve).once('error', reject),
  );
  server.keepAliveTimeout = 65_000;

  handleShutdown(
    logger,
    [
      { name: 'mark not ready', run: () => readiness.markNotReady() },
      // Live streams never finish by themselves: end them, or the server waits for them.
      { name: 'end live case streams', run: () => desk.caseStreams?.closeAll() },
      {
        name: 'stop HTTP, finish requests in flight',
        run: () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          }),
      },
      { name: 'close gRPC clients', run: () => desk.clients.close() },
      ...backbone.closingSteps(),
    ],
    config.SHUTDOWN_TIMEOUT_MS,
  );
  logger.info({ port: (server.address() as AddressInfo).port }, 'gateway ready');
});
