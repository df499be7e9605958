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
  /** The harness's accounts of `office`: `officer`, `officer2`, `supervisor`, `admin`. */
  accountId(office: Office, who: 'officer' | 'officer2' | 'supervisor' | 'admin'): string;
  /** A new case of `office` assigned to `accountId` (by that office's supervisor). */
  newCaseAssignedTo(office: Office, accountId: string): Promise<SeededCase>;
  /** An image document (PNG) attached to `caseOf[office]`. */
  documentOf: Record<Office, { id: string }>;
  /** A new canned reply of `office` (made by its supervisor through the API); its id. */
  newCannedReply(office: Office): Promise<string>;
}

/** Who sends the request (always of the own office). Forged identities reuse the admin's. */
export interface MatrixCaller {
  role: Role;
  username: string;
  accountId: string;
  token: string;
}

export interface RouteFixture {
  /**
   * A valid request about objects of `office`, sent by `caller` (of the own office). Called with
   * 'other' only for routes whose path names an object (and not for `scoped: false`).
   */
  request(
    ctx: MatrixContext,
    office: Office,
    caller: MatrixCaller,
  ): SampleRequest | Promise<SampleRequest>;
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

  // desk/case-actions.routes.ts — each request on a fresh case: they change it.
  transitionCase: {
    request: async (ctx, office) => ({
      params: { caseId: (await ctx.newCase(office)).id },
      body: { to: 'DIVERIFIKASI' },
    }),
  },
  claimCase: {
    request: async (ctx, office) => ({
      params: { caseId: (await ctx.newCase(office)).id },
      body: {},
    }),
  },
  assignCase: {
    // The assignee is always of the caller's office: the object under test is the case (an
    // account of another office is refused as unknown, 400, in case-actions.int.test.ts).
    request: async (ctx, office) => ({
      params: { caseId: (await ctx.newCase(office)).id },
      body: { assigneeId: ctx.accountId('own', 'officer2') },
    }),
  },
  unassignCase: {
    // An officer may return only a case they hold: the case is the caller's (in the own office).
    request: async (ctx, office, caller) => ({
      params: {
        caseId: (
          await ctx.newCaseAssignedTo(
            office,
            office === 'own' ? caller.accountId : ctx.accountId(office, 'officer'),
          )
        ).id,
      },
    }),
  },
  addCaseNote: {
    request: (ctx, office) => ({
      params: { caseId: ctx.caseOf[office].id },
      body: { text: 'Catatan matriks' },
    }),
  },
  triageCase: {
    request: (ctx, office) => ({
      params: { caseId: ctx.caseOf[office].id },
      body: { priority: 'HIGH', tags: ['matriks'] },
    }),
  },

  // desk/handoff.routes.ts — a case with no handoff: handing it back is a no-op (200).
  handBackToBot: {
    request: async (ctx, office) => ({
      params: { caseId: (await ctx.newCase(office)).id },
      body: {},
    }),
  },

  // desk/office-settings.routes.ts — the admin's own office; no other office's to name.
  getOfficeSettings: { request: () => ({}) },
  putOfficeSettings: { request: () => ({ body: { address: 'Jl. Matriks 1, Pekanbaru' } }) },

  // desk/cases.routes.ts — the queue and one case.
  listCases: { request: () => ({ query: { limit: '5' } }) },
  getCase: { request: (ctx, office) => ({ params: { caseId: ctx.caseOf[office].id } }) },

  // desk/identity-reveal.routes.ts — the full NIK and KK, with the reason (audited on the case).
  revealCitizenIdentity: {
    request: (ctx, office) => ({
      params: { caseId: ctx.caseOf[office].id },
      body: { reason: 'cek NIK di SIAK' },
    }),
  },

  // desk/documents.routes.ts — a document of the office's case, with the reason for looking.
  previewCaseDocument: {
    request: (ctx, office) => ({
      params: { caseId: ctx.caseOf[office].id, documentId: ctx.documentOf[office].id },
      query: { reason: 'verifikasi KK' },
    }),
  },
  downloadCaseDocument: {
    request: (ctx, office) => ({
      params: { caseId: ctx.caseOf[office].id, documentId: ctx.documentOf[office].id },
      query: { reason: 'verifikasi KK' },
    }),
  },

  // desk/access-log.routes.ts and desk/statistics.routes.ts — the office's own, supervisors up.
  listDocumentAccess: { request: () => ({ query: { limit: '5' } }) },
  getStatistics: { request: () => ({}) },
  exportStatisticsCsv: { request: () => ({}) },

  // desk/replies.routes.ts — the seeded citizen never wrote on WhatsApp, so the 24-hour window
  // is closed: a reply is refused (409, with the template offered), never sent.
  getCustomerWindow: { request: (ctx, office) => ({ params: { caseId: ctx.caseOf[office].id } }) },
  replyToCitizen: {
    request: (ctx, office) => ({
      params: { caseId: ctx.caseOf[office].id },
      body: { text: 'Baik, kami periksa data Anda.' },
    }),
    ok: [201, 409],
  },

  // desk/canned-replies.routes.ts — officers read, supervisors write; a fresh entry per change.
  listCannedReplies: { request: () => ({ query: { limit: '5' } }) },
  getCannedReply: {
    request: async (ctx, office) => ({
      params: { cannedReplyId: await ctx.newCannedReply(office) },
    }),
  },
  createCannedReply: {
    request: () => ({
      body: { title: unique('Prosedur'), text: 'Bawa KK asli dan KTP-el ke kantor.' },
    }),
  },
  updateCannedReply: {
    request: async (ctx, office) => ({
      params: { cannedReplyId: await ctx.newCannedReply(office) },
      body: { text: 'Bawa KK asli, KTP-el, dan akta kelahiran.' },
    }),
  },
  deleteCannedReply: {
    request: async (ctx, office) => ({
      params: { cannedReplyId: await ctx.newCannedReply(office) },
    }),
  },

  // The office's live case changes (server-sent events): the matrix reads status and headers.
  streamCaseChanges: { request: () => ({}) },

  // desk/*.routes.ts — add yours below.
};
