import { WhatsAppApiError, WhatsAppClient } from '@pandawa/whatsapp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../src/index.js';

let sandbox: Sandbox;
let client: WhatsAppClient;

beforeAll(async () => {
  sandbox = await createSandbox({ mediaUrlTtlMs: 60_000 });
  client = new WhatsAppClient({
    baseUrl: sandbox.url,
    accessToken: sandbox.accessToken,
    phoneNumberId: sandbox.phoneNumberId,
  });
});
afterAll(() => sandbox.close());

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);

describe('media through the sandbox', () => {
  it('gives metadata for a citizen upload and downloads the same bytes with the bearer token', async () => {
    const res = await fetch(`${sandbox.url}/sandbox/media`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: jpeg,
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const meta = await client.media.getMetadata(id);
    expect(meta).toMatchObject({ id, mimeType: 'image/jpeg', fileSize: jpeg.length });
    const { bytes, sha256 } = await client.media.download(id);
    expect(bytes.equals(jpeg)).toBe(true);
    expect(sha256).toBe(meta.sha256);
  });

  it('uploads multipart like Meta and reads it back', async () => {
    const id = await client.media.upload(Buffer.from('%PDF-1.4 test'), 'application/pdf', 'a.pdf');
    const { bytes, metadata } = await client.media.download(id);
    expect(bytes.toString()).toBe('%PDF-1.4 test');
    expect(metadata.mimeType).toBe('application/pdf');
  });

  it('refuses a download without the bearer token, and an expired URL', async () => {
    const { id } = sandbox.putMedia(jpeg, 'image/jpeg');
    const meta = await client.media.getMetadata(id);
    expect((await fetch(meta.url)).status).toBe(401);
    sandbox.state.clock.advance(61_000);
    const error = await client.media.downloadUrl(meta.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhatsAppApiError);
    expect((error as WhatsAppApiError).kind).toBe('not_found');
    // A fresh URL works again.
    expect((await client.media.download(id)).bytes.length).toBe(jpeg.length);
  });

  it('maps injected faults: 500 transient, 404 gone, unknown id not found', async () => {
    const { id } = sandbox.putMedia(jpeg, 'image/jpeg');
    sandbox.state.faults.add({ route: 'media.metadata', status: 500, count: 1, mediaId: id });
    const e1 = (await client.media.download(id).catch((e: unknown) => e)) as WhatsAppApiError;
    expect(e1.kind).toBe('transient');
    expect(e1.transient).toBe(true);
    sandbox.state.faults.add({ route: 'media.download', status: 404, count: 1 });
    const e2 = (await client.media.download(id).catch((e: unknown) => e)) as WhatsAppApiError;
    expect(e2.kind).toBe('not_found');
    expect(e2.transient).toBe(false);
    expect((await client.media.download(id)).bytes.length).toBe(jpeg.length);
    const e3 = (await client.media.getMetadata('999').catch((e: unknown) => e)) as WhatsAppApiError;
    expect(e3.kind).toBe('not_found');
  });

  it('fails with too_large past maxBytes', async () => {
    const { id } = sandbox.putMedia(jpeg, 'image/jpeg');
    const e = (await client.media
      .download(id, { maxBytes: 100 })
      .catch((x: unknown) => x)) as WhatsAppApiError;
    expect(e.kind).toBe('too_large');
  });

  it('rejects a wrong token with code 190', async () => {
    const bad = new WhatsAppClient({
      baseUrl: sandbox.url,
      accessToken: 'nope',
      phoneNumberId: '1',
    });
    const e = (await bad.media.getMetadata('1').catch((x: unknown) => x)) as WhatsAppApiError;
    expect(e.kind).toBe('token_expired');
    expect(e.graphCode).toBe(190);
  });
});
