import type { Connection } from '@pandawa/mongo';

interface CaseClosureRecord {
  /** `${officeId}:${caseId}` */
  _id: string;
  officeId: string;
  caseId: string;
  closedAt: Date;
  status: string;
}

/**
 * `case_closures`: when cases closed, as learnt from case events. Kept apart from documents so
 * that a document attached after its case closed still gets the right retention clock.
 */
export class CaseClosureRepository {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<CaseClosureRecord>('case_closures');
  }

  /** The first closure wins: a redelivered event does not restart the retention clock. */
  async record(officeId: string, caseId: string, closedAt: Date, status: string): Promise<Date> {
    const _id = `${officeId}:${caseId}`;
    await this.collection.updateOne(
      { _id },
      { $setOnInsert: { officeId, caseId, closedAt, status } },
      { upsert: true },
    );
    const stored = await this.collection.findOne({ _id });
    return stored?.closedAt ?? closedAt;
  }

  async closedAt(officeId: string, caseId: string): Promise<Date | null> {
    const doc = await this.collection.findOne({ _id: `${officeId}:${caseId}` });
    return doc?.closedAt ?? null;
  }
}
