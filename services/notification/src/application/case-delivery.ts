import { callerMetadata, callUnary, type CaseProto } from '@pandawa/grpc';
import type { Logger } from '@pandawa/logging';
import type { DeliveryFailureReason } from '../domain/delivery-failure.js';
import type { DeliveryState } from '../domain/delivery-state.js';

type CaseClient = InstanceType<CaseProto['pandawa']['case']['v1']['CaseService']>;

const TO_PROTO: Record<DeliveryState, string> = {
  sent: 'DELIVERY_SENT',
  delivered: 'DELIVERY_DELIVERED',
  read: 'DELIVERY_READ',
  failed: 'DELIVERY_FAILED',
};

export interface CaseMessageRef {
  officeId: string;
  caseId: string;
  caseMessageId: string;
}

/**
 * Tells the case service how far an officer's reply got, so the officer sees its ticks, and
 * with `failed` Meta's reason (a send refused for good, or a later `failed` status webhook).
 */
export interface CaseDeliveryReporter {
  report(ref: CaseMessageRef, state: DeliveryState, failure?: DeliveryFailureReason): Promise<void>;
}

export class GrpcCaseDeliveryReporter implements CaseDeliveryReporter {
  constructor(
    private readonly client: CaseClient,
    private readonly deadlineMs: number,
    private readonly logger: Logger,
  ) {}

  async report(
    ref: CaseMessageRef,
    state: DeliveryState,
    failure?: DeliveryFailureReason,
  ): Promise<void> {
    try {
      await callUnary(
        this.client,
        this.client.updateMessageDelivery,
        {
          officeId: ref.officeId,
          caseId: ref.caseId,
          messageId: ref.caseMessageId,
          deliveryStatus: TO_PROTO[state] as never,
          ...(state === 'failed' && failure ? { failure } : {}),
        },
        {
          deadlineMs: this.deadlineMs,
          metadata: callerMetadata({ id: 'notification', role: 'service', officeId: ref.officeId }),
        },
      );
    } catch (error) {
      // The case (or that message) is gone: nothing to show ticks on. Anything else is retried
      // by the caller (a redelivered status webhook).
      if ((error as { code?: string }).code === 'NOT_FOUND') {
        this.logger.warn({ caseId: ref.caseId, state }, 'case message for delivery not found');
        return;
      }
      throw error;
    }
  }
}
