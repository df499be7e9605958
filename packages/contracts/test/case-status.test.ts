import { describe, expect, it } from 'vitest';
import {
  caseStatusValues,
  CLOSED_CASE_STATUSES,
  isClosedCaseStatus,
  isOpenCaseStatus,
  OPEN_CASE_STATUSES,
} from '../src/index.js';

describe('case status sets', () => {
  it('place every status in exactly one of open and closed', () => {
    expect([...OPEN_CASE_STATUSES, ...CLOSED_CASE_STATUSES].sort()).toEqual(
      [...caseStatusValues].sort(),
    );
    for (const status of caseStatusValues)
      expect(isOpenCaseStatus(status)).toBe(!isClosedCaseStatus(status));
  });

  it('close a case on completion, rejection and cancellation only', () => {
    expect(CLOSED_CASE_STATUSES).toEqual(['SELESAI', 'DITOLAK', 'DIBATALKAN']);
  });
});
