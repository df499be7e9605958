import { timingSafeEqual } from 'node:crypto';
import { withTimeout } from '@pandawa/async';
import type { Envelope, Topology } from '@pandawa/contracts';
import { AppError, toHttpError, type ErrorCode } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';
import { SIGNATURE_HEADER, verifyWebhookSignature, webhookItems } from '@pandawa/whatsapp';
import express, { Router, type ErrorRequestHandler, type Response } from 'express';
import type { DeliveryLedger } from '../store/webhook-delivery.ledger.js';
import { webhookEvents } from './webhook.events.js';

/** What the webhook needs of the bus: `EventPublisher` fits. */
export interface WebhookPublisher {
  publish(
    subject: string,
    envelope: Envelope,
    options: { msgID: string; timeoutMs?: number },
  ): Promise<{ duplicate: boolean }>;
}

export interface WebhookSettings {
  appSecret: string;
  verifyToken: string;
  /** `phone_number_id` → `officeId`. */
  offices: Readonly<Record<string, string>>;
  maxBodyBytes: number;
  publishTimeoutMs: number;
  /** How long to wait for the delivery ledger before going on without it. */
  ledgerTimeoutMs: number;
}

export interface WebhookDeps {
  settings: WebhookSettings;
  publisher: WebhookPublisher;
  subjects: Topology['subjects'];
  /** False while the NATS connection is down: answer 503 at once instead of waiting. */
  busUp: () => boolean;
  /** Ids already in WA_IN, beyond JetStream's two-minute duplicate window; optional. */
  ledger?: DeliveryLedger;
  logger: Logger;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The HTTP error contract: `{ error: { code, message }, requestId }` with the code's status. */
function fail(res: Response, code: ErrorCode, message: string): void {
  const { status, body } = toHttpError(
    new AppError(code, message),
    String(res.locals.requestId ?? ''),
  );
  res.status(status).json(body);
}

/**
 * `GET` and `POST /webhooks/whatsapp`. A POST is answered 200 only once JetStream has
 * acknowledged every message and status it carried; anything less is a 5xx, so Meta retries
 * and nothing is lost. Duplicates are harmless: ids come from WhatsApp (`Nats-Msg-Id`).
 */
export function webhookRouter(deps: WebhookDeps): Router {
  const { settings, publisher, subjects, logger } = deps;
  const log = logger.child({ component: 'whatsapp-webhook' });
  const router = Router();

  router.get('/', (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (
      mode === 'subscribe' &&
      typeof token === 'string' &&
      sameSecret(token, settings.verifyToken)
    ) {
      // Echoed as plain text only (Meta's challenge is a number): nothing a browser would run.
      res
        .status(200)
        .type('text/plain')
        .set('x-content-type-options', 'nosniff')
        .send(typeof challenge === 'string' ? challenge.slice(0, 256) : '');
      return;
    }
    log.warn({ mode: typeof mode === 'string' ? mode : undefined }, 'webhook verification refused');
    fail(res, 'PERMISSION_DENIED', 'verification failed');
  });

  router.post(
    '/',
    // The raw bytes, whatever the content type: the signature covers exactly what was sent.
    express.raw({ type: () => true, limit: settings.maxBodyBytes, inflate: false }),
    async (req, res) => {
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!verifyWebhookSignature(raw, req.header(SIGNATURE_HEADER), settings.appSecret)) {
        log.warn(
          { bytes: raw.length, signed: Boolean(req.header(SIGNATURE_HEADER)) },
          'webhook signature rejected',
        );
        fail(res, 'UNAUTHENTICATED', 'invalid signature');
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        log.warn({ bytes: raw.length }, 'signed webhook is not JSON');
        fail(res, 'INVALID_ARGUMENT', 'body is not JSON');
        return;
      }
      if (!deps.busUp()) {
        res.set('retry-after', '5');
        fail(res, 'UNAVAILABLE', 'message bus unavailable');
        return;
      }
      const events = webhookEvents(webhookItems(body), raw, settings.offices, subjects);
      const ids = events.map((e) => e.msgID);
      let stored = new Set<string>();
      if (deps.ledger) {
        try {
          stored = await withTimeout(deps.ledger.alreadyStored(ids), settings.ledgerTimeoutMs);
        } catch (error) {
          // JetStream's duplicate window and the consumers' idempotency still hold.
          log.warn({ err: error }, 'delivery ledger unavailable; publishing without it');
        }
      }
      let duplicates = stored.size;
      try {
        // One after another, so that a citizen's messages keep their order in the stream.
        for (const event of events) {
          if (stored.has(event.msgID)) continue;
          const ack = await publisher.publish(event.subject, event.envelope, {
            msgID: event.msgID,
            timeoutMs: settings.publishTimeoutMs,
          });
          if (ack.duplicate) duplicates++;
        }
      } catch (error) {
        log.error(
          { err: error, events: events.length },
          'webhook not stored; asking Meta to retry',
        );
        res.set('retry-after', '5');
        fail(res, 'UNAVAILABLE', 'message bus unavailable');
        return;
      }
      // After the answer: the ack already makes the webhook safe; this only spares late retries.
      if (deps.ledger) {
        res.once('finish', () => {
          deps.ledger!.markStored(ids).catch((error: unknown) => {
            log.warn({ err: error }, 'delivery ledger not updated');
          });
        });
      }
      const unhandled = events.filter((e) => e.kind === 'unhandled');
      if (unhandled.length > 0) {
        log.warn(
          { unhandled: unhandled.map((e) => (e.envelope.data as { reason: string }).reason) },
          'webhook parts not handled; recorded on wa.in.unhandled',
        );
      }
      log.debug({ events: events.length, duplicates }, 'webhook stored');
      res.status(200).json({ received: events.length, duplicates });
    },
  );

  const onError: ErrorRequestHandler = (
    error: { type?: string; status?: number },
    _req,
    res,
    next,
  ) => {
    if (error.type === 'entity.too.large') {
      log.warn({ limit: settings.maxBodyBytes }, 'webhook body too large');
      fail(res, 'PAYLOAD_TOO_LARGE', 'body too large');
      return;
    }
    if (error.status && error.status >= 400 && error.status < 500) {
      fail(res, 'INVALID_ARGUMENT', 'unreadable body');
      return;
    }
    next(error);
  };
  router.use(onError);
  return router;
}
