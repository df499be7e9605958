import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannedReplyRoutes } from '../src/http/admin/desk/canned-replies.routes.js';
import { CannedReplyRepository } from '../src/store/canned-replies/canned-reply.repository.js';
import { startAdminApi, type AdminApi } from './admin-api.harness.js';

interface Reply {
  id: string;
  title: string;
  text: string;
  category: string | null;
  version: number;
}

describe('canned replies: the office’s answers, written by supervisors, used by every officer (real HTTP, FerretDB)', () => {
  let admin: AdminApi;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const people = [
      ['officer.pku', 'pekanbaru', 'officer'],
      ['supervisor.pku', 'pekanbaru', 'supervisor'],
      ['admin.pku', 'pekanbaru', 'admin'],
      ['supervisor.dumai', 'dumai', 'supervisor'],
    ] as const;
    admin = await startAdminApi({
      accounts: people,
      routes: async (mongo) => {
        const cannedReplies = new CannedReplyRepository(mongo);
        await cannedReplies.ensureIndexes();
        return cannedReplyRoutes({ cannedReplies });
      },
    });
    for (const [username] of people) tokens[username] = await admin.tokenOf(username);
  });
  afterAll(async () => {
    await admin?.close();
  });

  const api = (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${admin.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const create = async (who: string, body: unknown): Promise<Reply> => {
    const res = await api(who, 'POST', '/canned-replies', body);
    expect(res.status).toBe(201);
    return (await res.json()) as Reply;
  };
  const list = async (who: string, query = '') => {
    const res = await api(who, 'GET', `/canned-replies${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { items: Reply[]; nextCursor: string | null };
  };

  it('a supervisor writes one; an officer finds it by the start of its words; another office never sees it', async () => {
    const bpjs = await create('supervisor.pku', {
      title: 'NIK tidak aktif saat daftar BPJS',
      text: 'Silakan kirim foto KK dan KTP-el. NIK akan kami aktifkan kembali dalam 1×24 jam kerja.',
      category: 'NIK_TIDAK_AKTIF',
    });
    await create('admin.pku', {
      title: 'Data ganda',
      text: 'Data ganda perlu pemeriksaan biometrik.\nSilakan datang ke kantor.',
    });
    await create('supervisor.dumai', { title: 'NIK Dumai', text: 'Jawaban kantor Dumai.' });

    expect((await list('officer.pku', '?q=bpj')).items.map((r) => r.id)).toEqual([bpjs.id]);
    // Every word must match the start of some word, in any order, accents and case aside.
    expect((await list('officer.pku', '?q=AKTIF%20nik')).items.map((r) => r.id)).toEqual([bpjs.id]);
    expect((await list('officer.pku', '?q=nik%20biometrik')).items).toEqual([]);
    expect((await list('officer.pku', '?q=ktp')).items.map((r) => r.id)).toEqual([bpjs.id]);
    expect((await list('officer.pku', '?category=NIK_TIDAK_AKTIF')).items).toHaveLength(1);
    // Another office's: not listed, not found.
    expect((await list('officer.pku', '?q=dumai')).items).toEqual([]);
    const dumai = (await list('supervisor.dumai')).items[0]!;
    expect((await api('officer.pku', 'GET', `/canned-replies/${dumai.id}`)).status).toBe(404);
    expect((await api('supervisor.pku', 'DELETE', `/canned-replies/${dumai.id}`)).status).toBe(404);
    // A search is words, not a pattern: regular-expression characters find nothing, break nothing.
    expect((await list('officer.pku', '?q=.*')).items.length).toBe(2);
    expect((await list('officer.pku', '?q=%5B(')).items.length).toBe(2);
  });

  it('pages by title with a cursor, and refuses a cursor it did not make', async () => {
    for (let i = 0; i < 5; i++)
      await create('supervisor.pku', { title: `Paging ${i}`, text: `Jawaban halaman ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p = await list('officer.pku', `?q=paging&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...p.items.map((r) => r.title));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Paging 0', 'Paging 1', 'Paging 2', 'Paging 3', 'Paging 4']);
    const bad = await api('officer.pku', 'GET', '/canned-replies?cursor=bm9wZQ');
    expect(bad.status).toBe(400);
  });

  it('officers read but do not write; edits check the version; a deleted one is gone', async () => {
    const r = await create('supervisor.pku', { title: 'Jam layanan', text: 'Senin–Kamis.' });
    expect(
      (await api('officer.pku', 'POST', '/canned-replies', { title: 'x', text: 'y' })).status,
    ).toBe(403);
    expect(
      (await api('officer.pku', 'PATCH', `/canned-replies/${r.id}`, { text: 'z' })).status,
    ).toBe(403);
    expect((await api('officer.pku', 'DELETE', `/canned-replies/${r.id}`)).status).toBe(403);

    const edited = await api('supervisor.pku', 'PATCH', `/canned-replies/${r.id}`, {
      text: 'Senin–Kamis 08.00–15.00, Jumat 08.00–11.30 WIB.',
      expectedVersion: 1,
    });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as Reply).version).toBe(2);
    const stale = await api('admin.pku', 'PATCH', `/canned-replies/${r.id}`, {
      title: 'Jam buka',
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { reason: string } }).error.reason).toBe(
      'VERSION_CONFLICT',
    );
    expect((await list('officer.pku', '?q=jumat')).items.map((x) => x.id)).toEqual([r.id]);

    expect((await api('supervisor.pku', 'DELETE', `/canned-replies/${r.id}`)).status).toBe(204);
    expect((await api('officer.pku', 'GET', `/canned-replies/${r.id}`)).status).toBe(404);
  });

  it('refuses empty, over-long and control-character text, unknown fields and $-keys', async () => {
    for (const body of [
      { title: '  ', text: 'x' },
      { title: 'x', text: 'a'.repeat(4097) },
      { title: 'x\u0000', text: 'y' },
      { title: 'x', text: 'y', extra: 1 },
      { title: 'x', text: 'y', category: 'BUKAN' },
      { title: 'x', text: { $gt: '' } },
    ]) {
      const res = await api('supervisor.pku', 'POST', '/canned-replies', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});
