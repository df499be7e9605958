import { waitFor } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskSystem, type DeskSystem } from './support/desk-system.js';

const ALLOWED = ['caseId', 'type', 'status', 'occurredAt'];

interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** A server-sent-events client over fetch: what a browser's EventSource would see. */
class EventStream {
  readonly events: SseEvent[] = [];
  ended = false;
  private readonly abort = new AbortController();
  private constructor(readonly response: Response) {}

  static async open(url: string, token: string, lastEventId?: string): Promise<EventStream> {
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'text/event-stream',
        ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
      },
      signal: controller.signal,
    });
    const stream = new EventStream(response);
    stream.abort.signal.addEventListener('abort', () => controller.abort());
    if (response.status === 200) void stream.read();
    return stream;
  }

  private async read(): Promise<void> {
    const reader = this.response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) event.comment = line.slice(1).trim();
            const m = /^(id|event|data): ?(.*)$/.exec(line);
            if (m) event[m[1] as 'id' | 'event' | 'data'] = m[2];
          }
          this.events.push(event);
        }
      }
    } catch {
      // aborted by the test
    } finally {
      this.ended = true;
    }
  }

  changes(): { id: string; change: Record<string, unknown> }[] {
    return this.events
      .filter((e) => e.event === 'case')
      .map((e) => ({ id: e.id!, change: JSON.parse(e.data!) as Record<string, unknown> }));
  }

  close(): void {
    this.abort.abort();
  }
}

/** Issue 14: the live stream of an office's case changes (real gateway, case, NATS). */
describe('GET /cases/stream', () => {
  let desk: DeskSystem;
  let url: string;
  const opened: EventStream[] = [];
  const open = async (token: string, lastEventId?: string) => {
    const s = await EventStream.open(url, token, lastEventId);
    opened.push(s);
    return s;
  };

  beforeAll(async () => {
    desk = await startDeskSystem({
      env: { gateway: { ADMIN_STREAM_HEARTBEAT_MS: '300', ADMIN_STREAMS_PER_ACCOUNT: '2' } },
    });
    url = `${desk.apiUrl}/cases/stream`;
  }, 300_000);
  afterAll(async () => {
    for (const s of opened) s.close();
    await desk?.stop();
  });

  it('sends the office’s case changes as ids, type and status only, never another office’s', async () => {
    const stream = await open((await desk.signIn('officer.pekanbaru')).token);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);

    const theirs = await desk.seedCase('dumai');
    const first = await desk.seedCase('pekanbaru');
    const second = await desk.seedCase('pekanbaru');
    await waitFor(
      () => stream.changes().some((c) => c.change.caseId === second.id),
      60_000,
      'the second case in the stream',
    );
    const changes = stream.changes();
    expect(changes.find((c) => c.change.caseId === first.id)?.change).toMatchObject({
      caseId: first.id,
      type: 'created',
      status: 'BARU',
    });
    expect(changes.map((c) => c.change.caseId)).not.toContain(theirs.id);
    for (const { id, change } of changes) {
      expect(id).toMatch(/^\d+$/);
      // What the case list shows, nothing more: the console refetches the rest.
      expect(Object.keys(change).filter((k) => !ALLOWED.includes(k))).toEqual([]);
    }
    const raw = JSON.stringify(stream.events);
    for (const secret of [first.phone, first.trackingCode, '1471011201900001', 'Siti'])
      expect(raw).not.toContain(secret);
    // Heartbeats keep it open while nothing happens.
    await waitFor(
      () => stream.events.some((e) => e.comment === 'heartbeat'),
      30_000,
      'a heartbeat',
    );
    stream.close();
  });

  it('resumes after Last-Event-ID: what happened since is sent, nothing before it', async () => {
    const token = (await desk.signIn('officer2.pekanbaru')).token;
    const live = await open(token);
    const a = await desk.seedCase('pekanbaru');
    await waitFor(() => live.changes().some((c) => c.change.caseId === a.id), 60_000, 'case a');
    const seen = live.changes().find((c) => c.change.caseId === a.id)!;
    live.close();
    // While the console is away: a second case.
    const b = await desk.seedCase('pekanbaru');
    const resumed = await open(token, seen.id);
    await waitFor(() => resumed.changes().some((c) => c.change.caseId === b.id), 60_000, 'case b');
    expect(resumed.changes().map((c) => c.change.caseId)).not.toContain(a.id);
    expect(resumed.changes().every((c) => Number(c.id) > Number(seen.id))).toBe(true);
    resumed.close();
    const bad = await EventStream.open(url, token, 'not-a-number');
    expect(bad.response.status).toBe(400);
  });

  it('holds a bounded number of streams per account, and refuses without a token', async () => {
    const token = (await desk.signIn('supervisor.pekanbaru')).token;
    const one = await open(token);
    const two = await open(token);
    expect([one.response.status, two.response.status]).toEqual([200, 200]);
    const three = await EventStream.open(url, token);
    expect(three.response.status).toBe(429);
    expect(((await three.response.json()) as { error: { reason: string } }).error.reason).toBe(
      'STREAMS_EXHAUSTED',
    );
    one.close();
    // The server notices the client went and frees the slot.
    await waitFor(
      async () => {
        const again = await EventStream.open(url, token);
        if (again.response.status === 200) opened.push(again);
        return again.response.status === 200;
      },
      30_000,
      'a slot freed',
    );
    expect((await fetch(url)).status).toBe(401);
  });

  it('ends the stream of an account an admin disables', async () => {
    const token = (await desk.signIn('officer2.dumai')).token;
    const stream = await open(token);
    expect(stream.response.status).toBe(200);
    const res = await desk.api(
      await desk.tokenOf('admin.dumai'),
      'PATCH',
      `/admin/accounts/${desk.accountIds['officer2.dumai']}`,
      { disabled: true },
    );
    expect(res.status).toBe(200);
    await waitFor(() => stream.ended, 30_000, 'the stream ended');
    expect((await EventStream.open(url, token)).response.status).toBe(401);
  });
});
