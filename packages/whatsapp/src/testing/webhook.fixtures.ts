import { randomBytes } from 'node:crypto';

/**
 * Webhook bodies as Meta sends them, for tests and benchmarks: one sample message of every type
 * the Cloud API documents, and statuses. Each call makes fresh ids.
 */

export const FIXTURE_PHONE_NUMBER_ID = '100000000000001';
export const FIXTURE_DISPLAY_NUMBER = '6281100000001';
export const FIXTURE_WABA_ID = '200000000000001';
export const FIXTURE_CITIZEN = '6281234567890';
/** The fixture citizen's business-scoped user ID (2026: on every webhook). */
export const FIXTURE_CITIZEN_BSUID = 'ID.1234567890123456';

/** A fresh BSUID, as Meta makes them: country code, a dot, digits. */
export const fixtureBsuid = () => `ID.${randomBytes(8).readBigUInt64BE().toString()}`;

export const fixtureWamid = () =>
  `wamid.${Buffer.from(`HBgN${randomBytes(20).toString('hex')}`).toString('base64')}`;

const now = () => String(Math.floor(Date.now() / 1000));

type Message = Record<string, unknown> & { id: string; type: string };

/**
 * One message of every documented type, keyed by a descriptive name, from a citizen Meta names
 * by phone (`from`, omitted when `from` is null: a username citizen) and BSUID (`from_user_id`).
 * System messages that change identity are in `sampleIdentityChange`.
 */
export function sampleMessages(
  from: string | null = FIXTURE_CITIZEN,
  fromUserId: string = FIXTURE_CITIZEN_BSUID,
): Record<string, Message> {
  const base = (type: string) => ({
    ...(from ? { from } : {}),
    from_user_id: fromUserId,
    id: fixtureWamid(),
    timestamp: now(),
    type,
  });
  const media = (mime: string) => ({
    id: `1${randomBytes(7).readUIntBE(0, 6)}`,
    mime_type: mime,
    sha256: randomBytes(32).toString('base64'),
  });
  return {
    text: { ...base('text'), text: { body: 'Halo, NIK saya tidak aktif' } },
    image: { ...base('image'), image: { ...media('image/jpeg'), caption: 'Foto KK' } },
    document: {
      ...base('document'),
      document: { ...media('application/pdf'), filename: 'akta.pdf', caption: 'Akta' },
    },
    audio: { ...base('audio'), audio: { ...media('audio/ogg; codecs=opus'), voice: true } },
    video: { ...base('video'), video: media('video/mp4') },
    sticker: { ...base('sticker'), sticker: { ...media('image/webp'), animated: false } },
    location: {
      ...base('location'),
      location: {
        latitude: 0.5071,
        longitude: 101.4478,
        name: 'Disdukcapil',
        address: 'Pekanbaru',
      },
    },
    contacts: {
      ...base('contacts'),
      contacts: [
        {
          name: { formatted_name: 'Budi', first_name: 'Budi' },
          phones: [{ phone: '+62 812 0000 0000', type: 'CELL' }],
        },
      ],
    },
    button_reply: {
      ...base('interactive'),
      context: { from: FIXTURE_DISPLAY_NUMBER, id: fixtureWamid() },
      interactive: { type: 'button_reply', button_reply: { id: 'kirim', title: 'Kirim' } },
    },
    list_reply: {
      ...base('interactive'),
      context: { from: FIXTURE_DISPLAY_NUMBER, id: fixtureWamid() },
      interactive: {
        type: 'list_reply',
        list_reply: {
          id: 'menu_baru',
          title: 'Buat pengaduan baru',
          description: 'Laporkan masalah',
        },
      },
    },
    button: {
      ...base('button'),
      context: { from: FIXTURE_DISPLAY_NUMBER, id: fixtureWamid() },
      button: { text: 'Ya', payload: 'CONFIRM_YES' },
    },
    reaction: { ...base('reaction'), reaction: { message_id: fixtureWamid(), emoji: '👍' } },
    order: {
      ...base('order'),
      order: {
        catalog_id: '123',
        text: 'pesan',
        product_items: [
          { product_retailer_id: 'sku1', quantity: 1, item_price: 1000, currency: 'IDR' },
        ],
      },
    },
    unsupported: {
      ...base('unsupported'),
      errors: [
        {
          code: 131051,
          title: 'Message type unknown',
          message: 'Message type unknown',
          error_data: { details: 'not supported' },
        },
      ],
    },
  };
}

