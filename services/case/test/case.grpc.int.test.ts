import { randomUUID } from 'node:crypto';
import { testNamespace, waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTransitionAllowed } from '../src/domain/case-lifecycle.js';
import { CASE_STATUSES, type CaseStatus, type DeliveryStatus } from '../src/domain/case.types.js';
import {
  call,
  OFFICE,
  readCaseEvents,
  startInProcess,
  type Caller,
  type InProcessCase,
} from './support/case-harness.js';

const officer: Caller = { id: 'officer-1', role: 'officer' };
const officer2: Caller = { id: 'officer-2', role: 'officer' };
const supervisor: Caller = { id: 'supervisor-1', role: 'supervisor' };
const conversation: Caller = { id: 'conversation', role: 'service' };

let waSeq = 0;
const newCitizenWaId = () => `62812000${String(++waSeq).padStart(5, '0')}`;

/** Data each target status needs (architecture §7). */
const dataFor = (to: CaseStatus) => ({
  reason: to === 'DITOLAK' ? 'NIK sudah aktif' : '',
  missingItems: to === 'MENUNGGU_DATA' ? ['Foto KK terbaru'] : [],
  visitInstructions: to === 'PERLU_KUNJUNGAN' ? 'Datang ke loket 3 dengan KTP-el asli' : '',
});

/** A path from BARU to every status, through allowed moves only. */
const PATHS: Record<CaseStatus, CaseStatus[]> = {
  BARU: [],
  DIVERIFIKASI: ['DIVERIFIKASI'],
  DIPROSES: ['DIVERIFIKASI', 'DIPROSES'],
  MENUNGGU_DATA: ['DIVERIFIKASI', 'MENUNGGU_DATA'],
  PERLU_KUNJUNGAN: ['DIVERIFIKASI', 'PERLU_KUNJUNGAN'],
  SELESAI: ['DIVERIFIKASI', 'DIPROSES', 'SELESAI'],
  DITOLAK: ['DITOLAK'],
  DIBATALKAN: ['DIBATALKAN'],
};

