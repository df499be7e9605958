import type { Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import type { EventPublisher } from '@pandawa/nats';
import type { CaseLocks } from '../store/case/case-lock.repository.js';
import type { CaseRepository } from '../store/case/case.repository.js';
import type { OutboxHintDoc } from '../store/case/case.schema.js';

export interface OutboxRelayOptions {
  repository: CaseRepository;
  locks: CaseLocks;
  publisher: EventPublisher;
  topology: Topology;
  logger: Logger;
  /** Sweep for events a crashed process left behind. */
  pollIntervalMs: number;
  batchSize?: number;
  /** A hint whose case never appeared (its create died before the insert) is dropped after this. */
  orphanHintAfterMs?: number;
  /** Fault injection for the crash test: runs after JetStream acked, before the outbox entry is removed. */
  afterPublish?: () => void;
}

/**
 * Publishes the events that writes left in each case's outbox, then removes them. A crash
 * between publish and removal republishes the event with the same id on restart; JetStream
 * drops it as a duplicate (`Nats-Msg-Id`) inside its window, and consumers de-duplicate on the
 * envelope id beyond it. A case's events go out in the order they were written, under the
 * case's lock, so no write interleaves with the removal.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.pollIntervalMs);
    this.kick();
  }

  /** Runs a sweep now, or right after the one in progress. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.sweepUntilQuiet().finally(() => {
      this.running = undefined;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async sweepUntilQuiet(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.sweepOnce();
      } catch (error) {
        this.options.logger.warn({ err: error }, 'outbox sweep failed; will retry');
        return;
      }
    } while (this.again && !this.stopped);
  }

  /** One pass over the cases hinted to have events; returns how many were published. */
  async sweepOnce(): Promise<number> {
    const hints = await this.options.repository.listHints(this.options.batchSize ?? 100);
    let published = 0;
    for (const hint of hints) {
      if (this.stopped) break;
      try {
        published += await this.options.locks.withLock(hint.officeId, hint.caseId, () =>
          this.publishCase(hint),
        );
      } catch (error) {
        this.options.logger.warn(
          { err: error, caseId: hint.caseId },
          'case events not published yet',
        );
      }
    }
    return published;
  }

  private async publishCase(hint: OutboxHintDoc): Promise<number> {
    const { repository, publisher, topology, logger } = this.options;
    const doc = await repository.findById(hint.officeId, hint.caseId);
    if (!doc) {
      if (Date.now() - hint.at.getTime() > (this.options.orphanHintAfterMs ?? 60_000))
        await repository.clearHint(hint.officeId, hint.caseId);
      return 0;
    }
    let published = 0;
    for (const [index, entry] of doc.outbox.entries()) {
      if (this.stopped) return published;
      const { name, ...envelope } = entry;
      // Throws on failure: the rest of this case's events wait, in order, for the next sweep.
      const result = await publisher.publish(topology.subjects.caseEvent(name), envelope, {
        msgID: envelope.id,
      });
      this.options.afterPublish?.();
      await repository.setOutboxLocked(doc.officeId, doc.caseId, doc.outbox.slice(index + 1));
      published++;
      logger.debug(
        {
          caseId: doc.caseId,
          eventId: envelope.id,
          type: envelope.type,
          duplicate: result.duplicate,
        },
        'case event published',
      );
    }
    await repository.clearHint(hint.officeId, hint.caseId);
    return published;
  }
}
