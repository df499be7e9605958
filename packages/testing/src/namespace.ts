import { randomBytes } from 'node:crypto';

/**
 * A fresh namespace for one test file: NATS streams and subjects, and database names, carry it,
 * so test files run in parallel on one server and never see each other's data.
 */
export function testNamespace(): string {
  return `t${randomBytes(4).toString('hex')}`;
}

export function testDbName(namespace: string, service: string): string {
  return `${namespace}_pandawa_${service.replace(/-/g, '_')}`;
}
