import { execFile } from 'node:child_process';
import { REPO_ROOT, testDbName } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICES, PASSWORD, startDeskSystem, type DeskSystem } from './support/desk-system.js';

/** The desk harness itself: the accounts it promises exist in their offices, seeded cases open. */
describe('desk harness (gateway, case, document-storage as processes)', () => {
  let desk: DeskSystem;
  beforeAll(async () => {
    desk = await startDeskSystem();
  }, 240_000);
  afterAll(async () => {
    await desk?.stop();
  });

  it('makes an admin, a supervisor and two officers per office, each signed in to their own', async () => {
    for (const office of OFFICES) {
      const res = await desk.api(await desk.tokenOf(`admin.${office}`), 'GET', '/admin/accounts');
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: { username: string; officeId: string }[] };
      expect(items.map((a) => a.username).sort()).toEqual(
        [
          `admin.${office}`,
          `officer.${office}`,
          `officer2.${office}`,
          `supervisor.${office}`,
        ].sort(),
      );
      expect(new Set(items.map((a) => a.officeId))).toEqual(new Set([office]));
      const me = await desk.api(await desk.tokenOf(`officer.${office}`), 'GET', '/me');
      expect(((await me.json()) as { officeId: string }).officeId).toBe(office);
    }
  });

  it('seeds a case in an office as a citizen would open it', async () => {
    const seeded = await desk.seedCase('dumai');
    expect(seeded.trackingCode).toMatch(/\S/);
    expect(seeded.officeId).toBe('dumai');
  });

  it('refuses a second bootstrap admin for an office that has one', async () => {
    // The README's command, run again for pekanbaru: it must refuse (exit 1), not add an admin.
    const code = await new Promise<number | null>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', 'src/bootstrap-admin.ts', 'admin2.pekanbaru', 'pekanbaru'],
        {
          cwd: `${REPO_ROOT}/services/gateway`,
          env: {
            ...process.env,
            MONGO_DB: testDbName(desk.namespace, 'gateway'),
            ADMIN_BOOTSTRAP_PASSWORD: PASSWORD,
          },
        },
      );
      child.once('exit', resolve);
    });
    expect(code).toBe(1);
    const res = await desk.api(await desk.tokenOf('admin.pekanbaru'), 'GET', '/admin/accounts');
    const { items } = (await res.json()) as { items: { username: string }[] };
    expect(items.map((a) => a.username)).not.toContain('admin2.pekanbaru');
  });
});
