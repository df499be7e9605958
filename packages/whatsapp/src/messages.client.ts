import { z } from 'zod';
import { WhatsAppApiError, WhatsAppLimitError } from './graph.errors.js';
import type { GraphHttp } from './graph.http.js';
import { checkCount, checkLength, checkRecipient, checkUnique, LIMITS } from './message.limits.js';

export interface SendResult {
  /** The `wamid` statuses will refer to. */
  messageId: string;
  /** The recipient's phone number as Meta resolved it (absent for a send to a BSUID). */
  waId: string | undefined;
  /** The recipient's BSUID, when Meta returned one. */
  userId?: string | undefined;
}

export interface CommonSendOptions {
  /** Quote an earlier message (its `wamid`). */
  replyTo?: string;
}

export interface ReplyButton {
  /** Comes back as `interactive.button_reply.id`. */
  id: string;
  title: string;
}

export interface ButtonsMessage extends CommonSendOptions {
  body: string;
  buttons: ReplyButton[];
  header?: string;
  footer?: string;
}

export interface ListRow {
  /** Comes back as `interactive.list_reply.id`. */
  id: string;
  title: string;
  description?: string;
}

export interface ListSection {
  title?: string;
  rows: ListRow[];
}

export interface ListMessage extends CommonSendOptions {
  body: string;
  /** Label of the button that opens the list. */
  buttonText: string;
  sections: ListSection[];
  header?: string;
  footer?: string;
}

export interface TemplateMessage {
  name: string;
  /** e.g. `id` for Bahasa Indonesia. */
  languageCode: string;
  /** Header/body/button parameters, in the Cloud API's shape. */
  components?: Record<string, unknown>[];
}

export interface MediaMessage extends CommonSendOptions {
  type: 'image' | 'document' | 'audio' | 'video' | 'sticker';
  /** An uploaded media id, or a public link. */
  id?: string;
  link?: string;
  caption?: string;
  filename?: string;
}

const sendResponseSchema = z.looseObject({
  contacts: z
    .array(z.looseObject({ wa_id: z.string().optional(), user_id: z.string().optional() }))
    .optional(),
  messages: z.array(z.looseObject({ id: z.string() })).min(1),
});

/** Sending on the Cloud API: `POST /{phone-number-id}/messages`. */
export class MessagesClient {
  constructor(
    private readonly http: GraphHttp,
    private readonly phoneNumberId: string,
  ) {}

  async sendText(
    to: string,
    body: string,
    options: CommonSendOptions & { previewUrl?: boolean } = {},
  ): Promise<SendResult> {
    checkLength('text.body', body, LIMITS.textBody);
    return this.send(
      to,
      'text',
      { text: { body, preview_url: options.previewUrl ?? false } },
      options,
    );
  }

  /** Up to 3 reply buttons under a body text. */
  async sendButtons(to: string, message: ButtonsMessage): Promise<SendResult> {
    checkLength('interactive.body', message.body, LIMITS.interactiveBody);
    checkHeaderFooter(message);
    checkCount('buttons', message.buttons.length, LIMITS.buttons);
    for (const [i, b] of message.buttons.entries()) {
      checkLength(`buttons[${i}].title`, b.title, LIMITS.buttonTitle);
      checkLength(`buttons[${i}].id`, b.id, LIMITS.buttonId);
    }
    checkUnique(
      'buttons',
      message.buttons.map((b) => b.id),
    );
    return this.send(
      to,
      'interactive',
      {
        interactive: {
          type: 'button',
          ...headerFooter(message),
          body: { text: message.body },
          action: {
            buttons: message.buttons.map((b) => ({
              type: 'reply',
              reply: { id: b.id, title: b.title },
            })),
          },
        },
      },
      message,
    );
  }

