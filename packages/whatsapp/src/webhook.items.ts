import {
  BSUID_PATTERN,
  IDENTITY_LIMITS,
  PARENT_BSUID_PATTERN,
  PHONE_PATTERN,
  type CitizenIdentity,
  type IdentityChange,
} from '@pandawa/contracts';
import {
  inboundMessageSchema,
  messageStatusSchema,
  messagesChangeValueSchema,
  webhookContactSchema,
  webhookPayloadSchema,
  type InboundMessage,
  type MessageStatus,
  type WebhookContact,
} from './webhook.schema.js';

export type UnhandledReason =
  /** Not `{ object, entry[] }` at all. */
  | 'INVALID_PAYLOAD'
  /** `object` is not `whatsapp_business_account`. */
  | 'UNSUPPORTED_OBJECT'
  /** A change of a field other than `messages` (template status, account updates, ...). */
  | 'UNSUPPORTED_FIELD'
  /** A `messages` change whose envelope (metadata, arrays) does not match the schema. */
  | 'INVALID_CHANGE_VALUE'
  /** One message of a change that does not match the schema (its neighbours are handled). */
  | 'INVALID_MESSAGE'
  /** One status of a change that does not match the schema. */
  | 'INVALID_STATUS'
  /** A message naming no citizen: neither a phone number nor a BSUID. */
  | 'NO_CITIZEN_IDENTITY'
  /** A phone number or BSUID that does not have WhatsApp's format. */
  | 'INVALID_CITIZEN_IDENTITY'
  /** A timestamp that is not Unix seconds within WEBHOOK_TIME_WINDOW. */
  | 'TIMESTAMP_OUT_OF_RANGE'
  /** Errors reported for the whole phone number, not tied to one message. */
  | 'VALUE_ERRORS'
  /** A change with no messages, statuses or errors. */
  | 'EMPTY_CHANGE';

export type WebhookItem =
  | {
      kind: 'message';
      phoneNumberId: string;
      /** Who wrote, from the signed payload: what a consumer answers to. */
      citizen: CitizenIdentity;
      /** The citizen's profile name, from `contacts[]`, when Meta sent one. */
      profileName: string | undefined;
      message: InboundMessage;
    }
  | {
      kind: 'status';
      phoneNumberId: string;
      /** Who the message went to, when Meta named them in a usable form. */
      recipient: CitizenIdentity | undefined;
      status: MessageStatus;
    }
  | {
      kind: 'identity_changed';
      phoneNumberId: string;
      change: IdentityChange;
      previous: CitizenIdentity;
      current: CitizenIdentity;
      message: InboundMessage;
    }
  | {
      kind: 'unhandled';
      reason: UnhandledReason;
      /** What exactly was wrong, without personal data. */
      detail?: string;
      phoneNumberId: string | undefined;
      /** Where in the payload: `entry[i].changes[j].messages[k]`, or `payload`. */
      path: string;
      part: unknown;
    };

/**
 * The timestamps a webhook may carry: not before WhatsApp existed, not more than a day ahead of
 * our clock (clock skew; Meta retries for seven days, so old ones are normal). Outside it a
 * timestamp is not a time at all (`"99999999999999999"`), and the part is recorded as unhandled.
 */
export const WEBHOOK_TIME_WINDOW = {
  earliestSeconds: 1_230_768_000, // 2009-01-01
  aheadSeconds: 24 * 60 * 60,
} as const;

export interface WebhookItemsOptions {
  /** Unix ms; the clock timestamps are checked against. */
  now?: number;
}

function timestampProblem(timestamp: string, nowMs: number): string | undefined {
  if (!/^\d{1,12}$/.test(timestamp)) return 'timestamp is not Unix seconds';
  const seconds = Number(timestamp);
  if (seconds < WEBHOOK_TIME_WINDOW.earliestSeconds) return 'timestamp is before 2009';
  if (seconds > nowMs / 1000 + WEBHOOK_TIME_WINDOW.aheadSeconds)
    return 'timestamp is more than a day ahead';
  return undefined;
}

type IdentityParts = { bsuid?: string; phone?: string; parentBsuid?: string; username?: string };

