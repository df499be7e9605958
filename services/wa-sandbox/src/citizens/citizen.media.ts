import type { SandboxState } from '../sandbox.state.js';
import type { StoredMedia } from '../state/media.store.js';

/** A citizen's photo or file entering the sandbox: stored (it gets a media id) and recorded. */
export function putCitizenMedia(
  state: SandboxState,
  bytes: Uint8Array,
  mimeType: string,
  filename?: string,
): StoredMedia {
  const stored = state.media.put({
    bytes,
    mimeType,
    ...(filename ? { filename } : {}),
    origin: 'citizen',
    now: state.clock.now(),
  });
  state.record.add({
    kind: 'media.upload',
    mediaId: stored.id,
    mimeType,
    size: stored.bytes.length,
    origin: 'citizen',
  });
  return stored;
}
