import type { CitizenIdentity } from '@pandawa/contracts';
import type { CaseCategory } from '../domain/categories.js';

/** A case as the citizen may see it. */
export interface CitizenCase {
  id: string;
  trackingCode: string;
  status: string;
  category: CaseCategory;
  createdAt: string;
  /** RFC 3339; empty once answered or when unknown. */
  firstResponseDueAt: string;
  statusDetail?: { reason: string; missingItems: string[]; visitInstructions: string };
  /** The citizen waits for an officer on this case: the bot stays quiet (architecture §6.1). */
  handoffActive: boolean;
}

export interface OpenCaseInput {
  officeId: string;
  citizen: CitizenIdentity;
  profileName: string;
  /** The same key returns the same case (a retried open never makes a second). */
  idempotencyKey: string;
  category: CaseCategory;
  nik: string;
  kkNumber: string;
  name: string;
  description: string;
  documentIds: string[];
  /** A handoff case: it starts waiting for an officer. */
  requestOfficer?: boolean;
}

/** What the flow asks of the case service, acting for the citizen (architecture §4). */
export interface CasePort {
  openCase(input: OpenCaseInput): Promise<CitizenCase>;
  /** The citizen's own cases, newest first. */
  listOwnCases(officeId: string, citizen: CitizenIdentity): Promise<CitizenCase[]>;
  /** Idempotent on `waMessageId`. */
  addCitizenMessage(input: {
    officeId: string;
    citizen: CitizenIdentity;
    caseId: string;
    text: string;
    documentIds: string[];
    waMessageId: string;
    /** The citizen asks for an officer with this message: the case's handoff starts. */
    requestOfficer?: boolean;
  }): Promise<void>;
  attachDocuments(input: {
    officeId: string;
    citizen: CitizenIdentity;
    caseId: string;
    documentIds: string[];
  }): Promise<void>;
}

export type IngestOutcome =
  | { stored: true; documentId: string }
  /** Refused for good; `reason` is document-storage's Bahasa Indonesia text for the citizen. */
  | { stored: false; reason: string };

/** What the flow asks of document-storage. Transient failures throw (retried). */
export interface DocumentPort {
  ingest(input: {
    officeId: string;
    mediaId: string;
    kind: string;
    sessionRef: string;
    citizenRef: string;
  }): Promise<IngestOutcome>;
  attachSession(officeId: string, sessionRef: string, caseId: string): Promise<void>;
  attach(officeId: string, documentId: string, caseId: string): Promise<void>;
}
