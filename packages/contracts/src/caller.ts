/** Everyone who may call a PANDAWA service. Citizens act through the conversation service. */
export const CALLER_ROLES = ['officer', 'supervisor', 'admin', 'citizen', 'service'] as const;
/** The roles of people at the office (architecture §8). */
export const OFFICER_ROLES = ['officer', 'supervisor', 'admin'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/** Who is calling, as the edge (gateway, conversation) vouches for it. */
export interface Caller {
  id: string;
  role: CallerRole;
  /** The office the caller belongs to. */
  officeId: string;
  /** Why the caller is looking (required to open a document); '' when not given. */
  reason: string;
  /**
   * A `citizen` caller's identity as WhatsApp's signed webhook gave it (architecture §4): `id` is
   * its `citizenKey`. Set for citizen callers only.
   */
  citizen?: { bsuid?: string; phone?: string };
}

/**
 * The services that call others over gRPC, each with its own signing key (architecture §4), and
 * the roles each may assert in a caller proof. Only the gateway speaks for officers, after it
 * verified the officer's token; the conversation service for the citizen it talks to.
 */
export const CALLER_ISSUER_ROLES = {
  gateway: ['officer', 'supervisor', 'admin'],
  conversation: ['citizen', 'service'],
  notification: ['service'],
} as const satisfies Record<string, readonly CallerRole[]>;
export type CallerIssuer = keyof typeof CALLER_ISSUER_ROLES;
export const CALLER_ISSUERS = Object.keys(CALLER_ISSUER_ROLES) as CallerIssuer[];