/**
 * A CitizenIdentity from what the payload said, or why not. A malformed BSUID or phone is an
 * error (keying a citizen on half their identity would split them); a malformed parent BSUID or
 * an overlong username is only dropped.
 */
function identityFrom(
  parts: IdentityParts,
): { identity: CitizenIdentity } | { reason: UnhandledReason; detail: string } {
  const { bsuid, phone, parentBsuid, username } = parts;
  if (!bsuid && !phone) return { reason: 'NO_CITIZEN_IDENTITY', detail: 'no phone and no BSUID' };
  if (bsuid && (bsuid.length > IDENTITY_LIMITS.bsuid || !BSUID_PATTERN.test(bsuid)))
    return { reason: 'INVALID_CITIZEN_IDENTITY', detail: 'BSUID not in WhatsApp format' };
  if (phone && (phone.length > IDENTITY_LIMITS.phone || !PHONE_PATTERN.test(phone)))
    return { reason: 'INVALID_CITIZEN_IDENTITY', detail: 'phone number not in WhatsApp format' };
  const parentOk =
    parentBsuid &&
    parentBsuid.length <= IDENTITY_LIMITS.parentBsuid &&
    PARENT_BSUID_PATTERN.test(parentBsuid);
  const usernameOk = username && username.length <= IDENTITY_LIMITS.username;
  return {
    identity: {
      ...(bsuid ? { bsuid } : {}),
      ...(phone ? { phone } : {}),
      ...(parentOk ? { parentBsuid } : {}),
      ...(usernameOk ? { username } : {}),
    },
  };
}

/** The contact a message or status is about: same BSUID, else same phone, else the only one. */
function contactFor(
  contacts: WebhookContact[],
  bsuid: string | undefined,
  phone: string | undefined,
): WebhookContact | undefined {
  if (bsuid) {
    const byId = contacts.find((c) => c.user_id === bsuid);
    if (byId) return byId;
  }
  if (phone) {
    const byPhone = contacts.find((c) => c.wa_id === phone);
    if (byPhone) return byPhone;
  }
  return !bsuid && !phone && contacts.length === 1 ? contacts[0] : undefined;
}

/**
 * Splits a webhook body (already JSON-parsed) into what it carries: each message, each status,
 * each identity change, and the parts PANDAWA does not handle, in payload order. Every message
 * and status is checked on its own: a bad one becomes one unhandled item, its neighbours are
 * kept. Several entries, changes and messages in one payload are all returned; nothing is
 * dropped silently.
 */
export function webhookItems(body: unknown, options: WebhookItemsOptions = {}): WebhookItem[] {
  const nowMs = options.now ?? Date.now();
  const payload = webhookPayloadSchema.safeParse(body);
  if (!payload.success) {
    return [
      {
        kind: 'unhandled',
        reason: 'INVALID_PAYLOAD',
        phoneNumberId: undefined,
        path: 'payload',
        part: body,
      },
    ];
  }
  if (payload.data.object !== 'whatsapp_business_account') {
    return [
      {
        kind: 'unhandled',
        reason: 'UNSUPPORTED_OBJECT',
        phoneNumberId: undefined,
        path: 'payload',
        part: body,
      },
    ];
  }
  const items: WebhookItem[] = [];
  payload.data.entry.forEach((entry, i) => {
    entry.changes.forEach((change, j) => {
      const path = `entry[${i}].changes[${j}]`;
      if (change.field !== 'messages') {
        items.push({
          kind: 'unhandled',
          reason: 'UNSUPPORTED_FIELD',
          phoneNumberId: undefined,
          path,
          part: change,
        });
        return;
      }
      const value = messagesChangeValueSchema.safeParse(change.value);
      if (!value.success) {
        const raw = change.value as { metadata?: { phone_number_id?: unknown } } | undefined;
        const id = raw?.metadata?.phone_number_id;
        items.push({
          kind: 'unhandled',
          reason: 'INVALID_CHANGE_VALUE',
          phoneNumberId: typeof id === 'string' && id.length <= 64 ? id : undefined,
          path,
          part: change,
        });
        return;
      }
      items.push(...changeItems(value.data, path, nowMs, change));
    });
  });
  return items;
}

