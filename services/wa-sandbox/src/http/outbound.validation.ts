/**
 * The checks Meta makes on a send request, so that a message our client lets through but Meta
 * would refuse fails here too (code 100). Returns the problem, or undefined.
 */
export function validateOutbound(body: Record<string, unknown>): string | undefined {
  if (body.messaging_product !== 'whatsapp') return 'messaging_product must be "whatsapp"';
  // A phone number in `to`, or (2026) a business-scoped user ID in `recipient`.
  const toOk = typeof body.to === 'string' && /^\+?\d{6,15}$/.test(body.to);
  const recipientOk =
    typeof body.recipient === 'string' && /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/.test(body.recipient);
  if (!toOk && !recipientOk)
    return body.recipient !== undefined ? 'recipient is invalid' : 'to is invalid';
  const type = String(body.type ?? 'text');
  switch (type) {
    case 'text': {
      const text = body.text as { body?: unknown } | undefined;
      if (typeof text?.body !== 'string' || text.body.length === 0) return 'text.body is required';
      if (len(text.body) > 4096) return 'text.body is longer than 4096 characters';
      return undefined;
    }
    case 'interactive':
      return validateInteractive(body.interactive as Record<string, unknown> | undefined);
    case 'template': {
      const t = body.template as { name?: unknown; language?: { code?: unknown } } | undefined;
      if (typeof t?.name !== 'string' || !t.name) return 'template.name is required';
      if (typeof t.language?.code !== 'string') return 'template.language.code is required';
      return undefined;
    }
    case 'image':
    case 'document':
    case 'audio':
    case 'video':
    case 'sticker': {
      const m = body[type] as { id?: unknown; link?: unknown } | undefined;
      if (typeof m?.id !== 'string' && typeof m?.link !== 'string')
        return `${type}.id or ${type}.link is required`;
      return undefined;
    }
    case 'reaction':
    case 'location':
    case 'contacts':
      return undefined;
    default:
      return `unsupported message type ${type}`;
  }
}

// Meta counts characters, not UTF-16 units: an emoji is one.
const len = (v: unknown) => (typeof v === 'string' ? [...v].length : 0);

function validateInteractive(i: Record<string, unknown> | undefined): string | undefined {
  if (!i) return 'interactive is required';
  const body = i.body as { text?: unknown } | undefined;
  if (typeof body?.text !== 'string' || !body.text) return 'interactive.body.text is required';
  if (len(body.text) > 1024) return 'interactive.body.text is longer than 1024 characters';
  const header = i.header as { text?: unknown } | undefined;
  if (header && len(header.text) > 60) return 'interactive.header.text is longer than 60';
  const footer = i.footer as { text?: unknown } | undefined;
  if (footer && len(footer.text) > 60) return 'interactive.footer.text is longer than 60';
  const action = (i.action ?? {}) as Record<string, unknown>;
  if (i.type === 'button') {
    const buttons = action.buttons as { reply?: { id?: unknown; title?: unknown } }[] | undefined;
    if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3)
      return 'interactive.action.buttons must have 1 to 3 elements';
    for (const b of buttons) {
      if (len(b.reply?.title) < 1 || len(b.reply?.title) > 20)
        return 'button title must be 1 to 20 characters';
      if (len(b.reply?.id) < 1 || len(b.reply?.id) > 256) return 'button id must be 1 to 256';
    }
    return undefined;
  }
  if (i.type === 'list') {
    if (len(action.button) < 1 || len(action.button) > 20)
      return 'interactive.action.button must be 1 to 20 characters';
    const sections = action.sections as { title?: unknown; rows?: unknown[] }[] | undefined;
    if (!Array.isArray(sections) || sections.length < 1 || sections.length > 10)
      return 'interactive.action.sections must have 1 to 10 elements';
    let rows = 0;
    for (const s of sections) {
      if (sections.length > 1 && len(s.title) < 1) return 'section title required';
      if (len(s.title) > 24) return 'section title is longer than 24';
      for (const r of (s.rows ?? []) as {
        id?: unknown;
        title?: unknown;
        description?: unknown;
      }[]) {
        rows++;
        if (len(r.title) < 1 || len(r.title) > 24) return 'row title must be 1 to 24 characters';
        if (len(r.description) > 72) return 'row description is longer than 72';
        if (len(r.id) < 1 || len(r.id) > 200) return 'row id must be 1 to 200 characters';
      }
    }
    if (rows < 1 || rows > 10) return 'a list must have 1 to 10 rows in total';
    return undefined;
  }
  return `unsupported interactive type ${String(i.type)}`;
}
