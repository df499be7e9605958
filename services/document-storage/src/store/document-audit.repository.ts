import type { Connection } from '@pandawa/mongo';

/**
 * `document_audit`: what happened to a document's content, without the content. The `_id` is
 * the action and the document, so repeating a purge or delete never adds a second record.
 */
export interface DocumentAuditRecord {
  _id: string;
  action: 'PURGED' | 'DELETED';
  documentId: string;
  officeId: string;
  caseId: string | null;
  kind: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: Date;
  caseClosedAt: Date | null;
  actorId: string;
  reason: string;
  at: Date;
}

export class DocumentAuditRepository {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<DocumentAuditRecord>('document_audit');
  }

  async ensureIndexes(): Promise<void> {
    // An office's removals over time (retention reports).
    await this.collection.createIndex({ officeId: 1, at: -1 });
  }

  async record(entry: Omit<DocumentAuditRecord, '_id'>): Promise<void> {
    const _id = `${entry.action}:${entry.documentId}`;
    await this.collection.updateOne({ _id }, { $setOnInsert: { ...entry } }, { upsert: true });
  }

  async forOffice(officeId: string): Promise<DocumentAuditRecord[]> {
    return this.collection.find({ officeId }).sort({ at: -1 }).toArray();
  }
}
