import { identityOf } from '../domain/citizen-identity.js';
import type { ListedCase } from '../store/case/case.repository.js';
import type { CaseDocument } from '../store/case/case.schema.js';

/**
 * A case as lists and statistics see it: the case without its growing arrays (thread, notes,
 * audit, outbox), its idempotency key, or the citizen's NIK and KK number (an officer opens the
 * case for those; a list of twenty never shows twenty NIKs), and with the start of its
 * description only. What GetCase returns otherwise.
 */
export type CaseListEntry = Omit<
  CaseDocument,
  'messages' | 'notes' | 'audit' | 'outbox' | 'idempotencyKey' | 'citizen'
> & {
  citizen: Pick<CaseDocument['citizen'], 'phone' | 'bsuid' | 'username' | 'profileName' | 'name'>;
};

// Values repeated across every entry (office, status, category, ...) are kept once: each
// decoded document brings its own copy of each string, and 100 000 copies add up.
const interned = new Map<string, string>();
const intern = <T extends string>(s: T): T => {
  const known = interned.get(s);
  if (known !== undefined) return known as T;
  if (interned.size < 10_000) interned.set(s, s);
  return s;
};

/**
 * How much of the description a list entry keeps: enough for a line in a list. A description may
 * be 4 096 characters, and every entry stays in memory in every instance.
 */
export const LIST_DESCRIPTION_CHARS = 160;

const excerpt = (text: string) =>
  text.length <= LIST_DESCRIPTION_CHARS ? text : `${text.slice(0, LIST_DESCRIPTION_CHARS - 1)}…`;

/** The identity an entry keeps (legacy `waId` read as the phone): what lists match citizens on. */
function identityFields(c: CaseDocument['citizen']) {
  const { bsuid, phone, username } = identityOf(c);
  return {
    ...(bsuid ? { bsuid } : {}),
    ...(phone ? { phone } : {}),
    ...(username ? { username } : {}),
  };
}

export function toListEntry(doc: ListedCase): CaseListEntry {
  return {
    _id: doc._id,
    caseId: doc.caseId,
    officeId: intern(doc.officeId),
    trackingCode: doc.trackingCode,
    status: intern(doc.status),
    statusDetail: doc.statusDetail ?? {},
    category: intern(doc.category),
    priority: intern(doc.priority),
    citizen: {
      ...identityFields(doc.citizen),
      profileName: doc.citizen.profileName,
      name: doc.citizen.name,
    },
    searchName: doc.searchName,
    description: excerpt(doc.description),
    documentIds: doc.documentIds ?? [],
    assigneeId: intern(doc.assigneeId ?? ''),
    tags: doc.tags ?? [],
    handoff: doc.handoff ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    sla: doc.sla,
    slaBreached: doc.slaBreached,
    slaNextCheckAt: doc.slaNextCheckAt ?? null,
    version: doc.version,
  };
}
