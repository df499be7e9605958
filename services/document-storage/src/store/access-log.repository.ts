import { randomUUID } from 'node:crypto';
import type { Connection } from '@pandawa/mongo';

export type AccessAction = 'METADATA' | 'READ' | 'PREVIEW' | 'LIST';

export interface AccessLogRecord {
  _id: string;
  officeId: string;
  documentId: string;
  /** For LIST: the case whose documents were listed. */
  caseId: string | null;
  action: AccessAction;
  actorId: string;
  actorRole: string;
  /** Why the caller opened it, as the caller stated. */
  reason: string;
  outcome: 'OK' | 'DENIED' | 'FAILED';
  at: Date;
}

/** `document_access_log`: who opened which document, when and why (UU 27/2022 accountability). */
export class AccessLogRepository {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<AccessLogRecord>('document_access_log');
  }

  async ensureIndexes(): Promise<void> {
    // "Who looked at this document?" — an officer's or an auditor's question.
    await this.collection.createIndex({ officeId: 1, documentId: 1, at: -1 });
    // "What did this officer open?"
    await this.collection.createIndex({ officeId: 1, actorId: 1, at: -1 });
  }

  async record(entry: Omit<AccessLogRecord, '_id' | 'at'>): Promise<void> {
    await this.collection.insertOne({ _id: randomUUID(), ...entry, at: new Date() });
  }

  async forDocument(officeId: string, documentId: string): Promise<AccessLogRecord[]> {
    return this.collection.find({ officeId, documentId }).sort({ at: -1 }).toArray();
  }
}
