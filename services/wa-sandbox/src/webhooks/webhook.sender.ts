import { randomUUID } from 'node:crypto';
import type { Logger } from '@pandawa/logging';
import { SIGNATURE_HEADER, signWebhookBody } from '@pandawa/whatsapp';
import type { Faults } from '../state/faults.js';
import type { RecordStore } from '../state/record.store.js';

export interface WebhookSenderOptions {
  /** Undefined: webhooks are recorded but not posted anywhere. */
  url: string | undefined;
  appSecret: string;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Meta gives up after about 7 days; the sandbox after this many attempts. */
  maxAttempts: number;
  timeoutMs?: number;
  faults: Faults;
  record: RecordStore;
  logger: Logger;
}

/**
 * Posts signed webhooks the way Meta does: the body signed with the app secret, retried with
 * growing delays until the receiver answers 200. Webhooks for one citizen go one after another
 * (unless a fault reorders them); different citizens' go side by side.
 */
export class WebhookSender {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly sleepers = new Set<() => void>();
  private closed = false;

  constructor(private readonly options: WebhookSenderOptions) {}

  get url(): string | undefined {
    return this.options.url;
  }

  /** Queues one webhook; returns its delivery id (as in the record). */
  enqueue(payload: unknown, orderKey: string): string {
    const deliveryId = randomUUID();
    const body = Buffer.from(JSON.stringify(payload));
    const faults = this.options.faults.webhooks;
    const outOfOrder = Math.random() < faults.outOfOrderRate;
    const copies = Math.random() < faults.duplicateRate ? faults.duplicateCopies : 1;
    const run = async () => {
      if (outOfOrder) await this.sleep(faults.outOfOrderDelayMs);
      await Promise.all(
        Array.from({ length: copies }, (_, copy) => this.deliver(deliveryId, body, copy)),
      );
    };
    let task: Promise<void>;
    if (outOfOrder) {
      task = run();
    } else {
      const previous = this.chains.get(orderKey) ?? Promise.resolve();
      task = previous.then(run);
      this.chains.set(orderKey, task);
      void task.finally(() => {
        if (this.chains.get(orderKey) === task) this.chains.delete(orderKey);
      });
    }
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
    return deliveryId;
  }

  /** Webhooks not yet answered with 200. */
  pending(): number {
    return this.inFlight.size;
  }

  /** Resolves once every queued webhook has been delivered (or given up). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Stops retrying; queued webhooks are dropped. */
  close(): void {
    this.closed = true;
    for (const wake of this.sleepers) wake();
  }

  private async deliver(deliveryId: string, body: Buffer, copy: number): Promise<void> {
    const { url, appSecret, record, logger } = this.options;
    if (!url) return;
    const signature = signWebhookBody(body, appSecret);
    for (let attempt = 1; attempt <= this.options.maxAttempts && !this.closed; attempt++) {
      const latency = this.options.faults.webhooks.latencyMs;
      if (latency > 0) await this.sleep(latency);
      let status = 0;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
        status = res.status;
        await res.body?.cancel();
      } catch {
        status = 0;
      }
      record.add({ kind: 'webhook.delivery', deliveryId, attempt, status, copy });
      if (status === 200) return;
      const delay = Math.min(
        this.options.retryMaxMs,
        this.options.retryBaseMs * 2 ** (attempt - 1),
      );
      logger.debug({ deliveryId, attempt, status, retryInMs: delay }, 'webhook not accepted');
      await this.sleep(delay * (0.8 + Math.random() * 0.4));
    }
    if (!this.closed) logger.warn({ deliveryId }, 'webhook given up');
  }

  private sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
