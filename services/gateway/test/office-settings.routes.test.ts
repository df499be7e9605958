import type { OfficeSettingsKv } from '@pandawa/nats';
import { describe, expect, it } from 'vitest';
import { officeSettingsRoutes } from '../src/http/admin/desk/office-settings.routes.js';

const admin = { accountId: 'a1', officeId: 'pekanbaru', role: 'admin', displayName: 'A' } as const;
const handlerOf = (kv: Partial<OfficeSettingsKv> | undefined, operationId: string) => {
  const found = officeSettingsRoutes({
    ...(kv ? { officeSettings: kv as OfficeSettingsKv } : {}),
  }).find((r) => r.operationId === operationId)!;
  return (body: unknown = {}) =>
    found.handler({ body, query: {}, params: {}, officer: admin, req: {}, res: {} } as never);
};

describe('office settings routes when NATS cannot answer', () => {
  it('a failed KV read or write is 503 UNAVAILABLE, never a 500', async () => {
    const down = {
      read: () => Promise.reject(new Error('TIMEOUT')),
      write: () => Promise.reject(new Error('CONNECTION_CLOSED')),
    };
    for (const [kv, op] of [
      [down, 'getOfficeSettings'],
      [down, 'putOfficeSettings'],
      [undefined, 'getOfficeSettings'],
    ] as const)
      await expect(handlerOf(kv, op)({ address: 'Jl. A' })).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        reason: 'OFFICE_SETTINGS_UNAVAILABLE',
      });
  });

  it('a revision conflict stays a conflict', async () => {
    const { AppError } = await import('@pandawa/errors');
    const kv = {
      write: () => Promise.reject(new AppError('ABORTED', 'changed', { reason: 'X' })),
    };
    await expect(handlerOf(kv, 'putOfficeSettings')({ address: 'Jl. A' })).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });
});
