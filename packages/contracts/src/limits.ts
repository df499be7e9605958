/**
 * The bound of every field that crosses an edge (architecture §8): gRPC request fields of the
 * case and document services and the event data built from them. Defined once, here, next to
 * the contract; the protos' comments point at these names, the gRPC edges enforce them before
 * any write, and the event schemas repeat them so an event can never carry more than a request
 * could. Lengths count UTF-16 code units (JavaScript's `length`), which never undercounts the
 * characters WhatsApp counts. A citizen's WhatsApp identifiers (BSUID, phone, username) have
 * theirs beside the identity, `IDENTITY_LIMITS` in citizen.ts.
 */

/** WhatsApp's limit for one text message: nothing longer reaches, or comes from, a citizen. */
export const WHATSAPP_TEXT_MAX = 4096;

/** Fields every service shares. */
export const COMMON_LIMITS = {
  /** The event envelope's `officeId` bound: a longer office could open a case but never publish it. */
  officeId: 64,
  /** A case, document, message or officer id (ours are UUIDs, 36 characters). */
  id: 128,
} as const;

export const CASE_LIMITS = {
  idempotencyKey: 200,
  /** The name the citizen gives in the intake. */
  citizenName: 100,
  /** The WhatsApp profile name (WhatsApp itself allows far less). */
  profileName: 128,
  nik: 16,
  kkNumber: 16,
  /** The complaint, a citizen's message, an officer's reply, a note: one WhatsApp text each. */
  description: WHATSAPP_TEXT_MAX,
  messageText: WHATSAPP_TEXT_MAX,
  replyText: WHATSAPP_TEXT_MAX,
  noteText: WHATSAPP_TEXT_MAX,
  /**
   * Why a case is rejected (DITOLAK), closed (SELESAI), waits or is unassigned; forwarded to
   * the citizen inside a notification's own words, so a quarter of a WhatsApp text.
   */
  reason: 1000,
  visitInstructions: 1000,
  /** What the citizen must still send (MENUNGGU_DATA): the list fits one WhatsApp text. */
  missingItems: 10,
  missingItem: 200,
  documentIds: 20,
  tags: 10,
  tag: 32,
  /** A list search: a tracking code or the start of a name. */
  query: 100,
  trackingCode: 16,
  pageSize: 100,
  pageToken: 512,
  /**
   * Meta's reason for a failed delivery (UpdateMessageDelivery `failure`): a Graph error code
   * (six digits today: 131026, 130429; 0 when Meta gave none) and its short title.
   */
  deliveryFailureCode: 9_999_999,
  deliveryFailureTitle: 256,
  /** Case versions and expected versions: 0 (none) up to this. */
  version: Number.MAX_SAFE_INTEGER,
  /**
   * Why an officer asks for a citizen's full NIK and KK number (RevealCitizenIdentity, kept in
   * the case's audit trail): a short sentence of printable ASCII, like a document's access
   * reason (DOCUMENT_LIMITS.accessReason), at least `revealReasonMin` characters.
   */
  revealReason: 200,
  revealReasonMin: 3,
} as const;

export const DOCUMENT_LIMITS = {
  /** WhatsApp media ids are long digit strings; generous. */
  mediaId: 256,
  sessionRef: 128,
  /** KK, KTP_EL, AKTA_KELAHIRAN, ...: upper-case words. */
  kind: 32,
  citizenRef: 256,
  declaredMimeType: 128,
  deleteReason: 1000,
  /**
   * Why an officer opens a document (`x-access-reason`, kept in the access log): a short
   * sentence; the caller proof carries at most 500.
   */
  accessReason: 200,
  /** A page of the access log (ListDocumentAccess). */
  accessLogPageSize: 100,
  pageToken: 512,
} as const;

/**
 * Times a request may name (page-token cursors, statistics windows): from 2020, before the
 * first case, to 2100. Outside them a value is a mistake or an attack, never data.
 */
export const TIME_LIMITS = {
  earliest: Date.UTC(2020, 0, 1),
  latest: Date.UTC(2100, 0, 1),
} as const;
