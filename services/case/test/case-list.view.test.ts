import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, CASE_STATUSES } from '../src/domain/case.types.js';
import { urgentDueAt } from '../src/domain/sla-clocks.js';
import type { CaseListEntry } from '../src/read-model/case-list.entry.js';
import { CaseListView, type ListFilter, type ListOrder } from '../src/read-model/case-list.view.js';
import type { Cursor } from '../src/store/case/case.repository.js';

const T0 = Date.UTC(2026, 10, 2, 1, 0, 0);

function entry(i: number, over: Partial<CaseListEntry> = {}): CaseListEntry {
  const createdAt = new Date(T0 + i * 60_000);
  return {
    _id: `pekanbaru/case-${String(i).padStart(5, '0')}`,
    caseId: `case-${String(i).padStart(5, '0')}`,
    officeId: 'pekanbaru',
    trackingCode: `PDW-${String(i).padStart(6, 'A')}`,
    status: 'BARU',
    statusDetail: {},
    category: 'LAINNYA',
    priority: 'PRIORITY_NORMAL',
    citizen: { phone: `62812${i}`, profileName: `Siti ${i}`, name: `Siti ${i}` },
    searchName: `siti ${i}`,
    description: 'x',
    documentIds: [],
    assigneeId: '',
    tags: [],
    createdAt,
    updatedAt: createdAt,
    sla: {
      firstResponseDueAt: new Date(T0 + 3_600_000),
      resolutionDueAt: new Date(T0 + 7_200_000),
      firstResponseAt: null,
      resolvedAt: null,
      firstResponseBreached: false,
      resolutionBreached: false,
      firstResponseMinutes: null,
      resolutionMinutes: null,
    },
    slaBreached: false,
    slaNextCheckAt: null,
    version: 1,
    ...over,
  };
}

/** Every page of a listing, following the cursor; every page but the last is full. */
function walk(
  view: CaseListView,
  filter: ListFilter,
  pageSize: number,
  order: ListOrder = 'newest',
): string[] {
  const seen: string[] = [];
  let after: Cursor | undefined;
  do {
    const page = view.list('pekanbaru', filter, pageSize, after, order);
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    if (page.next) expect(page.items).toHaveLength(pageSize);
    seen.push(...page.items.map((e) => e.caseId));
    after = page.next;
  } while (after);
  return seen;
}

