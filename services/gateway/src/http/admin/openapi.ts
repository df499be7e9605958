import { z } from 'zod';
import type { AnyRoute } from './api-route.js';
import { errorBody } from './schemas.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in, or the token is expired or invalid',
  403: 'The role may not do this',
  404: 'Not found (or in another office)',
  409: 'Conflict',
  413: 'Body too large',
  429: 'Too many attempts',
  500: 'Internal error',
  503: 'A service behind the gateway is unavailable',
};

type Json = Record<string, unknown>;

/** Points zod's `#/$defs/<id>` at `#/components/schemas/<name>`, at any depth. */
function repoint(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => repoint(v, names));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
        const id = v.slice('#/$defs/'.length);
        return [k, `#/components/schemas/${names.get(id) ?? id}`];
      }
      return [k, repoint(v, names)];
    }),
  );
}

/**
 * JSON Schemas of the routes' zod schemas. A schema named with `.meta({ id })` comes out of zod
 * under `$defs` with a `#/$defs/<id>` reference, which in an OpenAPI document would resolve
 * against the document's root and find nothing; so named schemas move to `components.schemas`
 * (one entry per name, and per direction when input and output differ) and references follow.
 */
class SchemaSet {
  readonly components: Record<string, Json> = {};

  of(s: z.ZodType, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$defs;
    const names = new Map<string, string>();
    for (const [id, def] of Object.entries(defs)) {
      const known = this.components[id];
      const same =
        known === undefined || JSON.stringify(known) === JSON.stringify(repoint(def, new Map()));
      names.set(id, same ? id : `${id}${io === 'input' ? 'Input' : 'Output'}`);
    }
    for (const [id, def] of Object.entries(defs))
      this.components[names.get(id)!] = repoint(def, names) as Json;
    return repoint(json, names) as Json;
  }
}

/** `/cases/:caseId` → `/cases/{caseId}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** The OpenAPI 3.1 document of the admin API, built from the routes' own schemas. */
export function openApiDocument(routes: readonly AnyRoute[], basePath = '/api') {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas = new SchemaSet();
  schemas.of(errorBody, 'output');
  const schemaOf = (s: z.ZodType, io: 'input' | 'output') => schemas.of(s, io);
  for (const r of routes) {
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const json = schemaOf(schema, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, s] of Object.entries(json.properties ?? {}))
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (json.required ?? []).includes(name),
          schema: s,
        });
    }
    const responses: Record<string, unknown> = {};
    responses[String(r.status ?? (r.response || r.produces ? 200 : 204))] = r.response
      ? {
          description: 'OK',
          content: { 'application/json': { schema: schemaOf(r.response, 'output') } },
        }
      : r.produces
        ? {
            description: 'OK',
            content: Object.fromEntries(
              r.produces.map((type) => [
                type,
                { schema: { type: 'string', contentMediaType: type } },
              ]),
            ),
          }
        : { description: 'Done' };
    const errors = new Set([400, 500, ...(r.errors ?? [])]);
    if (r.access !== 'public') [401, 403].forEach((s) => errors.add(s));
    for (const status of [...errors].sort())
      responses[String(status)] = {
        description: STATUS_TEXT[status] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    (paths[basePath + openApiPath(r.path)] ??= {})[r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      ...(r.access === 'public' ? { security: [] } : { 'x-pandawa-role': r.access }),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: !r.body.safeParse(undefined).success,
              content: { 'application/json': { schema: schemaOf(r.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'PANDAWA admin API',
      version: '1.0.0',
      description:
        'The officers’ complaint desk. Every request is scoped to the signed-in account’s office; another office’s objects answer 404.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: schemas.components,
    },
    paths,
  };
}
