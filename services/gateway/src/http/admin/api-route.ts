import { AppError } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { hasRole, type OfficerRole } from '../../domain/officer-account.js';
import type { Officer } from './authenticate.js';

/**
 * One admin-API route, declared once: its schemas validate the request and the response here
 * and are the OpenAPI document (openapi.ts) — no second copy to drift.
 */
export interface RouteSpec<
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  R extends z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, `/cases/:caseId`; OpenAPI shows `{caseId}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** The least role that may call it; `public` needs no token. */
  access: OfficerRole | 'public';
  body?: B;
  query?: Q;
  params?: P;
  /** The success response; `null` for 204, or for a body the handler writes itself (`produces`). */
  response: R | null;
  /**
   * Content types of a body the handler writes to `res` itself (a file, a CSV), with `response`
   * null: the OpenAPI document describes them instead of JSON.
   */
  produces?: readonly string[];
  status?: number;
  /** Error answers it can give besides 400/401/403/429/500 (documented). */
  errors?: number[];
  handler: (ctx: {
    body: z.output<B>;
    query: z.output<Q>;
    params: z.output<P>;
    officer: Officer;
    req: Request;
    res: Response;
  }) => Promise<z.input<R> | undefined>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any>;

export const route = <
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  R extends z.ZodType,
>(
  spec: RouteSpec<B, Q, P, R>,
): AnyRoute => spec;

/** Nothing that names a MongoDB operator or a dotted path gets past the edge, at any depth. */
function hasOperatorKeys(value: unknown, depth = 0): boolean {
  if (depth > 20) return true;
  if (Array.isArray(value)) return value.some((v) => hasOperatorKeys(v, depth + 1));
  if (value && typeof value === 'object')
    return Object.entries(value).some(
      ([k, v]) =>
        k.startsWith('$') || k.includes('.') || k === '__proto__' || hasOperatorKeys(v, depth + 1),
    );
  return false;
}

function parse<S extends z.ZodType>(
  schema: S | undefined,
  value: unknown,
  where: string,
): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  if (hasOperatorKeys(value))
    throw new AppError(
      'INVALID_ARGUMENT',
      `${where}: keys starting with $ or holding a dot are refused`,
      {
        reason: 'OPERATOR_KEY',
      },
    );
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues
      .slice(0, 5)
      .map((i) => `${[where, ...i.path].join('.')}: ${i.message}`)
      .join('; ');
    throw new AppError('INVALID_ARGUMENT', first.slice(0, 500), { reason: 'REQUEST_INVALID' });
  }
  return result.data;
}

/** Mounts the routes on `router`: authentication, role, validation both ways. */
export function mountRoutes(
  router: Router,
  routes: readonly AnyRoute[],
  authenticate: (req: Request) => Promise<Officer>,
  logger: Logger,
): void {
  for (const spec of routes) {
    const handler: RequestHandler = async (req, res, next) => {
      try {
        const officer =
          spec.access === 'public' ? (undefined as unknown as Officer) : await authenticate(req);
        if (spec.access !== 'public' && !hasRole(officer.role, spec.access))
          throw new AppError('PERMISSION_DENIED', 'your role may not do this', {
            reason: 'ROLE_REQUIRED',
          });
        const out = await spec.handler({
          // No JSON body (none, or another content type) is `undefined`: refused unless the
          // route's body schema allows it, as the OpenAPI document says (`required`).
          body: parse(spec.body, req.body, 'body'),
          query: parse(spec.query, { ...req.query }, 'query'),
          params: parse(spec.params, { ...req.params }, 'params'),
          officer,
          req,
          res,
        });
        if (res.headersSent) return;
        if (spec.response === null) {
          // A handler that writes its own body (`produces`) and did not is our bug, never a 204.
          if (spec.produces) throw new Error('route wrote no body');
          res.status(spec.status ?? 204).end();
          return;
        }
        const checked = spec.response.safeParse(out);
        if (!checked.success) {
          // Our bug, not the caller's: never send what the schema does not promise.
          logger.error(
            {
              operationId: spec.operationId,
              issues: checked.error.issues
                .slice(0, 3)
                .map((i: { path: PropertyKey[] }) => i.path.map(String).join('.')),
            },
            'admin API response broke its schema',
          );
          throw new Error('response schema violation');
        }
        res.status(spec.status ?? 200).json(checked.data);
      } catch (error) {
        next(error);
      }
    };
    router[spec.method](spec.path, handler);
  }
}
