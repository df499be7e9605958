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
  /** OK: the read was served. DENIED: refused for who asked or how (see `deniedReason`). */
  outcome: AccessOutcome;
  /** For DENIED: the reason code the caller was refused with, e.g. `OFFICE_MISMATCH`. */
  deniedReason?: string;
  /**
   * The caller's own office. Differs from `officeId` when a caller asked for another office's
   * document. Absent on records written before it was added.
   */
  actorOfficeId?: string;
  at: Date;
}

export type AccessOutcome = 'OK' | 'DENIED' | 'FAILED';

/** As stored: records from before `outcome` was written lack it, and were all of served reads. */
type StoredAccessLogRecord = Omit<AccessLogRecord, 'outcome'> & { outcome?: AccessOutcome };

/** What a supervisor filters the access log by (all optional, combined). */
export interface AccessLogFilter {
  caseId?: string;
  documentId?: string;
  actorId?: string;
  /** At or after. */
  from?: Date;
  /** Before. */
  to?: Date;
}

/** Where a page of the log (newest first) ended: the last entry's time and id. */
export interface AccessLogCursor {
  at: Date;
  id: string;
}

function normalise(doc: StoredAccessLogRecord): AccessLogRecord {
  return { ...doc, outcome: doc.outcome ?? 'OK' };
}

/**
 * `document_access_log`: who opened which document, when and why (UU 27/2022 accountability),
 * and who was refused. Never the content, nor anything of the document beyond its id and case.
 */
export class AccessLogRepository {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<StoredAccessLogRecord>('document_access_log');
  }

  async ensureIndexes(): Promise<void> {
    // "Who looked at this document?" — an officer's or an auditor's question.
    await this.collection.createIndex({ officeId: 1, documentId: 1, at: -1 });
    // "What did this officer open?"
    await this.collection.createIndex({ officeId: 1, actorId: 1, at: -1 });
    // "Who looked at this case's documents?" (ListDocumentAccess by case).
    await this.collection.createIndex({ officeId: 1, caseId: 1, at: -1 });
    // The office's whole log, newest first (ListDocumentAccess without a filter, or by time).
    await this.collection.createIndex({ officeId: 1, at: -1, _id: -1 });
  }

  async record(entry: Omit<AccessLogRecord, '_id' | 'at'>): Promise<void> {
    await this.collection.insertOne({ _id: randomUUID(), ...entry, at: new Date() });
  }

  /**
   * One page of the office's log, newest first (ties by id), after `cursor`. Served by the
   * indexes above on MongoDB; FerretDB v1 decodes the collection for it (architecture §5),
   * which is fine for a supervisor's occasional look.
   */
  async page(
    officeId: string,
    filter: AccessLogFilter,
    limit: number,
    cursor?: AccessLogCursor,
  ): Promise<AccessLogRecord[]> {
    const at: Record<string, Date> = {};
    if (filter.from) at.$gte = filter.from;
    if (filter.to) at.$lt = filter.to;
    const query: Record<string, unknown> = {
      officeId,
      ...(filter.caseId ? { caseId: filter.caseId } : {}),
      ...(filter.documentId ? { documentId: filter.documentId } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(Object.keys(at).length ? { at } : {}),
      ...(cursor
        ? { $or: [{ at: { $lt: cursor.at } }, { at: cursor.at, _id: { $lt: cursor.id } }] }
        : {}),
    };
    const docs = await this.collection.find(query).sort({ at: -1, _id: -1 }).limit(limit).toArray();
    return docs.map(normalise);
  }

  async forDocument(officeId: string, documentId: string): Promise<AccessLogRecord[]> {
    const docs = await this.collection.find({ officeId, documentId }).sort({ at: -1 }).toArray();
    return docs.map(normalise);
  }
}
