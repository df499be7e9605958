import { adminRoutes } from '../../../../services/gateway/src/http/admin/admin-api.js';
import type { AnyRoute } from '../../../../services/gateway/src/http/admin/api-route.js';
import { deskRoutes } from '../../../../services/gateway/src/http/admin/desk/desk.routes.js';

/**
 * Stands in for every dependency of the route builders: any property is another stand-in and
 * any call returns one. Building the route list touches no database or gRPC client; a handler
 * is never run here.
 */
function inert(): never {
  const target = () => undefined;
  const proxy: unknown = new Proxy(target, {
    get: (_t, key) => (key === 'then' ? undefined : proxy),
    apply: () => proxy,
  });
  return proxy as never;
}

/**
 * The admin API's routes exactly as the gateway mounts them (`adminRoutes`, with the case desk's
 * `deskRoutes`): the authorization matrix and the fuzzing test are generated from this list, so
 * a route added there is covered without anyone touching the tests (its fixture aside).
 */
export function adminRouteList(): AnyRoute[] {
  return adminRoutes({
    auth: inert(),
    logger: inert(),
    corsOrigins: [],
    secureCookies: false,
    maxBodyBytes: 64 * 1024,
    extraRoutes: deskRoutes(inert()),
  });
}

/** `/admin/accounts/:accountId` with `{ accountId: 'x' }` → `/admin/accounts/x`; a missing param throws. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the fixture gives no value for :${name} of ${path}`);
    return encodeURIComponent(value);
  });
}
