import { Writable } from 'node:stream';
import {
  context,
  INVALID_SPAN_CONTEXT,
  ROOT_CONTEXT,
  trace,
  TraceFlags,
  type Context,
  type ContextManager,
} from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  describe('trace ids', () => {
    // A synchronous context manager, so a span can be made active without the SDK.
    let current: Context = ROOT_CONTEXT;
    const manager: ContextManager = {
      active: () => current,
      with(ctx, fn, thisArg, ...args) {
        const before = current;
        current = ctx;
        try {
          return fn.call(thisArg, ...args);
        } finally {
          current = before;
        }
      },
      bind: (_ctx, target) => target,
      enable: () => manager,
      disable: () => manager,
    };
    beforeAll(() => context.setGlobalContextManager(manager));
    afterAll(() => context.disable());

    const inSpan = (spanContext: typeof INVALID_SPAN_CONTEXT, fn: () => void) =>
      context.with(trace.setSpan(context.active(), trace.wrapSpanContext(spanContext)), fn);

    it('leaves the trace id out of a line when tracing is off (the all-zero context)', () => {
      const { logger, lines } = capture();
      inSpan(INVALID_SPAN_CONTEXT, () => logger.info('no tracing'));
      const entry = JSON.parse(lines[0]!);
      expect(entry).not.toHaveProperty('traceId');
      expect(entry).not.toHaveProperty('spanId');
      expect(lines[0]).not.toContain('00000000000000000000000000000000');
    });

    it('puts a real trace id and span id on a line logged inside a span', () => {
      const { logger, lines } = capture();
      const real = {
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        traceFlags: TraceFlags.SAMPLED,
      };
      inSpan(real, () => logger.info('traced'));
      const entry = JSON.parse(lines[0]!);
      expect(entry.traceId).toBe(real.traceId);
      expect(entry.spanId).toBe(real.spanId);
    });
  });
});