/**
 * A system message as Meta sends it when a citizen's identity changes (no contacts array):
 * `user_changed_user_id` carries the new BSUID in `system.user_id`, `user_changed_number` the
 * new phone number in `system.wa_id` (and a new BSUID when Meta gives one).
 */
export function sampleIdentityChange(
  change: 'user_changed_user_id' | 'user_changed_number',
  from: { phone?: string; bsuid: string },
  to: { phone?: string; bsuid?: string },
): Message {
  return {
    ...(from.phone ? { from: from.phone } : {}),
    from_user_id: from.bsuid,
    id: fixtureWamid(),
    timestamp: now(),
    type: 'system',
    system: {
      body:
        change === 'user_changed_user_id'
          ? 'User changed their business-scoped user ID'
          : 'User changed their phone number',
      type: change,
      ...(to.phone ? { wa_id: to.phone } : {}),
      ...(to.bsuid ? { user_id: to.bsuid } : {}),
    },
  };
}

/**
 * A status of a message we sent: to a phone number (`recipient_id`) and, in 2026, the BSUID
 * (`recipient_user_id`); pass `recipientId: null` for a message sent to a BSUID alone.
 */
export function sampleStatus(
  status: 'sent' | 'delivered' | 'read' | 'failed',
  id = fixtureWamid(),
  recipientId: string | null = FIXTURE_CITIZEN,
  recipientUserId: string = FIXTURE_CITIZEN_BSUID,
): Record<string, unknown> & { id: string; status: string } {
  return {
    id,
    status,
    timestamp: now(),
    ...(recipientId ? { recipient_id: recipientId } : {}),
    recipient_user_id: recipientUserId,
    ...(status === 'failed'
      ? {
          errors: [
            {
              code: 131047,
              title: 'Re-engagement message',
              message: 'Re-engagement message',
              error_data: { details: 'outside window' },
            },
          ],
        }
      : {
          conversation: { id: 'c1', origin: { type: 'service' } },
          pricing: { billable: true, pricing_model: 'PMP', category: 'service' },
        }),
  };
}

export interface WebhookChangeInput {
  phoneNumberId?: string;
  messages?: Record<string, unknown>[];
  statuses?: Record<string, unknown>[];
  /** `contacts[]`; defaults to one per distinct sender (phone, BSUID, profile name). */
  contacts?: Record<string, unknown>[];
}

/** A whole webhook body; several changes become several entries' changes. */
export function webhookPayload(...changes: WebhookChangeInput[]) {
  return {
    object: 'whatsapp_business_account',
    entry: changes.map((c) => ({
      id: FIXTURE_WABA_ID,
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: {
              display_phone_number: FIXTURE_DISPLAY_NUMBER,
              phone_number_id: c.phoneNumberId ?? FIXTURE_PHONE_NUMBER_ID,
            },
            ...(c.messages ? withContacts(c.messages, c.contacts) : {}),
            ...(c.statuses ? { statuses: c.statuses } : {}),
          },
        },
      ],
    })),
  };
}

function withContacts(messages: Record<string, unknown>[], given?: Record<string, unknown>[]) {
  const contacts = given ?? defaultContacts(messages);
  return { ...(contacts.length ? { contacts } : {}), messages };
}

/** One contact per distinct sender, as Meta sends them (no `wa_id` when the phone is withheld). */
function defaultContacts(messages: Record<string, unknown>[]) {
  const senders = new Map<string, Record<string, unknown>>();
  for (const m of messages) {
    if (m.type === 'system') continue; // system messages come without contacts
    const phone = typeof m.from === 'string' ? m.from : undefined;
    const bsuid = typeof m.from_user_id === 'string' ? m.from_user_id : undefined;
    senders.set(`${phone}|${bsuid}`, {
      profile: { name: 'Warga Pekanbaru' },
      ...(phone ? { wa_id: phone } : {}),
      ...(bsuid ? { user_id: bsuid } : {}),
    });
  }
  return [...senders.values()];
}