  /** A list: at most 10 rows in all, in up to 10 sections. */
  async sendList(to: string, message: ListMessage): Promise<SendResult> {
    checkLength('interactive.body', message.body, LIMITS.interactiveBody);
    checkHeaderFooter(message);
    checkLength('buttonText', message.buttonText, LIMITS.listButton);
    checkCount('sections', message.sections.length, LIMITS.listSections);
    const rows = message.sections.flatMap((s) => s.rows);
    checkCount('rows (all sections)', rows.length, LIMITS.listRows);
    for (const [si, s] of message.sections.entries()) {
      if (s.title !== undefined) checkLength(`sections[${si}].title`, s.title, LIMITS.sectionTitle);
      else if (message.sections.length > 1)
        checkLength(`sections[${si}].title`, '', LIMITS.sectionTitle);
      for (const [ri, r] of s.rows.entries()) {
        checkLength(`sections[${si}].rows[${ri}].title`, r.title, LIMITS.rowTitle);
        checkLength(`sections[${si}].rows[${ri}].id`, r.id, LIMITS.rowId);
        if (r.description !== undefined)
          checkLength(
            `sections[${si}].rows[${ri}].description`,
            r.description,
            LIMITS.rowDescription,
            0,
          );
      }
    }
    checkUnique(
      'rows',
      rows.map((r) => r.id),
    );
    return this.send(
      to,
      'interactive',
      {
        interactive: {
          type: 'list',
          ...headerFooter(message),
          body: { text: message.body },
          action: {
            button: message.buttonText,
            sections: message.sections.map((s) => ({
              ...(s.title !== undefined ? { title: s.title } : {}),
              rows: s.rows.map((r) => ({
                id: r.id,
                title: r.title,
                ...(r.description ? { description: r.description } : {}),
              })),
            })),
          },
        },
      },
      message,
    );
  }

  /** Templates may be sent outside the 24-hour window. */
  async sendTemplate(to: string, template: TemplateMessage): Promise<SendResult> {
    checkLength('template.name', template.name, 512);
    checkLength('template.languageCode', template.languageCode, 15);
    return this.send(to, 'template', {
      template: {
        name: template.name,
        language: { code: template.languageCode },
        ...(template.components ? { components: template.components } : {}),
      },
    });
  }

  async sendMedia(to: string, message: MediaMessage): Promise<SendResult> {
    if (Boolean(message.id) === Boolean(message.link)) {
      throw new WhatsAppLimitError(
        message.type,
        1,
        message.id ? 2 : 0,
        'exactly one of id or link',
      );
    }
    if (message.caption !== undefined) checkLength('caption', message.caption, LIMITS.caption);
    const media: Record<string, unknown> = message.id ? { id: message.id } : { link: message.link };
    if (message.caption && message.type !== 'audio' && message.type !== 'sticker')
      media.caption = message.caption;
    if (message.filename && message.type === 'document') media.filename = message.filename;
    return this.send(to, message.type, { [message.type]: media }, message);
  }

  /**
   * Marks a citizen's message as read (blue ticks); with `typingIndicator` the citizen also sees
   * "typing…" until our reply arrives (or 25 seconds pass).
   */
  async markAsRead(messageId: string, options: { typingIndicator?: boolean } = {}): Promise<void> {
    checkLength('message_id', messageId, 512);
    await this.http.request<{ success: boolean }>({
      method: 'POST',
      path: `/${encodeURIComponent(this.phoneNumberId)}/messages`,
      json: {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: messageId,
        ...(options.typingIndicator ? { typing_indicator: { type: 'text' } } : {}),
      },
      operation: 'messages.mark_read',
    });
  }

  private async send(
    to: string,
    type: string,
    content: Record<string, unknown>,
    options: CommonSendOptions = {},
  ): Promise<SendResult> {
    const recipient = checkRecipient(to);
    const operation = `messages.send.${type}`;
    const raw = await this.http.request<unknown>({
      method: 'POST',
      path: `/${encodeURIComponent(this.phoneNumberId)}/messages`,
      json: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        ...recipient,
        type,
        ...(options.replyTo ? { context: { message_id: options.replyTo } } : {}),
        ...content,
      },
      operation,
    });
    const parsed = sendResponseSchema.safeParse(raw);
    if (!parsed.success)
      throw new WhatsAppApiError({ kind: 'unknown', operation, cause: parsed.error });
    return {
      messageId: parsed.data.messages[0]!.id,
      waId: parsed.data.contacts?.[0]?.wa_id,
      userId: parsed.data.contacts?.[0]?.user_id,
    };
  }
}

function checkHeaderFooter(message: { header?: string; footer?: string }): void {
  if (message.header !== undefined) checkLength('header', message.header, LIMITS.header);
  if (message.footer !== undefined) checkLength('footer', message.footer, LIMITS.footer);
}

function headerFooter(message: { header?: string; footer?: string }) {
  return {
    ...(message.header ? { header: { type: 'text', text: message.header } } : {}),
    ...(message.footer ? { footer: { text: message.footer } } : {}),
  };
}
