import { describe, expect, it } from 'vitest';
import { citizenIdentitySchema, citizenKey, sameCitizen } from '../src/index.js';

describe('citizen identity', () => {
  it('keys a citizen on the BSUID when WhatsApp gave one, else on the phone', () => {
    expect(citizenKey({ bsuid: 'ID.1234567890123456', phone: '6281234567890' })).toBe(
      'ID.1234567890123456',
    );
    expect(citizenKey({ phone: '6281234567890' })).toBe('6281234567890');
  });

  it('refuses an identity with neither a BSUID nor a phone', () => {
    expect(citizenIdentitySchema.safeParse({ username: 'siti' }).success).toBe(false);
    expect(() => citizenKey({})).toThrow();
  });

  it('accepts Meta-shaped BSUIDs and parent BSUIDs, and refuses anything else', () => {
    const ok = citizenIdentitySchema.safeParse({
      bsuid: 'ID.1234567890123456',
      parentBsuid: 'ID.ENT.11815799212886844830',
      username: '@siti.aminah',
    });
    expect(ok.success).toBe(true);
    for (const bsuid of ['1234567890', 'id.123', 'ID.', `ID.${'1'.repeat(129)}`, 'ID.12$45'])
      expect(citizenIdentitySchema.safeParse({ bsuid }).success, bsuid).toBe(false);
    for (const phone of ['+6281234567890', '0812', '62 812 3456', '6'.repeat(16)])
      expect(citizenIdentitySchema.safeParse({ phone }).success, phone).toBe(false);
  });

  it('tells the same citizen by a shared BSUID, or by phone when one side has no BSUID', () => {
    expect(sameCitizen({ bsuid: 'ID.1', phone: '628111' }, { bsuid: 'ID.1' })).toBe(true);
    expect(sameCitizen({ phone: '6281234567890' }, { bsuid: 'ID.9', phone: '6281234567890' })).toBe(
      true,
    );
    expect(
      sameCitizen({ bsuid: 'ID.1', phone: '628111' }, { bsuid: 'ID.2', phone: '628111' }),
    ).toBe(false);
    expect(sameCitizen({ bsuid: 'ID.1' }, { phone: '628111' })).toBe(false);
  });
});
