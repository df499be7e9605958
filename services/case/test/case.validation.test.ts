import { requestFieldNames } from '@pandawa/grpc';
import { describe, expect, it } from 'vitest';
import { CASE_REQUEST_BOUNDS, validateCaseRequest } from '../src/grpc/case.validation.js';
import type { Req } from '../src/grpc/case.proto-types.js';

describe('case request bounds', () => {
  it('bound every string and repeated field of every CaseService request explicitly', () => {
    const fields = requestFieldNames('pandawa/case/v1/case.proto', 'pandawa.case.v1.CaseService');
    expect(fields.length).toBeGreaterThan(20);
    expect(fields.filter((f) => !(f in CASE_REQUEST_BOUNDS))).toEqual([]);
  });

  it('names the field as the proto spells it, and its limit', () => {
    const req = {
      officeId: 'pekanbaru',
      caseId: 'c',
      text: 'x'.repeat(4097),
    } as Req<'AddOfficerReply'>;
    expect(() => validateCaseRequest('AddOfficerReply', req)).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: 'text is too long (at most 4096 characters)',
      }),
    );
  });

  it('lets line breaks into free text but not into names', () => {
    const reply = {
      officeId: 'pekanbaru',
      caseId: 'c',
      text: 'Baik,\r\n\tterima kasih',
    } as Req<'AddOfficerReply'>;
    expect(() => validateCaseRequest('AddOfficerReply', reply)).not.toThrow();
    const list = { officeId: 'pekanbaru', query: 'budi\nsantoso', pageSize: 0 } as Req<'ListCases'>;
    expect(() => validateCaseRequest('ListCases', list)).toThrow(
      expect.objectContaining({ reason: 'FIELD_CONTROL_CHARACTER' }),
    );
  });
});
