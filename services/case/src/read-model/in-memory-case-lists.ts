import type { Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import type { JetStreamClient, JetStreamManager } from '@pandawa/nats';
import type { CaseRepository, Cursor, ListedCase } from '../store/case/case.repository.js';
import { toListEntry, type CaseListEntry } from './case-list.entry.js';
import { CaseListSync } from './case-list.sync.js';
import { CaseListView, type ListFilter, type ListOrder, type Page } from './case-list.view.js';
import type { CaseLists } from './case-lists.js';

/**
 * Lists from CaseListView, every case's header held in this instance: loaded at start (the one
 * whole-collection read the service makes) and kept current by CaseListSync from
 * `case.events.*`. A page is a walk of one array, on any store; the cost is memory and the
 * start-up read.
 */
export class InMemoryCaseLists implements CaseLists {
  readonly kind = 'memory';
  readonly view = new CaseListView();
  private readonly sync: CaseListSync;

  constructor(options: {
    repository: CaseRepository;
    js: JetStreamClient;
    jsm: JetStreamManager;
    topology: Topology;
    logger: Logger;
  }) {
    this.sync = new CaseListSync({ ...options, view: this.view });
  }

  get ready(): boolean {
    return this.view.ready;
  }

  start(): Promise<void> {
    return this.sync.start();
  }

  stop(): Promise<void> {
    return this.sync.stop();
  }

  changed(doc: ListedCase): void {
    this.view.upsert(toListEntry(doc));
  }

  async list(
    officeId: string,
    filter: ListFilter,
    limit: number,
    after?: Cursor,
    order?: ListOrder,
  ): Promise<Page> {
    return this.view.list(officeId, filter, limit, after, order);
  }

  async *openedBetween(officeId: string, from: Date, to: Date): AsyncIterable<CaseListEntry> {
    yield* this.view.openedBetween(officeId, from, to);
  }

  async slaDue(now: Date, limit: number): Promise<CaseListEntry[]> {
    return this.view.slaDue(now, limit);
  }
}
