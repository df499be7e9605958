import {
  messagesChangeValueSchema,
  webhookPayloadSchema,
  type InboundMessage,
  type MessageStatus,
} from './webhook.schema.js';

export type UnhandledReason =
  /** Not `{ object, entry[] }` at all. */
  | 'INVALID_PAYLOAD'
  /** `object` is not `whatsapp_business_account`. */
  | 'UNSUPPORTED_OBJECT'
  /** A change of a field other than `messages` (template status, account updates, ...). */
  | 'UNSUPPORTED_FIELD'
  /** A `messages` change whose value does not match the schema. */
  | 'INVALID_CHANGE_VALUE'
  /** Errors reported for the whole phone number, not tied to one message. */
  | 'VALUE_ERRORS'
  /** A change with no messages, statuses or errors. */
  | 'EMPTY_CHANGE';

export type WebhookItem =
  | {
      kind: 'message';
      phoneNumberId: string;
      /** The citizen's profile name, from `contacts[]`, when Meta sent one. */
      profileName: string | undefined;
      message: InboundMessage;
    }
  | { kind: 'status'; phoneNumberId: string; status: MessageStatus }
  | {
      kind: 'unhandled';
      reason: UnhandledReason;
      phoneNumberId: string | undefined;
      /** Where in the payload: `entry[i].changes[j]`, or `payload`. */
      path: string;
      part: unknown;
    };

/**
 * Splits a webhook body (already JSON-parsed) into what it carries: each message, each status,
 * and the parts PANDAWA does not handle, in payload order. Several entries, changes and
 * messages in one payload are all returned; nothing is dropped silently.
 */
export function webhookItems(body: unknown): WebhookItem[] {
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
          phoneNumberId: typeof id === 'string' ? id : undefined,
          path,
          part: change,
        });
        return;
      }
      const v = value.data;
      const phoneNumberId = v.metadata.phone_number_id;
      const names = new Map((v.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const message of v.messages ?? []) {
        items.push({
          kind: 'message',
          phoneNumberId,
          profileName: names.get(message.from),
          message,
        });
      }
      for (const status of v.statuses ?? []) items.push({ kind: 'status', phoneNumberId, status });
      if (v.errors?.length) {
        items.push({
          kind: 'unhandled',
          reason: 'VALUE_ERRORS',
          phoneNumberId,
          path,
          part: change,
        });
      }
      if (!v.messages?.length && !v.statuses?.length && !v.errors?.length) {
        items.push({
          kind: 'unhandled',
          reason: 'EMPTY_CHANGE',
          phoneNumberId,
          path,
          part: change,
        });
      }
    });
  });
  return items;
}