describe('case service over gRPC (FerretDB, NATS)', () => {
  let svc: InProcessCase;

  beforeAll(async () => {
    svc = await startInProcess(testNamespace());
  });
  afterAll(async () => {
    await svc?.close();
  });

  const create = (waId = newCitizenWaId(), extra: Record<string, unknown> = {}) =>
    call(
      svc.client,
      'CreateCase',
      {
        officeId: OFFICE,
        idempotencyKey: randomUUID(),
        category: 'NIK_TIDAK_AKTIF',
        citizen: {
          phone: waId,
          profileName: 'Budi',
          nik: '1471011201900001',
          kkNumber: '1471010101100002',
          name: 'Budi Santoso',
        },
        description: 'NIK saya tidak aktif saat daftar BPJS',
        documentIds: ['doc-kk-1'],
        ...extra,
      },
      conversation,
    );

  const move = (caseId: string, to: CaseStatus, citizenWaId: string, extra = {}) =>
    call(
      svc.client,
      'TransitionCase',
      { officeId: OFFICE, caseId, toStatus: to, ...dataFor(to), ...extra },
      to === 'DIBATALKAN' ? { id: citizenWaId, role: 'citizen' } : officer,
    );

  async function caseIn(status: CaseStatus) {
    const waId = newCitizenWaId();
    const c = await create(waId);
    for (const step of PATHS[status]) await move(c.id, step, waId);
    return { id: c.id, waId };
  }

  it('opens a case with a readable tracking code, SLA due times and a created event', async () => {
    const c = await create();
    expect(c.trackingCode).toMatch(/^PDW-[2-9A-HJKMNP-Z]{6}$/);
    expect(c.status).toBe('BARU');
    expect(c.sla?.firstResponseDueAt).not.toBe('');
    expect(c.audit?.[0]).toMatchObject({ action: 'created', actorId: 'conversation' });
    const byCode = await call(
      svc.client,
      'GetCase',
      { officeId: OFFICE, trackingCode: c.trackingCode!.toLowerCase() },
      officer,
    );
    expect(byCode.id).toBe(c.id);
    const events = await waitFor(async () => {
      const all = await readCaseEvents(svc.bus);
      return all.some((e) => e.type === 'case.events.created' && e.data.caseId === c.id)
        ? all
        : undefined;
    });
    const created = events.find((e) => e.data.caseId === c.id)!;
    expect(created.subject).toMatch(/\.case\.events\.created$/);
    // No NIK or KK number on the bus.
    expect(JSON.stringify(created)).not.toContain('1471011201900001');
  });

  it('creating twice with the same idempotency key returns one case, also when concurrent', async () => {
    const key = randomUUID();
    const waId = newCitizenWaId();
    const first = await create(waId, { idempotencyKey: key });
    const again = await create(waId, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    const key2 = randomUUID();
    const racing = await Promise.all(
      Array.from({ length: 4 }, () => create(waId, { idempotencyKey: key2 })),
    );
    expect(new Set(racing.map((r) => r.id)).size).toBe(1);
    const list = await call(
      svc.client,
      'ListCitizenCases',
      { officeId: OFFICE, phone: waId },
      { id: waId, role: 'citizen' },
    );
    expect(list.cases).toHaveLength(2);
  });

  it("lists a citizen's own cases newest first, page by page, and nobody else's", async () => {
    const waId = newCitizenWaId();
    const citizen = { id: waId, role: 'citizen' };
    const made = [await create(waId), await create(waId), await create(waId)];
    const first = await call(
      svc.client,
      'ListCitizenCases',
      { officeId: OFFICE, phone: waId, pageSize: 2 },
      citizen,
    );
    const second = await call(
      svc.client,
      'ListCitizenCases',
      { officeId: OFFICE, phone: waId, pageSize: 2, pageToken: first.nextPageToken },
      citizen,
    );
    expect([...first.cases, ...second.cases].map((c) => c.id)).toEqual(
      made.map((c) => c.id).reverse(),
    );
    expect(second.nextPageToken).toBe('');
    const snooping = await call(
      svc.client,
      'ListCitizenCases',
      { officeId: OFFICE, phone: waId },
      { id: newCitizenWaId(), role: 'citizen' },
    );
    expect(snooping.cases).toEqual([]);
  });

  it('every allowed transition succeeds and every other one fails with FAILED_PRECONDITION', async () => {
    const outcomes: string[] = [];
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const { id, waId } = await caseIn(from);
        const actor =
          to === 'DIBATALKAN'
            ? { id: waId, role: 'citizen' as const }
            : { id: officer.id, role: 'officer' as const };
        const allowed = isTransitionAllowed(from, to, actor);
        const result = await move(id, to, waId).then(
          (c) => `ok:${c.status}`,
          (e: { code: string }) => e.code,
        );
        outcomes.push(`${from}->${to}:${result}`);
        expect(result, `${from} -> ${to}`).toBe(allowed ? `ok:${to}` : 'FAILED_PRECONDITION');
      }
    }
    // The table is not vacuous: both answers occur.
    expect(outcomes.filter((o) => o.includes(':ok:')).length).toBeGreaterThan(15);
    expect(outcomes.filter((o) => o.endsWith('FAILED_PRECONDITION')).length).toBeGreaterThan(30);
  });

  it('keeps what each status needs, and refuses a move without it', async () => {
    const { id, waId } = await caseIn('DIPROSES');
    await expect(move(id, 'DITOLAK', waId, { reason: '' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    const waiting = await move(id, 'MENUNGGU_DATA', waId);
    expect(waiting.statusDetail?.missingItems).toEqual(['Foto KK terbaru']);
    const audit = waiting.audit!.at(-1)!;
    expect(audit).toMatchObject({
      action: 'status_changed',
      actorId: 'officer-1',
      actorRole: 'officer',
    });
    expect(JSON.parse(audit.before!)).toEqual({ status: 'DIPROSES' });
  });

  it('only the citizen cancels, and only their own open case', async () => {
    const { id, waId } = await caseIn('DIPROSES');
    await expect(
      call(
        svc.client,
        'TransitionCase',
        { officeId: OFFICE, caseId: id, toStatus: 'DIBATALKAN' },
        officer,
      ),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(
      call(
        svc.client,
        'TransitionCase',
        { officeId: OFFICE, caseId: id, toStatus: 'DIBATALKAN' },
        { id: newCitizenWaId(), role: 'citizen' },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const cancelled = await move(id, 'DIBATALKAN', waId);
    expect(cancelled.status).toBe('DIBATALKAN');
  });

  it('two concurrent transitions from the same state: exactly one wins', async () => {
    // Pinned to the version both officers saw.
    const { id, waId } = await caseIn('DIVERIFIKASI');
    const seen = await call(svc.client, 'GetCase', { officeId: OFFICE, id }, officer);
    const results = await Promise.allSettled([
      move(id, 'DIPROSES', waId, { expectedVersion: seen.version }),
      move(id, 'DITOLAK', waId, { expectedVersion: seen.version }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'ABORTED' },
    });

    // Unpinned, both moving BARU → DIVERIFIKASI: the loser is told the move no longer applies.
    for (let round = 0; round < 3; round++) {
      const fresh = await caseIn('BARU');
      const race = await Promise.allSettled(
        [officer, officer2].map((o) =>
          call(
            svc.client,
            'TransitionCase',
            { officeId: OFFICE, caseId: fresh.id, toStatus: 'DIVERIFIKASI' },
            o,
          ),
        ),
      );
      expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(['FAILED_PRECONDITION', 'ABORTED']).toContain(lost.reason.code);
      const final = await call(svc.client, 'GetCase', { officeId: OFFICE, id: fresh.id }, officer);
      expect(final.audit!.filter((a) => a.action === 'status_changed')).toHaveLength(1);
    }
  });

  it('assigns, claims and unassigns with the right roles', async () => {
    const { id } = await caseIn('DIVERIFIKASI');
    await expect(
      call(
        svc.client,
        'AssignCase',
        { officeId: OFFICE, caseId: id, assigneeId: 'officer-2' },
        officer,
      ),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    const claimed = await call(svc.client, 'ClaimCase', { officeId: OFFICE, caseId: id }, officer);
    expect(claimed.assigneeId).toBe('officer-1');
    await expect(
      call(svc.client, 'ClaimCase', { officeId: OFFICE, caseId: id }, officer2),
    ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    const reassigned = await call(
      svc.client,
      'AssignCase',
      { officeId: OFFICE, caseId: id, assigneeId: 'officer-2' },
      supervisor,
    );
    expect(reassigned.assigneeId).toBe('officer-2');
    const released = await call(
      svc.client,
      'UnassignCase',
      { officeId: OFFICE, caseId: id, reason: 'cuti' },
      officer2,
    );
    expect(released.assigneeId).toBe('');
    await waitFor(
      async () =>
        (await readCaseEvents(svc.bus)).filter(
          (e) => e.type === 'case.events.assigned' && e.data.caseId === id,
        ).length === 3,
    );
  });

  it('threads citizen messages and officer replies; notes and audit stay with officers', async () => {
    const { id, waId } = await caseIn('BARU');
    const citizen = { id: waId, role: 'citizen' };
    const msg = {
      officeId: OFFICE,
      caseId: id,
      text: 'Ini foto KTP saya',
      documentIds: ['doc-ktp'],
      waMessageId: 'wamid.X1',
    };
    await call(svc.client, 'AddCitizenMessage', msg, citizen);
    await call(svc.client, 'AddCitizenMessage', msg, citizen); // redelivered: one message
    const replied = await call(
      svc.client,
      'AddOfficerReply',
      { officeId: OFFICE, caseId: id, text: 'Baik, kami cek.' },
      officer,
    );
    expect(replied.messages!.map((m) => m.author)).toEqual(['AUTHOR_CITIZEN', 'AUTHOR_OFFICER']);
    expect(replied.messages![1]!.deliveryStatus).toBe('DELIVERY_PENDING');
    expect(replied.documentIds).toEqual(['doc-kk-1', 'doc-ktp']);
    expect(replied.sla!.firstResponseAt).not.toBe('');
    await call(
      svc.client,
      'AddInternalNote',
      { officeId: OFFICE, caseId: id, text: 'cek SIAK' },
      officer,
    );
    const delivered = await call(
      svc.client,
      'UpdateMessageDelivery',
      {
        officeId: OFFICE,
        caseId: id,
        messageId: replied.messages![1]!.id,
        deliveryStatus: 'DELIVERY_READ',
      },
      { id: 'notification', role: 'service' },
    );
    expect(delivered.messages![1]!.deliveryStatus).toBe('DELIVERY_READ');
    // A late "delivered" receipt does not move it back.
    const late = await call(
      svc.client,
      'UpdateMessageDelivery',
      {
        officeId: OFFICE,
        caseId: id,
        messageId: replied.messages![1]!.id,
        deliveryStatus: 'DELIVERY_DELIVERED',
      },
      { id: 'notification', role: 'service' },
    );
    expect(late.messages![1]!.deliveryStatus).toBe('DELIVERY_READ');

    const asCitizen = await call(svc.client, 'GetCase', { officeId: OFFICE, id }, citizen);
    expect(asCitizen.notes).toEqual([]);
    expect(asCitizen.audit).toEqual([]);
    const asOfficer = await call(svc.client, 'GetCase', { officeId: OFFICE, id }, officer);
    expect(asOfficer.notes!.map((n) => n.text)).toEqual(['cek SIAK']);
    expect(asOfficer.audit!.map((a) => a.action)).toEqual([
      'created',
      'message_added',
      'reply_added',
      'note_added',
    ]);
    await expect(
      call(
        svc.client,
        'GetCase',
        { officeId: OFFICE, id },
        { id: newCitizenWaId(), role: 'citizen' },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const events = await waitFor(async () => {
      const all = (await readCaseEvents(svc.bus)).filter((e) => e.data.caseId === id);
      return all.length >= 3 ? all : undefined;
    });
    expect(events.map((e) => e.type)).toEqual([
      'case.events.created',
      'case.events.message_added',
      'case.events.reply_added',
    ]);
  });

  it("keeps Meta's reason on a failed reply: shown on the case, bounded, never replaced", async () => {
    const { id } = await caseIn('BARU');
    const notification = { id: 'notification', role: 'service' } as const;
    const reply = (text: string) =>
      call(svc.client, 'AddOfficerReply', { officeId: OFFICE, caseId: id, text }, officer);
    const deliver = (messageId: string, deliveryStatus: DeliveryStatus, failure?: object) =>
      call(
        svc.client,
        'UpdateMessageDelivery',
        {
          officeId: OFFICE,
          caseId: id,
          messageId,
          deliveryStatus,
          ...(failure ? { failure } : {}),
        },
        notification,
      );
    const first = (await reply('Mohon kirim foto KK.')).messages!.at(-1)!;
    const failed = await deliver(first.id!, 'DELIVERY_FAILED', {
      code: 131026,
      title: 'Message undeliverable',
    });
    expect(failed.messages!.at(-1)).toMatchObject({
      deliveryStatus: 'DELIVERY_FAILED',
      deliveryFailure: { code: 131026, title: 'Message undeliverable' },
    });
    // A repeated report with another reason does not replace the one kept.
    await deliver(first.id!, 'DELIVERY_FAILED', { code: 1, title: 'lain' });
    const read = await call(svc.client, 'GetCase', { officeId: OFFICE, id }, officer);
    expect(read.messages!.at(-1)!.deliveryFailure).toEqual({
      code: 131026,
      title: 'Message undeliverable',
    });

    // Failed first without a reason (a send refused), the reason of a later report fills it in.
    const second = (await reply('Silakan datang ke kantor.')).messages!.at(-1)!;
    const bare = await deliver(second.id!, 'DELIVERY_FAILED');
    expect(bare.messages!.at(-1)!.deliveryFailure).toBeNull();
    const filled = await deliver(second.id!, 'DELIVERY_FAILED', { code: 131049, title: 'x' });
    expect(filled.messages!.at(-1)!.deliveryFailure).toEqual({ code: 131049, title: 'x' });

    // Bounds: a reason only with FAILED, a title of at most 256, a code in range.
    const third = (await reply('Terima kasih.')).messages!.at(-1)!;
    for (const [status, failure, reason] of [
      ['DELIVERY_READ', { code: 131026, title: 'x' }, 'FAILURE_WITHOUT_FAILED'],
      ['DELIVERY_FAILED', { code: 1, title: 'x'.repeat(257) }, 'FIELD_TOO_LONG'],
      ['DELIVERY_FAILED', { code: -5, title: 'x' }, 'FAILURE_CODE_INVALID'],
      ['DELIVERY_FAILED', { code: 1, title: 'a\u0000b' }, 'FIELD_CONTROL_CHARACTER'],
    ] as const)
      await expect(deliver(third.id!, status, failure)).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        reason,
      });
    const untouched = await call(svc.client, 'GetCase', { officeId: OFFICE, id }, officer);
    expect(untouched.messages!.at(-1)).toMatchObject({
      deliveryStatus: 'DELIVERY_PENDING',
      deliveryFailure: null,
    });
  });

  it('scopes every call to the office and the caller', async () => {
    const { id } = await caseIn('BARU');
    await expect(
      call(svc.client, 'GetCase', { officeId: 'dumai', id }, officer),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      call(svc.client, 'GetCase', { officeId: OFFICE, id }, { ...officer, officeId: 'dumai' }),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(
      call(svc.client, 'GetCase', { officeId: OFFICE, id }, { id: '', role: '' }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('lets officers set priority and tags, audited and raised, and lists filter on them', async () => {
    const made = await create(newCitizenWaId(), { tags: [' bank ', 'BANK'] });
    expect(made.tags).toEqual(['bank']);
    const triage = (request: Record<string, unknown>, caller: Caller = officer) =>
      call(
        svc.client,
        'UpdateCaseTriage',
        { officeId: OFFICE, caseId: made.id!, ...request },
        caller,
      );
    await expect(triage({ priority: 'PRIORITY_HIGH' }, conversation)).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      reason: 'OFFICER_ONLY',
    });
    await expect(
      triage({ replaceTags: true, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', reason: 'TOO_MANY_TAGS' });

    const high = await triage({
      priority: 'PRIORITY_HIGH',
      replaceTags: true,
      tags: ['BPJS', 'lansia'],
      expectedVersion: made.version,
    });
    expect(high).toMatchObject({ priority: 'PRIORITY_HIGH', tags: ['BPJS', 'lansia'] });
    expect(high.audit!.at(-1)).toMatchObject({
      action: 'triaged',
      actorId: officer.id,
      before: JSON.stringify({ priority: 'PRIORITY_NORMAL', tags: ['bank'] }),
      after: JSON.stringify({ priority: 'PRIORITY_HIGH', tags: ['BPJS', 'lansia'] }),
    });
    // The same again changes nothing: no new version, no audit entry.
    const again = await triage({ priority: 'PRIORITY_HIGH' });
    expect(again.version).toBe(high.version);
    expect(again.audit).toHaveLength(high.audit!.length);
    // Tags stay when only the priority changes.
    expect((await triage({ priority: 'PRIORITY_LOW' })).tags).toEqual(['BPJS', 'lansia']);

    const listed = await call(
      svc.client,
      'ListCases',
      { officeId: OFFICE, priority: 'PRIORITY_LOW', tag: 'bpjs', pageSize: 100 },
      officer,
    );
    expect(listed.cases!.map((c) => c.id)).toEqual([made.id]);
    const triaged = await waitFor(async () => {
      const events = (await readCaseEvents(svc.bus)).filter(
        (e) => e.type === 'case.events.triaged' && e.data.caseId === made.id,
      );
      return events.length === 2 ? events : undefined;
    });
    expect(triaged.map((e) => e.data.priority)).toEqual(['PRIORITY_HIGH', 'PRIORITY_LOW']);
  });

  it('lists with filters and cursor pagination', async () => {
    const ns = await startInProcess(testNamespace());
    try {
      const mk = (i: number, category: 'DATA_GANDA' | 'LAINNYA') =>
        call(
          ns.client,
          'CreateCase',
          {
            officeId: OFFICE,
            idempotencyKey: `k-${i}`,
            category,
            citizen: { phone: `6281300000${i}`, name: i % 2 ? `Siti ${i}` : `Andi ${i}` },
            description: 'x',
          },
          conversation,
        );
      const made = [];
      for (let i = 0; i < 25; i++) made.push(await mk(i, i % 5 === 0 ? 'DATA_GANDA' : 'LAINNYA'));
      const seen: string[] = [];
      let token = '';
      do {
        const page = await call(
          ns.client,
          'ListCases',
          { officeId: OFFICE, pageSize: 10, pageToken: token },
          officer,
        );
        seen.push(...page.cases!.map((c) => c.id!));
        token = page.nextPageToken!;
      } while (token);
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      expect(seen[0]).toBe(made.at(-1)!.id); // newest first

      const ganda = await call(
        ns.client,
        'ListCases',
        { officeId: OFFICE, category: 'DATA_GANDA' },
        officer,
      );
      expect(ganda.cases).toHaveLength(5);
      const siti = await call(
        ns.client,
        'ListCases',
        { officeId: OFFICE, query: 'siti', pageSize: 100 },
        officer,
      );
      expect(siti.cases).toHaveLength(12);
      const byCode = await call(
        ns.client,
        'ListCases',
        { officeId: OFFICE, query: made[3]!.trackingCode! },
        officer,
      );
      expect(byCode.cases!.map((c) => c.id)).toEqual([made[3]!.id]);
      await call(ns.client, 'ClaimCase', { officeId: OFFICE, caseId: made[0]!.id! }, officer);
      const mine = await call(
        ns.client,
        'ListCases',
        { officeId: OFFICE, assigneeId: 'officer-1' },
        officer,
      );
      expect(mine.cases!.map((c) => c.id)).toEqual([made[0]!.id]);
      const unassigned = await call(
        ns.client,
        'ListCases',
        { officeId: OFFICE, unassignedOnly: true, pageSize: 100 },
        officer,
      );
      expect(unassigned.cases).toHaveLength(24);
      const breached = await call(
        ns.client,
        'ListCases',
        { officeId: OFFICE, slaBreached: true },
        officer,
      );
      expect(breached.cases).toHaveLength(0);
      const baru = await call(
        ns.client,
        'ListCases',
        { officeId: OFFICE, statuses: ['BARU'], pageSize: 100 },
        officer,
      );
      expect(baru.cases).toHaveLength(25);
      // List results leave the thread and the audit behind.
      expect(baru.cases![0]!.audit).toEqual([]);
    } finally {
      await ns.close();
    }
  });
  it('queues open cases by SLA due time, and refuses a page token of another order', async () => {
    const ns = await startInProcess(testNamespace());
    try {
      const open = (category: 'LAINNYA' | 'NIK_TIDAK_AKTIF' | 'DATA_GANDA', i: number) =>
        call(
          ns.client,
          'CreateCase',
          {
            officeId: OFFICE,
            idempotencyKey: `q-${i}`,
            category,
            citizen: { phone: `6281355500${i}`, name: `Warga ${i}` },
            description: 'x',
          },
          conversation,
        );
      // LAINNYA has 7 service hours to a first response, the others 4: the later case is due first.
      const older = await open('LAINNYA', 1);
      const newer = await open('NIK_TIDAK_AKTIF', 2);
      const closed = await open('DATA_GANDA', 3);
      await call(
        ns.client,
        'TransitionCase',
        { officeId: OFFICE, caseId: closed.id!, toStatus: 'DITOLAK', reason: 'NIK sudah aktif' },
        officer,
      );
      const queue = (pageToken = '') =>
        call(
          ns.client,
          'ListCases',
          { officeId: OFFICE, order: 'CASE_LIST_ORDER_SLA_DUE', pageSize: 1, pageToken },
          officer,
        );
      const first = await queue();
      expect(first.cases!.map((c) => c.id)).toEqual([newer.id]);
      const second = await queue(first.nextPageToken!);
      expect(second.cases!.map((c) => c.id)).toEqual([older.id]);
      expect(second.nextPageToken).toBe('');
      // The newest-first list still shows all three, the closed one first.
      const newest = await call(ns.client, 'ListCases', { officeId: OFFICE, pageSize: 1 }, officer);
      expect(newest.cases!.map((c) => c.id)).toEqual([closed.id]);
      await expect(queue(newest.nextPageToken!)).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        reason: 'BAD_PAGE_TOKEN',
      });
    } finally {
      await ns.close();
    }
  });
});
