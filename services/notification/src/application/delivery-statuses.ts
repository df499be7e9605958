import type { Logger } from '@pandawa/logging';
import { deliveryFailureReason } from '../domain/delivery-failure.js';
import { furthestState, isDeliveryState, type DeliveryState } from '../domain/delivery-state.js';
import type { DeliveryStatusRepository } from '../store/delivery-status.repository.js';
import type { SendRecord, SendRecordRepository } from '../store/send-record.repository.js';
import type { CaseDeliveryReporter } from './case-delivery.js';
import type { NotificationMetrics } from './metrics.js';
import type { SendOutcomes } from './send-outcomes.js';

export interface StatusWebhook {
  officeId: string;
  wamid: string;
  status: string;
  /** Unix seconds, as Meta sends it. */
  timestamp: string;
  errorCode?: number | undefined;
  errorTitle?: string | undefined;
}

/**
 * Delivery statuses from `wa.in.status` (sent, delivered, read, failed; out of order, repeated,
 * `delivered` sometimes skipped): each is kept, the furthest state is derived from all seen,
 * written on the send record, and an officer's reply has it told to the case service.
 */
export class DeliveryStatuses {
  constructor(
    private readonly statuses: DeliveryStatusRepository,
    private readonly records: SendRecordRepository,
    private readonly caseDelivery: CaseDeliveryReporter,
    private readonly outcomes: SendOutcomes,
    private readonly metrics: NotificationMetrics,
    private readonly logger: Logger,
  ) {}

  async apply(webhook: StatusWebhook): Promise<void> {
    if (!isDeliveryState(webhook.status)) {
      // `deleted`, `warning` and the like say nothing about delivery.
      this.logger.debug({ status: webhook.status }, 'status ignored');
      return;
    }
    const seconds = Number(webhook.timestamp);
    await this.statuses.record({
      wamid: webhook.wamid,
      status: webhook.status,
      at: Number.isFinite(seconds) ? new Date(seconds * 1000) : new Date(),
      ...(webhook.errorCode !== undefined ? { errorCode: webhook.errorCode } : {}),
      ...(webhook.errorTitle ? { errorTitle: webhook.errorTitle.slice(0, 512) } : {}),
    });
    this.metrics.statuses.inc({ status: webhook.status });
    const commandId = await this.records.commandOfWamid(webhook.wamid);
    // Not ours (yet): the send that made it records its wamid and then reads what was seen.
    if (!commandId) return;
    const record = await this.records.get(commandId);
    if (!record) return;
    const furthest = await this.furthest(webhook.wamid);
    if (webhook.status === 'failed' && furthest === 'failed') {
      await this.outcomes.deliveryFailed(
        record,
        webhook.errorCode,
        webhook.errorTitle ?? 'Message failed to send',
      );
    }
    if (furthest) await this.reportToCase(record, furthest);
  }

  /**
   * Tells the case service how far an officer's reply got (no-op for other sends); a failure
   * goes with the code and title of Meta's `failed` webhook.
   */
  async reportToCase(record: SendRecord, atLeast: DeliveryState): Promise<void> {
    if (!record.caseId || !record.caseMessageId || !record.wamid) return;
    const seen = await this.statuses.seen(record.wamid);
    const furthest = furthestState([atLeast, ...seen.map((s) => s.status)]);
    if (!furthest) return;
    // A template that stood in for the reply (its text held for the citizen's next message):
    // its "delivered" and "read" are the template's, not the reply's, whose own send reports
    // them once it goes (held-messages.ts). "sent" and "failed" are told as they are.
    const state = record.viaTemplate && furthest !== 'failed' ? 'sent' : furthest;
    const failed = seen.find((s) => s.status === 'failed');
    await this.caseDelivery.report(
      { officeId: record.officeId, caseId: record.caseId, caseMessageId: record.caseMessageId },
      state,
      ...(state === 'failed' ? [deliveryFailureReason(failed?.errorCode, failed?.errorTitle)] : []),
    );
  }

  async furthest(wamid: string): Promise<DeliveryState | undefined> {
    return furthestState(await this.seenStates(wamid));
  }

  private async seenStates(wamid: string): Promise<DeliveryState[]> {
    return (await this.statuses.seen(wamid)).map((s) => s.status);
  }
}
