import { DEV_ONLY_CALLER_SIGNING_KEYS } from '@pandawa/config';
import { CALLER_PROOF_KEY, callerCredential, createClient, signCallerProof } from '@pandawa/grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from './fixtures.js';
import {
  callerMetadata,
  DocumentServiceCtor,
  readDocument,
  startHarness,
  unary,
  uploadDocument,
  type DocumentClient,
  type Harness,
} from './harness.js';

const OFFICE = 'pekanbaru';
const READ = '/pandawa.document.v1.DocumentService/ReadDocument';

/** Forged identities straight at the document-storage port: no valid proof, no document. */
describe('DocumentService believes a caller only from a valid caller proof (real gRPC)', () => {
  let h: Harness;
  /** A client with no signer: exactly the metadata a test writes goes out. */
  let raw: DocumentClient;
  let documentId = '';

  beforeAll(async () => {
    h = await startHarness();
    raw = createClient(
      DocumentServiceCtor,
      h.client.getChannel().getTarget().replace(/^dns:/, ''),
      { maxAttempts: 1 },
    );
    const doc = await uploadDocument(
      h.client,
      { officeId: OFFICE, caseId: 'c-proof', kind: 'KK' },
      await png(),
      callerMetadata(),
    );
    documentId = doc.id;
  });
  afterAll(async () => {
    raw?.close();
    await h?.close();
  });

  const officer = () => callerMetadata({ id: 'officer-1', role: 'supervisor' });

  it('streams the document to an officer the gateway vouched for', async () => {
    const read = await readDocument(h.client, OFFICE, documentId, officer());
    expect(read.bytes.length).toBeGreaterThan(0);
  });

  it('refuses a read, a preview and an upload with hand-written x-actor-* metadata', async () => {
    await expect(readDocument(raw, OFFICE, documentId, officer())).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'PROOF_REQUIRED',
    });
    await expect(
      unary(raw, 'readPreview', { officeId: OFFICE, id: documentId }, officer()),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(
      uploadDocument(
        raw,
        { officeId: OFFICE, caseId: 'c-proof', kind: 'KK' },
        await png(),
        callerMetadata(),
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a notification-signed proof for an officer role, and an expired gateway proof', async () => {
    const claims = {
      sub: 'officer-1',
      role: 'supervisor',
      office: OFFICE,
      reason: 'verifikasi',
      aud: 'pandawa.document.v1.DocumentService',
      mth: READ,
    };
    const notification = callerCredential(
      'notification',
      DEV_ONLY_CALLER_SIGNING_KEYS.notification,
    );
    const gateway = callerCredential('gateway', DEV_ONLY_CALLER_SIGNING_KEYS.gateway);
    const withProof = (proof: string) => {
      const md = officer();
      md.set(CALLER_PROOF_KEY, proof);
      return md;
    };
    await expect(
      readDocument(raw, OFFICE, documentId, withProof(signCallerProof(notification, claims))),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', reason: 'ROLE_NOT_ALLOWED' });
    await expect(
      readDocument(
        raw,
        OFFICE,
        documentId,
        withProof(signCallerProof(gateway, claims, Date.now() - 3_600_000)),
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PROOF_EXPIRED' });
    // The same proof, fresh, works: the refusals above were about the proof alone.
    const read = await readDocument(
      raw,
      OFFICE,
      documentId,
      withProof(signCallerProof(gateway, claims)),
    );
    expect(read.bytes.length).toBeGreaterThan(0);
  });
});
