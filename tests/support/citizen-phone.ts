import { waitFor } from '@pandawa/testing';
import type { SendResults, SendResult } from './send-results.js';

/**
 * What a citizen's phone shows: the messages the wa-sandbox (standing in for Meta) accepted for
 * them, read from its record over HTTP, in the order it received them. This is the end of the
 * line for a test: a message is "heard" once it is here, whatever the services say about it.
 */
export interface Received {
  seq: number;
  wamid: string;
  /** The Graph message type: `text`, `interactive`, `template`, ... */
  type: string;
  /** What the citizen reads: a text's body, an interactive message's body, a template's name. */
  text: string;
  payload: Record<string, unknown>;
}

interface RecordedOutbound {
  seq: number;
  kind: string;
  wamid: string;
  type: string;
  payload: Record<string, unknown>;
}

/** The text a Graph send request shows the citizen. */
export function textOfPayload(payload: Record<string, unknown>): string {
  const p = payload as {
    type?: string;
    text?: { body?: string };
    interactive?: { body?: { text?: string } };
    template?: { name?: string };
  };
  if (p.text?.body !== undefined) return p.text.body;
  if (p.interactive?.body?.text !== undefined) return p.interactive.body.text;
  if (p.template?.name !== undefined) return `(template ${p.template.name})`;
  return `(${p.type ?? 'unknown'})`;
}

const toReceived = (e: RecordedOutbound): Received => ({
  seq: e.seq,
  wamid: e.wamid,
  type: e.type,
  text: textOfPayload(e.payload),
  payload: e.payload,
});

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`wa-sandbox answered ${res.status} for ${url}`);
  return (await res.json()) as T;
}

export class CitizenPhone {
  constructor(
    private readonly sandboxUrl: string,
    /** The phone number or BSUID the sandbox records the citizen by. */
    readonly waId: string,
  ) {}

  /** Every message the citizen received after `afterSeq` (a sandbox record sequence number). */
  async received(afterSeq = 0): Promise<Received[]> {
    const { entries } = await getJson<{ entries: RecordedOutbound[] }>(
      `${this.sandboxUrl}/sandbox/record?kind=outbound.message&waId=${encodeURIComponent(this.waId)}&afterSeq=${afterSeq}`,
    );
    return entries.map(toReceived);
  }

  /** The message the sandbox accepted as `wamid`, once it is there. */
  async message(wamid: string): Promise<Received | undefined> {
    const { entries } = await getJson<{ entries: RecordedOutbound[] }>(
      `${this.sandboxUrl}/sandbox/record?kind=outbound.message&wamid=${encodeURIComponent(wamid)}`,
    );
    return entries[0] && toReceived(entries[0]);
  }

  /** Where the citizen's chat stands now: later messages have a greater sequence number. */
  async mark(): Promise<number> {
    const { entries } = await getJson<{ entries: { seq: number }[] }>(
      `${this.sandboxUrl}/sandbox/citizens/${encodeURIComponent(this.waId)}/conversation`,
    );
    return entries.at(-1)?.seq ?? 0;
  }

  /** Waits for a message received after `afterSeq` whose text matches; returns it. */
  async waitFor(
    afterSeq: number,
    matches: RegExp | ((text: string) => boolean),
    deadlineMs: number,
    what: string,
  ): Promise<Received> {
    const test = typeof matches === 'function' ? matches : (t: string) => matches.test(t);
    return waitFor(
      async () => (await this.received(afterSeq)).find((m) => test(m.text)),
      deadlineMs,
      `the citizen to receive ${what}`,
    );
  }
}

/**
 * A citizen on WhatsApp with the notification service sending: writes through the sandbox (a
 * signed webhook to the gateway), and hears the bot's replies on the phone. The replies to one
 * message are the commands `<wamid>:<i>/<n>`; their results name the wamid each became, and the
 * text is what the sandbox received under that wamid, checked to have arrived in the bot's order.
 */
export class WhatsAppCitizen {
  readonly phone: CitizenPhone;

  constructor(
    private readonly sandboxUrl: string,
    private readonly results: SendResults,
    /** The phone number the citizen writes from. */
    readonly waId: string,
    private readonly profileName = 'Warga Pekanbaru',
    private readonly deadlineMs = 90_000,
  ) {
    this.phone = new CitizenPhone(sandboxUrl, waId);
  }

  /** Sends any sandbox citizen message; resolves with its wamid. */
  async send(message: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${this.sandboxUrl}/sandbox/citizens/${this.waId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ profileName: this.profileName, message }),
    });
    if (res.status !== 201) throw new Error(`sandbox refused the message: ${res.status}`);
    return ((await res.json()) as { messageId: string }).messageId;
  }

  /** The replies to one inbound message, as the citizen's phone shows them. */
  async hearsRepliesTo(wamid: string): Promise<string[]> {
    const place = (r: SendResult) => Number(r.data.commandId.split(':').at(-1)!.split('/')[0]);
    const results = await waitFor(
      () => {
        const mine = this.results.all.filter(
          (r) => r.data.commandId.startsWith(`${wamid}:`) && /:\d+\/\d+$/.test(r.data.commandId),
        );
        if (mine.length === 0) return null;
        const total = Number(mine[0]!.data.commandId.split('/').at(-1));
        const unique = new Map(mine.map((r) => [r.data.commandId, r]));
        return unique.size >= total
          ? [...unique.values()].sort((a, b) => place(a) - place(b))
          : null;
      },
      this.deadlineMs,
      `the results of the bot's replies to ${wamid}`,
    );
    const heard: Received[] = [];
    for (const r of results) {
      const sent = r.data.wamid;
      if (r.data.outcome !== 'sent' || !sent)
        throw new Error(`reply ${r.data.commandId} was not sent: ${JSON.stringify(r.data)}`);
      heard.push(await waitFor(() => this.phone.message(sent), this.deadlineMs, `message ${sent}`));
    }
    for (let i = 1; i < heard.length; i++)
      if (heard[i]!.seq < heard[i - 1]!.seq)
        throw new Error(`the replies to ${wamid} reached the phone out of order`);
    return heard.map((m) => m.text);
  }

  /** Says something and returns what the bot answered, as the citizen reads it. */
  async says(text: string): Promise<string[]> {
    return this.hearsRepliesTo(await this.send({ type: 'text', text }));
  }

  async taps(id: string, title: string, kind: 'list_reply' | 'button_reply' = 'list_reply') {
    return this.hearsRepliesTo(await this.send({ type: kind, id, title }));
  }

  async sendsFile(bytes: Buffer, mimeType: string, type: 'image' | 'document' = 'image') {
    return this.hearsRepliesTo(
      await this.send({ type, dataBase64: bytes.toString('base64'), mimeType }),
    );
  }
}
