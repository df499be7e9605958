import { citizenKey, notifyWaSend, type Envelope, type Topology } from '@pandawa/contracts';
import type { Logger } from '@pandawa/logging';
import type { EventPublisher } from '@pandawa/nats';
import { windowIsOpen } from '../domain/customer-window.js';
import { boundHeld, heldIdOf, isHeldRelease, type HeldBounds } from '../domain/held-message.js';
import type { HeldMessage, HeldMessageRepository } from '../store/held-message.repository.js';
import type { SendRecordRepository } from '../store/send-record.repository.js';
import type { NotificationMetrics } from './metrics.js';
import type { SendCommand } from './send-command.js';

export interface HeldMessagesDeps {
  repo: HeldMessageRepository;
  records: Pick<SendRecordRepository, 'get'>;
  publisher: EventPublisher;
  topology: Topology;
  bounds: HeldBounds;
  windowMarginMs: number;
  metrics: NotificationMetrics;
  logger: Logger;
  now: () => number;
}

/** A citizen's message as the window consumer saw it. */
export interface InboundOpening {
  phoneNumberId: string;
  identifiers: string[];
  messageId: string;
  /** Unix seconds, Meta's timestamp. */
  timestamp: string;
}

const identifiersOf = (to: SendCommand['data']['to']) =>
  [to.bsuid, to.phone].filter((v): v is string => Boolean(v));

/**
 * Keeps the templates' promise (architecture §3.1, Held messages): the content a template stood
 * in for is held when the template leaves, and delivered free-form when the citizen's next
 * message opens the window — as `notify.wa.send` commands whose ids are the held records' own,
 * so they take the citizen's ordered lane and every copy of a release is one send record.
 * Nothing here logs the content or the citizen's identity.
 */
export class HeldMessages {
  /** The last `heldAt` given: strictly increasing, so one citizen's order never ties. */
  private lastHeldAt = 0;

  constructor(private readonly deps: HeldMessagesDeps) {}

  /**
   * Holds the free-form content of `command`, which is leaving as its fallback template. Called
   * before the template's request leaves (a crash after it still has the content held); a
   * redelivered command holds nothing twice. Past the bounds the oldest held go (counted).
   */
  async hold(command: SendCommand, phoneNumberId: string): Promise<void> {
    const { data } = command;
    const now = Math.max(this.deps.now(), this.lastHeldAt + 1);
    this.lastHeldAt = now;
    const identifiers = identifiersOf(data.to);
    const held: HeldMessage = {
      _id: heldIdOf(command.id),
      commandId: command.id,
      officeId: command.officeId,
      phoneNumberId,
      identifiers,
      to: data.to,
      purpose: data.purpose,
      ...(data.caseId ? { caseId: data.caseId } : {}),
      ...(data.caseMessageId ? { caseMessageId: data.caseMessageId } : {}),
      // A plain copy: no `undefined` left to be stored as null and refused on the way out.
      message: JSON.parse(JSON.stringify(data.message)) as HeldMessage['message'],
      heldAt: new Date(now),
      expiresAt: new Date(now + this.deps.bounds.maxAgeMs),
    };
    if (!(await this.deps.repo.hold(held))) return;
    this.deps.metrics.held.inc({ purpose: data.purpose });
    const { expired, overflow } = boundHeld(
      await this.deps.repo.ofCitizen(phoneNumberId, identifiers),
      now,
      this.deps.bounds,
    );
    await this.drop(expired, overflow);
  }

