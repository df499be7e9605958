import express, { type Request, type Response, Router } from 'express';
import { newWamid } from '../state/ids.js';
import type { FaultRoute } from '../state/faults.js';
import type { SandboxState } from '../sandbox.state.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { statusObject, webhookBody } from '../webhooks/webhook.payloads.js';
import { requireBearer } from './bearer.middleware.js';
import { sendGraphError } from './graph-error.js';
import { validateOutbound } from './outbound.validation.js';

const VERSION = /^v\d+\.\d+$/;

/** Applies injected latency and errors; `answered` when an error was sent back. */
async function applyFaults(
  state: SandboxState,
  res: Response,
  route: FaultRoute,
  target: { mediaId?: string; to?: string; phoneNumberId?: string } = {},
): Promise<{ answered: boolean; deliveryFailureCode?: number }> {
  const decision = state.faults.decide(route, target);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (!decision.error) {
    return decision.deliveryFailureCode !== undefined
      ? { answered: false, deliveryFailureCode: decision.deliveryFailureCode }
      : { answered: false };
  }
  state.record.add({
    kind: 'graph.error',
    route,
    status: decision.error.status,
    code: decision.error.code,
    ...(target.phoneNumberId ? { phoneNumberId: target.phoneNumberId } : {}),
    ...(target.to ? { to: target.to } : {}),
  });
  sendGraphError(res, decision.error.status, decision.error.code);
  return { answered: true };
}

/** For routes that only take latency and errors. */
async function injectFault(
  state: SandboxState,
  res: Response,
  route: FaultRoute,
  target: { mediaId?: string; to?: string; phoneNumberId?: string } = {},
): Promise<boolean> {
  return (await applyFaults(state, res, route, target)).answered;
}

function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}

