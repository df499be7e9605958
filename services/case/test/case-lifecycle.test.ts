import { describe, expect, it } from 'vitest';
import { isTransitionAllowed, planTransition } from '../src/domain/case-lifecycle.js';
import { CASE_STATUSES, type Actor } from '../src/domain/case.types.js';

const officer: Actor = { id: 'o-1', role: 'officer' };
const citizen: Actor = { id: '6281234567890', role: 'citizen' };

describe('case lifecycle', () => {
  it('allows the paths of architecture §7', () => {
    expect(isTransitionAllowed('BARU', 'DIVERIFIKASI', officer)).toBe(true);
    expect(isTransitionAllowed('DIVERIFIKASI', 'DIPROSES', officer)).toBe(true);
    expect(isTransitionAllowed('DIPROSES', 'SELESAI', officer)).toBe(true);
    expect(isTransitionAllowed('DIPROSES', 'DITOLAK', officer)).toBe(true);
    expect(isTransitionAllowed('DIVERIFIKASI', 'MENUNGGU_DATA', officer)).toBe(true);
    expect(isTransitionAllowed('DIPROSES', 'PERLU_KUNJUNGAN', officer)).toBe(true);
  });

  it('never leaves a closed case', () => {
    for (const from of ['SELESAI', 'DITOLAK', 'DIBATALKAN'] as const)
      for (const to of CASE_STATUSES) {
        expect(isTransitionAllowed(from, to, officer)).toBe(false);
        expect(isTransitionAllowed(from, to, citizen)).toBe(false);
      }
  });

  it('lets only the citizen cancel, and only while open', () => {
    expect(isTransitionAllowed('DIPROSES', 'DIBATALKAN', citizen)).toBe(true);
    expect(isTransitionAllowed('DIPROSES', 'DIBATALKAN', officer)).toBe(false);
    expect(() => planTransition('BARU', { to: 'DIBATALKAN' }, officer)).toThrow(
      expect.objectContaining({ code: 'PERMISSION_DENIED' }),
    );
    expect(() => planTransition('BARU', { to: 'DIVERIFIKASI' }, citizen)).toThrow(
      expect.objectContaining({ code: 'PERMISSION_DENIED' }),
    );
  });

  it('requires the data each status carries', () => {
    expect(() => planTransition('DIPROSES', { to: 'DITOLAK', reason: ' ' }, officer)).toThrow(
      expect.objectContaining({ reason: 'REASON_REQUIRED' }),
    );
    expect(() => planTransition('DIPROSES', { to: 'MENUNGGU_DATA' }, officer)).toThrow(
      expect.objectContaining({ reason: 'MISSING_ITEMS_REQUIRED' }),
    );
    expect(() => planTransition('DIPROSES', { to: 'PERLU_KUNJUNGAN' }, officer)).toThrow(
      expect.objectContaining({ reason: 'VISIT_INSTRUCTIONS_REQUIRED' }),
    );
    expect(
      planTransition('DIPROSES', { to: 'MENUNGGU_DATA', missingItems: ['Foto KK', ''] }, officer),
    ).toEqual({ missingItems: ['Foto KK'] });
  });

  it('answers FAILED_PRECONDITION for a move the lifecycle does not have', () => {
    expect(() => planTransition('BARU', { to: 'SELESAI' }, officer)).toThrow(
      expect.objectContaining({ code: 'FAILED_PRECONDITION' }),
    );
  });
});
