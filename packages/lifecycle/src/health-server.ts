import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readiness } from './readiness.js';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export interface HealthServerOptions {
  /** Serves `/metrics` (Prometheus text) when given. */
  metrics?: () => Promise<string>;
}

/**
 * `/healthz` (the process is alive) and `/readyz` (it can work) for services without an HTTP
 * API of their own; Kubernetes probes them. Optionally `/metrics` for Prometheus.
 */
export async function startHealthServer(
  readiness: Readiness,
  port: number,
  /** Loopback unless told: services pass BIND_HOST, which the manifests set to 0.0.0.0. */
  host = '127.0.0.1',
  options: HealthServerOptions = {},
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/metrics' && options.metrics) {
      options.metrics().then(
        (text) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(text),
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.url === '/readyz') {
      readiness.report().then(
        (report) =>
          res
            .writeHead(report.ready ? 200 : 503, { 'content-type': 'application/json' })
            .end(JSON.stringify(report)),
        () => res.writeHead(503).end(),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
