import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '@pandawa/whatsapp';

export interface Received {
  body: Record<string, unknown>;
  signatureValid: boolean;
}

/** A stand-in gateway for sandbox tests: records webhooks and answers what the test says. */
export async function startReceiver(appSecret: string) {
  const received: Received[] = [];
  let answer = () => 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const status = answer();
      if (status === 200) {
        received.push({
          body: JSON.parse(raw.toString()) as Record<string, unknown>,
          signatureValid: verifyWebhookSignature(
            raw,
            req.headers['x-hub-signature-256'] as string | undefined,
            appSecret,
          ),
        });
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`,
    received,
    answerWith(fn: () => number) {
      answer = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
