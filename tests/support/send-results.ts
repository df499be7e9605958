import { notifyWaResult } from '@pandawa/contracts';
import type { TestBus } from '@pandawa/testing';

export type SendResult = ReturnType<typeof notifyWaResult.schema.parse>;

/**
 * Every `notify.wa.result` of a test's namespace, as the notification service publishes them:
 * which command became which wamid (or failed). NOTIFY_RESULT is a limits stream, so an ordered
 * consumer reads it beside the services without taking anything from them.
 */
export class SendResults {
  private constructor(
    /** In stream order; grows while the test runs. */
    readonly all: SendResult[],
    private readonly stop: () => Promise<void>,
  ) {}

  static async follow(bus: TestBus): Promise<SendResults> {
    const consumer = await bus.js.consumers.get(bus.topology.streams.NOTIFY_RESULT.name, {
      filter_subjects: [bus.topology.subjects.notifyResult],
    });
    const messages = await consumer.consume();
    const all: SendResult[] = [];
    const reading = (async () => {
      for await (const m of messages) all.push(notifyWaResult.schema.parse(m.json()));
    })();
    return new SendResults(all, async () => {
      await messages.close();
      await reading;
    });
  }

  close(): Promise<void> {
    return this.stop();
  }
}