function changeItems(
  v: ReturnType<typeof messagesChangeValueSchema.parse>,
  path: string,
  nowMs: number,
  change: unknown,
): WebhookItem[] {
  const phoneNumberId = v.metadata.phone_number_id;
  const items: WebhookItem[] = [];
  const unhandled = (
    reason: UnhandledReason,
    where: string,
    part: unknown,
    detail?: string,
  ): WebhookItem => ({
    kind: 'unhandled',
    reason,
    ...(detail ? { detail } : {}),
    phoneNumberId,
    path: where,
    part,
  });
  const contacts = (v.contacts ?? []).flatMap((c) => {
    const parsed = webhookContactSchema.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });

  (v.messages ?? []).forEach((raw, k) => {
    const where = `${path}.messages[${k}]`;
    const parsed = inboundMessageSchema.safeParse(raw);
    if (!parsed.success) {
      items.push(unhandled('INVALID_MESSAGE', where, raw, parsed.error.issues[0]?.path.join('.')));
      return;
    }
    const m = parsed.data;
    const late = timestampProblem(m.timestamp, nowMs);
    if (late) {
      items.push(unhandled('TIMESTAMP_OUT_OF_RANGE', where, raw, late));
      return;
    }
    const contact = contactFor(contacts, m.from_user_id, m.from);
    const sender = identityFrom({
      bsuid: m.from_user_id ?? contact?.user_id,
      phone: m.from ?? contact?.wa_id,
      parentBsuid: m.from_parent_user_id ?? contact?.parent_user_id,
      username: contact?.profile?.username,
    });
    if ('reason' in sender) {
      items.push(unhandled(sender.reason, where, raw, sender.detail));
      return;
    }
    const system = m.type === 'system' ? m.system : undefined;
    if (system?.type === 'user_changed_user_id' || system?.type === 'user_changed_number') {
      const previous = sender.identity;
      const next =
        system.type === 'user_changed_user_id'
          ? identityFrom({
              bsuid: system.user_id,
              phone: previous.phone,
              parentBsuid: system.parent_user_id ?? previous.parentBsuid,
              username: previous.username,
            })
          : identityFrom({
              bsuid: system.user_id ?? previous.bsuid,
              phone: system.wa_id ?? system.new_wa_id,
              parentBsuid: system.parent_user_id ?? previous.parentBsuid,
              username: previous.username,
            });
      if ('reason' in next || (system.type === 'user_changed_user_id' && !system.user_id)) {
        items.push(
          unhandled('INVALID_MESSAGE', where, raw, `${system.type} without a valid new identity`),
        );
        return;
      }
      items.push({
        kind: 'identity_changed',
        phoneNumberId,
        change: system.type,
        previous,
        current: next.identity,
        message: m,
      });
      return;
    }
    items.push({
      kind: 'message',
      phoneNumberId,
      citizen: sender.identity,
      profileName: contact?.profile?.name,
      message: m,
    });
  });

  (v.statuses ?? []).forEach((raw, k) => {
    const where = `${path}.statuses[${k}]`;
    const parsed = messageStatusSchema.safeParse(raw);
    if (!parsed.success) {
      items.push(unhandled('INVALID_STATUS', where, raw, parsed.error.issues[0]?.path.join('.')));
      return;
    }
    const s = parsed.data;
    const late = timestampProblem(s.timestamp, nowMs);
    if (late) {
      items.push(unhandled('TIMESTAMP_OUT_OF_RANGE', where, raw, late));
      return;
    }
    const contact = contactFor(contacts, s.recipient_user_id, s.recipient_id);
    const recipient = identityFrom({
      bsuid: s.recipient_user_id ?? contact?.user_id,
      phone: s.recipient_id ?? contact?.wa_id,
      parentBsuid: s.recipient_parent_user_id ?? contact?.parent_user_id,
      username: contact?.profile?.username,
    });
    // A status is about our own message (its wamid); a recipient in an odd form (a group id)
    // does not make it unusable, it only goes without one.
    items.push({
      kind: 'status',
      phoneNumberId,
      recipient: 'identity' in recipient ? recipient.identity : undefined,
      status: s,
    });
  });

  if (v.errors?.length) items.push(unhandled('VALUE_ERRORS', path, change));
  if (!v.messages?.length && !v.statuses?.length && !v.errors?.length)
    items.push(unhandled('EMPTY_CHANGE', path, change));
  return items;
}
