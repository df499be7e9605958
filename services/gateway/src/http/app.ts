import { randomUUID } from 'node:crypto';
import { AppError, toHttpError } from '@pandawa/errors';
import type { Readiness } from '@pandawa/lifecycle';
import type { Logger } from '@pandawa/logging';
import { isMongoUnavailableError } from '@pandawa/mongo';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { adminApi, type AdminApiDeps } from './admin/admin-api.js';
import { webhookRouter, type WebhookDeps } from './webhook.router.js';

export interface AppDeps {
  logger: Logger;
  readiness: Readiness;
  /** The WhatsApp webhook; tests inject their own publisher and settings. */
  webhook?: Omit<WebhookDeps, 'logger'>;
  /** The officers' admin API under /api. */
  admin?: Omit<AdminApiDeps, 'logger'>;
  /**
   * How many reverse proxies in front of the gateway may set `X-Forwarded-For` (0: none, the
   * socket's address is the client's). More than the real number lets a client pick the address
   * that sign-in throttling counts.
   */
  trustedProxyHops?: number;
}

/** A client's request id is echoed only when it is short and plain; else we make one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** body-parser's own errors: a 4xx of the caller's making, never a 500. */
function bodyParserError(
  error: unknown,
): { status: number; code: string; message: string } | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large')
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'the body is too large' };
  if (typeof type === 'string' && (error as { status?: number }).status !== undefined)
    return { status: 400, code: 'INVALID_ARGUMENT', message: 'the body is not valid JSON' };
  return undefined;
}

/** The gateway's HTTP edge. Routers for the webhook and the admin API mount here. */
export function createApp({
  logger,
  readiness,
  webhook,
  admin,
  trustedProxyHops = 0,
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustedProxyHops);

  app.use((req, res, next) => {
    const given = req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
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
  if (admin) app.use('/api', adminApi({ ...admin, logger }));

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const requestId = String(res.locals.requestId);
    const parserError = bodyParserError(error);
    if (parserError) {
      res.status(parserError.status).json({
        error: { code: parserError.code, message: parserError.message },
        requestId,
      });
      return;
    }
    if (isMongoUnavailableError(error)) {
      // The admin API's store is down (the webhook never waits on it): a retry will do.
      logger.warn({ requestId, err: { name: (error as Error).name } }, 'database unavailable');
      res.setHeader('retry-after', '5');
      const { status, body } = toHttpError(
        new AppError('UNAVAILABLE', 'the service is briefly unavailable; try again', {
          reason: 'STORE_UNAVAILABLE',
        }),
        requestId,
      );
      res.status(status).json(body);
      return;
    }
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
