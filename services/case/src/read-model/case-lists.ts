import type { Cursor, ListedCase } from '../store/case/case.repository.js';
import type { CaseListEntry } from './case-list.entry.js';
import type { ListFilter, ListOrder, Page } from './case-list.view.js';

export type { ListFilter, ListOrder, Page } from './case-list.view.js';

/** Where lists come from (`CASE_LISTS`): the in-memory view, or MongoDB's indexes. */
export type CaseListsKind = 'memory' | 'indexed';

/**
 * The officers' lists, the statistics window and the SLA check's due cases, whichever way they
 * are answered. Two implementations answer the same questions the same way (one contract
 * suite, test/case-lists.contract.int.test.ts): InMemoryCaseLists (read-model/, the default
 * for `npm run dev` and CI, where FerretDB v1 scans for any query but `_id`) and
 * IndexedCaseLists (store/case/, MongoDB's indexes; the production overlay's choice: nothing
 * held in memory, ready at start).
 */
export interface CaseLists {
  readonly kind: CaseListsKind;
  /** False while it cannot answer yet (the in-memory view is loading). */
  readonly ready: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A case this instance just wrote: the in-memory view applies it at once, so its writer sees it. */
  changed(doc: ListedCase): void;
  /** One page of the office's cases in `order`, after `after` (a cursor of the same order). */
  list(
    officeId: string,
    filter: ListFilter,
    limit: number,
    after?: Cursor,
    order?: ListOrder,
  ): Promise<Page>;
  /** The office's cases opened in [from, to), oldest first. */
  openedBetween(officeId: string, from: Date, to: Date): AsyncIterable<CaseListEntry>;
  /** Cases of every office whose next SLA check is at or before `now`, at most `limit`. */
  slaDue(now: Date, limit: number): Promise<CaseListEntry[]>;
}
