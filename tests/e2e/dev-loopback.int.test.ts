import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, testNamespace, waitFor } from '@pandawa/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/service-process.js';

/** Listening sockets from /proc: `address:port` in the kernel's hex, state 0A = LISTEN. */
function listeners(): { address: string; port: number; family: 4 | 6 }[] {
  const out: { address: string; port: number; family: 4 | 6 }[] = [];
  for (const [file, family] of [
    ['/proc/net/tcp', 4],
    ['/proc/net/tcp6', 6],
  ] as const) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== '0A') continue;
      const [address, port] = cols[1]!.split(':');
      out.push({ address: address!, port: parseInt(port!, 16), family });
    }
  }
  return out;
}

const LOOPBACK_V4 = '0100007F';
const LOOPBACK_V6 = '00000000000000000000000001000000';

/**
 * Acceptance 3 of issue 10: `npm run dev` binds loopback. The whole stack runs on ports of its
 * own (not the defaults a developer's stack may hold), against the suite's NATS and FerretDB.
 */
describe.runIf(existsSync('/proc/net/tcp'))('npm run dev', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pandawa-dev-'));
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts every service listening on loopback only', { timeout: 420_000 }, async () => {
    const ports = {
      CASE_PORT: await freePort(),
      DOCUMENT_PORT: await freePort(),
      CONVERSATION_HEALTH_PORT: await freePort(),
      NOTIFICATION_HEALTH_PORT: await freePort(),
      NOTIFICATION_GRPC_PORT: await freePort(),
      GATEWAY_PORT: await freePort(),
      WA_SANDBOX_PORT: await freePort(),
    };
    const namespace = testNamespace();
    // The default bind host, whatever the machine running the suite has set.
    const { BIND_HOST: _ignored, ...inherited } = process.env;
    const child = spawn('npm', ['run', 'dev'], {
      cwd: REPO_ROOT,
      detached: true,
      env: {
        ...inherited,
        ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
        NATS_URL: process.env.NATS_URL!,
        MONGO_URL: process.env.MONGO_URL!,
        NATS_NAMESPACE: namespace,
        PANDAWA_DEV_DB_PREFIX: namespace,
        // infra.sh keeps its pid files here: `down` must find none of the suite's servers.
        PANDAWA_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    stop = async () => {
      if (child.exitCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGINT');
      } catch {
        return;
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 60_000))]);
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    };

    await waitFor(
      () => {
        const text = output.join('');
        if (/not healthy after|stopping everything/.test(text)) throw new Error(text);
        return text.includes('PANDAWA is up') ? true : undefined;
      },
      360_000,
      'npm run dev to report every service healthy',
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.join('').slice(-4000)}`);
    });

    const sockets = listeners();
    for (const [name, port] of Object.entries(ports)) {
      const onPort = sockets.filter((s) => s.port === port);
      expect(onPort.length, `${name} (${port}) listens`).toBeGreaterThan(0);
      for (const s of onPort)
        expect(s.address, `${name} (${port}) on loopback only`).toBe(
          s.family === 4 ? LOOPBACK_V4 : LOOPBACK_V6,
        );
    }
  });
});
