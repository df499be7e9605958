/**
 * A small web chat for developers: play a citizen, see what PANDAWA answers, tap its buttons and
 * list rows, send photos and documents. Plain HTML and script, no build step; every text is put
 * in with `textContent`, never as HTML.
 */
export function chatPage(phoneNumberId: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>wa-sandbox · chat warga</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #e5ddd5; }
  header { background: #075e54; color: #fff; padding: 8px 12px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  header input { padding: 4px; }
  #chat { padding: 12px; height: calc(100vh - 150px); overflow-y: auto; display: flex; flex-direction: column; gap: 6px; }
  .msg { max-width: 70%; padding: 6px 10px; border-radius: 8px; white-space: pre-wrap; box-shadow: 0 1px 1px #0002; }
  .in { align-self: flex-end; background: #dcf8c6; }
  .out { align-self: flex-start; background: #fff; }
  .meta { font-size: 11px; color: #667; margin-top: 2px; }
  .opts button { display: block; width: 100%; margin-top: 4px; background: #fff; border: 1px solid #34b7f1; color: #34b7f1; border-radius: 6px; padding: 4px; cursor: pointer; }
  footer { position: fixed; bottom: 0; left: 0; right: 0; background: #f0f0f0; padding: 8px; display: flex; gap: 6px; }
  footer input[type=text] { flex: 1; padding: 8px; }
</style>
</head>
<body>
<header>
  <strong>wa-sandbox</strong>
  <span>nomor bisnis ${escapeHtml(phoneNumberId)}</span>
  <label title="Nomor telepon, atau BSUID (mis. ID.1234567890123456) untuk warga ber-username tanpa nomor">Nomor / BSUID warga <input id="waId" value="6281234567890" size="18"></label>
  <label>Username <input id="username" placeholder="(opsional)" size="10"></label>
  <label>Nama <input id="name" value="Warga Pekanbaru" size="14"></label>
</header>
<div id="chat"></div>
<footer>
  <input id="text" type="text" placeholder="Ketik pesan…" autocomplete="off">
  <button id="send">Kirim</button>
  <label>📎 <input id="file" type="file" accept="image/*,application/pdf"></label>
</footer>
<script>
const chat = document.getElementById('chat');
const waIdInput = document.getElementById('waId');
let shownSeq = 0;
let currentWaId = waIdInput.value;
const statuses = new Map();
const bubbles = new Map();

async function send(message) {
  const res = await fetch('/sandbox/citizens/' + encodeURIComponent(waIdInput.value) + '/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      profileName: document.getElementById('name').value,
      ...(document.getElementById('username').value
        ? { username: document.getElementById('username').value }
        : {}),
      message,
    }),
  });
  if (!res.ok) alert('Gagal: ' + (await res.text()));
  poll();
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function describeInbound(m) {
  switch (m.type) {
    case 'text': return m.text.body;
    case 'interactive': return '↩ ' + (m.interactive.button_reply || m.interactive.list_reply).title;
    case 'image': case 'document': case 'video': case 'audio': case 'sticker':
      return '[' + m.type + '] ' + (m[m.type].caption || m[m.type].filename || '');
    default: return '[' + m.type + ']';
  }
}

function renderOutbound(entry) {
  const p = entry.payload;
  const box = el('div', 'msg out');
  if (p.type === 'text') box.append(el('div', '', p.text.body));
  else if (p.type === 'interactive') {
    const i = p.interactive;
    if (i.header && i.header.text) box.append(el('strong', '', i.header.text));
    box.append(el('div', '', i.body.text));
    if (i.footer) box.append(el('div', 'meta', i.footer.text));
    const opts = el('div', 'opts');
    if (i.type === 'button') {
      for (const b of i.action.buttons) {
        const btn = el('button', '', b.reply.title);
        btn.onclick = () => send({ type: 'button_reply', id: b.reply.id, title: b.reply.title, contextMessageId: entry.wamid });
        opts.append(btn);
      }
    } else if (i.type === 'list') {
      for (const s of i.action.sections) {
        if (s.title) opts.append(el('div', 'meta', s.title));
        for (const r of s.rows) {
          const btn = el('button', '', r.title + (r.description ? ' — ' + r.description : ''));
          btn.onclick = () => send({ type: 'list_reply', id: r.id, title: r.title, description: r.description, contextMessageId: entry.wamid });
          opts.append(btn);
        }
      }
    }
    box.append(opts);
  } else if (p.type === 'template') {
    box.append(el('div', '', '[template ' + p.template.name + '] ' + JSON.stringify(p.template.components || [])));
  } else box.append(el('div', '', '[' + p.type + ']'));
  const meta = el('div', 'meta', '');
  box.append(meta);
  bubbles.set(entry.wamid, meta);
  return box;
}

async function poll() {
  if (waIdInput.value !== currentWaId) {
    currentWaId = waIdInput.value; shownSeq = 0; chat.replaceChildren(); bubbles.clear();
  }
  const res = await fetch('/sandbox/citizens/' + encodeURIComponent(currentWaId) + '/conversation?afterSeq=' + shownSeq);
  if (!res.ok) return;
  const { entries } = await res.json();
  for (const e of entries) {
    shownSeq = Math.max(shownSeq, e.seq);
    if (e.kind === 'inbound.message') chat.append(el('div', 'msg in', describeInbound(e.message)));
    else if (e.kind === 'outbound.message') chat.append(renderOutbound(e));
    else if (e.kind === 'status') statuses.set(e.wamid, e.status);
  }
  for (const [wamid, status] of statuses) {
    const meta = bubbles.get(wamid);
    if (meta) meta.textContent = status === 'read' ? '✓✓ dibaca' : status === 'delivered' ? '✓✓' : '✓';
  }
  if (entries.length) chat.scrollTop = chat.scrollHeight;
}

document.getElementById('send').onclick = () => {
  const input = document.getElementById('text');
  if (!input.value) return;
  send({ type: 'text', text: input.value });
  input.value = '';
};
document.getElementById('text').addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter') document.getElementById('send').click();
});
document.getElementById('file').onchange = async (ev) => {
  const file = ev.target.files[0];
  if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const type = file.type.startsWith('image/') ? 'image' : 'document';
  await send({ type, dataBase64: btoa(binary), mimeType: file.type || 'application/octet-stream', filename: file.name, caption: document.getElementById('text').value || undefined });
  ev.target.value = '';
};
setInterval(poll, 1000);
poll();
</script>
</body>
</html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
