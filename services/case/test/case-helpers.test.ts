import { describe, expect, it } from 'vitest';
import { deliveryMovesForward } from '../src/domain/delivery-status.js';
import { normalizeName } from '../src/domain/search-name.js';
import { nextSlaCheck, type SlaClocks } from '../src/domain/sla-clocks.js';

const at = (iso: string) => new Date(iso);

function clocks(overrides: Partial<SlaClocks> = {}): SlaClocks {
  return {
    firstResponseDueAt: at('2026-03-02T05:00:00Z'),
    resolutionDueAt: at('2026-03-05T05:00:00Z'),
    firstResponseAt: null,
    resolvedAt: null,
    firstResponseBreached: false,
    resolutionBreached: false,
    firstResponseMinutes: null,
    resolutionMinutes: null,
    ...overrides,
  };
}

describe('search names', () => {
  it('drop accents, case and repeated spaces so officers find "Sítti  Nurhaliza" as "sitti nurhaliza"', () => {
    expect(normalizeName('  Sítti   NURHALIZA ')).toBe('sitti nurhaliza');
  });
});

describe('next SLA check', () => {
  it('is the first-response due time while both clocks run', () => {
    expect(nextSlaCheck(clocks(), 'BARU')).toEqual(at('2026-03-02T05:00:00Z'));
  });

  it('moves to the resolution due time once the first response was given or breached', () => {
    const resolution = at('2026-03-05T05:00:00Z');
    expect(
      nextSlaCheck(clocks({ firstResponseAt: at('2026-03-02T01:00:00Z') }), 'DIPROSES'),
    ).toEqual(resolution);
    expect(nextSlaCheck(clocks({ firstResponseBreached: true }), 'DIPROSES')).toEqual(resolution);
  });

  it('is null for a closed case or when both clocks are settled', () => {
    expect(nextSlaCheck(clocks(), 'SELESAI')).toBeNull();
    expect(
      nextSlaCheck(clocks({ firstResponseBreached: true, resolutionBreached: true }), 'DIPROSES'),
    ).toBeNull();
  });
});

describe('delivery receipts', () => {
  it('only move forward: sent → delivered → read', () => {
    expect(deliveryMovesForward('DELIVERY_PENDING', 'DELIVERY_SENT')).toBe(true);
    expect(deliveryMovesForward('DELIVERY_SENT', 'DELIVERY_READ')).toBe(true);
    expect(deliveryMovesForward('DELIVERY_READ', 'DELIVERY_DELIVERED')).toBe(false);
    expect(deliveryMovesForward('DELIVERY_SENT', 'DELIVERY_SENT')).toBe(false);
    expect(deliveryMovesForward(null, 'DELIVERY_DELIVERED')).toBe(true);
  });

  it('accept a failure only before delivery, and nothing after a failure', () => {
    expect(deliveryMovesForward('DELIVERY_SENT', 'DELIVERY_FAILED')).toBe(true);
    expect(deliveryMovesForward('DELIVERY_DELIVERED', 'DELIVERY_FAILED')).toBe(false);
    expect(deliveryMovesForward('DELIVERY_FAILED', 'DELIVERY_READ')).toBe(false);
  });
});
