/**
 * Checks on a PDF, which is stored as sent (re-rendering it would need a PDF engine). It must be
 * whole (an `%%EOF` near its end) and carry no active content: scripts, launch actions and
 * embedded files are the usual ways a PDF attacks the officer who opens it.
 *
 * Limits, stated plainly: names inside compressed object streams are not seen. Officers' viewers
 * should still open PDFs with scripting disabled.
 */
export type PdfVerdict =
  { ok: true } | { ok: false; problem: 'truncated' | 'active_content'; detail: string };

const ACTIVE_NAMES = ['/javascript', '/js', '/launch', '/embeddedfile', '/richmedia', '/xfa'];

/** Names may hide behind `#xx` escapes (`/J#61vaScript`); undo them before looking. */
function unescapeNames(text: string): string {
  return text.replace(/\/[^\s/<>[\]()%]+/g, (name) =>
    name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
}

export function inspectPdf(bytes: Uint8Array): PdfVerdict {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tail = buffer.subarray(Math.max(0, buffer.length - 2048)).toString('latin1');
  if (!tail.includes('%%EOF')) return { ok: false, problem: 'truncated', detail: 'no %%EOF' };
  const text = unescapeNames(buffer.toString('latin1')).toLowerCase();
  for (const name of ACTIVE_NAMES) {
    // A name ends at whitespace or a delimiter; `/JSON` is not `/JS`.
    const re = new RegExp(`${name.replace('/', '\\/')}(?=[\\s/<>\\[\\]()]|$)`);
    if (re.test(text)) return { ok: false, problem: 'active_content', detail: name.slice(1) };
  }
  return { ok: true };
}
