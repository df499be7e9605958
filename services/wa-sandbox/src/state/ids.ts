import { randomBytes, randomInt } from 'node:crypto';

/** Meta's message ids: `wamid.` and base64 of an opaque blob. */
export const newWamid = () =>
  `wamid.${Buffer.from(`HBgN${randomBytes(24).toString('hex')}`).toString('base64')}`;

const digits = (n: number) => String(randomInt(0, 10 ** n)).padStart(n, '0');

/** Media ids are decimal numbers, 16 digits long. */
export const newMediaId = () => `${randomInt(1, 10)}${digits(8)}${digits(7)}`;

export const newFbtraceId = () => randomBytes(8).toString('base64url').slice(0, 11);
