import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskSeed } from './support/desk-seed.js';
import { startDeskSystem, type DeskSystem, type SeededCase } from './support/desk-system.js';

interface Summary {
  id: string;
  trackingCode: string;
  status: string;
  priority: string;
  tags: string[];
  assignee: { id: string; displayName: string | null } | null;
  citizen: Record<string, unknown>;
  createdAt: string;
  sla: { firstResponseDueAt: string | null };
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The queue and the case detail through the admin API, against case, document-storage and the
 * gateway as processes (real gRPC with caller proofs, FerretDB, NATS).
 */
describe('case desk: the queue and a case’s detail', () => {
  let desk: DeskSystem;
  let seed: ReturnType<typeof deskSeed>;
  const mine: SeededCase[] = [];
  let dumaiCase: SeededCase;

  const get = async <T>(username: string, path: string, status = 200): Promise<T> => {
    const res = await desk.api(await desk.tokenOf(username), 'GET', path);
    const body = (await res.json()) as T;
    expect(res.status, JSON.stringify(body)).toBe(status);
    return body;
  };
  const ids = (page: Page<Summary>) => page.items.map((c) => c.id);

  beforeAll(async () => {
    desk = await startDeskSystem();
    seed = deskSeed(desk);
    for (let i = 0; i < 5; i++)
      mine.push(
        await desk.seedCase('pekanbaru', {
          category: i % 2 ? 'DATA_GANDA' : 'NIK_TIDAK_AKTIF',
          // The fourth citizen asked for an officer: a handoff, waiting.
          ...(i === 3 ? { requestOfficer: true } : {}),
        }),
      );
    dumaiCase = await desk.seedCase('dumai');
    await seed.claim('officer.pekanbaru', 'pekanbaru', mine[1]!.id);
    await seed.claim('officer2.pekanbaru', 'pekanbaru', mine[2]!.id);
    await seed.triage('pekanbaru', mine[4]!.id, 'PRIORITY_HIGH', ['bpjs']);
  }, 300_000);
  afterAll(async () => {
    await desk?.stop();
  });

  it('lists only the officer’s own office, newest first, in cursor pages', async () => {
    const all = await get<Page<Summary>>('officer.pekanbaru', '/cases?limit=100');
    expect(ids(all)).toEqual(mine.map((c) => c.id).reverse());
    expect(ids(all)).not.toContain(dumaiCase.id);
    const dumai = await get<Page<Summary>>('officer.dumai', '/cases');
    expect(ids(dumai)).toEqual([dumaiCase.id]);

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Summary> = await get<Page<Summary>>(
        'officer.pekanbaru',
        `/cases?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      walked.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(ids(all));
    // No NIK, KK or phone in a queue row, masked or not.
    const text = JSON.stringify(all);
    for (const secret of ['1471011201900001', '1471010101100002', ...mine.map((c) => c.phone)])
      expect(text).not.toContain(secret);
  });

  it('filters by status, category, assignee (mine, unassigned, an id), priority, tag, search and SLA', async () => {
    const q = (query: string) => get<Page<Summary>>('officer.pekanbaru', `/cases?${query}`);
    expect(ids(await q('assignee=mine'))).toEqual([mine[1]!.id]);
    expect(ids(await q(`assignee=${desk.accountIds['officer2.pekanbaru']}`))).toEqual([
      mine[2]!.id,
    ]);
    expect(ids(await q('assignee=unassigned')).sort()).toEqual(
      [mine[0]!.id, mine[3]!.id, mine[4]!.id].sort(),
    );
    expect((await q('assignee=mine')).items[0]!.assignee).toMatchObject({
      id: desk.accountIds['officer.pekanbaru'],
      displayName: 'officer.pekanbaru',
    });
    // Claiming assigns; the status stays BARU until an officer moves it.
    expect(ids(await q('status=BARU'))).toHaveLength(5);
    expect(ids(await q('status=DIPROSES,SELESAI'))).toEqual([]);
    expect(ids(await q('category=DATA_GANDA')).sort()).toEqual([mine[1]!.id, mine[3]!.id].sort());
    const urgent = await q('priority=HIGH');
    expect(ids(urgent)).toEqual([mine[4]!.id]);
    expect(urgent.items[0]).toMatchObject({ priority: 'HIGH', tags: ['bpjs'] });
    expect(ids(await q('tag=BPJS'))).toEqual([mine[4]!.id]);
    expect(ids(await q('q=amin'))).toHaveLength(5);
    expect(ids(await q('q=budi'))).toEqual([]);
    expect(ids(await q(`q=${mine[2]!.trackingCode}`))).toEqual([mine[2]!.id]);
    expect(ids(await q('slaBreached=true'))).toEqual([]);
    expect(ids(await q('awaitingOfficer=true'))).toEqual([mine[3]!.id]);
    expect((await q('awaitingOfficer=true')).items[0]).toMatchObject({ awaitingOfficer: true });
    expect(ids(await q('slaBreached=false'))).toHaveLength(5);
    expect(ids(await q('status=BARU&category=NIK_TIDAK_AKTIF&assignee=unassigned')).sort()).toEqual(
      [mine[0]!.id, mine[4]!.id].sort(),
    );
  });

  it('filters by creation time and orders the queue by SLA due time', async () => {
    const all = (await get<Page<Summary>>('officer.pekanbaru', '/cases?limit=100')).items;
    const oldestFirst = [...all].reverse();
    const from = oldestFirst[2]!.createdAt;
    const range = await get<Page<Summary>>(
      'officer.pekanbaru',
      `/cases?createdFrom=${encodeURIComponent(from)}`,
    );
    expect(ids(range)).toEqual(
      all.filter((c) => Date.parse(c.createdAt) >= Date.parse(from)).map((c) => c.id),
    );
    const before = await get<Page<Summary>>(
      'officer.pekanbaru',
      `/cases?createdTo=${encodeURIComponent(from)}`,
    );
    expect(ids(before)).toEqual(
      all.filter((c) => Date.parse(c.createdAt) < Date.parse(from)).map((c) => c.id),
    );

    const queue = await get<Page<Summary>>('officer.pekanbaru', '/cases?order=sla_due&limit=100');
    const due = queue.items.map((c) => Date.parse(c.sla.firstResponseDueAt ?? ''));
    expect(due.every(Number.isFinite)).toBe(true);
    expect([...due].sort((a, b) => a - b)).toEqual(due);
    expect(new Set(ids(queue))).toEqual(new Set(mine.map((c) => c.id)));
  });

  it('refuses a bad filter or cursor with 400, and answers nobody without a token', async () => {
    for (const query of [
      'status=GONE',
      'order=random',
      'limit=0',
      'limit=101',
      'createdFrom=yesterday',
      'priority=URGENT',
      'unknown=1',
      `q=${'x'.repeat(101)}`,
      'cursor=not-a-cursor',
      'assignee=%24where',
    ]) {
      const res = await desk.api(await desk.tokenOf('officer.pekanbaru'), 'GET', `/cases?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'INVALID_ARGUMENT',
      );
    }
    expect((await desk.api(undefined, 'GET', '/cases')).status).toBe(401);
  });

  it('shows a case in full: masked citizen, thread with delivery ticks, notes, audit, documents', async () => {
    const target = mine[1]!;
    await seed.citizenMessage('pekanbaru', target.id, 'Ini KK saya, mohon dicek');
    const replied = await seed.reply(
      'officer.pekanbaru',
      'pekanbaru',
      target.id,
      'Baik, kami periksa dulu.',
    );
    const replyId = replied.messages.at(-1)!.id;
    await seed.delivered('pekanbaru', target.id, replyId, 'DELIVERY_DELIVERED');
    const failed = await seed.reply(
      'officer.pekanbaru',
      'pekanbaru',
      target.id,
      'Mohon kirim KTP.',
    );
    await seed.delivered('pekanbaru', target.id, failed.messages.at(-1)!.id, 'DELIVERY_FAILED', {
      code: 131026,
      title: 'Message undeliverable',
    });
    await seed.note('supervisor.pekanbaru', 'pekanbaru', target.id, 'Cek SIAK dulu');

    const detail = await get<{
      id: string;
      status: string;
      description: string;
      citizen: Record<string, unknown>;
      thread: {
        author: string;
        text: string;
        delivery: string | null;
        deliveryFailure: unknown;
        officer: unknown;
      }[];
      notes: { text: string; author: { displayName: string | null } }[];
      audit: { action: string; actor: { kind: string; displayName: string | null } }[];
      documents: unknown[];
      sla: Record<string, unknown>;
      assignee: { displayName: string | null };
    }>('officer.pekanbaru', `/cases/${target.id}`);
    expect(detail).toMatchObject({
      id: target.id,
      status: 'BARU',
      description: 'NIK saya tidak aktif saat daftar BPJS',
      citizen: {
        name: 'Siti Aminah',
        nikMasked: '1471********0001',
        kkNumberMasked: '1471********0002',
        phoneMasked: expect.stringMatching(/^6281\*+\d\d$/),
        hasBsuid: false,
      },
      assignee: { displayName: 'officer.pekanbaru' },
      documents: [],
    });
    expect(detail.thread.map((m) => [m.author, m.text, m.delivery, m.deliveryFailure])).toEqual([
      ['citizen', 'Ini KK saya, mohon dicek', null, null],
      ['officer', 'Baik, kami periksa dulu.', 'delivered', null],
      ['officer', 'Mohon kirim KTP.', 'failed', { code: 131026, title: 'Message undeliverable' }],
    ]);
    expect(detail.thread[1]!.officer).toMatchObject({
      id: desk.accountIds['officer.pekanbaru'],
      displayName: 'officer.pekanbaru',
    });
    expect(detail.notes).toEqual([
      expect.objectContaining({
        text: 'Cek SIAK dulu',
        author: expect.objectContaining({ displayName: 'supervisor.pekanbaru' }),
      }),
    ]);
    expect(detail.audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['created', 'claimed', 'reply_added', 'note_added']),
    );
    expect(detail.audit[0]!.actor).toMatchObject({ kind: 'citizen', displayName: null });
    expect(detail.sla).toHaveProperty('firstResponseAt');
    // Never a full NIK, KK number or phone number anywhere in the answer.
    for (const secret of ['1471011201900001', '1471010101100002', target.phone])
      expect(JSON.stringify(detail)).not.toContain(secret);
  });

  it('answers 404 for another office’s case and for a case that does not exist', async () => {
    for (const [user, id] of [
      ['officer.pekanbaru', dumaiCase.id],
      ['supervisor.pekanbaru', dumaiCase.id],
      ['admin.pekanbaru', dumaiCase.id],
      ['officer.dumai', mine[0]!.id],
      ['officer.pekanbaru', 'no-such-case'],
    ] as const) {
      const res = await desk.api(await desk.tokenOf(user), 'GET', `/cases/${id}`);
      expect(res.status, `${user} ${id}`).toBe(404);
    }
    const bad = await desk.api(await desk.tokenOf('officer.pekanbaru'), 'GET', '/cases/a.b');
    expect([400, 404]).toContain(bad.status);
  });
});
