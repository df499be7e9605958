/**
 * The service's metrics in Prometheus' text format, served on the health port at `/metrics`.
 * Labels are bounded: phone number ids (a handful per deployment), Graph error codes, purposes.
 */
type Labels = Record<string, string>;

const key = (labels: Labels) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
    .join(',');

class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.values.get(key(labels)) ?? 0;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [k, v] of this.values) lines.push(`${this.name}${k ? `{${k}}` : ''} ${v}`);
    return lines;
  }
}

const BUCKETS_S = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

class Histogram {
  private readonly counts = new Array<number>(BUCKETS_S.length).fill(0);
  private sum = 0;
  private n = 0;
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  observe(seconds: number): void {
    const v = Math.max(0, seconds);
    this.sum += v;
    this.n++;
    for (const [i, b] of BUCKETS_S.entries()) if (v <= b) this.counts[i]!++;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [i, b] of BUCKETS_S.entries())
      lines.push(`${this.name}_bucket{le="${b}"} ${this.counts[i]}`);
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.n}`);
    lines.push(`${this.name}_sum ${this.sum}`, `${this.name}_count ${this.n}`);
    return lines;
  }
}

export class NotificationMetrics {
  readonly sent = new Counter('notification_sent_total', 'Messages Meta accepted (a wamid).');
  readonly failed = new Counter(
    'notification_failed_total',
    'Commands that ended failed, by Graph error code (WINDOW_CLOSED: no template to fall back on).',
  );
  readonly retried = new Counter(
    'notification_retried_total',
    'Sends tried again after a transient failure, by Graph error code.',
  );
  readonly unknown = new Counter(
    'notification_unknown_total',
    'Sends whose outcome was lost (the process died mid-request); never sent again.',
  );
  readonly duplicates = new Counter(
    'notification_duplicate_commands_total',
    'Redelivered or repeated commands answered from the send record, not sent again.',
  );
  readonly viaTemplate = new Counter(
    'notification_template_fallbacks_total',
    'Sends that went as the fallback template because the window was closed.',
  );
  readonly held = new Counter(
    'notification_held_total',
    'Free-form contents held because their template went instead (window closed), by purpose.',
  );
  readonly heldReleased = new Counter(
    'notification_held_released_total',
    'Held contents whose delivery reached its outcome after the citizen wrote (sent, not_sent).',
  );
  readonly heldDropped = new Counter(
    'notification_held_dropped_total',
    'Held contents dropped undelivered: expired, or the oldest past the per-citizen count.',
  );
  readonly statuses = new Counter(
    'notification_delivery_statuses_total',
    'Delivery status webhooks applied, by status.',
  );
  /** Command published → Meta accepted the message. */
  readonly sendLatency = new Histogram(
    'notification_send_latency_seconds',
    'From the command being published to Meta accepting the message.',
  );
  /** One request to the Graph API. */
  readonly graphLatency = new Histogram(
    'notification_graph_request_seconds',
    'Duration of one send request to the Graph API.',
  );

  constructor(
    /** Gauges read when scraped. */
    private readonly gauges: () => Promise<
      Record<string, { help: string; values: [Labels, number][] }>
    >,
  ) {}

  async render(): Promise<string> {
    const lines = [
      ...this.sent.render(),
      ...this.failed.render(),
      ...this.retried.render(),
      ...this.unknown.render(),
      ...this.duplicates.render(),
      ...this.viaTemplate.render(),
      ...this.held.render(),
      ...this.heldReleased.render(),
      ...this.heldDropped.render(),
      ...this.statuses.render(),
      ...this.sendLatency.render(),
      ...this.graphLatency.render(),
    ];
    for (const [name, g] of Object.entries(await this.gauges())) {
      lines.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`);
      for (const [labels, v] of g.values) {
        const k = key(labels);
        lines.push(`${name}${k ? `{${k}}` : ''} ${v}`);
      }
    }
    return lines.join('\n') + '\n';
  }
}
