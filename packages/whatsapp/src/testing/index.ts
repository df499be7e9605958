export * from './webhook.fixtures.js';
