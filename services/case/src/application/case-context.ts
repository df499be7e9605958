import type { Logger } from '@pandawa/logging';
import type { CaseCategory } from '../domain/case.types.js';
import type { ServiceSchedule } from '../domain/service-hours.js';
import type { SlaTargets } from '../domain/sla.policy.js';
import type { CaseLists } from '../read-model/case-lists.js';
import type { CaseLocks } from '../store/case/case-lock.repository.js';
import type { CaseRepository } from '../store/case/case.repository.js';
import type { CaseStore } from '../store/case/case.store.js';

/** What every use case of the case aggregate works with; built once by CaseService. */
export interface CaseContext {
  /** Creates cases and applies decisions to them under their guard (lock, outbox, lists). */
  store: CaseStore;
  /** Reads and the citizen refs. */
  repo: CaseRepository;
  /** Serializes writes to one case (FerretDB v1 updates are not isolated; see case-lock.repository.ts). */
  locks: CaseLocks;
  /** Lists, statistics and the SLA check read it; every write here is told to it at once. */
  lists: CaseLists;
  /**
   * The office's SLA schedule now (its settings, else the configuration; architecture §3.2).
   * Read at each clock operation: a change of hours applies from the next one (§7).
   */
  scheduleFor: (officeId: string) => ServiceSchedule;
  targets: Readonly<Record<CaseCategory, SlaTargets>>;
  logger: Logger;
  now: () => Date;
  /** Called after a write that left events in the outbox, so the relay publishes them now. */
  onEventsWritten: () => void;
}
