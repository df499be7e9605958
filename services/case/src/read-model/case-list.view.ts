import { hasTag } from '../domain/case-tags.js';
import { belongsTo } from '../domain/citizen-identity.js';
import { handoffActive } from '../domain/handoff.js';
import type { CaseCategory, CasePriority, CaseStatus } from '../domain/case.types.js';
import { urgentDueAt } from '../domain/sla-clocks.js';
import type { Cursor } from '../store/case/case.repository.js';
import type { CaseListEntry } from './case-list.entry.js';

export interface ListFilter {
  statuses?: CaseStatus[];
  category?: CaseCategory;
  assigneeId?: string;
  unassignedOnly?: boolean;
  slaBreached?: boolean;
  trackingCodePrefix?: string;
  /** Normalized (domain/search-name.ts); matches the start of any word of the name. */
  namePrefix?: string;
  /** A citizen's own cases (domain/citizen-identity.ts `belongsTo`). */
  citizen?: { bsuid?: string; phone?: string };
  priority?: CasePriority;
  /** Cases carrying this tag, case aside. */
  tag?: string;
  /** Only cases whose citizen waits for an officer (domain/handoff.ts). */
  awaitingOfficer?: boolean;
  /** Created at or after. */
  createdFrom?: Date;
  /** Created before. */
  createdBefore?: Date;
}

/**
 * `newest`: every matching case, newest first. `sla_due`: the officers' queue — matching open
 * cases whose SLA clock runs, soonest due (or longest overdue) first.
 */
export type ListOrder = 'newest' | 'sla_due';

export interface Page {
  items: CaseListEntry[];
  next?: Cursor;
}

