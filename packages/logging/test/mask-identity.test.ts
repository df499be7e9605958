import { describe, expect, it } from 'vitest';
import { maskPersonalData, maskText } from '../src/index.js';

describe('masking of WhatsApp identities (BSUIDs, usernames)', () => {
  it('masks BSUIDs and parent BSUIDs by key and inside text, and drops usernames', () => {
    const masked = JSON.stringify(
      maskPersonalData({
        citizen: {
          bsuid: 'ID.1234567890123456',
          parentBsuid: 'ID.ENT.11815799212886844830',
          username: 'siti.pku',
        },
        contacts: [{ user_id: 'US.13491208655302741918', profile: { username: 'bob' } }],
        recipient: 'ID.9988776655443322',
        err: new Error('send to ID.1234567890123456 failed'),
      }),
    );
    for (const secret of [
      '1234567890123456',
      '11815799212886844830',
      '13491208655302741918',
      '9988776655443322',
      'siti.pku',
      '"bob"',
    ])
      expect(masked).not.toContain(secret);
    expect(masked).toContain('ID.***');
  });

  it('leaves ordinary dotted words alone', () => {
    expect(maskText('see README.md and ID.x')).toBe('see README.md and ID.x');
  });
});
