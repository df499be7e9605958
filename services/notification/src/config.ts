import { commonEnv, loadConfig, mongoEnv, natsEnv, port } from '@pandawa/config';
import { z } from 'zod';

export const notificationConfigSchema = z.object({
  ...commonEnv,
  ...natsEnv,
  ...mongoEnv,
  MONGO_DB: z.string().default('pandawa_notification'),
  /** `/healthz` and `/readyz`. */
  HEALTH_PORT: port(8082),
  /** Base URL of the Graph API (Meta's, or the wa-sandbox in development). */
  WHATSAPP_API_URL: z.url().default('http://127.0.0.1:8090'),
});

export type NotificationConfig = ReturnType<typeof loadNotificationConfig>;

export const loadNotificationConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(notificationConfigSchema, env);
