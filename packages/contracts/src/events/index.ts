export * from './wa-in.events.js';
export * from './notify.events.js';
export * from './case.events.js';
