import { AppError } from '@pandawa/errors';
import type { z } from 'zod';
import { createAccount } from '../../application/accounts/create-account.js';
import type { PasswordHasher } from '../../domain/password.js';
import type { AccountRepository } from '../../store/accounts/account.repository.js';
import { route } from './api-route.js';
import {
  account,
  accountChangeBody,
  idParam,
  newAccountBody,
  page,
  pageQuery,
  toAccountOut,
} from './schemas.js';

const notFound = () =>
  new AppError('NOT_FOUND', 'no such account', { reason: 'ACCOUNT_NOT_FOUND' });

/** Accounts of the admin's own office (admins only). Another office's account is 404. */
export function accountRoutes(deps: { accounts: AccountRepository; hasher: PasswordHasher }) {
  return [
    route({
      method: 'post',
      path: '/admin/accounts',
      operationId: 'createAccount',
      summary: 'Creates an officer, supervisor or admin account in your office',
      tag: 'accounts',
      access: 'admin',
      body: newAccountBody,
      response: account,
      status: 201,
      errors: [409],
      handler: async ({ body, officer }) =>
        toAccountOut(await createAccount(deps, { ...body, officeId: officer.officeId })),
    }),
    route({
      method: 'get',
      path: '/admin/accounts',
      operationId: 'listAccounts',
      summary: 'Your office’s accounts by username, a cursor page at a time',
      tag: 'accounts',
      access: 'admin',
      query: pageQuery,
      response: page(account),
      handler: async ({ query, officer }) => {
        const after = query.cursor ? Buffer.from(query.cursor, 'base64url').toString('utf8') : '';
        const items = await deps.accounts.listOffice(officer.officeId, after, query.limit + 1);
        const more = items.length > query.limit;
        const shown = items.slice(0, query.limit);
        return {
          items: shown.map(toAccountOut),
          nextCursor:
            more && shown.length > 0
              ? Buffer.from(shown[shown.length - 1]!.username).toString('base64url')
              : null,
        };
      },
    }),
    route({
      method: 'patch',
      path: '/admin/accounts/:accountId',
      operationId: 'updateAccount',
      summary: 'Changes an account of your office: name, role, disabled, password',
      tag: 'accounts',
      access: 'admin',
      params: idParam('accountId'),
      body: accountChangeBody,
      response: account,
      errors: [404, 409],
      handler: async ({ params, body, officer }) => {
        const id = (params as { accountId: string }).accountId;
        const found = await deps.accounts.byId(id);
        if (!found || found.officeId !== officer.officeId) throw notFound();
        const { password, ...rest } = body as z.output<typeof accountChangeBody>;
        // An admin who disabled or demoted themselves could leave the office with no admin.
        if (id === officer.accountId && (rest.disabled || (rest.role && rest.role !== 'admin')))
          throw new AppError('FAILED_PRECONDITION', 'another admin must disable or demote you', {
            reason: 'OWN_ACCOUNT',
          });
        const updated = await deps.accounts.update(id, {
          ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
          ...(password ? { passwordHash: await deps.hasher.hash(password) } : {}),
        });
        if (!updated) throw notFound();
        return toAccountOut(updated);
      },
    }),
  ];
}
