import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskSystem, type DeskSystem, type SeededCase } from './support/desk-system.js';

/** What desk-system.ts `seedCase` stores for every citizen. */
const NIK = '1471011201900001';
const KK = '1471010101100002';
/** Small, so the bound is reached in a test; the window spans years, so it never rolls over mid-test. */
const LIMIT = 4;

interface AuditOut {
  action: string;
  actor: { kind: string; id: string | null; role: string | null };
  before: unknown;
  after: unknown;
  reason: string;
  at: string;
}

/**
 * `POST /api/cases/{caseId}/identity/reveal` (architecture §8) against case, document-storage
 * and the gateway as processes: the full NIK and KK number, each reveal in the case's audit
 * trail (with the reason, never the numbers) before it is answered, scoped to the office,
 * bounded per officer, and no number in any service's log.
 */
describe('case desk: revealing a citizen’s full NIK and KK number', () => {
  let desk: DeskSystem;
  let theCase: SeededCase;
  let dumaiCase: SeededCase;

  const reveal = async (username: string | undefined, c: SeededCase, body: unknown) =>
    desk.api(
      username ? await desk.tokenOf(username) : undefined,
      'POST',
      `/cases/${c.id}/identity/reveal`,
      body,
    );
  const auditOf = async (c: SeededCase, username = `supervisor.${c.officeId}`) => {
    const res = await desk.api(await desk.tokenOf(username), 'GET', `/cases/${c.id}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { audit: AuditOut[] }).audit.filter(
      (a) => a.action === 'identity_revealed',
    );
  };

  beforeAll(async () => {
    desk = await startDeskSystem({
      env: {
        gateway: {
          REVEAL_MAX_PER_ACCOUNT: String(LIMIT),
          REVEAL_WINDOW_MS: String(10 * 365 * 86_400_000),
        },
      },
    });
    theCase = await desk.seedCase('pekanbaru');
    dumaiCase = await desk.seedCase('dumai');
  }, 300_000);
  afterAll(async () => {
    await desk?.stop();
  });

  it('answers the full numbers to officers, supervisors and admins of the office, never cached, and audits each with its reason', async () => {
    for (const role of ['officer', 'supervisor', 'admin']) {
      const res = await reveal(`${role}.pekanbaru`, theCase, {
        reason: `cek NIK di SIAK (${role})`,
      });
      const body = (await res.json()) as Record<string, unknown>;
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body).toMatchObject({ caseId: theCase.id, nik: NIK, kkNumber: KK });
      expect(res.headers.get('cache-control')).toBe('no-store');
    }

    const detail = await desk.api(
      await desk.tokenOf('supervisor.pekanbaru'),
      'GET',
      `/cases/${theCase.id}`,
    );
    const text = await detail.text();
    // The detail itself stays masked; the audit names who looked and why, never the numbers.
    expect(text).not.toContain(NIK);
    expect(text).not.toContain(KK);
    const reveals = (JSON.parse(text) as { audit: AuditOut[] }).audit.filter(
      (a) => a.action === 'identity_revealed',
    );
    expect(reveals.map((a) => [a.actor.kind, a.actor.id, a.actor.role, a.reason])).toEqual(
      ['officer', 'supervisor', 'admin'].map((role) => [
        'officer',
        desk.accountIds[`${role}.pekanbaru`],
        role,
        `cek NIK di SIAK (${role})`,
      ]),
    );
    for (const entry of reveals) {
      expect(entry.before).toBeNull();
      expect(entry.after).toEqual({ fields: ['nik', 'kkNumber'] });
    }
  });

  it('answers 404 for another office’s case, and records nothing there', async () => {
    const before = (await auditOf(theCase)).length;
    for (const username of ['officer.dumai', 'supervisor.dumai', 'admin.dumai']) {
      const res = await reveal(username, theCase, { reason: 'cek NIK di SIAK' });
      expect(res.status, username).toBe(404);
    }
    expect((await reveal('officer.pekanbaru', dumaiCase, { reason: 'cek SIAK' })).status).toBe(404);
    expect(await auditOf(theCase)).toHaveLength(before);
    expect(await auditOf(dumaiCase)).toHaveLength(0);
  });

  it('needs a reason of 3 to 200 printable characters (400), a token (401), and records nothing when refused', async () => {
    const before = (await auditOf(theCase)).length;
    for (const body of [
      {},
      { reason: '' },
      { reason: '  ' },
      { reason: 'ab' },
      { reason: 'r'.repeat(201) },
      { reason: 'periksa NIK warga é' },
      { reason: 'cek\u0000SIAK' },
      { reason: 'cek\nSIAK' },
      { reason: 42 },
      { reason: 'cek SIAK', nik: NIK },
    ]) {
      const res = await reveal('officer.pekanbaru', theCase, body);
      const answer = (await res.json()) as { error: { code: string } };
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(answer)).not.toContain(KK);
    }
    expect((await reveal(undefined, theCase, { reason: 'cek SIAK' })).status).toBe(401);
    expect(await auditOf(theCase)).toHaveLength(before);
  });

  it(`bounds each officer: past ${LIMIT} reveals in the window it is 429, nothing answered or recorded`, async () => {
    const username = 'officer2.pekanbaru';
    const byHim = async () =>
      (await auditOf(theCase)).filter((a) => a.actor.id === desk.accountIds[username]);
    for (let i = 0; i < LIMIT; i++)
      expect((await reveal(username, theCase, { reason: `cek SIAK ${i}` })).status).toBe(200);
    const refused = await reveal(username, theCase, { reason: 'cek SIAK lagi' });
    const text = await refused.text();
    expect(refused.status).toBe(429);
    expect(JSON.parse(text)).toMatchObject({ error: { reason: 'REVEAL_LIMIT' } });
    expect(text).not.toContain(NIK);
    expect(await byHim()).toHaveLength(LIMIT);
    // Another officer's bound is their own.
    expect((await reveal('officer.pekanbaru', theCase, { reason: 'cek SIAK' })).status).toBe(200);
  });

  it('leaves no full NIK or KK number in any service’s log output', () => {
    for (const [name, service] of Object.entries(desk.services)) {
      const log = service!.output.join('');
      expect(log.length, name).toBeGreaterThan(0);
      expect(log, name).not.toContain(NIK);
      expect(log, name).not.toContain(KK);
    }
  });
});
