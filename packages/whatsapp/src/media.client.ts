import { createHash } from 'node:crypto';
import { z } from 'zod';
import { WhatsAppApiError } from './graph.errors.js';
import type { GraphHttp } from './graph.http.js';

const mediaMetadataSchema = z.looseObject({
  id: z.string(),
  url: z.string(),
  mime_type: z.string(),
  sha256: z.string().optional(),
  file_size: z.coerce.number().optional(),
  messaging_product: z.string().optional(),
});

export interface MediaMetadata {
  id: string;
  /** Short-lived (about 5 minutes): fetch the metadata again rather than keep it. */
  url: string;
  mimeType: string;
  sha256: string | undefined;
  fileSize: number | undefined;
}

export interface DownloadOptions {
  /** Stop reading and fail with kind `too_large` past this many bytes. */
  maxBytes?: number;
}

export interface DownloadedMedia {
  metadata: MediaMetadata;
  bytes: Buffer;
  /** Hex SHA-256 of `bytes`. */
  sha256: string;
}

/** Media on the Graph API: metadata by id, download with the bearer token, upload, delete. */
export class MediaClient {
  constructor(
    private readonly http: GraphHttp,
    private readonly phoneNumberId: string,
  ) {}

  /** `GET /{media-id}` → url, mime type, sha256, size. */
  async getMetadata(mediaId: string): Promise<MediaMetadata> {
    const raw = await this.http.request<unknown>({
      method: 'GET',
      path: `/${encodeURIComponent(mediaId)}`,
      operation: 'media.metadata',
    });
    const parsed = mediaMetadataSchema.safeParse(raw);
    if (!parsed.success) {
      throw new WhatsAppApiError({
        kind: 'unknown',
        operation: 'media.metadata',
        cause: parsed.error,
      });
    }
    const m = parsed.data;
    return {
      id: m.id,
      url: m.url,
      mimeType: m.mime_type,
      sha256: m.sha256,
      fileSize: m.file_size,
    };
  }

  /** Downloads a media URL got from `getMetadata` (the URL needs the bearer token too). */
  async downloadUrl(url: string, options: DownloadOptions = {}): Promise<Buffer> {
    const res = await this.http.getAbsolute(url, 'media.download');
    const declared = Number(res.headers.get('content-length'));
    if (options.maxBytes !== undefined && declared > options.maxBytes) {
      await res.body?.cancel();
      throw tooLarge(res.status);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      if (res.body) {
        for await (const chunk of res.body) {
          total += chunk.byteLength;
          if (options.maxBytes !== undefined && total > options.maxBytes) {
            await res.body.cancel().catch(() => undefined);
            throw tooLarge(res.status);
          }
          chunks.push(Buffer.from(chunk));
        }
      }
    } catch (error) {
      if (error instanceof WhatsAppApiError) throw error;
      throw new WhatsAppApiError({
        kind: 'transient',
        httpStatus: res.status,
        operation: 'media.download',
        cause: error,
      });
    }
    return Buffer.concat(chunks, total);
  }

  /**
   * Metadata, then the download, always with a fresh URL. A file whose size or SHA-256 does not
   * match the metadata is treated as a broken transfer (transient).
   */
  async download(mediaId: string, options: DownloadOptions = {}): Promise<DownloadedMedia> {
    const metadata = await this.getMetadata(mediaId);
    if (
      options.maxBytes !== undefined &&
      metadata.fileSize !== undefined &&
      metadata.fileSize > options.maxBytes
    ) {
      throw tooLarge(undefined, metadata.mimeType);
    }
    const bytes = await this.downloadUrl(metadata.url, options).catch((error: unknown) => {
      // The refusal names the declared type, so the caller can quote the right limit.
      if (error instanceof WhatsAppApiError && error.kind === 'too_large')
        throw tooLarge(error.httpStatus, metadata.mimeType);
      throw error;
    });
    const digest = createHash('sha256').update(bytes).digest();
    const sha256 = digest.toString('hex');
    const sizeOk = metadata.fileSize === undefined || metadata.fileSize === bytes.length;
    const hashOk =
      metadata.sha256 === undefined ||
      metadata.sha256 === sha256 ||
      metadata.sha256 === digest.toString('base64');
    if (!sizeOk || !hashOk) {
      throw new WhatsAppApiError({
        kind: 'transient',
        operation: 'media.download',
        cause: new Error(sizeOk ? 'sha256 mismatch' : 'size mismatch'),
      });
    }
    return { metadata, bytes, sha256 };
  }

  /** `POST /{phone-number-id}/media` (multipart) → the new media id. */
  async upload(bytes: Uint8Array, mimeType: string, filename = 'file'): Promise<string> {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', mimeType);
    form.set('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), filename);
    const res = await this.http.request<{ id: string }>({
      method: 'POST',
      path: `/${encodeURIComponent(this.phoneNumberId)}/media`,
      body: form,
      operation: 'media.upload',
    });
    return res.id;
  }

  async delete(mediaId: string): Promise<void> {
    await this.http.request<{ success: boolean }>({
      method: 'DELETE',
      path: `/${encodeURIComponent(mediaId)}`,
      operation: 'media.delete',
    });
  }
}

function tooLarge(httpStatus: number | undefined, declaredMimeType?: string): WhatsAppApiError {
  return new WhatsAppApiError({
    kind: 'too_large',
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    ...(declaredMimeType !== undefined ? { declaredMimeType } : {}),
    operation: 'media.download',
  });
}