/** Ascending (at, id): the order of the office's array (at = createdAt) and of the queue (at = due). */
function compare(a: Cursor, b: Cursor): number {
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const positionOf = (e: CaseListEntry): Cursor => ({ at: e.createdAt, id: e._id });

/** One office's cases, oldest first, plus a key index. */
class OfficeCases {
  readonly ordered: CaseListEntry[] = [];
  readonly byKey = new Map<string, CaseListEntry>();

  /** Index of the first entry not before `at` (binary search). */
  lowerBound(at: Cursor): number {
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(positionOf(this.ordered[mid]!), at) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  upsert(entry: CaseListEntry): boolean {
    const known = this.byKey.get(entry._id);
    if (known && known.version > entry.version) return false;
    this.byKey.set(entry._id, entry);
    const at = positionOf(entry);
    const last = this.ordered.at(-1);
    if (!known && (!last || compare(positionOf(last), at) < 0)) {
      this.ordered.push(entry); // the usual case: a new case is the newest
      return true;
    }
    const i = this.lowerBound(positionOf(known ?? entry));
    if (known)
      this.ordered[i] = entry; // a case's creation time never changes
    else this.ordered.splice(i, 0, entry);
    return true;
  }
}

/** "ami" and "siti a" both find "siti aminah"; "min" does not. */
const startsAWord = (name: string, prefix: string) =>
  name.startsWith(prefix) || name.includes(` ${prefix}`);

/** Whether an entry passes a list filter: the one definition both list implementations apply. */
export function matches(e: CaseListEntry, f: ListFilter): boolean {
  return (
    (!f.statuses?.length || f.statuses.includes(e.status)) &&
    (!f.category || e.category === f.category) &&
    (f.unassignedOnly ? e.assigneeId === '' : !f.assigneeId || e.assigneeId === f.assigneeId) &&
    (f.slaBreached === undefined || e.slaBreached === f.slaBreached) &&
    (!f.citizen || belongsTo(e.citizen, f.citizen)) &&
    (!f.priority || e.priority === f.priority) &&
    (!f.tag || hasTag(e.tags, f.tag)) &&
    (!f.awaitingOfficer || handoffActive(e)) &&
    (!f.createdFrom || e.createdAt.getTime() >= f.createdFrom.getTime()) &&
    (!f.createdBefore || e.createdAt.getTime() < f.createdBefore.getTime()) &&
    (!f.trackingCodePrefix || e.trackingCode.startsWith(f.trackingCodePrefix)) &&
    (!f.namePrefix || startsAWord(e.searchName, f.namePrefix))
  );
}

/**
 * The officers' view of every case, in memory: lists, statistics and the SLA checker read it
 * instead of the database. FerretDB v1 (local and CI) answers any filtered or sorted query by
 * decoding the whole collection — seconds at 100 000 cases — and a list of twenty over 100 000
 * entries here is a walk of at most one array, newest first, stopping at the twentieth match.
 *
 * It is a read model: the store stays the record. CaseListSync loads it at start and keeps it
 * current from `case.events.*`, which every instance follows; the instance that makes a change
 * applies it at once, so an officer sees their own change in the next list. Entries carry the
 * case version, and an older version never replaces a newer one, so the order in which a load
 * and the events arrive does not matter.
 */
export class CaseListView {
  private readonly offices = new Map<string, OfficeCases>();
  private loaded = false;

  /** False until the first load from the store has finished (CaseListSync). */
  get ready(): boolean {
    return this.loaded;
  }

  markLoaded(): void {
    this.loaded = true;
  }

  private office(officeId: string): OfficeCases {
    let o = this.offices.get(officeId);
    if (!o) this.offices.set(officeId, (o = new OfficeCases()));
    return o;
  }

  /** Adds or replaces a case; false when the view already holds a newer version of it. */
  upsert(entry: CaseListEntry): boolean {
    return this.office(entry.officeId).upsert(entry);
  }

  get size(): number {
    let n = 0;
    for (const o of this.offices.values()) n += o.ordered.length;
    return n;
  }

  /** One page in `order`, after `after` (a cursor of the same order). */
  list(
    officeId: string,
    filter: ListFilter,
    limit: number,
    after?: Cursor,
    order: ListOrder = 'newest',
  ): Page {
    const o = this.offices.get(officeId);
    if (!o) return { items: [] };
    return order === 'sla_due'
      ? this.queue(o, filter, limit, after)
      : this.newest(o, filter, limit, after);
  }

  /** A walk back from the cursor that stops at the match after the page: no sort at all. */
  private newest(o: OfficeCases, filter: ListFilter, limit: number, after?: Cursor): Page {
    const items: CaseListEntry[] = [];
    let i = (after ? o.lowerBound(after) : o.ordered.length) - 1;
    let more = false;
    for (; i >= 0; i--) {
      const e = o.ordered[i]!;
      if (!matches(e, filter)) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(e);
    }
    const last = items.at(-1);
    return more && last ? { items, next: positionOf(last) } : { items };
  }

  /**
   * The matching cases with a running clock, soonest due first: one walk over the office that
   * keeps only the `limit + 1` most urgent after the cursor (a page and whether one follows),
   * rather than sorting every open case for each page.
   */
  private queue(o: OfficeCases, filter: ListFilter, limit: number, after?: Cursor): Page {
    const best: Cursor[] = []; // ascending (due time, key), at most limit + 1
    const entries = new Map<string, CaseListEntry>();
    for (const entry of o.ordered) {
      if (!matches(entry, filter)) continue;
      const at = urgentDueAt(entry.sla, entry.status);
      if (!at) continue;
      const position = { at, id: entry._id };
      if (after && compare(position, after) <= 0) continue;
      if (best.length > limit && compare(position, best[limit]!) >= 0) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(best[mid]!, position) < 0) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, position);
      entries.set(entry._id, entry);
      if (best.length > limit + 1) entries.delete(best.pop()!.id);
    }
    const page = best.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((p) => entries.get(p.id)!),
      ...(best.length > limit && last ? { next: last } : {}),
    };
  }

  /** The office's cases opened in [from, to), oldest first. */
  *openedBetween(officeId: string, from: Date, to: Date): Generator<CaseListEntry> {
    const o = this.offices.get(officeId);
    if (!o) return;
    for (let i = o.lowerBound({ at: from, id: '' }); i < o.ordered.length; i++) {
      const e = o.ordered[i]!;
      if (e.createdAt >= to) return;
      yield e;
    }
  }

  /** Cases of every office whose next SLA due time is at or before `now`. */
  slaDue(now: Date, limit: number): CaseListEntry[] {
    const due: CaseListEntry[] = [];
    for (const o of this.offices.values())
      for (const e of o.ordered) {
        if (e.slaNextCheckAt && e.slaNextCheckAt <= now) due.push(e);
        if (due.length >= limit) return due;
      }
    return due;
  }
}
