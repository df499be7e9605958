import { callerMetadata, callUnary } from '@pandawa/grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESK_DEADLINE_MS,
  PASSWORD,
  startDeskSystem,
  type DeskSystem,
  type SeededCase,
} from './support/desk-system.js';

/**
 * The case desk's actions through the admin API: gateway, case and document-storage as
 * processes, real gRPC with the gateway's caller proof, real NATS and FerretDB.
 */
interface CaseBody {
  id: string;
  status: string;
  version: number;
  assignee: { id: string | null } | null;
  priority: string;
  tags: string[];
  statusDetail: { reason: string; missingItems: string[]; visitInstructions: string };
  notes: { id: string; author: { id: string | null }; text: string }[];
  audit: { actor: { id: string | null; role: string | null }; action: string; reason: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; reason?: string };
}

describe('case desk actions (admin API → case over gRPC)', () => {
  let desk: DeskSystem;
  const token = (username: string) => desk.tokenOf(username);
  const call = async (username: string, method: string, path: string, body?: unknown) => {
    const res = await desk.api(await token(username), method, path, body);
    return { status: res.status, body: (await res.json()) as CaseBody & ErrorBody };
  };
  const transition = (username: string, c: SeededCase, body: unknown) =>
    call(username, 'POST', `/cases/${c.id}/transitions`, body);

  beforeAll(async () => {
    desk = await startDeskSystem();
  }, 240_000);
  afterAll(async () => {
    await desk?.stop();
  });

  it('moves a case through every status with the data each needs, and refuses it without', async () => {
    const c = await desk.seedCase('pekanbaru');
    const officer = 'officer.pekanbaru';

    const verified = await transition(officer, c, { to: 'DIVERIFIKASI' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ id: c.id, status: 'DIVERIFIKASI' });

    const noItems = await transition(officer, c, { to: 'MENUNGGU_DATA' });
    expect(noItems.status).toBe(400);
    expect(noItems.body.error.code).toBe('INVALID_ARGUMENT');
    expect(noItems.body.error.message).toMatch(/missingItems/);
    const emptyItems = await transition(officer, c, { to: 'MENUNGGU_DATA', missingItems: [] });
    expect(emptyItems.status).toBe(400);
    expect(emptyItems.body.error.message).toMatch(/missingItems.*at least one/);
    const waiting = await transition(officer, c, {
      to: 'MENUNGGU_DATA',
      missingItems: ['Foto KTP-el', 'Surat keterangan pindah'],
    });
    expect(waiting.status).toBe(200);
    expect(waiting.body.statusDetail.missingItems).toEqual([
      'Foto KTP-el',
      'Surat keterangan pindah',
    ]);

    expect((await transition(officer, c, { to: 'DIVERIFIKASI' })).status).toBe(200);
    const noVisit = await transition(officer, c, { to: 'PERLU_KUNJUNGAN' });
    expect(noVisit.status).toBe(400);
    expect(noVisit.body.error.message).toMatch(/visitInstructions/);
    const blankVisit = await transition(officer, c, {
      to: 'PERLU_KUNJUNGAN',
      visitInstructions: '   ',
    });
    expect(blankVisit.status).toBe(400);
    const visit = await transition(officer, c, {
      to: 'PERLU_KUNJUNGAN',
      visitInstructions: 'Datang Senin pukul 09.00 ke loket 3 untuk perekaman biometrik.',
    });
    expect(visit.status).toBe(200);
    expect(visit.body.statusDetail.visitInstructions).toMatch(/loket 3/);

    const noReason = await transition(officer, c, { to: 'DITOLAK' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/reason/);
    // Data another status needs is not accepted on this one: the body says exactly one thing.
    const stray = await transition(officer, c, {
      to: 'DITOLAK',
      reason: 'Bukan wewenang Disdukcapil',
      missingItems: ['x'],
    });
    expect(stray.status).toBe(400);
    const rejected = await transition(officer, c, {
      to: 'DITOLAK',
      reason: 'Bukan wewenang Disdukcapil',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('DITOLAK');
    expect(rejected.body.statusDetail.reason).toBe('Bukan wewenang Disdukcapil');
    // The answer shows the citizen masked, as the detail does: no full NIK, KK or phone.
    const text = JSON.stringify(rejected.body);
    for (const secret of ['1471011201900001', '1471010101100002', c.phone])
      expect(text).not.toContain(secret);
    // The audit trail names the signed-in officer (the gateway's caller proof), not a header.
    const moves = rejected.body.audit.filter((a) => a.action === 'status_changed');
    expect(moves.length).toBe(5);
    expect(new Set(moves.map((a) => a.actor.id))).toEqual(
      new Set([desk.accountIds['officer.pekanbaru']]),
    );
  });

  it('a move the lifecycle forbids is 409, a status no officer may set is 400', async () => {
    const c = await desk.seedCase('pekanbaru');
    const skip = await transition('officer.pekanbaru', c, { to: 'SELESAI' });
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'TRANSITION_NOT_ALLOWED',
    });
    for (const to of ['DIBATALKAN', 'BARU', 'SELESAI_SAJA', undefined]) {
      const res = await transition('officer.pekanbaru', c, { to });
      expect(res.status, String(to)).toBe(400);
      expect(res.body.error.message).toMatch(/^body\.to: /);
    }
    // A closed case goes nowhere.
    await transition('officer.pekanbaru', c, { to: 'DITOLAK', reason: 'Ganda' });
    const again = await transition('officer.pekanbaru', c, { to: 'DIVERIFIKASI' });
    expect(again.status).toBe(409);
  });

  it('a stale expectedVersion is 409 and changes nothing; the current one goes through', async () => {
    const c = await desk.seedCase('pekanbaru');
    const first = await transition('officer.pekanbaru', c, { to: 'DIVERIFIKASI' });
    const version = first.body.version;
    const moved = await transition('officer2.pekanbaru', c, {
      to: 'DIPROSES',
      expectedVersion: version,
    });
    expect(moved.status).toBe(200);
    const stale = await transition('officer.pekanbaru', c, {
      to: 'DITOLAK',
      reason: 'Tidak lengkap',
      expectedVersion: version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'ABORTED', reason: 'CASE_VERSION_CONFLICT' });
    const triage = await call('officer.pekanbaru', 'PATCH', `/cases/${c.id}/triage`, {
      priority: 'HIGH',
      expectedVersion: version,
    });
    expect(triage.status).toBe(409);
    const current = await call('officer.pekanbaru', 'PATCH', `/cases/${c.id}/triage`, {
      priority: 'HIGH',
      expectedVersion: moved.body.version,
    });
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ status: 'DIPROSES', priority: 'HIGH' });
  });

  it('another office’s case is 404 for every action, like a case that does not exist', async () => {
    const theirs = await desk.seedCase('dumai');
    const attempts: [string, string, string, unknown?][] = [
      ['officer.pekanbaru', 'POST', 'transitions', { to: 'DIVERIFIKASI' }],
      ['officer.pekanbaru', 'POST', 'claim', {}],
      [
        'supervisor.pekanbaru',
        'PUT',
        'assignee',
        { assigneeId: desk.accountIds['officer.pekanbaru'] },
      ],
      ['supervisor.pekanbaru', 'DELETE', 'assignee'],
      ['officer.pekanbaru', 'POST', 'notes', { text: 'lihat' }],
      ['officer.pekanbaru', 'PATCH', 'triage', { priority: 'LOW' }],
    ];
    for (const [user, method, action, body] of attempts) {
      for (const id of [theirs.id, 'no-such-case']) {
        const res = await call(user, method, `/cases/${id}/${action}`, body);
        expect(res.status, `${method} ${action} ${id}`).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      }
    }
    // Dumai's own officer can.
    const own = await transition('officer.dumai', theirs, { to: 'DIVERIFIKASI' });
    expect(own.status).toBe(200);
  });

  it('claim: an officer takes an unassigned case; a second officer is refused; only the holder releases it', async () => {
    const c = await desk.seedCase('pekanbaru');
    const claimed = await call('officer.pekanbaru', 'POST', `/cases/${c.id}/claim`, {});
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee?.id).toBe(desk.accountIds['officer.pekanbaru']);
    // Claiming one's own case again changes nothing.
    const again = await call('officer.pekanbaru', 'POST', `/cases/${c.id}/claim`, {});
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(claimed.body.version);
    const taken = await call('officer2.pekanbaru', 'POST', `/cases/${c.id}/claim`, {});
    expect(taken.status).toBe(409);
    expect(taken.body.error.reason).toBe('ALREADY_ASSIGNED');
    const notHers = await call('officer2.pekanbaru', 'DELETE', `/cases/${c.id}/assignee`);
    expect(notHers.status).toBe(403);
    const released = await call('officer.pekanbaru', 'DELETE', `/cases/${c.id}/assignee`);
    expect(released.status).toBe(200);
    expect(released.body.assignee).toBeNull();
  });

  it('assignment: supervisors only, to an enabled account of their own office', async () => {
    const c = await desk.seedCase('pekanbaru');
    const officer2 = desk.accountIds['officer2.pekanbaru']!;
    const byOfficer = await call('officer.pekanbaru', 'PUT', `/cases/${c.id}/assignee`, {
      assigneeId: officer2,
    });
    expect(byOfficer.status).toBe(403);
    expect(byOfficer.body.error.reason).toBe('ROLE_REQUIRED');

    const assigned = await call('supervisor.pekanbaru', 'PUT', `/cases/${c.id}/assignee`, {
      assigneeId: officer2,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignee).toMatchObject({
      id: officer2,
      displayName: 'officer2.pekanbaru',
    });
    const reassigned = await call('admin.pekanbaru', 'PUT', `/cases/${c.id}/assignee`, {
      assigneeId: desk.accountIds['officer.pekanbaru'],
      expectedVersion: assigned.body.version,
    });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.assignee?.id).toBe(desk.accountIds['officer.pekanbaru']);

    for (const assigneeId of [desk.accountIds['officer.dumai']!, 'no-such-account']) {
      const res = await call('supervisor.pekanbaru', 'PUT', `/cases/${c.id}/assignee`, {
        assigneeId,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.reason).toBe('ASSIGNEE_UNKNOWN');
    }
    const admin = await token('admin.pekanbaru');
    const created = await desk.api(admin, 'POST', '/admin/accounts', {
      username: 'gone.pekanbaru',
      displayName: 'Sudah pindah',
      role: 'officer',
      password: PASSWORD,
    });
    const gone = ((await created.json()) as { id: string }).id;
    await desk.api(admin, 'PATCH', `/admin/accounts/${gone}`, { disabled: true });
    const disabled = await call('supervisor.pekanbaru', 'PUT', `/cases/${c.id}/assignee`, {
      assigneeId: gone,
    });
    expect(disabled.status).toBe(400);
    expect(disabled.body.error.reason).toBe('ASSIGNEE_DISABLED');

    const unassigned = await call('supervisor.pekanbaru', 'DELETE', `/cases/${c.id}/assignee`);
    expect(unassigned.status).toBe(200);
    expect(unassigned.body.assignee).toBeNull();
  });

  it('notes and triage show on the case afterwards, to officers, and a note reaches no citizen', async () => {
    const c = await desk.seedCase('pekanbaru');
    const noted = await call('officer.pekanbaru', 'POST', `/cases/${c.id}/notes`, {
      text: 'Sudah dicek di SIAK:\nNIK terdaftar ganda.',
    });
    expect(noted.status).toBe(200);
    expect(noted.body.notes).toEqual([
      expect.objectContaining({
        author: expect.objectContaining({ id: desk.accountIds['officer.pekanbaru'] }),
        text: 'Sudah dicek di SIAK:\nNIK terdaftar ganda.',
      }),
    ]);
    const triaged = await call('officer2.pekanbaru', 'PATCH', `/cases/${c.id}/triage`, {
      priority: 'HIGH',
      tags: ['bpjs', ' lansia '],
    });
    expect(triaged.status).toBe(200);
    expect(triaged.body).toMatchObject({ priority: 'HIGH', tags: ['bpjs', 'lansia'] });
    expect(triaged.body.notes.map((n) => n.text)).toEqual([
      'Sudah dicek di SIAK:\nNIK terdaftar ganda.',
    ]);
    const cleared = await call('officer2.pekanbaru', 'PATCH', `/cases/${c.id}/triage`, {
      tags: [],
    });
    expect(cleared.body).toMatchObject({ priority: 'HIGH', tags: [] });
    // An action answers with the case exactly as the detail endpoint shows it.
    const detail = await call('officer.pekanbaru', 'GET', `/cases/${c.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toEqual(cleared.body);

    // What case itself now holds, read over gRPC by an officer of the office.
    const stored = await callUnary(
      desk.grpc.cases,
      desk.grpc.cases.getCase,
      { officeId: 'pekanbaru', id: c.id },
      {
        deadlineMs: DESK_DEADLINE_MS,
        metadata: callerMetadata({
          id: desk.accountIds['officer.pekanbaru']!,
          role: 'officer',
          officeId: 'pekanbaru',
        }),
      },
    );
    expect(stored.notes.map((n) => n.text)).toEqual(['Sudah dicek di SIAK:\nNIK terdaftar ganda.']);
    expect(stored.priority).toBe('PRIORITY_HIGH');
    expect(stored.messages.map((m) => m.text).join('\n')).not.toMatch(/SIAK/);

    for (const bad of [{}, { text: '' }, { text: '  ' }, { text: 'a\u0000b' }]) {
      const res = await call('officer.pekanbaru', 'POST', `/cases/${c.id}/notes`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    for (const bad of [{}, { priority: 'URGENT' }, { tags: Array(11).fill('x') }]) {
      const res = await call('officer.pekanbaru', 'PATCH', `/cases/${c.id}/triage`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('every action needs a signed-in account', async () => {
    const c = await desk.seedCase('pekanbaru');
    const res = await desk.api(undefined, 'POST', `/cases/${c.id}/transitions`, {
      to: 'DIVERIFIKASI',
    });
    expect(res.status).toBe(401);
  });
});
