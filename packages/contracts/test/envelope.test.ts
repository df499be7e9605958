import { describe, expect, it } from 'vitest';
import { envelopeSchema, notifyWaSend, topology } from '../src/index.js';

describe('event envelope', () => {
  it('creates a valid envelope for a defined event', () => {
    const env = notifyWaSend.create({
      id: 'cmd-1',
      officeId: 'pekanbaru',
      data: {
        to: { phone: '6281234567890' },
        purpose: 'conversation.reply',
        message: { kind: 'text', text: 'Halo' },
      },
    });
    expect(env.type).toBe('notify.wa.send');
    expect(env.version).toBe(2);
    expect(envelopeSchema.parse(env)).toBeTruthy();
  });

  it('refuses data that does not match the event schema', () => {
    expect(() =>
      notifyWaSend.create({
        id: 'cmd-2',
        officeId: 'pekanbaru',
        data: { to: { phone: '6281234567890' }, purpose: 'x', message: { kind: 'text', text: '' } },
      }),
    ).toThrow();
  });

  it('refuses an envelope without an office', () => {
    expect(
      envelopeSchema.safeParse({
        id: 'a',
        type: 'x.y',
        version: 1,
        occurredAt: new Date().toISOString(),
        data: {},
      }).success,
    ).toBe(false);
  });
});

describe('topology', () => {
  it('prefixes every stream and subject with the namespace', () => {
    const t = topology('t-42');
    expect(t.streams.WA_IN.name).toBe('t_42_WA_IN');
    expect(t.subjects.waInMessage).toBe('t-42.wa.in.message');
    for (const spec of Object.values(t.streams)) {
      for (const s of spec.subjects) expect(s.startsWith('t-42.')).toBe(true);
    }
  });

  it('uses the plain names of architecture §3 without a namespace', () => {
    const t = topology();
    expect(t.streams.CASE_EVENTS.subjects).toEqual(['case.events.>']);
    expect(t.subjects.caseEvent('created')).toBe('case.events.created');
  });
});
