/** One thing the sandbox saw or did, in order. Tests query these instead of mocking Meta. */
export type RecordEntry =
  | {
      kind: 'outbound.message';
      wamid: string;
      phoneNumberId: string;
      to: string;
      type: string;
      /** The request body as our side sent it. */
      payload: Record<string, unknown>;
    }
  | { kind: 'outbound.read'; phoneNumberId: string; messageId: string }
  | {
      kind: 'graph.error';
      route: string;
      status: number;
      code: number;
      phoneNumberId?: string;
      to?: string;
    }
  | { kind: 'media.upload'; mediaId: string; mimeType: string; size: number; origin: string }
  | { kind: 'media.download'; mediaId: string; status: number }
  | {
      kind: 'inbound.message';
      wamid: string;
      phoneNumberId: string;
      from: string;
      type: string;
      message: Record<string, unknown>;
    }
  | {
      kind: 'status';
      wamid: string;
      phoneNumberId: string;
      recipientId: string;
      status: string;
    }
  | {
      kind: 'webhook.delivery';
      deliveryId: string;
      attempt: number;
      /** HTTP status, or 0 when the connection failed. */
      status: number;
      copy: number;
    };

export type Recorded = RecordEntry & { seq: number; at: string };

export interface RecordQuery {
  kind?: RecordEntry['kind'];
  /** Matches `to`, `from` or `recipientId`. */
  waId?: string;
  wamid?: string;
  afterSeq?: number;
}

/** Everything sent and received, in order, queryable by tests. Bounded to keep memory flat. */
export class RecordStore {
  private entries: Recorded[] = [];
  private seq = 0;

  constructor(private readonly limit = 100_000) {}

  add(entry: RecordEntry): Recorded {
    const recorded = { ...entry, seq: ++this.seq, at: new Date().toISOString() } as Recorded;
    this.entries.push(recorded);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return recorded;
  }

  query(q: RecordQuery = {}): Recorded[] {
    return this.entries.filter((e) => {
      if (q.kind && e.kind !== q.kind) return false;
      if (q.afterSeq !== undefined && e.seq <= q.afterSeq) return false;
      if (q.wamid && !('wamid' in e && e.wamid === q.wamid)) return false;
      if (q.waId) {
        const who =
          ('to' in e && e.to) || ('from' in e && e.from) || ('recipientId' in e && e.recipientId);
        if (who !== q.waId) return false;
      }
      return true;
    });
  }

  /** Messages our side sent, optionally to one citizen. */
  outbound(waId?: string) {
    return this.query({ kind: 'outbound.message', ...(waId ? { waId } : {}) }) as Extract<
      Recorded,
      { kind: 'outbound.message' }
    >[];
  }

  clear(): void {
    this.entries = [];
  }
}
