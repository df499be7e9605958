import type { Connection } from '@pandawa/mongo';
import { InsertBatcher, rawCollection } from './insert-batcher.js';
import { DELIVERY_STATES, type DeliveryState } from '../domain/delivery-state.js';

export interface StatusSeen {
  _id: string;
  wamid: string;
  status: DeliveryState;
  /** Meta's timestamp of the status. */
  at: Date;
  errorCode?: number;
  errorTitle?: string;
}

/**
 * Every delivery status seen, one document per (wamid, status), inserted and never updated.
 * Why not one document per message moved forward in place: FerretDB v1 does not isolate a
 * filtered update, so two webhooks racing ("read" and "delivered" arrive together) could move it
 * backwards. Inserts under a unique `_id` are atomic everywhere, and the furthest state is a
 * function of the set, whatever the order of arrival.
 */
export class DeliveryStatusRepository {
  private readonly statuses;
  private readonly inserts;

  constructor(connection: Connection) {
    this.statuses = rawCollection<StatusSeen>(connection, 'delivery_statuses');
    this.inserts = new InsertBatcher(this.statuses);
  }

  /** A repeated status (Meta retries webhooks) is already there: nothing changes. */
  async record(seen: Omit<StatusSeen, '_id'>): Promise<void> {
    await this.inserts.insert({ _id: `${seen.wamid}:${seen.status}`, ...seen });
  }

  /** The statuses seen for one message; four reads by `_id` (FerretDB scans anything else). */
  async seen(wamid: string): Promise<StatusSeen[]> {
    const found = await Promise.all(
      DELIVERY_STATES.map((s) => this.statuses().findOne({ _id: `${wamid}:${s}` })),
    );
    return found.filter((s): s is StatusSeen => s !== null);
  }
}
