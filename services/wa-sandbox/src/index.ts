export { createSandbox, SANDBOX_DEFAULTS, type Sandbox, type SandboxOptions } from './sandbox.js';
export type { FaultRule, FaultRoute, WebhookFaults } from './state/faults.js';
export type { Recorded, RecordEntry, RecordQuery } from './state/record.store.js';
export type { CitizenMessage, CitizenSend } from './citizens/citizen.messages.js';
export type { StoredMedia } from './state/media.store.js';
export type { VerifyResult } from './webhooks/webhook.verify.js';
