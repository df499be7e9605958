import { commonEnv, loadConfig, mongoEnv, natsEnv, port, whatsappApiEnv } from '@pandawa/config';
import { z } from 'zod';

export const notificationConfigSchema = z.object({
  ...commonEnv,
  ...natsEnv,
  ...mongoEnv,
  MONGO_DB: z.string().default('pandawa_notification'),
  /** `/healthz` and `/readyz`. */
  HEALTH_PORT: port(8082),
  ...whatsappApiEnv,
});

export type NotificationConfig = ReturnType<typeof loadNotificationConfig>;

export const loadNotificationConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(notificationConfigSchema, env);
