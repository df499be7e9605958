import {
  callerMetadata,
  createClient,
  loadProto,
  type CallOpts,
  type CaseProto,
  type DocumentProto,
  type NotificationProto,
} from '@pandawa/grpc';
import type { Officer } from '../http/admin/authenticate.js';

type CaseServiceDef = CaseProto['pandawa']['case']['v1']['CaseService'];
type DocumentServiceDef = DocumentProto['pandawa']['document']['v1']['DocumentService'];
export type CaseClient = InstanceType<CaseServiceDef>;
export type DocumentClient = InstanceType<DocumentServiceDef>;
type NotificationServiceDef =
  NotificationProto['pandawa']['notification']['v1']['NotificationService'];
export type NotificationClient = InstanceType<NotificationServiceDef>;

/** The gRPC services the case desk calls for the signed-in officer. */
export interface DeskClients {
  cases: CaseClient;
  documents: DocumentClient;
  /** The citizen's 24-hour window, asked before a free-form reply (architecture §3.1). */
  notifications: NotificationClient;
  /** Deadline of every desk call but a document's download. */
  deadlineMs: number;
  /** Deadline of a document's download (a stream, DOCUMENT_DOWNLOAD_DEADLINE_MS). */
  downloadDeadlineMs: number;
  close(): void;
}

export function createDeskClients(settings: {
  caseAddr: string;
  documentAddr: string;
  notificationAddr: string;
  deadlineMs: number;
  downloadDeadlineMs: number;
}): DeskClients {
  const Case = loadProto<CaseProto>('pandawa/case/v1/case.proto').pandawa.case.v1.CaseService;
  const Document = loadProto<DocumentProto>('pandawa/document/v1/document.proto').pandawa.document
    .v1.DocumentService;
  // Signed by the process's caller signer (main.ts: the gateway's own key, architecture §4).
  const cases = createClient(Case, settings.caseAddr);
  const documents = createClient(Document, settings.documentAddr);
  const Notification = loadProto<NotificationProto>('pandawa/notification/v1/notification.proto')
    .pandawa.notification.v1.NotificationService;
  const notifications = createClient(Notification, settings.notificationAddr);
  return {
    cases,
    documents,
    notifications,
    deadlineMs: settings.deadlineMs,
    downloadDeadlineMs: settings.downloadDeadlineMs,
    close() {
      cases.close();
      documents.close();
      notifications.close();
    },
  };
}

/**
 * Call options that carry the signed-in officer as the gRPC caller. The gateway's caller proof
 * signs id, role and office (architecture §4): case and document-storage believe only that, and
 * the gateway vouches for it only after it verified the officer's access token and account.
 * `reason` is why the officer looks (document-storage requires one to open a document).
 */
export function asOfficer(officer: Officer, deadlineMs: number, reason?: string): CallOpts {
  return {
    deadlineMs,
    metadata: callerMetadata({
      id: officer.accountId,
      role: officer.role,
      officeId: officer.officeId,
      ...(reason ? { reason } : {}),
    }),
  };
}