describe('CaseListView', () => {
  it('lists newest first and pages with a cursor that survives inserts', () => {
    const view = new CaseListView();
    for (let i = 0; i < 45; i++) view.upsert(entry(i));
    const first = view.list('pekanbaru', {}, 20);
    expect(first.items.map((e) => e.caseId)[0]).toBe('case-00044');
    expect(first.next).toBeDefined();
    // A case opened between two pages does not shift the next page.
    view.upsert(entry(45));
    const second = view.list('pekanbaru', {}, 20, first.next);
    expect(second.items[0]!.caseId).toBe('case-00024');
    const third = view.list('pekanbaru', {}, 20, second.next);
    expect(third.items).toHaveLength(5);
    expect(third.next).toBeUndefined();
  });

  it('keeps an older version from replacing a newer one', () => {
    const view = new CaseListView();
    expect(view.upsert(entry(1, { status: 'DIPROSES', version: 3 }))).toBe(true);
    expect(view.upsert(entry(1, { status: 'BARU', version: 2 }))).toBe(false);
    expect(view.list('pekanbaru', {}, 10).items.map((e) => e.status)).toEqual(['DIPROSES']);
    expect(view.size).toBe(1);
  });

  it('keeps offices apart', () => {
    const view = new CaseListView();
    view.upsert(entry(1));
    view.upsert({ ...entry(2), officeId: 'dumai', _id: 'dumai/case-00002' });
    expect(view.list('pekanbaru', {}, 10).items.map((e) => e.caseId)).toEqual(['case-00001']);
    expect(view.list('dumai', {}, 10).items.map((e) => e.caseId)).toEqual(['case-00002']);
    expect(view.list('siak', {}, 10).items).toEqual([]);
  });

  it('gives the window of statistics and the cases due for an SLA check', () => {
    const view = new CaseListView();
    for (let i = 0; i < 10; i++)
      view.upsert(entry(i, { slaNextCheckAt: i % 3 === 0 ? new Date(T0 + i * 60_000) : null }));
    const window = [
      ...view.openedBetween('pekanbaru', new Date(T0 + 2 * 60_000), new Date(T0 + 5 * 60_000)),
    ];
    expect(window.map((e) => e.caseId)).toEqual(['case-00002', 'case-00003', 'case-00004']);
    const due = view.slaDue(new Date(T0 + 6 * 60_000), 10).map((e) => e.caseId);
    expect(due.sort()).toEqual(['case-00000', 'case-00003', 'case-00006']);
    expect(view.slaDue(new Date(T0 + 6 * 60_000), 2)).toHaveLength(2);
  });

  it('answers every filter and page size as a sort-and-filter of all cases would', () => {
    const arbEntry = fc.record({
      minute: fc.integer({ min: 0, max: 40 }), // collisions: equal creation times are ordered by key
      status: fc.constantFrom(...CASE_STATUSES),
      category: fc.constantFrom(...CASE_CATEGORIES),
      assigneeId: fc.constantFrom('', 'officer-1', 'officer-2'),
      slaBreached: fc.boolean(),
      name: fc.constantFrom('siti', 'siti aminah', 'andi', 'budi', 'abu bakar'),
      priority: fc.constantFrom('PRIORITY_LOW', 'PRIORITY_NORMAL', 'PRIORITY_HIGH' as const),
      tags: fc.subarray(['BPJS', 'bank', 'lansia']),
    });
    // At most two filters at once, so that most runs match enough cases to need several pages.
    const arbFilter: fc.Arbitrary<ListFilter> = fc
      .tuple(
        fc.subarray(
          [
            'statuses',
            'category',
            'assigneeId',
            'unassignedOnly',
            'slaBreached',
            'namePrefix',
            'trackingCodePrefix',
            'priority',
            'tag',
          ] as const,
          { maxLength: 2 },
        ),
        fc.record({
          statuses: fc.subarray([...CASE_STATUSES], { minLength: 1 }),
          category: fc.constantFrom(...CASE_CATEGORIES),
          assigneeId: fc.constantFrom('officer-1', 'officer-2'),
          unassignedOnly: fc.boolean(),
          slaBreached: fc.boolean(),
          namePrefix: fc.constantFrom('siti', 'siti a', 'b', 'ami', 'min'),
          trackingCodePrefix: fc.constantFrom('PDW-A', 'PDW-AAAA1'),
          priority: fc.constantFrom('PRIORITY_LOW', 'PRIORITY_HIGH' as const),
          tag: fc.constantFrom('bpjs', 'BANK', 'lansia'),
        }),
      )
      .map(([keys, values]) => Object.fromEntries(keys.map((k) => [k, values[k]])) as ListFilter);
    fc.assert(
      fc.property(
        fc.array(arbEntry, { maxLength: 80 }),
        arbFilter,
        fc.integer({ min: 1, max: 7 }),
        (specs, filter, pageSize) => {
          const view = new CaseListView();
          const all = specs.map((s, i) =>
            entry(i, {
              createdAt: new Date(T0 + s.minute * 60_000),
              status: s.status,
              category: s.category,
              assigneeId: s.assigneeId,
              slaBreached: s.slaBreached,
              searchName: `${s.name} ${i}`,
              priority: s.priority,
              tags: s.tags,
            }),
          );
          // Inserted in random creation order, as events from several instances arrive.
          for (const e of all) view.upsert(e);
          const expected = all
            .filter(
              (e) =>
                (!filter.statuses?.length || filter.statuses.includes(e.status)) &&
                (!filter.category || e.category === filter.category) &&
                (filter.unassignedOnly
                  ? e.assigneeId === ''
                  : !filter.assigneeId || e.assigneeId === filter.assigneeId) &&
                (filter.slaBreached === undefined || e.slaBreached === filter.slaBreached) &&
                (!filter.namePrefix ||
                  e.searchName
                    .split(' ')
                    .some((_, i, words) =>
                      words.slice(i).join(' ').startsWith(filter.namePrefix!),
                    )) &&
                (!filter.trackingCodePrefix ||
                  e.trackingCode.startsWith(filter.trackingCodePrefix)) &&
                (!filter.priority || e.priority === filter.priority) &&
                (!filter.tag ||
                  e.tags.map((t) => t.toLowerCase()).includes(filter.tag.toLowerCase())),
            )
            .sort(
              (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1),
            )
            .map((e) => e.caseId);
          expect(walk(view, filter, pageSize)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('queues open cases with a running clock by due time, overdue first, page after page', () => {
    const arbCase = fc.record({
      minute: fc.integer({ min: 0, max: 40 }),
      status: fc.constantFrom(...CASE_STATUSES),
      firstDue: fc.integer({ min: 0, max: 30 }), // collisions: equal due times are ordered by key
      resolutionDue: fc.integer({ min: 0, max: 30 }),
      responded: fc.boolean(),
      waiting: fc.boolean(),
      breached: fc.boolean(),
      assigneeId: fc.constantFrom('', 'officer-1'),
    });
    fc.assert(
      fc.property(
        fc.array(arbCase, { maxLength: 80 }),
        fc.constantFrom<ListFilter>({}, { assigneeId: 'officer-1' }, { statuses: ['DIPROSES'] }),
        fc.integer({ min: 1, max: 7 }),
        (specs, filter, pageSize) => {
          const view = new CaseListView();
          const all = specs.map((s, i) => {
            const base = entry(i, {
              createdAt: new Date(T0 + s.minute * 60_000),
              status: s.status,
              assigneeId: s.assigneeId,
            });
            return {
              ...base,
              sla: {
                ...base.sla,
                firstResponseDueAt: new Date(T0 + s.firstDue * 3_600_000),
                resolutionDueAt: new Date(T0 + s.resolutionDue * 3_600_000),
                firstResponseAt: s.responded ? new Date(T0) : null,
                pausedAt: s.waiting ? new Date(T0) : null,
                firstResponseBreached: s.breached,
              },
            };
          });
          for (const e of all) view.upsert(e);
          const expected = all
            .filter(
              (e) =>
                (!filter.assigneeId || e.assigneeId === filter.assigneeId) &&
                (!filter.statuses || filter.statuses.includes(e.status)),
            )
            .flatMap((e) => {
              const due = urgentDueAt(e.sla, e.status);
              return due ? [{ t: due.getTime(), key: e._id, caseId: e.caseId }] : [];
            })
            .sort((a, b) => a.t - b.t || (a.key < b.key ? -1 : 1))
            .map((x) => x.caseId);
          expect(walk(view, filter, pageSize, 'sla_due')).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
