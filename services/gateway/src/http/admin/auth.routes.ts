import { AppError } from '@pandawa/errors';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { refreshSession, signOut } from '../../application/auth/refresh-session.js';
import { signIn, type AuthDeps, type SessionTokens } from '../../application/auth/sign-in.js';
import { route } from './api-route.js';
import { account, session, signInBody, toAccountOut } from './schemas.js';

export const REFRESH_COOKIE = 'pandawa_refresh';
const COOKIE_PATH = '/api/auth';

export interface AuthRouteSettings {
  secureCookies: boolean;
}

function refreshCookieOf(req: Request): string {
  for (const part of (req.header('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return value.join('=');
  }
  return '';
}

/**
 * A cookie-carried request must be one a cross-site form cannot make: JSON content type (which
 * needs a CORS preflight from another origin). With SameSite=Strict this stops CSRF on refresh.
 */
function requireJson(req: Request): void {
  if (!req.is('application/json'))
    throw new AppError('INVALID_ARGUMENT', 'send Content-Type: application/json', {
      reason: 'JSON_REQUIRED',
    });
}

function answer(res: Response, tokens: SessionTokens, settings: AuthRouteSettings) {
  res.cookie(REFRESH_COOKIE, tokens.refreshToken, {
    httpOnly: true,
    secure: settings.secureCookies,
    sameSite: 'strict',
    path: COOKIE_PATH,
    expires: tokens.refreshExpiresAt,
  });
  res.setHeader('cache-control', 'no-store');
  return {
    accessToken: tokens.accessToken,
    tokenType: 'Bearer' as const,
    expiresIn: tokens.expiresInSeconds,
    account: toAccountOut(tokens.account),
  };
}

/** `{}` as JSON: what the cookie-carried routes ask for, so that a form cannot send them. */
const cookieRequestBody = z.object({}).strict();

export function authRoutes(deps: AuthDeps, settings: AuthRouteSettings) {
  return [
    route({
      method: 'post',
      path: '/auth/sign-in',
      operationId: 'signIn',
      summary:
        'Sign in with username and password: an access token in the body, a rotating refresh token in an httpOnly cookie',
      tag: 'auth',
      access: 'public',
      body: signInBody,
      response: session,
      errors: [401, 429],
      handler: async ({ body, req, res }) =>
        answer(
          res,
          await signIn(deps, { ...body, address: req.ip ?? req.socket.remoteAddress ?? '' }),
          settings,
        ),
    }),
    route({
      method: 'post',
      path: '/auth/refresh',
      operationId: 'refreshSession',
      summary:
        'A new access token for the refresh cookie; the cookie rotates, and a replayed one revokes the session',
      tag: 'auth',
      access: 'public',
      body: cookieRequestBody,
      response: session,
      errors: [401],
      handler: async ({ req, res }) => {
        requireJson(req);
        return answer(res, await refreshSession(deps, refreshCookieOf(req)), settings);
      },
    }),
    route({
      method: 'post',
      path: '/auth/sign-out',
      operationId: 'signOut',
      summary: 'Revokes the session of the refresh cookie and clears it',
      tag: 'auth',
      access: 'public',
      body: cookieRequestBody,
      response: null,
      handler: async ({ req, res }) => {
        requireJson(req);
        await signOut(deps, refreshCookieOf(req));
        res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/me',
      operationId: 'me',
      summary: 'The signed-in account',
      tag: 'auth',
      access: 'officer',
      response: account,
      handler: async ({ officer }) => {
        const found = await deps.accounts.byId(officer.accountId);
        if (!found) throw new AppError('UNAUTHENTICATED', 'sign in again');
        return toAccountOut(found);
      },
    }),
  ];
}
