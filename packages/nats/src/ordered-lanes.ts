interface Waiting<T> {
  rank: number;
  arrival: number;
  item: T;
  done: () => void;
}

interface Lane<T> {
  waiting: Waiting<T>[];
}

export interface OrderedLanesOptions<T> {
  /** Does one item's work; must not throw (a consumer's handler settles its own message). */
  run: (item: T) => Promise<void>;
  /**
   * Resolves when the items already on their way have been pushed (the consumer's buffer is
   * drained), so a lane chooses among everything that has arrived, not just the first of it.
   */
  settled: () => Promise<void>;
  /** How long an idle lane waits before its first item, for earlier-ranked ones (default 0). */
  holdMs?: number;
}

/**
 * Lanes of work by key: one key's items run one at a time, the lowest rank first among those
 * waiting (equal ranks in arrival order); different keys run side by side. A consumer uses it
 * to handle one citizen's messages in the order they were sent (rank = WhatsApp's timestamp)
 * even when they reached the stream in another order, without making anyone else wait.
 */
export class OrderedLanes<T> {
  private readonly lanes = new Map<string, Lane<T>>();
  private arrivals = 0;

  constructor(private readonly options: OrderedLanesOptions<T>) {}

  /** Queues `item` in its key's lane; resolves once it has run. */
  push(key: string, rank: number, item: T): Promise<void> {
    return new Promise<void>((done) => {
      const entry: Waiting<T> = { rank, arrival: this.arrivals++, item, done };
      let lane = this.lanes.get(key);
      const idle = !lane;
      if (!lane) this.lanes.set(key, (lane = { waiting: [] }));
      insertSorted(lane.waiting, entry);
      if (idle) void this.drain(key, lane);
    });
  }

  /** Keys with work waiting or running. */
  get size(): number {
    return this.lanes.size;
  }

  private async drain(key: string, lane: Lane<T>): Promise<void> {
    const hold = this.options.holdMs ?? 0;
    if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold));
    while (lane.waiting.length > 0) {
      await this.options.settled();
      const next = lane.waiting.shift()!;
      try {
        await this.options.run(next.item);
      } catch {
        // `run` should settle its own item; if it throws anyway, the lane must go on: left
        // behind, the key's later items would wait forever (kept alive, never redelivered).
      } finally {
        next.done();
      }
    }
    this.lanes.delete(key);
  }
}

function insertSorted<T>(list: Waiting<T>[], entry: Waiting<T>): void {
  let i = list.length;
  while (i > 0) {
    const before = list[i - 1]!;
    if (before.rank < entry.rank || (before.rank === entry.rank && before.arrival < entry.arrival))
      break;
    i--;
  }
  list.splice(i, 0, entry);
}
