/**
 * Sample requests for the authorization matrix (authorization-matrix.int.test.ts), one per
 * admin-API route, keyed by its operationId.
 *
 * ADDING AN ENDPOINT? Add its entry here, or the matrix test fails with "no fixture for <id>".
 * The matrix then sends your request as every role of the own office, as each role with the
 * objects of the other office, and with every forged or dead token, and checks the answers:
 *   - no valid token (expired, `alg: none`, another key, wrong issuer/audience, a disabled
 *     account, a replayed refresh token, …): 401;
 *   - a role below the route's `access`: 403;
 *   - an allowed role, own office: the route's success status (or one listed in `ok`), never a
 *     5xx, and the answer names nothing of the other office;
 *   - an allowed role, the other office's objects (`request(ctx, 'other')`): 404.
 * Write `request` so that it can be sent many times (the matrix calls it once per caller): make
 * a fresh object per call (`ctx.newAccount`, …) when the request changes or consumes one.
 * Everything the context offers is in `MatrixContext` below; extend it in the test when your
 * endpoint needs something seeded that is not there yet.
 */
import { randomBytes } from 'node:crypto';
import type { DeskSystem, Role, SeededCase } from './support/desk-system.js';
import { PASSWORD } from './support/desk-system.js';

/** The caller is always of the own office (pekanbaru); 'other' names dumai's objects. */
export type Office = 'own' | 'other';

/** A request as a fixture gives it: path params fill the route's `:name`s. */
export interface SampleRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface MatrixContext {
  /** The running desk (support/desk-system.ts): seed what your endpoint needs through it. */
  system: DeskSystem;
  officeId: Record<Office, 'pekanbaru' | 'dumai'>;
  /** A case of `office`, seeded once and shared: use it for requests that change nothing. */
  caseOf: Record<Office, SeededCase>;
  /** A new case of `office`, for a request that changes or consumes one. */
  newCase(office: Office): Promise<SeededCase>;
  /** A new account of `office` (made by that office's admin through the API). */
  newAccount(
    office: Office,
    role?: Role,
  ): Promise<{ id: string; username: string; password: string }>;
  /** A fresh refresh cookie (`pandawa_refresh=…`) of a new officer of the own office. */
  refreshCookie(): Promise<string>;
}

export interface RouteFixture {
  /**
   * A valid request about objects of `office`, sent by a caller of the own office. Called with
   * 'other' only for routes whose path names an object (and not for `scoped: false`).
   */
  request(ctx: MatrixContext, office: Office): SampleRequest | Promise<SampleRequest>;
  /** Statuses an allowed caller of the own office may get; default: the route's success status. */
  ok?: number[];
  /**
   * false for a route whose path parameters name no object of an office (so there is no other
   * office's object to ask for). Default: true when the path has a parameter.
   */
  scoped?: boolean;
}

const unique = (prefix: string) => `${prefix}.${randomBytes(4).toString('hex')}`;

export const MATRIX_FIXTURES: Record<string, RouteFixture> = {
  // auth.routes.ts — public (no token needed); the matrix checks a token changes nothing.
  signIn: {
    request: async (ctx) => {
      const account = await ctx.newAccount('own');
      return { body: { username: account.username, password: account.password } };
    },
  },
  refreshSession: {
    request: async (ctx) => ({ body: {}, headers: { cookie: await ctx.refreshCookie() } }),
  },
  signOut: {
    request: async (ctx) => ({ body: {}, headers: { cookie: await ctx.refreshCookie() } }),
  },
  me: { request: () => ({}) },

  // accounts.routes.ts — admins of the own office.
  createAccount: {
    request: () => ({
      body: {
        username: unique('matriks'),
        displayName: 'Akun Matriks',
        role: 'officer',
        password: PASSWORD,
      },
    }),
  },
  listAccounts: { request: () => ({ query: { limit: '5' } }) },
  updateAccount: {
    request: async (ctx, office) => ({
      params: { accountId: (await ctx.newAccount(office)).id },
      body: { displayName: 'Nama Baru' },
    }),
  },

  // desk/*.routes.ts — the case desk: add yours below.
};
