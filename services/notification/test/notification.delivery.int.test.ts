import { caseReplyAdded, caseStatusChanged, type Envelope } from '@pandawa/contracts';
import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OFFICE,
  outboundTo,
  startHarness,
  textOf,
  type Harness,
  sentRecord,
} from './support/notification-harness.js';

/**
 * Acceptance 3 (statuses out of order) and the case events the citizen must hear about: status
 * changes in Bahasa Indonesia and officers' replies, whose ticks reach the case service.
 */
describe('delivery statuses and case notices', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps read when "read" arrives before "delivered" (and "delivered" late or never)', async () => {
    const to = { phone: '6281400000001' };
    await h.citizenWrites(to);
    await h.windowSeen(to.phone);
    const a = await sentRecord(h, await h.command(to, { kind: 'text', text: 'satu' }));
    const b = await sentRecord(h, await h.command(to, { kind: 'text', text: 'dua' }));

    await h.status(a.wamid!, 'read', to);
    await h.status(a.wamid!, 'sent', to);
    await h.status(a.wamid!, 'delivered', to);
    await h.status(a.wamid!, 'delivered', to); // Meta retries webhooks
    // "delivered" skipped altogether:
    await h.status(b.wamid!, 'read', to);
    await h.status(b.wamid!, 'sent', to);

    await waitFor(
      async () =>
        (await h.app.statuses.furthest(a.wamid!)) === 'read' &&
        (await h.app.statuses.furthest(b.wamid!)) === 'read' &&
        h.app.metrics.statuses.get({ status: 'delivered' }) >= 1 &&
        h.app.metrics.statuses.get({ status: 'sent' }) >= 2,
      20_000,
      'all statuses applied',
    );
    expect(await h.app.statuses.furthest(a.wamid!)).toBe('read');
    expect(await h.app.statuses.furthest(b.wamid!)).toBe('read');
  });

  it('tells the citizen of a status change in Bahasa Indonesia, once however often the event comes', async () => {
    const to = { phone: '6281400000002' };
    await h.citizenWrites(to);
    await h.windowSeen(to.phone);
    const event = caseStatusChanged.create({
      id: 'evt-status-1',
      officeId: OFFICE,
      data: {
        caseId: 'case-1',
        trackingCode: 'PKU-ABC123',
        citizen: to,
        from: 'DIPROSES',
        to: 'MENUNGGU_DATA',
        missingItems: ['Foto Kartu Keluarga yang jelas'],
        actor: { id: 'officer-1', role: 'officer' },
      },
    });
    const subject = h.bus.topology.subjects.caseEvent('status_changed');
    await h.publisher.publish(subject, event as Envelope);
    await h.publisher.publish(subject, event as Envelope, { msgID: 'evt-status-1:again' });
    const sent = await waitFor(() => outboundTo(h.sandbox, to.phone)[0], 30_000, 'notice sent');
    expect(textOf(sent)).toContain('PKU-ABC123');
    expect(textOf(sent)).toContain('• Foto Kartu Keluarga yang jelas');
    const record = await sentRecord(h, 'case:evt-status-1');
    expect(record.purpose).toBe('case.status_changed');
    // The repeated event is one message.
    await waitFor(
      async () =>
        (
          await h.bus.jsm.consumers.info(
            h.bus.topology.streams.CASE_EVENTS.name,
            'notification-case-events',
          )
        ).num_pending === 0,
      20_000,
      'case events consumed',
    );
    await waitFor(
      async () =>
        (await h.bus.jsm.streams.info(h.bus.topology.streams.NOTIFY.name)).state.messages === 0,
      20_000,
      'NOTIFY drained',
    );
    expect(outboundTo(h.sandbox, to.phone)).toHaveLength(1);
  });

  it("sends an officer's reply and reports its ticks to the case service, furthest first", async () => {
    const to = { phone: '6281400000003' };
    await h.citizenWrites(to);
    await h.windowSeen(to.phone);
    const event = caseReplyAdded.create({
      id: 'evt-reply-1',
      officeId: OFFICE,
      data: {
        caseId: 'case-2',
        trackingCode: 'PKU-XYZ789',
        citizen: to,
        messageId: 'msg-9',
        text: 'Data Anda sudah kami perbaiki.',
        actor: { id: 'officer-1', role: 'officer' },
      },
    });
    await h.publisher.publish(h.bus.topology.subjects.caseEvent('reply_added'), event as Envelope);
    const record = await sentRecord(h, 'case:evt-reply-1');
    expect(textOf(outboundTo(h.sandbox, to.phone)[0]!)).toContain('Data Anda sudah kami perbaiki.');
    await h.status(record.wamid!, 'read', to);
    await h.status(record.wamid!, 'delivered', to);
    await waitFor(
      () =>
        h.caseDelivery.reports.some((r) => r.ref.caseMessageId === 'msg-9' && r.state === 'read'),
      20_000,
      'case told read',
    );
    const told = h.caseDelivery.reports.filter((r) => r.ref.caseMessageId === 'msg-9');
    expect(told[0]!.ref).toEqual({ officeId: OFFICE, caseId: 'case-2', caseMessageId: 'msg-9' });
    // Never told less than it was told before (the case service also only moves forward).
    const order = { sent: 1, failed: 1.5, delivered: 2, read: 3 };
    const afterRead = told.slice(told.findIndex((r) => r.state === 'read'));
    for (const r of afterRead) expect(order[r.state]).toBe(3);
  });

  it("makes a failed reply visible with Meta's reason: the case is told failed, the result says why", async () => {
    const to = { phone: '6281400000004' };
    await h.citizenWrites(to);
    await h.windowSeen(to.phone);
    h.sandbox.state.faults.add({ route: 'messages', status: 400, errorCode: 131049, to: to.phone });
    const event = caseReplyAdded.create({
      id: 'evt-reply-2',
      officeId: OFFICE,
      data: {
        caseId: 'case-3',
        trackingCode: 'PKU-FAIL01',
        citizen: to,
        messageId: 'msg-10',
        text: 'Mohon datang ke kantor.',
        actor: { id: 'officer-1', role: 'officer' },
      },
    });
    await h.publisher.publish(h.bus.topology.subjects.caseEvent('reply_added'), event as Envelope);
    const record = await waitFor(
      async () => {
        const r = await h.app.records.get('case:evt-reply-2');
        return r?.state === 'failed' ? r : null;
      },
      30_000,
      'reply failed',
    );
    h.sandbox.state.faults.clear();
    expect(record.error).toMatchObject({ code: 131049, permanent: true });
    const told = await waitFor(
      () =>
        h.caseDelivery.reports.find(
          (r) => r.ref.caseMessageId === 'msg-10' && r.state === 'failed',
        ),
      20_000,
      'case told failed',
    );
    expect(told.failure).toEqual({ code: 131049, title: expect.any(String) });
    expect(told.failure!.title.length).toBeGreaterThan(0);
  });
  it("passes Meta's reason of a later failed webhook to the case with the failure", async () => {
    const to = { phone: '6281400000005' };
    await h.citizenWrites(to);
    await h.windowSeen(to.phone);
    const event = caseReplyAdded.create({
      id: 'evt-reply-3',
      officeId: OFFICE,
      data: {
        caseId: 'case-4',
        trackingCode: 'PKU-FAIL02',
        citizen: to,
        messageId: 'msg-11',
        text: 'Silakan kirim foto KK yang lebih jelas.',
        actor: { id: 'officer-1', role: 'officer' },
      },
    });
    await h.publisher.publish(h.bus.topology.subjects.caseEvent('reply_added'), event as Envelope);
    const record = await sentRecord(h, 'case:evt-reply-3');
    await h.status(record.wamid!, 'failed', to, { code: 131026, title: 'Message undeliverable' });
    const told = await waitFor(
      () =>
        h.caseDelivery.reports.find(
          (r) => r.ref.caseMessageId === 'msg-11' && r.state === 'failed',
        ),
      20_000,
      'case told failed',
    );
    expect(told.failure).toEqual({ code: 131026, title: 'Message undeliverable' });
  });
});
