import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '@pandawa/logging';
import express from 'express';
import { sendAsCitizen, type CitizenSend } from './citizens/citizen.messages.js';
import { putCitizenMedia } from './citizens/citizen.media.js';
import { chatPage } from './http/chat.page.js';
import { controlRoutes } from './http/control.routes.js';
import { graphRoutes } from './http/graph.routes.js';
import type { SandboxState } from './sandbox.state.js';
import { SandboxClock } from './state/clock.js';
import { Faults } from './state/faults.js';
import { MediaStore, type StoredMedia } from './state/media.store.js';
import { RecordStore } from './state/record.store.js';
import { ThroughputLimiter, WindowTracker } from './state/window.tracker.js';
import type { BusinessNumber } from './webhooks/webhook.payloads.js';
import { WebhookSender } from './webhooks/webhook.sender.js';
import { verifyWebhookEndpoint, type VerifyResult } from './webhooks/webhook.verify.js';

export const SANDBOX_DEFAULTS = {
  accessToken: 'sandbox-access-token',
  appSecret: 'sandbox-app-secret',
  verifyToken: 'sandbox-verify-token',
  phoneNumberId: '100000000000001',
  displayPhoneNumber: '6281100000001',
  wabaId: '200000000000001',
} as const;

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  accessToken?: string;
  appSecret?: string;
  /** Business phone numbers; the first is the default. */
  numbers?: BusinessNumber[];
  /** Where signed webhooks go; undefined to only record them. */
  webhookUrl?: string;
  /** Sent in the subscription handshake (`verifyWebhook()`). */
  verifyToken?: string;
  mediaUrlTtlMs?: number;
  messagesPerSecond?: number;
  webhookRetryBaseMs?: number;
  webhookRetryMaxMs?: number;
  webhookMaxAttempts?: number;
  /** Delays of the `delivered` and `read` statuses; `read: undefined` sends no read status. */
  statusDelaysMs?: { delivered: number; read: number | undefined };
  logger?: Logger;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`: the Graph API base URL for the client. */
  url: string;
  port: number;
  accessToken: string;
  appSecret: string;
  phoneNumberId: string;
  state: SandboxState;
  /** A citizen writes: the message is recorded and its signed webhook queued. Returns the wamid. */
  sendAsCitizen(input: CitizenSend): string;
  /** Puts bytes in as a citizen's upload; the id works with `GET /{media-id}`. */
  putMedia(bytes: Uint8Array, mimeType: string, filename?: string): StoredMedia;
  /** Meta's GET handshake against the webhook URL. */
  verifyWebhook(): Promise<VerifyResult>;
  close(): Promise<void>;
}

/** Starts a sandbox in this process (tests) — `src/main.ts` does the same from configuration. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const logger = options.logger ?? createLogger({ service: 'wa-sandbox', level: 'silent' });
  const numbers = options.numbers ?? [
    {
      phoneNumberId: SANDBOX_DEFAULTS.phoneNumberId,
      displayPhoneNumber: SANDBOX_DEFAULTS.displayPhoneNumber,
      wabaId: SANDBOX_DEFAULTS.wabaId,
    },
  ];
  const defaultNumber = numbers[0];
  if (!defaultNumber) throw new Error('the sandbox needs at least one business phone number');
  const accessToken = options.accessToken ?? SANDBOX_DEFAULTS.accessToken;
  const appSecret = options.appSecret ?? SANDBOX_DEFAULTS.appSecret;
  const verifyToken = options.verifyToken ?? SANDBOX_DEFAULTS.verifyToken;
  const record = new RecordStore();
  const faults = new Faults();
  const webhooks = new WebhookSender({
    url: options.webhookUrl,
    appSecret,
    retryBaseMs: options.webhookRetryBaseMs ?? 1000,
    retryMaxMs: options.webhookRetryMaxMs ?? 60_000,
    maxAttempts: options.webhookMaxAttempts ?? 10_000,
    faults,
    record,
    logger,
  });
  const state: SandboxState = {
    accessToken,
    numbers: new Map(numbers.map((n) => [n.phoneNumberId, n])),
    defaultNumber,
    mediaUrlTtlMs: options.mediaUrlTtlMs ?? 5 * 60_000,
    statusDelaysMs: options.statusDelaysMs ?? { delivered: 50, read: 500 },
    clock: new SandboxClock(),
    media: new MediaStore(),
    record,
    faults,
    windows: new WindowTracker(),
    throughput: new ThroughputLimiter(options.messagesPerSecond ?? 80),
    webhooks,
    logger,
  };

  /** Meta's GET handshake against the gateway; nothing to verify without a webhook URL. */
  const verifyWebhook = (): Promise<VerifyResult> =>
    options.webhookUrl
      ? verifyWebhookEndpoint(options.webhookUrl, verifyToken)
      : Promise.resolve({ status: 0, verified: false });

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get(['/', '/sandbox/chat'], (_req, res) => {
    res.type('html').send(chatPage(defaultNumber.phoneNumberId));
  });
  app.post('/sandbox/webhooks/verify', async (_req, res) => {
    res.json(await verifyWebhook());
  });
  app.use('/sandbox', controlRoutes(state));
  app.use(graphRoutes(state));
  app.use((_req, res) => {
    res
      .status(404)
      .json({ error: { message: 'Unknown path components', type: 'OAuthException', code: 2500 } });
  });

  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    port,
    accessToken,
    appSecret,
    phoneNumberId: defaultNumber.phoneNumberId,
    state,
    sendAsCitizen: (input) => sendAsCitizen(state, input),
    putMedia: (bytes, mimeType, filename) => putCitizenMedia(state, bytes, mimeType, filename),
    verifyWebhook,
    close: () =>
      new Promise<void>((resolve) => {
        webhooks.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
