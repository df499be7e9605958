import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendGraphError } from './graph-error.js';

/** Graph endpoints need `Authorization: Bearer <token>`; anything else is Meta's 401 / code 190. */
export function requireBearer(accessToken: string): RequestHandler {
  const expected = Buffer.from(`Bearer ${accessToken}`);
  return (req, res, next) => {
    const given = Buffer.from(req.header('authorization') ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      next();
      return;
    }
    sendGraphError(res, 401, 190);
  };
}
