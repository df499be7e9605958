import { AppError } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';
import express, { type Router } from 'express';
import helmet from 'helmet';
import type { AuthDeps } from '../../application/auth/sign-in.js';
import { accountRoutes } from './accounts.routes.js';
import { mountRoutes, type AnyRoute } from './api-route.js';
import { authRoutes } from './auth.routes.js';
import { bearerAuthenticator } from './authenticate.js';
import { openApiDocument } from './openapi.js';

export interface AdminApiDeps {
  auth: AuthDeps;
  logger: Logger;
  /** Origins a browser console may call from; empty: same origin only. */
  corsOrigins: readonly string[];
  secureCookies: boolean;
  maxBodyBytes: number;
  /** More routes (the case desk), mounted with the same authentication and validation. */
  extraRoutes?: readonly AnyRoute[];
}

/** Every admin-API route; the OpenAPI document is built from the same list. */
export function adminRoutes(deps: AdminApiDeps): AnyRoute[] {
  return [
    ...authRoutes(deps.auth, { secureCookies: deps.secureCookies }),
    ...accountRoutes(deps.auth),
    ...(deps.extraRoutes ?? []),
  ];
}

/** A known path asked with a method it does not have: 405 and the methods it has (RFC 9110). */
function refuseOtherMethods(router: Router, routes: readonly AnyRoute[]): void {
  const methods = new Map<string, Set<string>>();
  for (const r of routes) {
    const set = methods.get(r.path) ?? new Set<string>();
    set.add(r.method.toUpperCase());
    if (r.method === 'get') set.add('HEAD');
    methods.set(r.path, set);
  }
  for (const [path, allowed] of methods)
    router.all(path, (_req, res) => {
      res.setHeader('allow', [...allowed].join(', '));
      res.status(405).json({
        error: { code: 'METHOD_NOT_ALLOWED', message: 'this path does not take that method' },
        requestId: String(res.locals.requestId),
      });
    });
}

/** The admin API under `/api`: helmet, CORS allow-list, strict bounded JSON, then the routes. */
export function adminApi(deps: AdminApiDeps): Router {
  const router = express.Router();
  const routes = adminRoutes(deps);
  const document = openApiDocument(routes);

  router.use(helmet());
  router.use((req, res, next) => {
    const origin = req.header('origin');
    if (origin && deps.corsOrigins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('access-control-allow-methods', 'GET,POST,PUT,PATCH,DELETE');
        res.setHeader('access-control-allow-headers', 'authorization,content-type,x-request-id');
        res.setHeader('access-control-max-age', '600');
        res.status(204).end();
        return;
      }
    } else if (origin && req.method === 'OPTIONS') {
      res.status(403).end();
      return;
    }
    next();
  });
  router.use(express.json({ limit: deps.maxBodyBytes, strict: true }));
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  mountRoutes(
    router,
    routes,
    bearerAuthenticator(deps.auth.tokens, deps.auth.accounts),
    deps.logger,
  );
  refuseOtherMethods(router, routes);
  router.use((_req, _res, next) => next(new AppError('NOT_FOUND', 'no such route')));
  return router;
}
