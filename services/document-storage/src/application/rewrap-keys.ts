import type { DocumentContext } from './document-context.js';

/**
 * Re-wraps data keys held by older master keys under the active one. Only the 60-byte wrapped
 * key changes; the content is not re-encrypted. Once it reports 0 left, old keys may go.
 */
export async function rewrapKeys(
  ctx: DocumentContext,
  batch = 200,
): Promise<{ rewrapped: number; failed: number }> {
  const { documents, cipher, logger } = ctx;
  let rewrapped = 0;
  const failed = new Set<string>();
  for (;;) {
    const records = (
      await documents.findWrappedByOtherKey(cipher.activeKeyId, batch + failed.size)
    ).filter((r) => !failed.has(r._id));
    if (!records.length) break;
    for (const record of records) {
      if (!record.encryption) continue;
      try {
        const next = cipher.rewrap(record._id, {
          keyId: record.encryption.keyId,
          wrapped: record.encryption.wrappedKey,
        });
        if (!next) continue;
        const ok = await documents.replaceWrappedKey(
          record.officeId,
          record._id,
          record.encryption.keyId,
          { ...record.encryption, keyId: next.keyId, wrappedKey: next.wrapped },
        );
        if (ok) rewrapped++;
      } catch (error) {
        // One damaged key must not stop the rotation of all the others.
        failed.add(record._id);
        logger.error(
          { err: error, documentId: record._id, keyId: record.encryption.keyId },
          'could not re-wrap document key',
        );
      }
    }
  }
  if (rewrapped || failed.size)
    logger.info(
      { rewrapped, failed: failed.size, keyId: cipher.activeKeyId },
      'document keys re-wrapped',
    );
  return { rewrapped, failed: failed.size };
}
