import { randomBytes } from 'node:crypto';

/**
 * Webhook bodies as Meta sends them, for tests and benchmarks: one sample message of every type
 * the Cloud API documents, and statuses. Each call makes fresh ids.
 */

export const FIXTURE_PHONE_NUMBER_ID = '100000000000001';
export const FIXTURE_DISPLAY_NUMBER = '6281100000001';
export const FIXTURE_WABA_ID = '200000000000001';
export const FIXTURE_CITIZEN = '6281234567890';

export const fixtureWamid = () =>
  `wamid.${Buffer.from(`HBgN${randomBytes(20).toString('hex')}`).toString('base64')}`;

const now = () => String(Math.floor(Date.now() / 1000));

type Message = Record<string, unknown> & { id: string; type: string };

/** One message of every documented type, keyed by a descriptive name. */
export function sampleMessages(from = FIXTURE_CITIZEN): Record<string, Message> {
  const base = (type: string) => ({ from, id: fixtureWamid(), timestamp: now(), type });
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
    system: {
      ...base('system'),
      system: {
        body: 'User changed number',
        type: 'user_changed_number',
        new_wa_id: '6281299999999',
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

export function sampleStatus(
  status: 'sent' | 'delivered' | 'read' | 'failed',
  id = fixtureWamid(),
  recipientId = FIXTURE_CITIZEN,
): Record<string, unknown> & { id: string; status: string } {
  return {
    id,
    status,
    timestamp: now(),
    recipient_id: recipientId,
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
  /** Profile names by WhatsApp id; defaults to one name per distinct sender. */
  contacts?: { wa_id: string; profile: { name: string } }[];
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
            ...(c.messages
              ? {
                  contacts:
                    c.contacts ??
                    [...new Set(c.messages.map((m) => String(m.from)))].map((wa_id) => ({
                      wa_id,
                      profile: { name: 'Warga Pekanbaru' },
                    })),
                  messages: c.messages,
                }
              : {}),
            ...(c.statuses ? { statuses: c.statuses } : {}),
          },
        },
      ],
    })),
  };
}
