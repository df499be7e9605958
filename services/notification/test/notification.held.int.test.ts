import { caseReplyAdded, caseStatusChanged, waInMessage, type Envelope } from '@pandawa/contracts';
import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerReplyText } from '../src/messages.id.js';
import type { HeldMessage } from '../src/store/held-message.repository.js';
import {
  OFFICE,
  outboundTo,
  startHarness,
  textOf,
  type Harness,
  sentRecord,
} from './support/notification-harness.js';

const HOUR = 60 * 60 * 1000;

/**
 * The templates' promise kept ("Balas pesan ini untuk membacanya"): what a template stood in for
 * is held, and delivered free-form, once, when the citizen writes back — through redeliveries of
 * their message and a restart of the service.
 */
describe('held messages: the content a template stood in for, delivered when the citizen writes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Every consumer of the service has nothing pending or unacknowledged. */
  const quiet = () =>
    waitFor(
      async () => {
        const t = h.bus.topology;
        const infos = await Promise.all([
          h.bus.jsm.consumers.info(t.streams.NOTIFY.name, 'notification-send'),
          h.bus.jsm.consumers.info(t.streams.WA_IN.name, 'notification-windows'),
          h.bus.jsm.consumers.info(t.streams.WA_IN.name, 'notification-statuses'),
          h.bus.jsm.consumers.info(t.streams.CASE_EVENTS.name, 'notification-case-events'),
        ]);
        return infos.every((i) => i.num_pending === 0 && i.num_ack_pending === 0);
      },
      30_000,
      'the service idle',
    );

  const silentFor25Hours = async (phone: string) => {
    await h.citizenWrites({ phone });
    await h.windowSeen(phone);
    h.sandbox.state.clock.advance(25 * HOUR);
  };

  const officerReplies = (id: string, phone: string, messageId: string, text: string) =>
    h.publisher.publish(
      h.bus.topology.subjects.caseEvent('reply_added'),
      caseReplyAdded.create({
        id,
        officeId: OFFICE,
        data: {
          caseId: 'case-held-1',
          trackingCode: 'PKU-HLD001',
          citizen: { phone },
          messageId,
          text,
          actor: { id: 'officer-1', role: 'officer' },
        },
      }) as Envelope,
    );

  it("sends the officer-reply template to a citizen silent for 25 hours; their reply brings the officer's text free-form, once, through a redelivered message and a restart", async () => {
    const phone = '6281500000001';
    const replyText = 'Data KK Anda sudah kami perbaiki. Silakan cek kembali.';
    try {
      await silentFor25Hours(phone);
      await officerReplies('evt-held-reply-1', phone, 'msg-h1', replyText);
      const template = await sentRecord(h, 'case:evt-held-reply-1');
      expect(template.viaTemplate).toBe(true);
      expect(outboundTo(h.sandbox, phone).map((s) => s.type)).toEqual(['template']);
      expect(outboundTo(h.sandbox, phone)[0]!.payload.template).toMatchObject({
        name: 'pandawa_officer_reply',
      });
      const held = await h.app.heldRepo.get('held:case:evt-held-reply-1');
      expect(held).toMatchObject({ caseMessageId: 'msg-h1', purpose: 'case.reply_added' });

      // The citizen reads the template: the desk's ticks are the reply's, not the template's.
      await h.status(template.wamid!, 'delivered', { phone });
      await h.status(template.wamid!, 'read', { phone });
      await waitFor(
        async () => (await h.app.statuses.furthest(template.wamid!)) === 'read',
        20_000,
        'template read',
      );
      await quiet();
      const beforeReply = h.caseDelivery.reports.filter((r) => r.ref.caseMessageId === 'msg-h1');
      expect(beforeReply.length).toBeGreaterThan(0);
      expect(beforeReply.map((r) => r.state)).toEqual(beforeReply.map(() => 'sent'));

      // "Balas pesan ini untuk membacanya": the citizen writes back.
      const inbound = await h.citizenWrites({ phone }, 'oke');
      const isReply = (e: { payload: Record<string, unknown> }) =>
        textOf(e)?.includes(replyText) ?? false;
      await waitFor(() => outboundTo(h.sandbox, phone).some(isReply), 30_000, 'the held reply');
      // Meta retries the webhook; the service restarts; Meta retries again.
      await h.inboundAgain(inbound);
      await quiet();
      await h.restart();
      await h.inboundAgain(inbound);
      await quiet();

      const sent = outboundTo(h.sandbox, phone);
      expect(sent.filter(isReply)).toHaveLength(1);
      expect(sent.map((s) => s.type)).toEqual(['template', 'text']);
      expect(textOf(sent[1]!)).toBe(officerReplyText('PKU-HLD001', replyText));
      expect(h.sandbox.state.record.query({ kind: 'graph.error', waId: phone })).toHaveLength(0);
      const release = await sentRecord(h, 'held:case:evt-held-reply-1');
      expect(release.viaTemplate).toBe(false);
      expect(release.caseMessageId).toBe('msg-h1');
      // Purged once sent; the citizen's mark goes with the first lookup that finds nothing.
      expect(await h.app.heldRepo.get('held:case:evt-held-reply-1')).toBeNull();
      expect(await h.app.heldRepo.ofCitizen(h.sandbox.phoneNumberId, [phone])).toEqual([]);
      const mark = `${h.sandbox.phoneNumberId}:${phone}`;
      expect(await h.mongo.collection('held_citizens').findOne({ _id: mark as never })).toBeNull();

      // The reply's own ticks reach the case service.
      await h.status(release.wamid!, 'read', { phone });
      await waitFor(
        () =>
          h.caseDelivery.reports.some(
            (r) => r.ref.caseMessageId === 'msg-h1' && r.state === 'read',
          ),
        20_000,
        'case told the reply was read',
      );
    } finally {
      h.sandbox.state.clock.reset();
    }
  });

  it('delivers held status changes and replies in the order they were held, and a held record that outlived its send (a crash before the purge) is purged, not sent again', async () => {
    const phone = '6281500000002';
    try {
      await silentFor25Hours(phone);
      const statusSubject = h.bus.topology.subjects.caseEvent('status_changed');
      await h.publisher.publish(
        statusSubject,
        caseStatusChanged.create({
          id: 'evt-held-status-1',
          officeId: OFFICE,
          data: {
            caseId: 'case-held-2',
            trackingCode: 'PKU-HLD002',
            citizen: { phone },
            from: 'DIPROSES',
            to: 'MENUNGGU_DATA',
            missingItems: ['Foto akta kelahiran'],
            actor: { id: 'officer-1', role: 'officer' },
          },
        }) as Envelope,
      );
      await sentRecord(h, 'case:evt-held-status-1');
      await officerReplies('evt-held-reply-2', phone, 'msg-h2', 'Mohon kirim fotonya hari ini.');
      await sentRecord(h, 'case:evt-held-reply-2');
      expect(outboundTo(h.sandbox, phone).map((s) => s.type)).toEqual(['template', 'template']);
      expect(outboundTo(h.sandbox, phone)[0]!.payload.template).toMatchObject({
        name: 'pandawa_case_update',
      });
      const copies = (await Promise.all(
        ['held:case:evt-held-status-1', 'held:case:evt-held-reply-2'].map((id) =>
          h.app.heldRepo.get(id),
        ),
      )) as HeldMessage[];
      expect(copies.every(Boolean)).toBe(true);

      const inbound = await h.citizenWrites({ phone }, 'halo');
      await waitFor(
        () => outboundTo(h.sandbox, phone).length >= 4,
        30_000,
        'both held messages sent',
      );
      await quiet();
      const texts = outboundTo(h.sandbox, phone)
        .slice(2)
        .map((s) => textOf(s) ?? '');
      expect(texts).toHaveLength(2);
      expect(texts[0]).toContain('PKU-HLD002');
      expect(texts[0]).toContain('• Foto akta kelahiran');
      expect(texts[1]).toContain('Mohon kirim fotonya hari ini.');

      // As if the service died after the sends and before their purge: the records are back.
      for (const copy of copies) await h.app.heldRepo.hold(copy);
      await h.restart();
      await h.inboundAgain(inbound);
      await quiet();
      await waitFor(
        async () => (await h.app.heldRepo.ofCitizen(h.sandbox.phoneNumberId, [phone])).length === 0,
        20_000,
        'held records purged',
      );
      expect(outboundTo(h.sandbox, phone)).toHaveLength(4);
    } finally {
      h.sandbox.state.clock.reset();
    }
  });

  it("sends the held reply ahead of the bot's answer to the citizen's message, even when that answer reaches the queue first", async () => {
    const phone = '6281500000004';
    const replyText = 'Berkas Anda sudah lengkap, tinggal menunggu tanda tangan.';
    try {
      await silentFor25Hours(phone);
      await officerReplies('evt-held-reply-4', phone, 'msg-h4', replyText);
      await sentRecord(h, 'case:evt-held-reply-4');
      // The citizen writes to Meta; the conversation's answer to it is published before the
      // window consumer here has seen the message at all.
      const messageId = h.sandbox.sendAsCitizen({
        waId: phone,
        message: { type: 'text', text: 'oke' },
      });
      const seconds = Math.floor(h.sandbox.state.clock.now() / 1000);
      const botAnswer = await h.command(
        { phone },
        { kind: 'text', text: 'Ketik *menu* untuk melihat pilihan layanan.' },
        { answers: { messageId, timestamp: seconds } },
      );
      await sentRecord(h, botAnswer);
      // Then the wa.in.message itself: the held reply went already, so it releases nothing.
      await h.publisher.publish(
        h.bus.topology.subjects.waInMessage,
        waInMessage.create({
          id: messageId,
          officeId: OFFICE,
          data: {
            phoneNumberId: h.sandbox.phoneNumberId,
            citizen: { phone },
            messageId,
            messageType: 'text',
            timestamp: String(seconds),
            message: { id: messageId, type: 'text', text: { body: 'oke' } },
          },
        }) as Envelope,
      );
      await quiet();
      const sent = outboundTo(h.sandbox, phone);
      expect(sent.map((s) => s.type)).toEqual(['template', 'text', 'text']);
      expect(textOf(sent[1]!)).toBe(officerReplyText('PKU-HLD001', replyText));
      expect(textOf(sent[2]!)).toBe('Ketik *menu* untuk melihat pilihan layanan.');
      expect(await h.app.heldRepo.get('held:case:evt-held-reply-4')).toBeNull();
    } finally {
      h.sandbox.state.clock.reset();
    }
  });

  it('drops held messages past their age: a citizen who writes 8 days later gets nothing stale, and the record is gone', async () => {
    const phone = '6281500000003';
    try {
      await silentFor25Hours(phone);
      await officerReplies('evt-held-reply-3', phone, 'msg-h3', 'Balasan yang sudah basi.');
      await sentRecord(h, 'case:evt-held-reply-3');
      expect(await h.app.heldRepo.get('held:case:evt-held-reply-3')).not.toBeNull();
      h.sandbox.state.clock.advance(8 * 24 * HOUR);
      await h.citizenWrites({ phone }, 'halo');
      await quiet();
      expect(await h.app.heldRepo.get('held:case:evt-held-reply-3')).toBeNull();
      expect(outboundTo(h.sandbox, phone).map((s) => s.type)).toEqual(['template']);
      expect(h.app.metrics.heldDropped.get({ reason: 'expired' })).toBeGreaterThanOrEqual(1);
    } finally {
      h.sandbox.state.clock.reset();
    }
  });
});
