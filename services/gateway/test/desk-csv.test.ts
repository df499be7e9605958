import { describe, expect, it } from 'vitest';
import {
  statisticsPeriod,
  statisticsRows,
  type OfficeStatistics,
} from '../src/application/desk/office-statistics.js';
import { csvCell, toCsv } from '../src/domain/csv.js';

describe('CSV for spreadsheets', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 does', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(
      toCsv([
        ['a', 1],
        ['b,c', true],
      ]),
    ).toBe('a,1\r\n"b,c",true\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, and keeps numbers numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","klik")')).toBe('"\'=HYPERLINK(""http://x"",""klik"")"');
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });
});

describe('statistics period', () => {
  const now = Date.UTC(2026, 11, 2);
  it('defaults to the last 30 days and accepts up to 366', () => {
    const d = statisticsPeriod({}, now);
    expect(d.to.getTime()).toBe(now);
    expect(d.from.toISOString()).toBe('2026-11-02T00:00:00.000Z');
    expect(() =>
      statisticsPeriod({ from: '2025-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' }),
    ).not.toThrow();
  });

  it('refuses an empty, reversed, too long or out-of-range period', () => {
    for (const [asked, reason] of [
      [{ from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'PERIOD_INVALID'],
      [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'PERIOD_INVALID'],
      [{ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'PERIOD_TOO_LONG'],
      [{ from: '2019-06-01T00:00:00Z', to: '2019-07-01T00:00:00Z' }, 'PERIOD_OUT_OF_RANGE'],
    ] as const)
      expect(() => statisticsPeriod(asked, now)).toThrow(expect.objectContaining({ reason }));
  });

  it('puts counts and minutes in the rows, one section each', () => {
    const figures: OfficeStatistics = {
      from: '2026-11-02T00:00:00.000Z',
      to: '2026-12-02T00:00:00.000Z',
      total: 3,
      byStatus: [{ status: 'BARU', count: 3 }],
      byCategory: [{ category: 'LAINNYA', count: 3 }],
      firstResponse: { sampleSize: 2, medianMinutes: 30, p90Minutes: 55.5 },
      resolution: { sampleSize: 0, medianMinutes: 0, p90Minutes: 0 },
      slaBreaches: { firstResponse: 1, resolution: 0 },
      durationsTruncated: false,
    };
    const csv = toCsv(statisticsRows(figures));
    expect(csv.split('\r\n')).toEqual([
      'section,key,value',
      'period,from,2026-11-02T00:00:00.000Z',
      'period,to,2026-12-02T00:00:00.000Z',
      'cases,total,3',
      'status,BARU,3',
      'category,LAINNYA,3',
      'first_response,sample_size,2',
      'first_response,median_minutes,30',
      'first_response,p90_minutes,55.5',
      'resolution,sample_size,0',
      'resolution,median_minutes,0',
      'resolution,p90_minutes,0',
      'sla_breaches,first_response,1',
      'sla_breaches,resolution,0',
      'durations,truncated,false',
      '',
    ]);
  });
});
