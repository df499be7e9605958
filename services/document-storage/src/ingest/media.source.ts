/** Where ingest gets a citizen's media from. The WhatsApp Cloud API in production. */
export interface FetchedMedia {
  bytes: Buffer;
  /** What WhatsApp says the type is: logged, never trusted. */
  declaredMime: string;
}

export interface MediaSource {
  /**
   * Fetches one media item, refusing (with a `too_large` error) before the download when the
   * declared size is over `maxBytes`, and during it when more bytes arrive than that.
   */
  fetch(mediaId: string, maxBytes: number): Promise<FetchedMedia>;
}
