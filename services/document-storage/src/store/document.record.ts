/** One document as stored in `documents`. Content lives encrypted in `document_chunks`. */
export type DocumentStatus = 'STORING' | 'STORED' | 'PURGED' | 'DELETED';
export type DocumentSource = 'WHATSAPP' | 'UPLOAD';

export interface DocumentEncryption {
  alg: 'aes-256-gcm';
  keyId: string;
  /** The data key wrapped by master key `keyId`. Removed on purge/delete: crypto-shredding. */
  wrappedKey: Buffer;
  noncePrefix: Buffer;
}

export interface DocumentRecord {
  _id: string;
  officeId: string;
  caseId: string | null;
  sessionRef: string | null;
  /** Opaque reference the caller chose for the citizen; never a phone number in clear. */
  citizenRef: string | null;
  kind: string;
  source: DocumentSource;
  mediaId: string | null;
  mimeType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the stored plaintext: integrity and de-duplication within a case. */
  sha256: string;
  width: number | null;
  height: number | null;
  status: DocumentStatus;
  chunkCount: number;
  chunkBytes: number;
  previewChunks: number;
  encryption: DocumentEncryption | null;
  createdBy: string;
  createdAt: Date;
  attachedAt: Date | null;
  /** When the document's case closed; the retention clock starts here. */
  caseClosedAt: Date | null;
  removedAt: Date | null;
  /** Set while a purge/delete has shredded the key but not yet removed chunks and audited. */
  cleanupPending?: boolean;
}
