import { createHash } from 'node:crypto';
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@pandawa/nats';

/** What the webhook asks of its record of stored deliveries. */
export interface DeliveryLedger {
  /** Of `ids`, those already stored in WA_IN. */
  alreadyStored(ids: string[]): Promise<Set<string>>;
  /** Records that `ids` are stored in WA_IN (JetStream acknowledged them). */
  markStored(ids: string[]): Promise<void>;
}

export interface KvLedgerOptions {
  /** Same namespace as the streams (tests run side by side). */
  namespace: string;
  /** Meta retries for up to 7 days; keep ids a little longer. */
  ttlMs: number;
  replicas?: number;
}

/** KV keys allow `[-/_=.a-zA-Z0-9]`; wamids hold `+`, so keys are hashes of the id. */
const keyOf = (id: string) => createHash('sha256').update(id).digest('hex');

/**
 * The message ids (`Nats-Msg-Id`) the gateway has got into WA_IN, in a NATS KV bucket whose
 * entries expire after `ttlMs`. JetStream drops duplicates for two minutes only, but Meta
 * retries a webhook for up to seven days: this ledger keeps a late retry from becoming a second
 * event. It lives on NATS, which every webhook needs anyway (no second system on the hot path;
 * FerretDB v1 has no TTL indexes either). It is an addition to the consumers' own idempotency
 * (architecture §3), so a failing ledger never fails a webhook.
 */
export class KvDeliveryLedger implements DeliveryLedger {
  private constructor(readonly kv: KV) {}

  static bucketName(namespace: string): string {
    return namespace ? `${namespace.replace(/[^a-zA-Z0-9_-]/g, '_')}_wa_in_ledger` : 'wa_in_ledger';
  }

  static async open(nc: NatsConnection, options: KvLedgerOptions): Promise<KvDeliveryLedger> {
    const kv = await new Kvm(nc).create(KvDeliveryLedger.bucketName(options.namespace), {
      ttl: options.ttlMs,
      history: 1,
      replicas: options.replicas ?? 1,
    });
    return new KvDeliveryLedger(kv);
  }

  async alreadyStored(ids: string[]): Promise<Set<string>> {
    const found = await Promise.all(
      ids.map(async (id) => {
        const entry = await this.kv.get(keyOf(id));
        return entry && entry.operation === 'PUT' ? id : undefined;
      }),
    );
    return new Set(found.filter((id): id is string => id !== undefined));
  }

  async markStored(ids: string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.kv.put(keyOf(id), '')));
  }
}
