import { describe, expect, it, vi } from 'vitest';
import type { CaseContext } from '../src/application/case-context.js';
import { revealCitizenIdentity } from '../src/application/identity-reveal.js';
import type { Actor } from '../src/domain/case.types.js';

const officer: Actor = { id: 'officer-1', role: 'officer' };
const stored = { citizen: { nik: '1471011201900001', kkNumber: '1471010101100002' } };

/** A context whose store records the audit entry as `recordAccess` says; nothing else is used. */
function contextWith(recordAccess: (...args: unknown[]) => Promise<unknown>) {
  const info = vi.fn();
  const ctx = {
    store: { recordAccess: vi.fn(recordAccess) },
    logger: { info },
    now: () => new Date('2026-12-02T03:00:00Z'),
  } as unknown as CaseContext;
  return { ctx, recordAccess: ctx.store.recordAccess as ReturnType<typeof vi.fn>, info };
}

describe('revealing a citizen’s full numbers', () => {
  it('answers them only from the case the audit write stored, with the entry’s time', async () => {
    const { ctx, recordAccess } = contextWith(async () => stored);
    await expect(
      revealCitizenIdentity(ctx, officer, 'pekanbaru', 'c-1', 'cek SIAK'),
    ).resolves.toEqual({
      caseId: 'c-1',
      nik: stored.citizen.nik,
      kkNumber: stored.citizen.kkNumber,
      revealedAt: new Date('2026-12-02T03:00:00Z'),
    });
    expect(recordAccess).toHaveBeenCalledWith('pekanbaru', 'c-1', {
      at: new Date('2026-12-02T03:00:00Z'),
      actorId: 'officer-1',
      actorRole: 'officer',
      action: 'identity_revealed',
      before: null,
      after: { fields: ['nik', 'kkNumber'] },
      reason: 'cek SIAK',
    });
  });

  it('reveals nothing when the audit entry cannot be written', async () => {
    const { ctx, info } = contextWith(async () => {
      throw new Error('database down');
    });
    await expect(
      revealCitizenIdentity(ctx, officer, 'pekanbaru', 'c-1', 'cek SIAK'),
    ).rejects.toThrow('database down');
    expect(info).not.toHaveBeenCalled();
  });

  it('is NOT_FOUND when the case is not there (nothing stored)', async () => {
    const { ctx } = contextWith(async () => null);
    await expect(
      revealCitizenIdentity(ctx, officer, 'pekanbaru', 'c-1', 'cek SIAK'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses citizens and services before touching the store', async () => {
    const { ctx, recordAccess } = contextWith(async () => stored);
    for (const actor of [
      { id: 'conversation', role: 'service' },
      { id: '6281234567890', role: 'citizen' },
      { id: 'case-sla-checker', role: 'system' },
    ] as Actor[])
      await expect(
        revealCitizenIdentity(ctx, actor, 'pekanbaru', 'c-1', 'cek SIAK'),
      ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(recordAccess).not.toHaveBeenCalled();
  });

  it('never logs the numbers', async () => {
    const { ctx, info } = contextWith(async () => stored);
    await revealCitizenIdentity(ctx, officer, 'pekanbaru', 'c-1', 'cek SIAK');
    const logged = JSON.stringify(info.mock.calls);
    expect(logged).not.toContain(stored.citizen.nik);
    expect(logged).not.toContain(stored.citizen.kkNumber);
  });
});
