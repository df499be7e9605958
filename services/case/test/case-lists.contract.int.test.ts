import { sameCitizen } from '@pandawa/contracts';
import { connectMongo, type Connection } from '@pandawa/mongo';
import {
  connectTestBus,
  testDbName,
  testLogger,
  testNamespace,
  type TestBus,
} from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CASE_CATEGORIES,
  CASE_PRIORITIES,
  CASE_STATUSES,
  type CaseStatus,
} from '../src/domain/case.types.js';
import { urgentDueAt } from '../src/domain/sla-clocks.js';
import type {
  CaseLists,
  CaseListsKind,
  ListFilter,
  ListOrder,
} from '../src/read-model/case-lists.js';
import { InMemoryCaseLists } from '../src/read-model/in-memory-case-lists.js';
import {
  caseKey,
  CaseRepository,
  listQueryFields,
  type Cursor,
} from '../src/store/case/case.repository.js';
import type { CaseDocument } from '../src/store/case/case.schema.js';
import { IndexedCaseLists } from '../src/store/case/indexed-case-lists.js';

/**
 * The contract of CaseLists: both implementations (the in-memory view and MongoDB's indexes)
 * answer every list, the statistics window and the SLA check's due cases exactly as a plain
 * reference over the stored cases does. On FerretDB the index-backed one scans; the data here
 * is small enough for that.
 */
const OFFICE = 'pekanbaru';
const OTHER = 'dumai';
const T0 = Date.UTC(2026, 10, 2, 1, 0, 0);
const HOUR = 3_600_000;
const NAMES = ['Siti Aminah', 'Budi Santoso', 'Dewi Lestari', 'Ahmad Fauzi', 'Rina Marlina'];
const TAGS = [['bpjs'], ['Bank', 'lansia'], [], ['BPJS', 'disabilitas'], []];

/** A varied case: every filter field cycles, some cases share a creation time or a due time. */
function seedCase(i: number, officeId = OFFICE): CaseDocument {
  const caseId = `case-${String(i).padStart(4, '0')}`;
  // Pairs share a creation time, so the order falls back to the key.
  const createdAt = new Date(T0 + Math.floor(i / 2) * 60_000);
  const status: CaseStatus = CASE_STATUSES[i % CASE_STATUSES.length]!;
  const name = `${NAMES[i % NAMES.length]} ${i}`;
  const responded = i % 3 === 0;
  const paused = status === 'MENUNGGU_DATA' && i % 2 === 0;
  const sla = {
    // Due times repeat every 10 cases, so the queue has ties broken by the key.
    firstResponseDueAt: new Date(T0 + (i % 10) * HOUR),
    resolutionDueAt: new Date(T0 + (20 + (i % 17)) * HOUR),
    firstResponseAt: responded ? new Date(createdAt.getTime() + HOUR) : null,
    resolvedAt: status === 'SELESAI' ? new Date(createdAt.getTime() + 30 * HOUR) : null,
    firstResponseBreached: i % 7 === 0,
    resolutionBreached: i % 11 === 0,
    firstResponseMinutes: responded ? 60 : null,
    resolutionMinutes: status === 'SELESAI' ? 600 + i : null,
    pausedAt: paused ? new Date(createdAt.getTime() + 2 * HOUR) : null,
    pausedMinutes: 0,
  };
  return {
    _id: caseKey(officeId, caseId),
    caseId,
    officeId,
    trackingCode: `PDW-${i % 4 === 0 ? 'AB' : 'CD'}${String(i).padStart(4, '0')}`,
    idempotencyKey: `seed-${caseId}`,
    status,
    statusDetail: {},
    category: CASE_CATEGORIES[i % CASE_CATEGORIES.length]!,
    priority: CASE_PRIORITIES[i % CASE_PRIORITIES.length]!,
    citizen: {
      phone: `62812${String(i % 40).padStart(8, '0')}`,
      // Some citizens have a BSUID too; some of those share a phone with others (recycled numbers).
      ...(i % 5 === 0 ? { bsuid: `ID.${String(1000000000000000 + (i % 15))}` } : {}),
      profileName: name,
      nik: '1471011201900001',
      kkNumber: '1471010101100002',
      name,
    },
    searchName: name.toLowerCase(),
    description: 'NIK tidak aktif saat mendaftar BPJS Kesehatan.',
    documentIds: [],
    assigneeId: i % 4 === 0 ? '' : `officer-${i % 5}`,
    tags: TAGS[i % TAGS.length]!,
    // Handoffs running, ended, and none (old records have no field at all).
    ...(i % 4 === 1
      ? {
          handoff: { requestedAt: createdAt, endedAt: i % 8 === 5 ? createdAt : null, endedBy: '' },
        }
      : i % 4 === 2
        ? { handoff: null }
        : {}),
    createdAt,
    updatedAt: createdAt,
    sla,
    slaBreached: sla.firstResponseBreached || sla.resolutionBreached,
    slaNextCheckAt: i % 6 === 0 ? new Date(T0 + (i % 9) * HOUR) : null,
    messages: [],
    notes: [],
    audit: [],
    outbox: [],
    version: 1,
  };
}

