import { isDuplicateKeyError, type Connection } from '@pandawa/mongo';

/**
 * When each citizen last wrote to each business number (the 24-hour window), one document per
 * identifier the inbound message carried (BSUID, phone), so a send finds it by either.
 */
export class CustomerWindowRepository {
  constructor(private readonly connection: Connection) {}

  private get windows() {
    return this.connection.collection<{ _id: string; lastInboundAt: Date }>('customer_windows');
  }

  async citizenWrote(phoneNumberId: string, identifiers: string[], at: Date): Promise<void> {
    // `$max` keeps the latest time however webhooks are ordered. On FerretDB v1 an update is not
    // isolated; two racing writes can at worst keep the older time, which closes the window
    // early (a template is sent) and never sends free-form outside it.
    await Promise.all(
      identifiers.map(async (id) => {
        const filter = { _id: `${phoneNumberId}:${id}` };
        const update = { $max: { lastInboundAt: at } };
        try {
          await this.windows.updateOne(filter, update, { upsert: true });
        } catch (error) {
          // Two upserts racing on FerretDB v1 may both insert; the loser updates the winner's.
          if (!isDuplicateKeyError(error)) throw error;
          await this.windows.updateOne(filter, update);
        }
      }),
    );
  }

  /** The latest inbound message of the citizen known by any of `identifiers`, in ms. */
  async lastInboundAt(phoneNumberId: string, identifiers: string[]): Promise<number | undefined> {
    const found = await Promise.all(
      identifiers.map((id) => this.windows.findOne({ _id: `${phoneNumberId}:${id}` })),
    );
    const times = found.filter((w) => w !== null).map((w) => w.lastInboundAt.getTime());
    return times.length ? Math.max(...times) : undefined;
  }
}
