import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '@pandawa/logging';

export type { NatsConnection };

export interface ConnectOptions {
  url: string;
  /** Shown in the server's connection list: the service name. */
  name: string;
  logger: Logger;
}

/**
 * Connects with unlimited reconnects: a service outlives a NATS restart. Connection state
 * changes are logged; the returned connection's `isClosed()` feeds readiness.
 */
export async function connectNats({ url, name, logger }: ConnectOptions): Promise<NatsConnection> {
  const nc = await connect({
    servers: url.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
    pingInterval: 10_000,
    maxPingOut: 3,
  });
  logger.info({ server: nc.getServer() }, 'connected to NATS');
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect' || s.type === 'reconnecting' || s.type === 'error') {
        logger.warn({ natsStatus: s.type }, 'NATS connection status');
      } else if (s.type === 'reconnect') {
        logger.info({ natsStatus: s.type }, 'NATS reconnected');
      }
    }
  })();
  return nc;
}
