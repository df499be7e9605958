import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskPersonalData, maskText } from '../src/index.js';

const NIK = '1471015501900003';
const KK = '1471010203040005';
const PHONE = '6281234567890';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString().trim().split('\n'));
      done();
    },
  });
  const logger = createLogger({ service: 'test-service', level: 'debug', destination });
  return { logger, lines };
}

describe('logger', () => {
  it('masks a NIK and a phone number wherever they appear in a log object', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        citizen: { nik: NIK, kk: KK, waId: PHONE },
        note: `warga ${NIK} dari ${PHONE} mengeluh`,
        list: [{ deep: { deeper: [`+${PHONE}`, `0${PHONE.slice(2)}`] } }],
        from: PHONE,
      },
      `pesan dari ${PHONE} tentang ${NIK}`,
    );
    const line = lines.join('\n');
    for (const secret of [NIK, KK, PHONE, PHONE.slice(2)]) expect(line).not.toContain(secret);
    const entry = JSON.parse(lines[0]!);
    expect(entry.citizen.nik).toBe('1471********0003');
    expect(entry.service).toBe('test-service');
    expect(entry.msg).toContain('1471********0003');
  });

  it('drops message text and tokens entirely', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        text: { body: 'NIK saya tidak aktif' },
        accessToken: 'EAAG-secret',
        authorization: 'Bearer x',
      },
      'in',
    );
    const entry = JSON.parse(lines[0]!);
    expect(entry.text).toBe('[REDACTED]');
    expect(entry.accessToken).toBe('[REDACTED]');
    expect(lines[0]).not.toContain('EAAG-secret');
    expect(lines[0]).not.toContain('tidak aktif');
  });

  it('masks personal data in errors and child bindings', () => {
    const { logger, lines } = capture();
    logger.child({ waId: PHONE }).error(new Error(`no case for ${NIK}`), 'lookup failed');
    expect(lines[0]).not.toContain(NIK);
    expect(lines[0]).not.toContain(PHONE);
    expect(JSON.parse(lines[0]!).err.message).toBe('no case for 1471********0003');
  });

  it('leaves ordinary numbers and ids alone', () => {
    expect(maskText('case PDW-7K3M9Q has 3 documents, took 1500 ms')).toBe(
      'case PDW-7K3M9Q has 3 documents, took 1500 ms',
    );
    expect(maskPersonalData({ count: 12, officeId: 'pekanbaru' })).toEqual({
      count: 12,
      officeId: 'pekanbaru',
    });
  });

  it('does not change the object it was given', () => {
    const input = { nik: NIK };
    maskPersonalData(input);
    expect(input.nik).toBe(NIK);
  });
});
