import { BSUID_PATTERN } from '@pandawa/contracts';
import express, { Router, type Response } from 'express';
import { z } from 'zod';
import { citizenMessageSchema, sendAsCitizen } from '../citizens/citizen.messages.js';
import { putCitizenMedia } from '../citizens/citizen.media.js';
import { faultRuleSchema, webhookFaultsSchema } from '../state/faults.js';
import type { RecordQuery } from '../state/record.store.js';
import type { SandboxState } from '../sandbox.state.js';

const citizenSendSchema = z.object({
  profileName: z.string().optional(),
  /** The BSUID of a citizen the path names by phone (Meta sends both). */
  bsuid: z.string().regex(BSUID_PATTERN).optional(),
  /** A username citizen's handle (`profile.username`). */
  username: z.string().min(1).max(64).optional(),
  phoneNumberId: z.string().optional(),
  message: citizenMessageSchema,
});

function badRequest(res: Response, error: unknown): void {
  const message = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
  res.status(400).json({ error: { message } });
}

/**
 * The test-and-developer side of the sandbox (no bearer token: dev and test only): play
 * citizens, put media in, inject faults, read the record.
 */
export function controlRoutes(state: SandboxState): Router {
  const router = Router();
  router.use(express.json({ limit: '150mb' }));

  router.post('/citizens/:waId/messages', (req, res) => {
    const parsed = citizenSendSchema.safeParse(req.body);
    if (!parsed.success) {
      badRequest(res, parsed.error);
      return;
    }
    try {
      const citizen = String(req.params.waId);
      const messageId = sendAsCitizen(state, {
        // A BSUID in the path plays a username citizen: WhatsApp withholds their phone number.
        ...(BSUID_PATTERN.test(citizen)
          ? { bsuid: citizen }
          : { waId: citizen, ...(parsed.data.bsuid ? { bsuid: parsed.data.bsuid } : {}) }),
        ...(parsed.data.username ? { username: parsed.data.username } : {}),
        ...(parsed.data.profileName ? { profileName: parsed.data.profileName } : {}),
        ...(parsed.data.phoneNumberId ? { phoneNumberId: parsed.data.phoneNumberId } : {}),
        message: parsed.data.message,
      });
      res.status(201).json({ messageId });
    } catch (error) {
      badRequest(res, error instanceof Error ? error.message : error);
    }
  });

  /** Both directions of one citizen's chat, for the web page and for tests. */
  router.get('/citizens/:waId/conversation', (req, res) => {
    const waId = String(req.params.waId);
    const afterSeq = req.query.afterSeq ? Number(req.query.afterSeq) : undefined;
    const entries = state.record
      .query({ waId, ...(afterSeq !== undefined ? { afterSeq } : {}) })
      .filter(
        (e) => e.kind === 'inbound.message' || e.kind === 'outbound.message' || e.kind === 'status',
      );
    res.json({ entries });
  });

  /** Raw bytes in (any content type), a media id out: what a citizen's photo becomes. */
  router.post('/media', express.raw({ type: () => true, limit: '150mb' }), (req, res) => {
    const bytes = req.body as Buffer;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
      badRequest(res, 'a non-empty body is required');
      return;
    }
    const mimeType = String(req.header('content-type') ?? 'application/octet-stream');
    const filename = req.query.filename ? String(req.query.filename) : undefined;
    const stored = putCitizenMedia(state, bytes, mimeType, filename);
    res.status(201).json({ id: stored.id, sha256: stored.sha256, size: bytes.length });
  });

  /** Signs and posts any webhook body as it is (malformed and unknown shapes included). */
  router.post('/webhooks', (req, res) => {
    const orderKey = String(req.query.orderKey ?? 'raw');
    const deliveryId = state.webhooks.enqueue(req.body, orderKey);
    res.status(202).json({ deliveryId });
  });
  router.get('/webhooks/pending', (_req, res) => {
    res.json({ pending: state.webhooks.pending() });
  });

  router.get('/faults', (_req, res) => {
    res.json({ rules: state.faults.list(), webhooks: state.faults.webhooks });
  });
  router.post('/faults', (req, res) => {
    const parsed = z
      .object({
        rules: z.array(faultRuleSchema).default([]),
        webhooks: webhookFaultsSchema.partial().optional(),
      })
      .safeParse(req.body);
    if (!parsed.success) {
      badRequest(res, parsed.error);
      return;
    }
    for (const rule of parsed.data.rules) state.faults.add(rule);
    if (parsed.data.webhooks) state.faults.setWebhookFaults(parsed.data.webhooks);
    res.json({ rules: state.faults.list(), webhooks: state.faults.webhooks });
  });
  router.delete('/faults', (_req, res) => {
    state.faults.clear();
    res.status(204).end();
  });

  router.get('/record', (req, res) => {
    const q: RecordQuery = {};
    if (req.query.kind) q.kind = String(req.query.kind) as RecordQuery['kind'];
    if (req.query.waId) q.waId = String(req.query.waId);
    if (req.query.wamid) q.wamid = String(req.query.wamid);
    if (req.query.afterSeq) q.afterSeq = Number(req.query.afterSeq);
    res.json({ entries: state.record.query(q) });
  });
  router.delete('/record', (_req, res) => {
    state.record.clear();
    res.status(204).end();
  });

  /**
   * Moves the sandbox's clock (24-hour window, media URL expiry). Forward, or back (at most 30
   * days) to play a citizen who wrote in the past: services on the real clock then see a
   * message, and a window, that old once the clock is moved forward again.
   */
  router.post('/clock', (req, res) => {
    const parsed = z
      .object({
        advanceMs: z
          .number()
          .int()
          .min(-30 * 24 * 3_600_000),
      })
      .safeParse(req.body);
    if (!parsed.success) {
      badRequest(res, parsed.error);
      return;
    }
    state.clock.advance(parsed.data.advanceMs);
    res.json({ now: new Date(state.clock.now()).toISOString() });
  });

  return router;
}