  /**
   * The citizen wrote: their held messages, oldest first, become commands on NOTIFY (answering
   * that message, so inside the window it opened). A message whose window is already closed
   * again (a very late redelivery) releases nothing. Returns how many were released.
   */
  async release(inbound: InboundOpening): Promise<number> {
    const seconds = Number(inbound.timestamp);
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 1e11) return 0;
    const now = this.deps.now();
    if (!windowIsOpen(Math.min(seconds * 1000, now), now, this.deps.windowMarginMs)) return 0;
    const found = await this.deps.repo.ofCitizen(inbound.phoneNumberId, inbound.identifiers);
    if (found.length === 0) return 0;
    const { keep, expired, overflow } = boundHeld(found, now, this.deps.bounds);
    await this.drop(expired, overflow);
    let released = 0;
    for (const held of keep) {
      const record = await this.deps.records.get(held._id);
      if (record && record.state !== 'pending' && record.state !== 'sending') {
        // Delivered already; the purge after it did not happen (a crash, a database error).
        await this.deps.repo.delete([held._id]);
        continue;
      }
      const command = commandOf(held, { messageId: inbound.messageId, timestamp: seconds });
      // One after another: NOTIFY's order is the order the citizen reads them in.
      await this.deps.publisher.publish(
        this.deps.topology.subjects.notifySend,
        command as Envelope,
      );
      released++;
    }
    if (released > 0) this.deps.logger.info({ released }, 'held messages released');
    return released;
  }

  /**
   * The held messages to send ahead of `command`, a reply to the citizen's message (it
   * `answers` one): the bot's answer to "oke" never comes before the text the citizen wrote to
   * read, whichever of the two reached NOTIFY first. Only those of the same lane (the same
   * `citizenKey`), which the caller sends one by one before the reply; any other goes by NOTIFY.
   */
  async aheadOf(command: SendCommand, phoneNumberId: string): Promise<SendCommand[]> {
    const { answers, to } = command.data;
    if (!answers || isHeldRelease(command.id)) return [];
    const found = await this.deps.repo.ofCitizen(phoneNumberId, identifiersOf(to));
    if (found.length === 0) return [];
    const { keep, expired, overflow } = boundHeld(found, this.deps.now(), this.deps.bounds);
    await this.drop(expired, overflow);
    const lane = citizenKey(to);
    return keep.filter((h) => citizenKey(h.to) === lane).map((h) => commandOf(h, answers));
  }

  /** A command reached its final outcome: a held message it delivered is purged. */
  async settled(commandId: string, delivered: boolean, count = true): Promise<void> {
    if (!isHeldRelease(commandId)) return;
    await this.deps.repo.delete([commandId]);
    if (count) this.deps.metrics.heldReleased.inc({ outcome: delivered ? 'sent' : 'not_sent' });
  }

  /** The template itself failed for good: the citizen was promised nothing, nothing is kept. */
  async discard(commandId: string): Promise<void> {
    await this.deps.repo.delete([heldIdOf(commandId)]);
  }

  /** Deletes every held message past its age, in bounded batches (the purge schedule). */
  async purgeExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.deps.repo.deleteExpired(new Date(this.deps.now()), 500);
      total += n;
      if (n < 500) break;
    }
    if (total > 0) this.deps.metrics.heldDropped.inc({ reason: 'expired' }, total);
    // Marks of citizens who never wrote again: all they marked is gone by now.
    const cutoff = new Date(this.deps.now() - this.deps.bounds.maxAgeMs);
    while ((await this.deps.repo.deleteMarksBefore(cutoff, 500)) === 500);
    return total;
  }

  private async drop(expired: HeldMessage[], overflow: HeldMessage[]): Promise<void> {
    await this.deps.repo.delete([...expired, ...overflow].map((h) => h._id));
    if (expired.length) this.deps.metrics.heldDropped.inc({ reason: 'expired' }, expired.length);
    if (overflow.length) this.deps.metrics.heldDropped.inc({ reason: 'count' }, overflow.length);
  }
}

/** The `notify.wa.send` that delivers a held message, answering the citizen's message. */
function commandOf(held: HeldMessage, answers: { messageId: string; timestamp: number }) {
  return notifyWaSend.create({
    id: held._id,
    officeId: held.officeId,
    data: {
      to: held.to,
      phoneNumberId: held.phoneNumberId,
      ...(held.caseId ? { caseId: held.caseId } : {}),
      ...(held.caseMessageId ? { caseMessageId: held.caseMessageId } : {}),
      purpose: held.purpose,
      message: held.message,
      answers,
    },
  }) as SendCommand;
}
