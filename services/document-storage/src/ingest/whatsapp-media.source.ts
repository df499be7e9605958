import type { WhatsAppClient } from '@pandawa/whatsapp';
import type { FetchedMedia, MediaSource } from './media.source.js';

/** Media from the WhatsApp Cloud API, through the shared client (`packages/whatsapp`). */
export class WhatsAppMediaSource implements MediaSource {
  constructor(private readonly client: WhatsAppClient) {}

  async fetch(mediaId: string, maxBytes: number): Promise<FetchedMedia> {
    // download() fetches fresh metadata (the URL lives ~5 minutes), refuses by declared
    // file_size, enforces maxBytes while streaming, and checks size and sha256 after.
    const media = await this.client.media.download(mediaId, { maxBytes });
    return { bytes: media.bytes, declaredMime: media.metadata.mimeType };
  }
}
