import { classifyGraphError, WhatsAppApiError, type GraphErrorBody } from './graph.errors.js';

export interface GraphHttpOptions {
  /** `https://graph.facebook.com` in production, the wa-sandbox in development and tests. */
  baseUrl: string;
  accessToken: string;
  /** Graph API version, e.g. `v23.0`. */
  apiVersion?: string;
  /** Per-request deadline (default 10 s). */
  timeoutMs?: number;
  /** Replaceable for tests. */
  fetch?: typeof fetch;
}

export interface GraphRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path after the version, e.g. `/123/messages`. */
  path: string;
  json?: unknown;
  body?: FormData;
  operation: string;
}

export const DEFAULT_GRAPH_API_VERSION = 'v23.0';

/** Bearer-authenticated calls to the Graph API, with Graph error bodies turned into typed errors. */
export class GraphHttp {
  readonly baseUrl: string;
  readonly apiVersion: string;
  private readonly accessToken: string;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(options: GraphHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiVersion = options.apiVersion ?? DEFAULT_GRAPH_API_VERSION;
    this.accessToken = options.accessToken;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchFn = options.fetch ?? fetch;
  }

  async request<T>(req: GraphRequest): Promise<T> {
    const url = `${this.baseUrl}/${this.apiVersion}${req.path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${this.accessToken}` };
    let body: string | FormData | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.body) {
      body = req.body;
    }
    const res = await this.fetchRaw(url, { method: req.method, headers, body }, req.operation);
    const text = await readText(res, req.operation);
    if (!res.ok) throw errorFromResponse(res, text, req.operation);
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw new WhatsAppApiError({
        kind: 'transient',
        httpStatus: res.status,
        operation: req.operation,
        cause,
      });
    }
  }

  /** A GET with the bearer token on an absolute URL (media downloads). */
  async getAbsolute(url: string, operation: string): Promise<Response> {
    const res = await this.fetchRaw(
      url,
      { method: 'GET', headers: { authorization: `Bearer ${this.accessToken}` } },
      operation,
    );
    if (!res.ok) {
      const text = await readText(res, operation).catch(() => '');
      throw errorFromResponse(res, text, operation);
    }
    return res;
  }

  private async fetchRaw(url: string, init: RequestInit, operation: string): Promise<Response> {
    try {
      return await this.fetchFn(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (cause) {
      // Timeouts, refused or reset connections: the request may or may not have arrived.
      throw new WhatsAppApiError({ kind: 'transient', operation, cause });
    }
  }
}

async function readText(res: Response, operation: string): Promise<string> {
  try {
    return await res.text();
  } catch (cause) {
    throw new WhatsAppApiError({ kind: 'transient', httpStatus: res.status, operation, cause });
  }
}

function errorFromResponse(res: Response, text: string, operation: string): WhatsAppApiError {
  let graph: GraphErrorBody | undefined;
  try {
    const parsed = JSON.parse(text) as { error?: GraphErrorBody };
    if (parsed && typeof parsed.error === 'object') graph = parsed.error;
  } catch {
    // Not JSON (a proxy's HTML error page): classified by status alone.
  }
  const retryAfter = Number(res.headers.get('retry-after'));
  return new WhatsAppApiError({
    kind: classifyGraphError(res.status, graph),
    httpStatus: res.status,
    ...(graph ? { graph } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    operation,
  });
}
