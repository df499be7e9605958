import { readFile } from 'node:fs/promises';
import { citizenKey, type CitizenIdentity, type OutboundMessage } from '@pandawa/contracts';
import { WhatsAppClient } from '@pandawa/whatsapp';

export interface DispatchResult {
  /** Absent for a read receipt, which makes no message. */
  wamid?: string;
}

/** Where the access token comes from; a file is re-read while a 190 pauses sending. */
export class AccessTokenSource {
  private token: string;

  constructor(
    initial: string,
    private readonly file?: string,
  ) {
    this.token = initial;
  }

  get current(): string {
    return this.token;
  }

  /** Re-reads the file; true when the token changed. */
  async reload(): Promise<boolean> {
    if (!this.file) return false;
    const next = (await readFile(this.file, 'utf8')).trim();
    if (!next || next === this.token) return false;
    this.token = next;
    return true;
  }
}

export interface DispatchOptions {
  baseUrl: string;
  apiVersion: string;
  timeoutMs: number;
  tokens: AccessTokenSource;
}

/**
 * Turns an outbound message into the Cloud API call for it (packages/whatsapp checks Meta's
 * limits first). One client per business number, rebuilt when the token changes.
 */
export class WhatsAppDispatch {
  private readonly clients = new Map<string, { token: string; client: WhatsAppClient }>();

  constructor(private readonly options: DispatchOptions) {}

  private client(phoneNumberId: string): WhatsAppClient {
    const token = this.options.tokens.current;
    const cached = this.clients.get(phoneNumberId);
    if (cached && cached.token === token) return cached.client;
    const client = new WhatsAppClient({
      baseUrl: this.options.baseUrl,
      apiVersion: this.options.apiVersion,
      accessToken: token,
      timeoutMs: this.options.timeoutMs,
      phoneNumberId,
    });
    this.clients.set(phoneNumberId, { token, client });
    return client;
  }

  async send(
    phoneNumberId: string,
    to: CitizenIdentity,
    message: OutboundMessage,
  ): Promise<DispatchResult> {
    const messages = this.client(phoneNumberId).messages;
    const recipient = recipientOf(to);
    switch (message.kind) {
      case 'text':
        return wamid(
          await messages.sendText(recipient, message.text, {
            ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          }),
        );
      case 'buttons':
        return wamid(await messages.sendButtons(recipient, message));
      case 'list':
        return wamid(await messages.sendList(recipient, message));
      case 'template':
        return wamid(
          await messages.sendTemplate(recipient, {
            name: message.template.name,
            languageCode: message.template.language,
            ...(message.template.parameters.length
              ? {
                  components: [
                    {
                      type: 'body',
                      parameters: message.template.parameters.map((text) => ({
                        type: 'text',
                        text,
                      })),
                    },
                  ],
                }
              : {}),
          }),
        );
      case 'media':
        return wamid(
          await messages.sendMedia(recipient, {
            type: message.mediaType,
            ...(message.mediaId ? { id: message.mediaId } : {}),
            ...(message.link ? { link: message.link } : {}),
            ...(message.caption ? { caption: message.caption } : {}),
            ...(message.filename ? { filename: message.filename } : {}),
          }),
        );
      case 'read':
        await messages.markAsRead(message.messageId, {
          typingIndicator: message.typingIndicator,
        });
        return {};
    }
  }
}

const wamid = (r: { messageId: string }): DispatchResult => ({ wamid: r.messageId });

/** Replies go to the phone number when known, else to the BSUID (architecture §1). */
export function recipientOf(to: CitizenIdentity): string {
  return to.phone ?? citizenKey(to);
}
