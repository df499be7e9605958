import { z } from 'zod';

/** The Graph endpoints a fault can hit. */
export const FAULT_ROUTES = [
  'messages',
  'mark_read',
  'media.upload',
  'media.metadata',
  'media.download',
  'media.delete',
] as const;
export type FaultRoute = (typeof FAULT_ROUTES)[number];

export const faultRuleSchema = z.object({
  /** Which endpoint; `*` for all of them. */
  route: z.enum([...FAULT_ROUTES, '*']),
  /** HTTP status to answer with (500 transient, 404 gone, 429, 401, ...). */
  status: z.number().int().min(200).max(599).optional(),
  /** Graph error code in the body (130429, 131056, 131047, 131026, 190, 100, ...). */
  errorCode: z.number().int().optional(),
  /** Probability that a matching request is hit (default 1). */
  rate: z.number().min(0).max(1).default(1),
  /** Hit only the next N matching requests, then the rule is spent. */
  count: z.number().int().positive().optional(),
  /** Delay before answering (applies even when no error is injected). */
  latencyMs: z.number().int().min(0).optional(),
  /**
   * Accept the message (a `wamid` comes back), then report it `failed` with this code in a
   * status webhook, as Meta does for undeliverable messages (131026) and the like.
   */
  deliveryFailureCode: z.number().int().optional(),
  /** Only for this media id (media routes). */
  mediaId: z.string().optional(),
  /** Only for messages to this WhatsApp id. */
  to: z.string().optional(),
});
export type FaultRule = z.input<typeof faultRuleSchema>;
type ParsedRule = z.output<typeof faultRuleSchema> & { remaining: number | undefined };

export const webhookFaultsSchema = z.object({
  /** Probability that a webhook is delivered more than once. */
  duplicateRate: z.number().min(0).max(1).default(0),
  /** Copies sent when a duplicate is injected (all at once, concurrently). */
  duplicateCopies: z.number().int().min(2).max(20).default(2),
  /** Probability that a webhook is held back so later ones overtake it. */
  outOfOrderRate: z.number().min(0).max(1).default(0),
  outOfOrderDelayMs: z.number().int().min(0).default(300),
  /** Extra delay before every delivery. */
  latencyMs: z.number().int().min(0).default(0),
});
export type WebhookFaults = z.output<typeof webhookFaultsSchema>;

export interface FaultDecision {
  latencyMs: number;
  /** Set when an error is to be answered instead of the real response. */
  error?: { status: number; code: number };
  /** Accept, then send a `failed` status with this code. */
  deliveryFailureCode?: number;
}

/** Injected failures for tests; empty by default, so the sandbox behaves like a healthy Meta. */
export class Faults {
  private rules: ParsedRule[] = [];
  webhooks: WebhookFaults = webhookFaultsSchema.parse({});

  constructor(private readonly random: () => number = Math.random) {}

  add(rule: FaultRule): void {
    const parsed = faultRuleSchema.parse(rule);
    this.rules.push({ ...parsed, remaining: parsed.count });
  }

  setWebhookFaults(faults: Partial<WebhookFaults>): void {
    this.webhooks = webhookFaultsSchema.parse({ ...this.webhooks, ...faults });
  }

  clear(): void {
    this.rules = [];
    this.webhooks = webhookFaultsSchema.parse({});
  }

  list(): ParsedRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Decides what happens to one request; spends counted rules. */
  decide(route: FaultRoute, target: { mediaId?: string; to?: string } = {}): FaultDecision {
    let latencyMs = 0;
    let error: FaultDecision['error'];
    let deliveryFailureCode: number | undefined;
    for (const rule of this.rules) {
      if (rule.route !== '*' && rule.route !== route) continue;
      if (rule.mediaId !== undefined && rule.mediaId !== target.mediaId) continue;
      if (rule.to !== undefined && rule.to !== target.to) continue;
      if (rule.remaining !== undefined && rule.remaining <= 0) continue;
      const injectsError = rule.status !== undefined || rule.errorCode !== undefined;
      const failsDelivery = !injectsError && rule.deliveryFailureCode !== undefined;
      // One error per request: later error rules wait for the next request, unspent.
      if (injectsError && error) continue;
      if (failsDelivery && deliveryFailureCode !== undefined) continue;
      if (this.random() >= rule.rate) continue;
      if (rule.remaining !== undefined) rule.remaining--;
      latencyMs = Math.max(latencyMs, rule.latencyMs ?? 0);
      if (failsDelivery) deliveryFailureCode = rule.deliveryFailureCode;
      if (injectsError) {
        error = {
          status: rule.status ?? defaultStatusFor(rule.errorCode),
          code: rule.errorCode ?? defaultCodeFor(rule.status),
        };
      }
    }
    this.rules = this.rules.filter((r) => r.remaining === undefined || r.remaining > 0);
    return {
      latencyMs,
      ...(error ? { error } : {}),
      ...(deliveryFailureCode !== undefined && !error ? { deliveryFailureCode } : {}),
    };
  }
}

function defaultStatusFor(code: number | undefined): number {
  if (code === 190) return 401;
  if (code === undefined) return 500;
  return 400;
}

function defaultCodeFor(status: number | undefined): number {
  if (status === 401) return 190;
  if (status === 429) return 130429;
  if (status === 404) return 100;
  if (status !== undefined && status < 500) return 100;
  // Graph's "Service temporarily unavailable".
  return 2;
}
