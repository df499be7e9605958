export { connectNats, type NatsConnection } from './connection.js';
export { ensureStreams, ensureConsumer, type ConsumerSpec } from './topology.js';
export { EventPublisher, type PublishResult } from './publisher.js';
export {
  startConsumer,
  PoisonMessageError,
  type ConsumerHandle,
  type ConsumerOptions,
  type HandlerContext,
} from './consumer.js';
export { deadLetterRecordSchema, type DeadLetterRecord } from './dead-letter.js';
export {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
export {
  followStream,
  streamLastSequence,
  type FollowerHandle,
  type FollowerOptions,
} from './follower.js';
export {
  OfficeSettingsKv,
  type OfficeSettingsChange,
  type OfficeSettingsWatch,
  type StoredOfficeSettings,
} from './office-settings.kv.js';
export {
  OfficeSettingsFollower,
  type OfficeSettingsFollowerOptions,
} from './office-settings.follower.js';
