export { envelopeSchema, defineEvent, type Envelope, type EventDefinition } from './envelope.js';
export {
  CALLER_ISSUER_ROLES,
  CALLER_ISSUERS,
  CALLER_ROLES,
  OFFICER_ROLES,
  type Caller,
  type CallerIssuer,
  type CallerRole,
} from './caller.js';
export * from './citizen.js';
export * from './limits.js';
export { topology, type Topology, type StreamSpec } from './topology.js';
export * from './events/index.js';
export * from './case-status.js';
export * from './office-settings.js';
