import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { Semaphore } from '@pandawa/async';
import type { Envelope } from '@pandawa/contracts';
import { OrderedLanes } from './ordered-lanes.js';

/** The longest a lane waits for messages already on their way (see `settled`). */
const SETTLE_MAX_MS = 50;

/**
 * A consumer's messages in ranked lanes (ordered-lanes.ts): each key's messages run one at a
 * time, the lowest rank first among those that have reached us. Held messages take no slot (a
 * slot is taken when one runs), so a lane can choose among up to `maxHeld` of them (the
 * consumer's max ack pending: the server delivers no more), and they are kept alive meanwhile.
 *
 * Choosing "among those that have reached us" needs the ones on their way: before each message
 * runs, a lane waits until the client's buffer is drained and the server said nothing more was
 * pending (or `maxHeld` are held, so nothing more can come), at most SETTLE_MAX_MS. Without a
 * backlog that is at once: no reply waits for it.
 */
export function rankedLanes<T>(options: {
  messages: ConsumerMessages;
  slots: Semaphore;
  maxHeld: number;
  holdMs: number;
  keepAliveMs: number;
  handle: (msg: JsMsg, envelope: Envelope<T>) => Promise<void>;
}) {
  const { messages, slots, maxHeld } = options;
  let serverPending = 0;
  let held = 0;
  const waiters = new Set<() => void>();
  const caughtUp = () => held >= maxHeld || (messages.getPending() === 0 && serverPending === 0);
  const wake = () => {
    if (!caughtUp()) return;
    for (const w of waiters) w();
    waiters.clear();
  };
  const settled = () =>
    caughtUp()
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            waiters.delete(done);
            resolve();
          }, SETTLE_MAX_MS);
          const done = () => {
            clearTimeout(timer);
            resolve();
          };
          waiters.add(done);
        });

  const lanes = new OrderedLanes<{ msg: JsMsg; envelope: Envelope<T>; keepAlive: NodeJS.Timeout }>({
    settled,
    holdMs: options.holdMs,
    run: async ({ msg, envelope, keepAlive }) => {
      await slots.acquire();
      clearInterval(keepAlive);
      try {
        await options.handle(msg, envelope);
      } finally {
        slots.release();
      }
    },
  });

  return {
    /** Holds `msg` in its key's lane; resolves once it has been handled. */
    async push(msg: JsMsg, key: string, rank: number, envelope: Envelope<T>): Promise<void> {
      serverPending = msg.info.pending;
      held++;
      // Waiting behind the key's other messages must not look like a stuck handler.
      const keepAlive = setInterval(() => msg.working(), options.keepAliveMs);
      const done = lanes.push(key, Number.isFinite(rank) ? rank : 0, { msg, envelope, keepAlive });
      wake();
      try {
        await done;
      } finally {
        clearInterval(keepAlive);
        held--;
      }
    },
  };
}