const CASES = 130;
const seeded = Array.from({ length: CASES }, (_, i) => seedCase(i));

/** The reference: what a list must hold, written out plainly over the seeded cases. */
function reference(docs: CaseDocument[], f: ListFilter, order: ListOrder): string[] {
  const words = (s: string) => s.split(' ');
  const rows = docs.filter(
    (d) =>
      d.officeId === OFFICE &&
      (!f.statuses?.length || f.statuses.includes(d.status)) &&
      (!f.category || d.category === f.category) &&
      (!f.unassignedOnly || d.assigneeId === '') &&
      (f.unassignedOnly || !f.assigneeId || d.assigneeId === f.assigneeId) &&
      (f.slaBreached === undefined || d.slaBreached === f.slaBreached) &&
      (!f.priority || d.priority === f.priority) &&
      (!f.awaitingOfficer ||
        (d.handoff?.endedAt === null &&
          !['SELESAI', 'DITOLAK', 'DIBATALKAN'].includes(d.status))) &&
      (!f.tag || d.tags.some((t) => t.toLowerCase() === f.tag!.toLowerCase())) &&
      (!f.createdFrom || d.createdAt >= f.createdFrom) &&
      (!f.createdBefore || d.createdAt < f.createdBefore) &&
      (!f.trackingCodePrefix || d.trackingCode.startsWith(f.trackingCodePrefix)) &&
      (!f.namePrefix ||
        words(d.searchName).some((w, i, all) =>
          all.slice(i).join(' ').startsWith(f.namePrefix!),
        )) &&
      (!f.citizen || sameCitizen(d.citizen, f.citizen)),
  );
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (order === 'sla_due')
    return rows
      .map((d) => ({ d, due: urgentDueAt(d.sla, d.status) }))
      .filter((r) => r.due !== null)
      .sort((a, b) => a.due!.getTime() - b.due!.getTime() || byKey(a.d._id, b.d._id))
      .map((r) => r.d.caseId);
  return rows
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byKey(b._id, a._id))
    .map((d) => d.caseId);
}

const FILTERS: [string, ListFilter][] = [
  ['no filter', {}],
  ['two statuses', { statuses: ['BARU', 'DIPROSES'] }],
  ['a category', { category: 'DATA_GANDA' }],
  ['an assignee', { assigneeId: 'officer-3' }],
  ['the unassigned', { unassignedOnly: true }],
  ['breached', { slaBreached: true }],
  ['not breached', { slaBreached: false }],
  ['a priority', { priority: 'PRIORITY_HIGH' }],
  ['a tag, case aside', { tag: 'bpjs' }],
  ['a tracking-code prefix', { trackingCodePrefix: 'PDW-AB' }],
  ['the start of a word of the name', { namePrefix: 'ami' }],
  ['the start of the name, two words', { namePrefix: 'budi s' }],
  ['a citizen by phone', { citizen: { phone: '6281200000007' } }],
  ['a citizen by BSUID', { citizen: { bsuid: 'ID.1000000000000005' } }],
  [
    'a citizen by BSUID and phone',
    { citizen: { bsuid: 'ID.1000000000000010', phone: '6281200000010' } },
  ],
  [
    'a citizen whose phone a BSUID holder had',
    { citizen: { bsuid: 'ID.9999999999999999', phone: '6281200000000' } },
  ],
  [
    'several at once',
    { statuses: ['BARU', 'DIVERIFIKASI', 'DIPROSES'], slaBreached: false, tag: 'BANK' },
  ],
  ['a search that matches nothing', { namePrefix: 'zzz' }],
  ['waiting for an officer', { awaitingOfficer: true }],
  ['waiting for an officer, unassigned', { awaitingOfficer: true, unassignedOnly: true }],
  [
    'a created range (from inclusive, to exclusive)',
    { createdFrom: new Date(T0 + 10 * 60_000), createdBefore: new Date(T0 + 30 * 60_000) },
  ],
  ['created from', { createdFrom: new Date(T0 + 50 * 60_000), statuses: ['BARU'] }],
  ['created before', { createdBefore: new Date(T0 + 5 * 60_000) }],
];

/** Every page of a listing, following the cursor; every page but the last is full. */
async function walk(
  lists: CaseLists,
  filter: ListFilter,
  pageSize: number,
  order: ListOrder,
): Promise<string[]> {
  const seen: string[] = [];
  let after: Cursor | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await lists.list(OFFICE, filter, pageSize, after, order);
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    if (page.next) expect(page.items).toHaveLength(pageSize);
    seen.push(...page.items.map((e) => e.caseId));
    after = page.next;
    if (!after) break;
  }
  return seen;
}

