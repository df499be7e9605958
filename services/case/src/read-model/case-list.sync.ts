import { performance } from 'node:perf_hooks';
import type { Envelope, Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import {
  followStream,
  streamLastSequence,
  type FollowerHandle,
  type JetStreamClient,
  type JetStreamManager,
} from '@pandawa/nats';
import type { CaseRepository } from '../store/case/case.repository.js';
import { toListEntry } from './case-list.entry.js';
import type { CaseListView } from './case-list.view.js';

export interface CaseListSyncOptions {
  view: CaseListView;
  repository: CaseRepository;
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  logger: Logger;
}

/**
 * Fills the CaseListView from the store, then keeps it current from `case.events.*`: for each
 * event it re-reads that case by `_id` (an indexed lookup everywhere), so the view holds what
 * the store holds whatever the event says. Events carry every change a list shows (created,
 * status, assignee, reply, SLA breach); a change without an event (a note, a delivery receipt)
 * reaches other instances' views with the case's next event.
 *
 * The stream position is taken before the load and followed from there: a change made during
 * the load is applied again afterwards (harmless: entries are versioned).
 */
export class CaseListSync {
  private follower: FollowerHandle | undefined;

  constructor(private readonly options: CaseListSyncOptions) {}

  async start(): Promise<void> {
    const { view, repository, topology, logger } = this.options;
    const stream = topology.streams.CASE_EVENTS.name;
    const from = (await streamLastSequence(this.options.jsm, stream)) + 1;
    const started = performance.now();
    let count = 0;
    await repository.forEachListed((doc) => {
      view.upsert(toListEntry(doc));
      count++;
    });
    this.follower = await followStream({
      js: this.options.js,
      stream,
      filterSubjects: [topology.subjects.caseEventsAll],
      startSequence: from,
      handler: (envelope) => this.refresh(envelope),
      logger,
    });
    view.markLoaded();
    logger.info(
      { cases: count, loadMs: Math.round(performance.now() - started) },
      'case list loaded; following case events',
    );
  }

  async stop(): Promise<void> {
    await this.follower?.stop();
  }

  private async refresh(envelope: Envelope): Promise<void> {
    const caseId = (envelope.data as { caseId?: unknown } | null)?.caseId;
    if (typeof caseId !== 'string') return;
    const doc = await this.options.repository.findListed(envelope.officeId, caseId);
    if (doc) this.options.view.upsert(toListEntry(doc));
  }
}
