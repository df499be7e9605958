import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Envelope } from '@pandawa/contracts';
import { Readiness } from '@pandawa/lifecycle';
import { createLogger } from '@pandawa/logging';
import {
  EventPublisher,
  jetstream,
  type JetStreamManager,
  type NatsConnection,
} from '@pandawa/nats';
import type { TestBus } from '@pandawa/testing';
import { signWebhookBody } from '@pandawa/whatsapp';
import { createApp } from '../src/http/app.js';
import type { WebhookSettings } from '../src/http/webhook.router.js';
import type { DeliveryLedger } from '../src/store/webhook-delivery.ledger.js';

export const APP_SECRET = 'gateway-test-secret';
export const VERIFY_TOKEN = 'gateway-test-verify';

export const settings: WebhookSettings = {
  appSecret: APP_SECRET,
  verifyToken: VERIFY_TOKEN,
  offices: { '100000000000001': 'pekanbaru', '100000000000002': 'dumai' },
  maxBodyBytes: 3 * 1024 * 1024,
  publishTimeoutMs: 2000,
  ledgerTimeoutMs: 1000,
};

/** Tracks whether a NATS connection is up, as the backbone does for the real gateway. */
export function connectionState(nc: NatsConnection): () => boolean {
  let up = true;
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') up = false;
      else if (s.type === 'reconnect') up = true;
    }
  })();
  return () => up && !nc.isClosed();
}

/** The gateway's HTTP app, in-process on a free port, with everything it logs kept in `logs`. */
export async function startGateway(
  nc: NatsConnection,
  bus: TestBus,
  options: { ledger?: DeliveryLedger } = {},
) {
  const logs: string[] = [];
  const logger = createLogger({
    service: 'gateway',
    level: 'debug',
    destination: new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString());
        done();
      },
    }),
  });
  const app = createApp({
    logger,
    readiness: new Readiness({}),
    webhook: {
      settings,
      publisher: new EventPublisher(jetstream(nc)),
      subjects: bus.topology.subjects,
      busUp: connectionState(nc),
      ...(options.ledger ? { ledger: options.ledger } : {}),
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;
  return {
    url,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function postWebhook(
  url: string,
  body: unknown,
  options: { secret?: string; signature?: string | null } = {},
): Promise<Response> {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const signature =
    options.signature === null
      ? undefined
      : (options.signature ?? signWebhookBody(raw, options.secret ?? APP_SECRET));
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature ? { 'x-hub-signature-256': signature } : {}),
    },
    body: raw,
  });
}

export interface StoredEvent {
  subject: string;
  seq: number;
  msgID: string | undefined;
  envelope: Envelope<Record<string, unknown>>;
}

/** Every message in a stream, in order. */
export async function readStream(jsm: JetStreamManager, stream: string): Promise<StoredEvent[]> {
  const info = await jsm.streams.info(stream);
  const out: StoredEvent[] = [];
  for (
    let seq = info.state.first_seq;
    seq <= info.state.last_seq && info.state.messages > 0;
    seq++
  ) {
    const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (!m) continue;
    out.push({
      subject: m.subject,
      seq: m.seq,
      msgID: m.header?.get('Nats-Msg-Id') || undefined,
      envelope: m.json<Envelope<Record<string, unknown>>>(),
    });
  }
  return out;
}
