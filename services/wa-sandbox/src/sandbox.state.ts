import type { Logger } from '@pandawa/logging';
import type { SandboxClock } from './state/clock.js';
import type { Faults } from './state/faults.js';
import type { MediaStore } from './state/media.store.js';
import type { RecordStore } from './state/record.store.js';
import type { ThroughputLimiter, WindowTracker } from './state/window.tracker.js';
import type { BusinessNumber } from './webhooks/webhook.payloads.js';
import type { WebhookSender } from './webhooks/webhook.sender.js';

/** Everything the sandbox's routes share. */
export interface SandboxState {
  accessToken: string;
  numbers: Map<string, BusinessNumber>;
  defaultNumber: BusinessNumber;
  mediaUrlTtlMs: number;
  /** Delays of the `delivered` and `read` status webhooks after `sent`; `read` undefined: never. */
  statusDelaysMs: { delivered: number; read: number | undefined };
  clock: SandboxClock;
  media: MediaStore;
  record: RecordStore;
  faults: Faults;
  windows: WindowTracker;
  throughput: ThroughputLimiter;
  webhooks: WebhookSender;
  logger: Logger;
}
