/** Builders for the webhook bodies Meta posts, in the Cloud API's own shapes. */

export interface BusinessNumber {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

export interface WebhookValue {
  /** 2026: `user_id` (BSUID) on every contact, `wa_id` only when the phone is not withheld. */
  contacts?: {
    profile: { name: string; username?: string };
    wa_id?: string;
    user_id?: string;
  }[];
  messages?: Record<string, unknown>[];
  statuses?: Record<string, unknown>[];
}

export function webhookBody(number: BusinessNumber, value: WebhookValue) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: number.displayPhoneNumber,
                phone_number_id: number.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export const unixSeconds = (ms: number) => String(Math.floor(ms / 1000));

export function statusObject(input: {
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  recipientId: string;
  at: number;
  error?: { code: number; title: string };
}): Record<string, unknown> {
  const billable = input.status === 'sent' || input.status === 'delivered';
  return {
    id: input.wamid,
    status: input.status,
    timestamp: unixSeconds(input.at),
    // A message sent to a BSUID is reported by BSUID (`recipient_user_id`), else by phone.
    ...(/^[A-Z]{2}\./.test(input.recipientId)
      ? { recipient_user_id: input.recipientId }
      : { recipient_id: input.recipientId }),
    ...(billable
      ? {
          conversation: {
            id: `conv-${input.recipientId}`,
            origin: { type: 'service' },
          },
          pricing: { billable: true, pricing_model: 'PMP', category: 'service' },
        }
      : {}),
    ...(input.error
      ? {
          errors: [
            {
              code: input.error.code,
              title: input.error.title,
              message: input.error.title,
              error_data: { details: input.error.title },
            },
          ],
        }
      : {}),
  };
}
