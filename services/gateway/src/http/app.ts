import { randomUUID } from 'node:crypto';
import { toHttpError } from '@pandawa/errors';
import type { Readiness } from '@pandawa/lifecycle';
import type { Logger } from '@pandawa/logging';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { webhookRouter, type WebhookDeps } from './webhook.router.js';

export interface AppDeps {
  logger: Logger;
  readiness: Readiness;
  /** The WhatsApp webhook; tests inject their own publisher and settings. */
  webhook?: Omit<WebhookDeps, 'logger'>;
}

/** The gateway's HTTP edge. Routers for the webhook and the admin API mount here. */
export function createApp({ logger, readiness, webhook }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);

  app.use((req, res, next) => {
    const requestId = req.header('x-request-id') ?? randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const report = await readiness.report();
    res.status(report.ready ? 200 : 503).json(report);
  });

  if (webhook) app.use('/webhooks/whatsapp', webhookRouter({ ...webhook, logger }));

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const requestId = String(res.locals.requestId);
    const { status, body } = toHttpError(error, requestId);
    if (status >= 500) logger.error({ err: error, requestId }, 'request failed');
    res.status(status).json(body);
  };
  app.use((_req, res) => {
    res.status(404).json({
      error: { code: 'NOT_FOUND', message: 'no such route' },
      requestId: res.locals.requestId,
    });
  });
  app.use(onError);
  return app;
}
