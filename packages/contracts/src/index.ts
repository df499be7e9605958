export { envelopeSchema, defineEvent, type Envelope, type EventDefinition } from './envelope.js';
export { topology, type Topology, type StreamSpec } from './topology.js';
export * from './events/index.js';
