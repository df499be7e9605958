import { GraphHttp, type GraphHttpOptions } from './graph.http.js';
import { MediaClient } from './media.client.js';
import { MessagesClient } from './messages.client.js';

export interface WhatsAppClientOptions extends GraphHttpOptions {
  /** The business phone number messages are sent from and media uploaded to. */
  phoneNumberId: string;
}

/**
 * The Cloud API as PANDAWA uses it, for one business phone number. Build one per number (one
 * per office) and share it: it holds no per-request state.
 */
export class WhatsAppClient {
  readonly media: MediaClient;
  readonly messages: MessagesClient;
  readonly phoneNumberId: string;

  constructor(options: WhatsAppClientOptions) {
    const http = new GraphHttp(options);
    this.phoneNumberId = options.phoneNumberId;
    this.media = new MediaClient(http, options.phoneNumberId);
    this.messages = new MessagesClient(http, options.phoneNumberId);
  }
}