describe.each<CaseListsKind>(['memory', 'indexed'])('CaseLists (%s)', (kind) => {
  const ns = testNamespace();
  const logger = testLogger(`case-lists-${kind}`);
  let mongo: Connection;
  let bus: TestBus;
  let repository: CaseRepository;
  let lists: CaseLists;

  beforeAll(async () => {
    mongo = await connectMongo({
      url: process.env.MONGO_URL!,
      dbName: testDbName(ns, `case-lists-${kind}`),
      logger,
    });
    bus = await connectTestBus(process.env.NATS_URL!, ns);
    repository = new CaseRepository(mongo);
    await repository.ensureIndexes();
    await repository.insertMany([...seeded, seedCase(1, OTHER), seedCase(2, OTHER)]);
    lists =
      kind === 'memory'
        ? new InMemoryCaseLists({ repository, ...bus, logger })
        : new IndexedCaseLists({ connection: mongo, repository, logger });
    await lists.start();
  });
  afterAll(async () => {
    await lists?.stop();
    await mongo?.dropDatabase().catch(() => undefined);
    await mongo?.close();
    await bus?.close();
  });

  it('is ready once started', () => {
    expect(lists.ready).toBe(true);
    expect(lists.kind).toBe(kind);
  });

  it.each(FILTERS)('lists %s newest first, page by page, as the reference does', async (_, f) => {
    expect(await walk(lists, f, 7, 'newest')).toEqual(reference(seeded, f, 'newest'));
  });

  it.each(FILTERS)(
    'queues %s by SLA due time, page by page, as the reference does',
    async (_, f) => {
      expect(await walk(lists, f, 6, 'sla_due')).toEqual(reference(seeded, f, 'sla_due'));
    },
  );

  it('answers one page of twenty with a cursor, and nothing past the end', async () => {
    const first = await lists.list(OFFICE, {}, 20);
    expect(first.items.map((e) => e.caseId)).toEqual(reference(seeded, {}, 'newest').slice(0, 20));
    expect(first.next).toBeDefined();
    const all = await lists.list(OFFICE, {}, CASES);
    expect(all.items).toHaveLength(CASES);
    expect(all.next).toBeUndefined();
  });

  it("never shows another office's cases, and knows no office it has no cases of", async () => {
    const other = await lists.list(OTHER, {}, 50);
    expect(other.items.map((e) => e.officeId)).toEqual([OTHER, OTHER]);
    expect((await lists.list('siak', {}, 50)).items).toEqual([]);
  });

  it("leaves the citizen's NIK and KK number out of list entries", async () => {
    const [entry] = (await lists.list(OFFICE, {}, 1)).items;
    expect(entry!.citizen).not.toHaveProperty('nik');
    expect(entry!.citizen).not.toHaveProperty('kkNumber');
    expect(entry).not.toHaveProperty('messages');
  });

  it('gives the statistics window the cases opened in it, oldest first', async () => {
    const from = new Date(T0 + 10 * 60_000);
    const to = new Date(T0 + 40 * 60_000);
    const seen: string[] = [];
    for await (const e of lists.openedBetween(OFFICE, from, to)) seen.push(e.caseId);
    const expected = seeded
      .filter((d) => d.createdAt >= from && d.createdAt < to)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a._id < b._id ? -1 : 1))
      .map((d) => d.caseId);
    expect(seen).toEqual(expected);
  });

  it('gives the SLA check the cases whose next check is due, of every office, up to its limit', async () => {
    const now = new Date(T0 + 4 * HOUR);
    const due = (await lists.slaDue(now, 1000)).map((e) => e._id).sort();
    const expected = [...seeded, seedCase(1, OTHER), seedCase(2, OTHER)]
      .filter((d) => d.slaNextCheckAt && d.slaNextCheckAt <= now)
      .map((d) => d._id)
      .sort();
    expect(due).toEqual(expected);
    expect(await lists.slaDue(now, 3)).toHaveLength(3);
  });

  it('shows a change its writer made in the next list, in both orders', async () => {
    const doc = seeded[5]!;
    const sla = { ...doc.sla, firstResponseAt: null, pausedAt: null, resolvedAt: null };
    const set = {
      status: 'DIPROSES' as const,
      assigneeId: 'officer-new',
      sla: { ...sla, firstResponseDueAt: new Date(T0 - 100 * HOUR) },
    };
    const updated = await repository.updateLocked(OFFICE, doc.caseId, {
      $set: { ...set, ...listQueryFields({ ...doc, ...set }) },
    });
    lists.changed(updated!);
    const mine = await lists.list(OFFICE, { assigneeId: 'officer-new' }, 10);
    expect(mine.items.map((e) => [e.caseId, e.status])).toEqual([[doc.caseId, 'DIPROSES']]);
    const queue = await lists.list(OFFICE, {}, 1, undefined, 'sla_due');
    expect(queue.items[0]!.caseId).toBe(doc.caseId); // the most overdue now
  });

  it('keeps a page cursor in place when a case is opened between two pages', async () => {
    const first = await lists.list(OFFICE, {}, 10);
    const newer = seedCase(CASES + 1);
    newer.createdAt = new Date(T0 + 1000 * HOUR);
    expect(await repository.insert(newer)).toEqual({ ok: true });
    lists.changed(newer);
    const second = await lists.list(OFFICE, {}, 10, first.next);
    const expected = reference(seeded, {}, 'newest');
    expect(second.items[0]!.caseId).toBe(expected[10]);
    expect((await lists.list(OFFICE, {}, 1)).items[0]!.caseId).toBe(newer.caseId);
  });
});
