import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';
import { REPO_ROOT, testEnv } from './config.js';

export interface Infrastructure {
  mongoUrl: string;
  natsUrl: string;
  /** Where the servers came from. */
  source: 'environment' | 'testcontainers' | 'local-launcher';
  stop(): Promise<void>;
}

const run = promisify(execFile);

/** A Docker engine answers `/_ping` on its socket (not just a `docker` client on the PATH). */
async function dockerEngineAnswers(): Promise<boolean> {
  if (testEnv.dockerHost && !testEnv.dockerHost.startsWith('unix://')) return false;
  const socketPath = testEnv.dockerHost?.replace('unix://', '') ?? '/var/run/docker.sock';
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

async function fromTestcontainers(): Promise<Infrastructure> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const mongo = await new GenericContainer('mongo:7.0').withExposedPorts(27017).start();
  const nats = await new GenericContainer('nats:2.12')
    .withCommand(['-js'])
    .withExposedPorts(4222)
    .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
    .start();
  return {
    mongoUrl: `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}`,
    natsUrl: `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`,
    source: 'testcontainers',
    stop: async () => {
      await Promise.all([mongo.stop(), nats.stop()]);
    },
  };
}

async function fromLocalLauncher(): Promise<Infrastructure> {
  // Safe to run when the servers already run (as in CI, where .ci/run started them).
  await run('bash', [`${REPO_ROOT}/deploy/local/infra.sh`, 'up'], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return {
    mongoUrl: `mongodb://127.0.0.1:${testEnv.mongoPort}`,
    natsUrl: `nats://127.0.0.1:${testEnv.natsPort}`,
    source: 'local-launcher',
    // Left running: other test runs and the developer's stack share them; `infra:down` stops them.
    stop: async () => {},
  };
}

/**
 * Real servers for integration tests, from (in order) MONGO_URL / NATS_URL, testcontainers when
 * a Docker engine answers, or the project's own launcher (deploy/local/infra.sh).
 */
export async function ensureInfrastructure(): Promise<Infrastructure> {
  if (testEnv.mongoUrl && testEnv.natsUrl) {
    return {
      mongoUrl: testEnv.mongoUrl,
      natsUrl: testEnv.natsUrl,
      source: 'environment',
      stop: async () => {},
    };
  }
  const infra = (await dockerEngineAnswers())
    ? await fromTestcontainers()
    : await fromLocalLauncher();
  testEnv.setInfra(infra.mongoUrl, infra.natsUrl);
  return infra;
}
