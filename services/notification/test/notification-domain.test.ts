import { describe, expect, it } from 'vitest';
import { officerReplyNotice, statusChangeNotice } from '../src/domain/case-notice.js';
import { CUSTOMER_WINDOW_MS, windowIsOpen, windowView } from '../src/domain/customer-window.js';
import { furthestState } from '../src/domain/delivery-state.js';
import { chooseOutbound } from '../src/domain/outbound-choice.js';
import { classifyFailure, retryDelayMs } from '../src/domain/send-failure.js';
import {
  officerReplyText,
  statusChangedText,
  TEMPLATE_BODIES,
  templateText,
} from '../src/messages.id.js';

const templates = { caseUpdate: 'upd', officerReply: 'rep', language: 'id' };
const citizen = { phone: '6281200000001' };

describe('furthest delivery state', () => {
  it('depends on the set seen, not on the order: read before delivered stays read', () => {
    expect(furthestState(['sent', 'read', 'delivered'])).toBe('read');
    expect(furthestState(['read', 'delivered'])).toBe('read');
    expect(furthestState(['sent', 'read'])).toBe('read');
    expect(furthestState(['sent', 'failed'])).toBe('failed');
    expect(furthestState(['failed', 'delivered'])).toBe('delivered');
    expect(furthestState([])).toBeUndefined();
  });
});

describe('the 24-hour window', () => {
  const H = 3_600_000;
  it('is open inside 24 hours less the margin, closed after', () => {
    expect(windowIsOpen(0, 23 * H, 5 * 60_000)).toBe(true);
    expect(windowIsOpen(0, 24 * H - 60_000, 5 * 60_000)).toBe(false);
    expect(windowIsOpen(0, 25 * H, 0)).toBe(false);
    expect(windowIsOpen(undefined, 0, 0)).toBe(false);
  });
  it('sends the fallback template when closed, never free-form; templates and reads need no window', () => {
    const fallback = { name: 't', language: 'id', parameters: [] };
    expect(chooseOutbound({ kind: 'text', text: 'x' }, fallback, false)).toEqual({
      send: { kind: 'template', template: fallback },
      viaTemplate: true,
    });
    expect(chooseOutbound({ kind: 'text', text: 'x' }, undefined, false)).toEqual({
      windowClosed: true,
    });
    expect(
      chooseOutbound({ kind: 'read', messageId: 'w', typingIndicator: true }, undefined, false),
    ).toMatchObject({ viaTemplate: false });
  });
});

