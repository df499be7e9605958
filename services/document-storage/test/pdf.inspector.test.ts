import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../src/domain/pdf.inspector.js';
import { pdf } from './fixtures.js';

describe('inspectPdf', () => {
  it('accepts a plain one-page PDF', () => {
    expect(inspectPdf(pdf())).toEqual({ ok: true });
  });

  it('refuses JavaScript, launch actions and embedded files', () => {
    expect(inspectPdf(pdf('/AA << /O << /S /JavaScript /JS (app.alert(1)) >> >>'))).toMatchObject({
      ok: false,
      problem: 'active_content',
    });
    expect(inspectPdf(pdf('/AA << /O << /S /Launch /F (calc.exe) >> >>'))).toMatchObject({
      ok: false,
      detail: 'launch',
    });
    expect(inspectPdf(pdf('/Names << /EmbeddedFiles 4 0 R >>'))).toMatchObject({ ok: true });
    expect(inspectPdf(pdf('/EF << /F 5 0 R >> /Type /EmbeddedFile'))).toMatchObject({
      ok: false,
      detail: 'embeddedfile',
    });
  });

  it('sees through #xx escapes in names', () => {
    expect(inspectPdf(pdf('/S /J#61vaScript'))).toMatchObject({ ok: false, detail: 'javascript' });
  });

  it('does not mistake longer names for active ones', () => {
    expect(inspectPdf(pdf('/JSON (x) /Launcher (y)'))).toEqual({ ok: true });
  });

  it('refuses a truncated PDF', () => {
    const whole = pdf();
    expect(inspectPdf(whole.subarray(0, whole.length - 10))).toMatchObject({
      ok: false,
      problem: 'truncated',
    });
  });
});
