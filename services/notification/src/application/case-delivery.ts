import { retry } from '@pandawa/async';
import { isAppError } from '@pandawa/errors';
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

/**
 * Case's answers that say "not now" (down or restarting, slow, overloaded, the case's lock
 * held): the same report may pass on another try. UpdateMessageDelivery only moves a tick
 * forward, so a report that did reach case before its deadline is harmless to repeat.
 */
const TRANSIENT = new Set(['UNAVAILABLE', 'DEADLINE_EXCEEDED', 'RESOURCE_EXHAUSTED', 'ABORTED']);
const isTransient = (error: unknown) => isAppError(error) && TRANSIENT.has(error.code);

/**
 * Retries of one report: waits from ¼ s doubling to 5 s, 15–30 s in all, which outlasts a case
 * restart and gRPC's reconnect backoff; past that the caller's redelivery takes over.
 */
export const CASE_REPORT_RETRY = { attempts: 10, baseDelayMs: 250, maxDelayMs: 5000 } as const;

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
    /** The service stopping: no more waiting between retries. */
    private readonly signal?: AbortSignal,
  ) {}

  async report(
    ref: CaseMessageRef,
    state: DeliveryState,
    failure?: DeliveryFailureReason,
  ): Promise<void> {
    const request = {
      officeId: ref.officeId,
      caseId: ref.caseId,
      messageId: ref.caseMessageId,
      deliveryStatus: TO_PROTO[state] as never,
      ...(state === 'failed' && failure ? { failure } : {}),
    };
    try {
      await retry(
        async (attempt) => {
          if (attempt > 1)
            this.logger.info({ caseId: ref.caseId, state, attempt }, 'telling case again');
          // Fresh metadata each time: the caller proof is signed into it per call.
          await callUnary(this.client, this.client.updateMessageDelivery, request, {
            deadlineMs: this.deadlineMs,
            metadata: callerMetadata({
              id: 'notification',
              role: 'service',
              officeId: ref.officeId,
            }),
          });
        },
        {
          ...CASE_REPORT_RETRY,
          retryable: isTransient,
          ...(this.signal ? { signal: this.signal } : {}),
        },
      );
    } catch (error) {
      // The case (or that message) is gone: nothing to show ticks on. Anything else is the
      // caller's to retry (a redelivered status webhook or send command).
      if (isAppError(error) && error.code === 'NOT_FOUND') {
        this.logger.warn({ caseId: ref.caseId, state }, 'case message for delivery not found');
        return;
      }
      throw error;
    }
  }
}