/** The Graph API endpoints PANDAWA's client uses, with Meta's shapes and errors. */
export function graphRoutes(state: SandboxState): Router {
  const router = Router();
  const bearer = requireBearer(state.accessToken);

  // Media downloads: Meta serves them from another host, still behind the bearer token.
  router.get('/whatsapp_business/attachments/', bearer, async (req, res) => {
    const id = String(req.query.mid ?? '');
    const expiresAt = Number(req.query.ext);
    const hash = String(req.query.hash ?? '');
    if (await injectFault(state, res, 'media.download', { mediaId: id })) return;
    const media = state.media.get(id);
    const valid = media && state.media.verify(id, expiresAt, hash);
    const expired = expiresAt <= state.clock.now();
    if (!media || !valid || expired) {
      state.record.add({ kind: 'media.download', mediaId: id, status: 404 });
      res.status(404).json({ error: { message: expired ? 'URL expired' : 'Not found' } });
      return;
    }
    state.record.add({ kind: 'media.download', mediaId: id, status: 200 });
    res
      .status(200)
      .set('content-type', media.mimeType)
      .set('content-length', String(media.bytes.length))
      .end(media.bytes);
  });

  const versioned = Router({ mergeParams: true });
  router.use('/:version', (req, res, next) => {
    if (!VERSION.test(String(req.params.version))) {
      next('router');
      return;
    }
    bearer(req, res, () => versioned(req, res, next));
  });

  versioned.post('/:phoneNumberId/messages', express.json({ limit: '1mb' }), async (req, res) => {
    const phoneNumberId = String(req.params.phoneNumberId);
    const number = state.numbers.get(phoneNumberId);
    if (!number) {
      sendGraphError(res, 400, 100, {
        subcode: 33,
        message: `Unsupported post request. Object with ID '${phoneNumberId}' does not exist`,
      });
      return;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.status === 'read') {
      if (await injectFault(state, res, 'mark_read', { phoneNumberId })) return;
      if (typeof body.message_id !== 'string') {
        sendGraphError(res, 400, 100, { details: 'message_id is required' });
        return;
      }
      state.record.add({ kind: 'outbound.read', phoneNumberId, messageId: body.message_id });
      res.json({ success: true });
      return;
    }
    // Who: the phone number (`to`), else the BSUID (`recipient`, 2026).
    const toBsuid = typeof body.to !== 'string' && typeof body.recipient === 'string';
    const to =
      typeof body.to === 'string'
        ? body.to.replace(/^\+/, '')
        : typeof body.recipient === 'string'
          ? body.recipient
          : '';
    const fail = (status: number, code: number, details?: string) => {
      state.record.add({ kind: 'graph.error', route: 'messages', status, code, phoneNumberId, to });
      sendGraphError(res, status, code, details ? { details } : {});
    };
    const faults = await applyFaults(state, res, 'messages', { to, phoneNumberId });
    if (faults.answered) return;
    const problem = validateOutbound(body);
    if (problem) {
      fail(400, 100, problem);
      return;
    }
    const now = state.clock.now();
    if (!state.throughput.tryTake(phoneNumberId, now)) {
      fail(400, 130429);
      return;
    }
    const type = String(body.type ?? 'text');
    // Meta refuses some messages to a BSUID (authentication templates): 131062. The sandbox
    // stands in for the template's category with its name: `auth…` is an authentication one.
    const templateName = (body.template as { name?: unknown } | undefined)?.name;
    if (toBsuid && type === 'template' && String(templateName).startsWith('auth')) {
      fail(400, 131062);
      return;
    }
    if (type !== 'template' && !state.windows.isOpen(phoneNumberId, to, now)) {
      fail(400, 131047);
      return;
    }
    const wamid = newWamid();
    state.record.add({ kind: 'outbound.message', wamid, phoneNumberId, to, type, payload: body });
    res.json({
      messaging_product: 'whatsapp',
      contacts: [toBsuid ? { input: body.recipient, user_id: to } : { input: body.to, wa_id: to }],
      messages: [{ id: wamid, ...(type === 'template' ? { message_status: 'accepted' } : {}) }],
    });
    scheduleStatuses(state, number.phoneNumberId, wamid, to, faults.deliveryFailureCode);
  });

  versioned.post(
    '/:phoneNumberId/media',
    express.raw({ type: 'multipart/form-data', limit: '100mb' }),
    async (req, res) => {
      const phoneNumberId = String(req.params.phoneNumberId);
      if (await injectFault(state, res, 'media.upload', { phoneNumberId })) return;
      if (!state.numbers.has(phoneNumberId)) {
        sendGraphError(res, 400, 100, { subcode: 33 });
        return;
      }
      let form: FormData;
      try {
        form = await new Request('http://sandbox.local/', {
          method: 'POST',
          headers: { 'content-type': String(req.header('content-type')) },
          body: req.body as Buffer,
        }).formData();
      } catch {
        sendGraphError(res, 400, 100, { details: 'multipart/form-data body expected' });
        return;
      }
      const file = form.get('file');
      if (form.get('messaging_product') !== 'whatsapp' || !(file instanceof Blob)) {
        sendGraphError(res, 400, 100, { details: 'messaging_product and file are required' });
        return;
      }
      const typeField = form.get('type');
      const mimeType = (typeof typeField === 'string' && typeField) || file.type;
      const stored = state.media.put({
        bytes: new Uint8Array(await file.arrayBuffer()),
        mimeType,
        ...(file instanceof File && file.name ? { filename: file.name } : {}),
        origin: 'business',
        now: state.clock.now(),
      });
      state.record.add({
        kind: 'media.upload',
        mediaId: stored.id,
        mimeType,
        size: stored.bytes.length,
        origin: 'business',
      });
      res.json({ id: stored.id });
    },
  );

  versioned.get('/:mediaId', async (req, res) => {
    const mediaId = String(req.params.mediaId);
    if (await injectFault(state, res, 'media.metadata', { mediaId })) return;
    const media = state.media.get(mediaId);
    if (!media) {
      sendGraphError(res, 400, 100, {
        subcode: 33,
        message: `Unsupported get request. Object with ID '${mediaId}' does not exist`,
      });
      return;
    }
    const expiresAt = state.clock.now() + state.mediaUrlTtlMs;
    res.json({
      messaging_product: 'whatsapp',
      url: `${baseUrl(req)}/whatsapp_business/attachments/?${state.media.sign(mediaId, expiresAt)}`,
      mime_type: media.mimeType,
      sha256: media.sha256,
      file_size: media.bytes.length,
      id: media.id,
    });
  });

  versioned.delete('/:mediaId', async (req, res) => {
    const mediaId = String(req.params.mediaId);
    if (await injectFault(state, res, 'media.delete', { mediaId })) return;
    if (!state.media.delete(mediaId)) {
      sendGraphError(res, 400, 100, { subcode: 33 });
      return;
    }
    res.json({ success: true });
  });

  return router;
}

const FAILURE_TITLES: Record<number, string> = {
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131049: 'Meta chose not to deliver',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  131062: 'Business-scoped User ID (BSUID) recipients not supported for this message',
};

/**
 * `sent`, then `delivered`, then (optionally) `read`, as webhooks, for a message we sent; or a
 * single `failed` with an error when a delivery failure was injected.
 */
function scheduleStatuses(
  state: SandboxState,
  phoneNumberId: string,
  wamid: string,
  recipientId: string,
  failureCode?: number,
): void {
  const number = state.numbers.get(phoneNumberId) ?? state.defaultNumber;
  const emit = (status: 'sent' | 'delivered' | 'read' | 'failed') => {
    state.record.add({ kind: 'status', wamid, phoneNumberId, recipientId, status });
    const error =
      status === 'failed' && failureCode !== undefined
        ? { code: failureCode, title: FAILURE_TITLES[failureCode] ?? 'Message failed to send' }
        : undefined;
    const statuses = [
      statusObject({
        wamid,
        status,
        recipientId,
        at: state.clock.now(),
        ...(error ? { error } : {}),
      }),
    ];
    state.webhooks.enqueue(webhookBody(number, { statuses }), `${phoneNumberId}:${recipientId}`);
  };
  if (failureCode !== undefined) {
    emit('failed');
    return;
  }
  emit('sent');
  const { delivered, read } = state.statusDelaysMs;
  setTimeout(() => {
    emit('delivered');
    if (read !== undefined) setTimeout(() => emit('read'), read).unref();
  }, delivered).unref();
}
