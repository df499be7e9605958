import { notifyWaAlert, notifyWaResult, type Envelope, type Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import type { EventPublisher } from '@pandawa/nats';
import type { z } from 'zod';
import type { SendRecord } from '../store/send-record.repository.js';

type AlertData = z.input<typeof notifyWaAlert.data>;

/**
 * What becomes known about a send, published: `notify.wa.result` (one per command, the envelope
 * id derived from the command's, so a republish after a crash is the same message) and
 * `notify.wa.alert` for what people must look at.
 */
export class SendOutcomes {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly topology: Topology,
    private readonly logger: Logger,
  ) {}

  async result(record: SendRecord): Promise<void> {
    if (record.state === 'pending' || record.state === 'sending') return;
    const error = record.error;
    const envelope = notifyWaResult.create({
      id: `result:${record._id}`.slice(0, 256),
      officeId: record.officeId,
      data: {
        commandId: record._id,
        ...(record.caseId ? { caseId: record.caseId } : {}),
        purpose: record.purpose,
        outcome: record.state,
        viaTemplate: record.viaTemplate ?? false,
        ...(record.wamid ? { wamid: record.wamid } : {}),
        ...(error?.code !== undefined ? { errorCode: error.code } : {}),
        ...(error ? { errorTitle: error.title.slice(0, 512), permanent: error.permanent } : {}),
      },
    });
    await this.publisher.publish(this.topology.subjects.notifyResult, envelope as Envelope);
  }

  /** A delivery that Meta reported failed after accepting the message. */
  async deliveryFailed(record: SendRecord, code: number | undefined, title: string): Promise<void> {
    const envelope = notifyWaResult.create({
      id: `result:${record._id}:delivery-failed`.slice(0, 256),
      officeId: record.officeId,
      data: {
        commandId: record._id,
        ...(record.caseId ? { caseId: record.caseId } : {}),
        purpose: record.purpose,
        outcome: 'failed',
        viaTemplate: record.viaTemplate ?? false,
        ...(record.wamid ? { wamid: record.wamid } : {}),
        ...(code !== undefined ? { errorCode: code } : {}),
        errorTitle: title.slice(0, 512),
        permanent: true,
      },
    });
    await this.publisher.publish(this.topology.subjects.notifyResult, envelope as Envelope);
  }

  async alert(officeId: string, idSuffix: string, data: AlertData): Promise<void> {
    const envelope = notifyWaAlert.create({
      id: `alert:${idSuffix}`.slice(0, 256),
      officeId,
      data,
    });
    this.logger.error(
      {
        alert: data.kind,
        phoneNumberId: data.phoneNumberId,
        commandId: data.commandId,
        errorCode: data.errorCode,
        errorTitle: data.errorTitle,
      },
      'notification alert',
    );
    await this.publisher.publish(this.topology.subjects.notifyAlert, envelope as Envelope);
  }
}
