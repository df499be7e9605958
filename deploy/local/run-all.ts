/**
 * The whole local system in one command (`npm run dev`): infrastructure (NATS JetStream,
 * FerretDB), the five services and the WhatsApp sandbox, each reporting healthy. Ctrl-C (or
 * SIGTERM) stops the services, then the infrastructure this run started, and exits 0.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { probeHealth } from '@pandawa/lifecycle';
import { localServices, type LocalService } from './services.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STOP_TIMEOUT_MS = 8000;
/** How long the services may take to report healthy: generous, a busy machine starts slowly. */
const HEALTHY_TIMEOUT_MS = 180_000;

const children = new Map<string, ChildProcess>();
let stopping = false;

function infra(command: 'up' | 'down'): void {
  execFileSync('bash', [`${ROOT}/deploy/local/infra.sh`, command], { stdio: 'inherit' });
}

function start(service: LocalService): void {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', '@pandawa/telemetry/register', 'src/main.ts'],
    {
      cwd: `${ROOT}/services/${service.name}`,
      env: {
        OTEL_SERVICE_NAME: service.name,
        // Spans are not exported unless the developer points OTEL_* at a collector.
        OTEL_TRACES_EXPORTER: 'none',
        OTEL_METRICS_EXPORTER: 'none',
        OTEL_LOGS_EXPORTER: 'none',
        ...process.env,
        ...service.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.set(service.name, child);
  const prefix = `[${service.name.padEnd(16)}]`;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) =>
      process.stdout.write(`${prefix} ${line}\n`),
    );
  }
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      process.stdout.write(`${prefix} exited (${code ?? signal}); stopping everything\n`);
      void stopAll(1);
    }
  });
}

async function waitHealthy(services: LocalService[]): Promise<void> {
  const deadline = Date.now() + HEALTHY_TIMEOUT_MS;
  const pending = new Set(services);
  while (pending.size && Date.now() < deadline && !stopping) {
    for (const service of [...pending]) {
      if (await probeHealth(service.health)) {
        pending.delete(service);
        process.stdout.write(`[dev] ${service.name} is healthy (${service.describe})\n`);
      }
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  if (pending.size && !stopping) {
    process.stdout.write(
      `[dev] not healthy after ${HEALTHY_TIMEOUT_MS / 1000} s: ${[...pending].map((s) => s.name).join(', ')}\n`,
    );
    await stopAll(1);
  }
}

async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write('[dev] stopping services\n');
  const exits = [...children.entries()].map(
    ([name, child]) =>
      new Promise<number>((resolve) => {
        const timer = setTimeout(() => {
          process.stdout.write(`[dev] ${name} did not stop in time; killing it\n`);
          child.kill('SIGKILL');
        }, STOP_TIMEOUT_MS);
        child.once('exit', (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode ?? 1);
        });
        child.kill('SIGTERM');
      }),
  );
  const codes = await Promise.all(exits);
  process.stdout.write('[dev] stopping infrastructure\n');
  infra('down');
  process.exit(code || codes.find((c) => c !== 0) || 0);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

infra('up');
const services = localServices().filter((s) =>
  existsSync(`${ROOT}/services/${s.name}/src/main.ts`),
);
for (const service of services) start(service);
await waitHealthy(services);
if (!stopping) process.stdout.write('[dev] PANDAWA is up. Ctrl-C stops everything.\n');