describe('failures', () => {
  it('retries 5xx, 130429, 131056 and network errors; not the permanent codes; pauses on 190', () => {
    expect(classifyFailure({ httpStatus: 503, transient: true }).kind).toBe('retry');
    expect(classifyFailure({ graphCode: 130429, httpStatus: 400, transient: true }).kind).toBe(
      'retry',
    );
    expect(classifyFailure({ graphCode: 131056, httpStatus: 400, transient: true }).kind).toBe(
      'retry',
    );
    expect(classifyFailure({ transient: true }).kind).toBe('retry');
    for (const code of [131026, 131049, 131062, 100])
      expect(classifyFailure({ graphCode: code, httpStatus: 400, transient: false }).kind).toBe(
        'permanent',
      );
    expect(classifyFailure({ graphCode: 190, httpStatus: 401, transient: false }).kind).toBe(
      'pause',
    );
    expect(classifyFailure({ graphCode: 131047, httpStatus: 400, transient: false }).kind).toBe(
      'window_closed',
    );
  });
  it('keeps Meta title when it gave one', () => {
    expect(
      classifyFailure({ graphCode: 131026, httpStatus: 400, transient: false, title: 'Meta says' }),
    ).toMatchObject({ code: 131026, title: 'Meta says' });
  });
  it('backs off exponentially with jitter, capped, honouring Retry-After', () => {
    const p = { baseMs: 100, maxMs: 1000 };
    expect(retryDelayMs(1, p, undefined, () => 0)).toBe(50);
    expect(retryDelayMs(3, p, undefined, () => 1)).toBe(400);
    expect(retryDelayMs(10, p, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(1, p, 800, () => 0)).toBe(800);
  });
});

describe('what the citizen reads (messages.id.ts)', () => {
  it('MENUNGGU_DATA lists what is asked for', () => {
    const text = statusChangedText({
      trackingCode: 'PKU-1',
      to: 'MENUNGGU_DATA',
      missingItems: ['Foto KTP-el', 'Akta kelahiran'],
    })!;
    expect(text).toContain('• Foto KTP-el');
    expect(text).toContain('• Akta kelahiran');
  });
  it('PERLU_KUNJUNGAN carries the visit instructions, or the office default', () => {
    expect(
      statusChangedText({ trackingCode: 'K', to: 'PERLU_KUNJUNGAN', visitInstructions: 'Loket 3' }),
    ).toContain('Loket 3');
    expect(statusChangedText({ trackingCode: 'K', to: 'PERLU_KUNJUNGAN' })).toContain('biometrik');
  });
  it('has words for every status a citizen hears about, and none for BARU', () => {
    for (const to of ['DIVERIFIKASI', 'DIPROSES', 'SELESAI', 'DITOLAK', 'DIBATALKAN'] as const)
      expect(statusChangedText({ trackingCode: 'K', to })).toContain('K');
    expect(statusChangedText({ trackingCode: 'K', to: 'BARU' })).toBeUndefined();
  });
  it('an officer reply fits in 4 096 characters however long', () => {
    expect([...officerReplyText('K', 'x'.repeat(5000))].length).toBe(4096);
  });
  it('case events carry a fallback template and the reply its case message id', () => {
    const n = statusChangeNotice(
      { caseId: 'c', trackingCode: 'K', citizen, to: 'SELESAI', actorRole: 'officer' },
      templates,
    )!;
    expect(n.fallbackTemplate).toEqual({
      name: 'upd',
      language: 'id',
      parameters: ['K', 'Selesai'],
    });
    expect(
      statusChangeNotice(
        { caseId: 'c', trackingCode: 'K', citizen, to: 'DIBATALKAN', actorRole: 'citizen' },
        templates,
      ),
    ).toBeUndefined();
    const r = officerReplyNotice(
      { caseId: 'c', trackingCode: 'K', citizen, messageId: 'm1', text: 'Halo' },
      templates,
    );
    expect(r).toMatchObject({ caseMessageId: 'm1', purpose: 'case.reply_added' });
  });

  it('sends the officer-reply template itself, never free text, when the officer chose it', () => {
    const r = officerReplyNotice(
      { caseId: 'c', trackingCode: 'K', citizen, messageId: 'm1', text: 'x', asTemplate: true },
      templates,
    );
    expect(r.message).toEqual({
      kind: 'template',
      template: { name: 'rep', language: 'id', parameters: ['K'] },
    });
  });
});

describe('what the desk is told of a window', () => {
  it('closes 24 hours less the margin after the last inbound message; never open without one', () => {
    expect(windowView(undefined, 1_000, 10)).toEqual({
      open: false,
      closesAt: undefined,
      lastInboundAt: undefined,
    });
    const v = windowView(1_000, 1_000 + CUSTOMER_WINDOW_MS - 11, 10);
    expect(v).toEqual({
      open: true,
      closesAt: 1_000 + CUSTOMER_WINDOW_MS - 10,
      lastInboundAt: 1_000,
    });
    expect(windowView(1_000, 1_000 + CUSTOMER_WINDOW_MS - 10, 10).open).toBe(false);
  });

  it('fills a template body with its parameters, keeping a placeholder it has none for', () => {
    expect(templateText(TEMPLATE_BODIES.caseUpdate, ['PKU-1', 'Selesai'])).toContain(
      'pengaduan PKU-1 Anda di Disdukcapil: Selesai.',
    );
    expect(templateText('a {{1}} b {{2}}', ['x'])).toBe('a x b {{2}}');
  });
});
