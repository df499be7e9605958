import { randomBytes } from 'node:crypto';

export interface VerifyResult {
  /** HTTP status, or 0 when the receiver could not be reached. */
  status: number;
  /** True when the receiver echoed the challenge, as Meta requires. */
  verified: boolean;
}

/**
 * Meta's subscription handshake: `GET <url>?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`
 * must answer 200 with the challenge as its body.
 */
export async function verifyWebhookEndpoint(
  url: string,
  verifyToken: string,
): Promise<VerifyResult> {
  const challenge = String(randomBytes(4).readUInt32BE(0));
  const target = new URL(url);
  target.searchParams.set('hub.mode', 'subscribe');
  target.searchParams.set('hub.verify_token', verifyToken);
  target.searchParams.set('hub.challenge', challenge);
  try {
    const res = await fetch(target, { signal: AbortSignal.timeout(5000) });
    const body = await res.text();
    return { status: res.status, verified: res.status === 200 && body === challenge };
  } catch {
    return { status: 0, verified: false };
  }
}
