import { createHash } from 'node:crypto';
import {
  waInIdentityChanged,
  waInMessage,
  waInStatus,
  waInUnhandled,
  type Envelope,
  type Topology,
} from '@pandawa/contracts';
import type { WebhookItem } from '@pandawa/whatsapp';

/** Office id on records of numbers no office is configured for. */
export const UNASSIGNED_OFFICE = 'unassigned';

export interface OutboundEvent {
  subject: string;
  envelope: Envelope;
  /** `Nats-Msg-Id`: JetStream drops a second publish with the same id. */
  msgID: string;
  kind: 'message' | 'status' | 'identity_changed' | 'unhandled';
}

/** JetStream's default max payload is 1 MB; a part kept for inspection must stay well under it. */
const MAX_KEPT_PART_BYTES = 256 * 1024;

function keepable(part: unknown): unknown {
  const json = JSON.stringify(part) ?? 'null';
  if (Buffer.byteLength(json) <= MAX_KEPT_PART_BYTES) return part;
  return {
    truncated: true,
    bytes: Buffer.byteLength(json),
    sha256: createHash('sha256').update(json).digest('hex'),
  };
}

/**
 * Unix seconds from Meta (webhookItems has checked they are within WEBHOOK_TIME_WINDOW), or now
 * should one still not be a valid date: a timestamp must never make a webhook fail.
 */
function occurredAt(timestamp: string | undefined): Date {
  const at = new Date(Number(timestamp) * 1000);
  return Number.isFinite(at.getTime()) && at.getTime() > 0 ? at : new Date();
}

/**
 * Turns what one webhook carried into the events for WA_IN. Ids are derived from the WhatsApp
 * ids (message: the `wamid`; status: `wamid:status`), so Meta's retries and duplicates produce
 * the same `Nats-Msg-Id` and are stored once.
 */
export function webhookEvents(
  items: WebhookItem[],
  rawBody: Uint8Array,
  offices: Readonly<Record<string, string>>,
  subjects: Topology['subjects'],
): OutboundEvent[] {
  let bodyHash: string | undefined;
  const hashOfBody = () =>
    (bodyHash ??= createHash('sha256').update(rawBody).digest('hex').slice(0, 32));

  const unhandled = (
    id: string,
    officeId: string,
    data: {
      reason: string;
      detail?: string;
      phoneNumberId?: string;
      path?: string;
      payload: unknown;
    },
  ): OutboundEvent => ({
    subject: subjects.waInUnhandled,
    envelope: waInUnhandled.create({ id, officeId, data }),
    msgID: id,
    kind: 'unhandled',
  });

  return items.map((item, index): OutboundEvent => {
    try {
      return eventOf(item);
    } catch {
      // A part that passed the webhook schema but not the event's bounds: recorded, never a 500.
      const officeId = (item.phoneNumberId && offices[item.phoneNumberId]) || UNASSIGNED_OFFICE;
      return unhandled(`unfit:${hashOfBody()}:${index}`, officeId, {
        reason: item.kind === 'status' ? 'INVALID_STATUS' : 'INVALID_MESSAGE',
        detail: 'does not fit the wa.in event schema',
        ...(item.phoneNumberId ? { phoneNumberId: item.phoneNumberId } : {}),
        payload: keepable('message' in item ? item.message : 'status' in item ? item.status : null),
      });
    }
  });

  function eventOf(item: WebhookItem): OutboundEvent {
    if (item.kind === 'unhandled') {
      const officeId = (item.phoneNumberId && offices[item.phoneNumberId]) || UNASSIGNED_OFFICE;
      return unhandled(`unhandled:${hashOfBody()}:${item.path}`, officeId, {
        reason: item.reason,
        ...(item.detail ? { detail: item.detail } : {}),
        ...(item.phoneNumberId ? { phoneNumberId: item.phoneNumberId } : {}),
        path: item.path,
        payload: keepable(item.part),
      });
    }
    const officeId = offices[item.phoneNumberId];
    if (item.kind === 'message') {
      const m = item.message;
      if (!officeId) {
        return unhandled(`unknown-number:${m.id}`, UNASSIGNED_OFFICE, {
          reason: 'UNKNOWN_PHONE_NUMBER_ID',
          phoneNumberId: item.phoneNumberId,
          payload: m,
        });
      }
      return {
        subject: subjects.waInMessage,
        envelope: waInMessage.create({
          id: m.id,
          officeId,
          occurredAt: occurredAt(m.timestamp),
          data: {
            phoneNumberId: item.phoneNumberId,
            citizen: item.citizen,
            ...(item.profileName ? { profileName: item.profileName.slice(0, 256) } : {}),
            messageId: m.id,
            messageType: m.type,
            timestamp: m.timestamp,
            message: m,
          },
        }),
        msgID: m.id,
        kind: 'message',
      };
    }
    if (item.kind === 'identity_changed') {
      const m = item.message;
      if (!officeId) {
        return unhandled(`unknown-number:${m.id}`, UNASSIGNED_OFFICE, {
          reason: 'UNKNOWN_PHONE_NUMBER_ID',
          phoneNumberId: item.phoneNumberId,
          payload: m,
        });
      }
      return {
        subject: subjects.waInIdentityChanged,
        envelope: waInIdentityChanged.create({
          id: m.id,
          officeId,
          occurredAt: occurredAt(m.timestamp),
          data: {
            phoneNumberId: item.phoneNumberId,
            messageId: m.id,
            change: item.change,
            previous: item.previous,
            current: item.current,
            timestamp: m.timestamp,
          },
        }),
        msgID: m.id,
        kind: 'identity_changed',
      };
    }
    const s = item.status;
    const id = `${s.id}:${s.status}`;
    if (!officeId) {
      return unhandled(`unknown-number:${id}`, UNASSIGNED_OFFICE, {
        reason: 'UNKNOWN_PHONE_NUMBER_ID',
        phoneNumberId: item.phoneNumberId,
        payload: s,
      });
    }
    return {
      subject: subjects.waInStatus,
      envelope: waInStatus.create({
        id,
        officeId,
        occurredAt: occurredAt(s.timestamp),
        data: {
          phoneNumberId: item.phoneNumberId,
          messageId: s.id,
          status: s.status,
          ...(item.recipient ? { recipient: item.recipient } : {}),
          timestamp: s.timestamp,
          statusObject: s,
        },
      }),
      msgID: id,
      kind: 'status',
    };
  }
}
