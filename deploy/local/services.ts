/**
 * What `npm run dev` starts, and how it knows each one is healthy. Ports are the defaults unless
 * the environment moves them (CASE_PORT, DOCUMENT_PORT, GATEWAY_PORT, WA_SANDBOX_PORT,
 * CONVERSATION_HEALTH_PORT, NOTIFICATION_HEALTH_PORT, NOTIFICATION_GRPC_PORT), so a second stack — a test's — can run
 * beside a developer's; the services are wired to each other's ports. PANDAWA_DEV_DB_PREFIX
 * gives such a stack databases of its own (`<prefix>_case`, ...).
 */
import type { HealthTarget } from '@pandawa/lifecycle';

export interface LocalService {
  name: string;
  health: HealthTarget;
  describe: string;
  env?: Record<string, string>;
}

const portOf = (env: NodeJS.ProcessEnv, name: string, fallback: number) => {
  const value = Number(env[name]);
  return Number.isInteger(value) && value > 0 && value < 65536 ? value : fallback;
};

export function localServices(env: NodeJS.ProcessEnv = process.env): LocalService[] {
  const ports = {
    case: portOf(env, 'CASE_PORT', 50051),
    document: portOf(env, 'DOCUMENT_PORT', 50052),
    conversation: portOf(env, 'CONVERSATION_HEALTH_PORT', 8081),
    notification: portOf(env, 'NOTIFICATION_HEALTH_PORT', 8082),
    notificationGrpc: portOf(env, 'NOTIFICATION_GRPC_PORT', 50053),
    gateway: portOf(env, 'GATEWAY_PORT', 8080),
    sandbox: portOf(env, 'WA_SANDBOX_PORT', 8090),
  };
  const grpcAddrs = {
    CASE_ADDR: `127.0.0.1:${ports.case}`,
    DOCUMENT_ADDR: `127.0.0.1:${ports.document}`,
  };
  const cloudApi = {
    WHATSAPP_API_URL: env.WHATSAPP_API_URL ?? `http://127.0.0.1:${ports.sandbox}`,
  };
  const withDb = (name: string, vars: Record<string, string>) =>
    env.PANDAWA_DEV_DB_PREFIX
      ? { ...vars, MONGO_DB: `${env.PANDAWA_DEV_DB_PREFIX}_${name}` }
      : vars;
  const services: LocalService[] = [
    {
      name: 'case',
      health: { kind: 'grpc', port: ports.case },
      describe: `gRPC :${ports.case}`,
      env: { CASE_PORT: String(ports.case) },
    },
    {
      name: 'document-storage',
      health: { kind: 'grpc', port: ports.document },
      describe: `gRPC :${ports.document}`,
      env: { DOCUMENT_PORT: String(ports.document), ...cloudApi },
    },
    {
      name: 'conversation',
      health: { kind: 'http', port: ports.conversation, path: '/readyz' },
      describe: `health :${ports.conversation}`,
      env: { HEALTH_PORT: String(ports.conversation), ...grpcAddrs },
    },
    {
      name: 'notification',
      health: { kind: 'http', port: ports.notification, path: '/readyz' },
      describe: `health :${ports.notification}, gRPC :${ports.notificationGrpc}`,
      env: {
        HEALTH_PORT: String(ports.notification),
        NOTIFICATION_GRPC_PORT: String(ports.notificationGrpc),
        ...grpcAddrs,
        ...cloudApi,
      },
    },
    {
      name: 'gateway',
      health: { kind: 'http', port: ports.gateway, path: '/readyz' },
      describe: `http://127.0.0.1:${ports.gateway}`,
      env: {
        GATEWAY_PORT: String(ports.gateway),
        ...grpcAddrs,
        NOTIFICATION_ADDR: `127.0.0.1:${ports.notificationGrpc}`,
      },
    },
    {
      name: 'wa-sandbox',
      health: { kind: 'http', port: ports.sandbox, path: '/healthz' },
      describe: `http://127.0.0.1:${ports.sandbox}`,
      env: {
        WA_SANDBOX_PORT: String(ports.sandbox),
        WA_SANDBOX_WEBHOOK_URL:
          env.WA_SANDBOX_WEBHOOK_URL ?? `http://127.0.0.1:${ports.gateway}/webhooks/whatsapp`,
      },
    },
  ];
  return services.map((s) => ({ ...s, env: withDb(s.name, s.env ?? {}) }));
}
