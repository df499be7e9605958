import { randomBytes } from 'node:crypto';
import { DEV_ONLY_CALLER_SIGNING_KEYS } from '@pandawa/config';
import {
  CALLER_PROOF_KEY,
  callerCredential,
  callerMetadata,
  callUnary,
  createClient,
  loadProto,
  signCallerProof,
  type CaseProto,
  type grpc,
} from '@pandawa/grpc';
import { testNamespace } from '@pandawa/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  OFFICE,
  startInProcess,
  type CaseClient,
  type InProcessCase,
} from './support/case-harness.js';

const LIST = '/pandawa.case.v1.CaseService/ListCases';
const gateway = callerCredential('gateway', DEV_ONLY_CALLER_SIGNING_KEYS.gateway);
const conversation = callerCredential('conversation', DEV_ONLY_CALLER_SIGNING_KEYS.conversation);
const notification = callerCredential('notification', DEV_ONLY_CALLER_SIGNING_KEYS.notification);
/** A key nobody trusts, under the gateway's own key id. */
const stranger = callerCredential(
  'gateway',
  `${gateway.kid}:${randomBytes(32).toString('base64')}`,
);

const supervisorClaims = {
  sub: 'sup-1',
  role: 'supervisor',
  office: OFFICE,
  reason: '',
  aud: 'pandawa.case.v1.CaseService',
  mth: LIST,
};

describe('case service believes a caller only from a valid caller proof (real gRPC)', () => {
  let svc: InProcessCase;
  /** A client with no signer: it sends exactly the metadata a test writes. */
  let raw: CaseClient;

  beforeAll(async () => {
    svc = await startInProcess(testNamespace());
    const Ctor = loadProto<CaseProto>('pandawa/case/v1/case.proto').pandawa.case.v1.CaseService;
    const address = svc.client.getChannel().getTarget().replace(/^dns:/, '');
    raw = createClient(Ctor, address, { maxAttempts: 1 });
  });
  afterAll(async () => {
    raw?.close();
    await svc?.close();
  });

  const list = (metadata: grpc.Metadata) =>
    callUnary(
      raw,
      raw.listCases,
      { officeId: OFFICE, pageSize: 5 },
      { deadlineMs: 10_000, metadata },
    );

  const withProof = (proof: string, clear = true) => {
    const md = clear
      ? callerMetadata({ id: 'sup-1', role: 'supervisor', officeId: OFFICE })
      : callerMetadata({ id: 'sup-1', role: 'supervisor' });
    md.set(CALLER_PROOF_KEY, proof);
    return md;
  };

  it('answers a call signed by the gateway for a supervisor', async () => {
    const page = await list(withProof(signCallerProof(gateway, supervisorClaims)));
    expect(page.cases).toBeDefined();
    // And a signed client (the harness's) is as transparent as before.
    await expect(
      call(
        svc.client,
        'ListCases',
        { officeId: OFFICE, pageSize: 1 },
        { id: 's', role: 'supervisor' },
      ),
    ).resolves.toBeDefined();
  });

  it('refuses hand-written x-actor-* metadata with no proof as UNAUTHENTICATED', async () => {
    await expect(
      list(callerMetadata({ id: 'sup-1', role: 'supervisor', officeId: OFFICE })),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PROOF_REQUIRED' });
  });

  it('refuses an expired proof', async () => {
    const longAgo = Date.now() - 10 * 60_000;
    await expect(
      list(withProof(signCallerProof(gateway, supervisorClaims, longAgo))),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PROOF_EXPIRED' });
  });

  it('refuses a proof that claims to live longer than a verifier allows', async () => {
    const iat = Math.floor(Date.now() / 1000);
    await expect(
      list(withProof(signCallerProof(gateway, { ...supervisorClaims, iat, exp: iat + 3600 }))),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PROOF_EXPIRED' });
  });

  it('refuses a proof signed with another key under a trusted key id', async () => {
    await expect(
      list(withProof(signCallerProof(stranger, supervisorClaims))),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PROOF_BAD_SIGNATURE' });
  });

  it('refuses a proof under an unknown key id', async () => {
    const other = callerCredential('gateway', `rogue:${randomBytes(32).toString('base64')}`);
    await expect(list(withProof(signCallerProof(other, supervisorClaims)))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'PROOF_UNKNOWN_KEY',
    });
  });

  it('refuses a proof made for another service or another method', async () => {
    await expect(
      list(
        withProof(
          signCallerProof(gateway, {
            ...supervisorClaims,
            aud: 'pandawa.document.v1.DocumentService',
            mth: '/pandawa.document.v1.DocumentService/ListCaseDocuments',
          }),
        ),
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PROOF_WRONG_AUDIENCE' });
    await expect(
      list(
        withProof(
          signCallerProof(gateway, {
            ...supervisorClaims,
            mth: '/pandawa.case.v1.CaseService/GetStatistics',
          }),
        ),
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PROOF_WRONG_AUDIENCE' });
  });

  it('refuses a tampered proof (claims changed after signing)', async () => {
    const [h, , s] = signCallerProof(gateway, { ...supervisorClaims, role: 'officer' }).split('.');
    const forged = Buffer.from(JSON.stringify({ ...supervisorClaims, iss: 'gateway' })).toString(
      'base64url',
    );
    await expect(list(withProof(`${h}.${forged}.${s}`))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'PROOF_BAD_SIGNATURE',
    });
  });

  it('refuses clear metadata that differs from the proof', async () => {
    const md = withProof(signCallerProof(gateway, { ...supervisorClaims, role: 'officer' }));
    await expect(list(md)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'CALLER_MISMATCH',
    });
  });

  it('refuses a citizen identity changed after signing (a BSUID citizen given another phone)', async () => {
    const bsuid = 'ID.0123456789abcdef0123456789abcdef';
    const citizenClaims = {
      sub: bsuid,
      role: 'citizen',
      office: OFFICE,
      reason: '',
      aud: 'pandawa.case.v1.CaseService',
      mth: '/pandawa.case.v1.CaseService/ListCitizenCases',
    };
    const own = (phone: string, signedPhone: string) => {
      const md = callerMetadata({
        id: bsuid,
        role: 'citizen',
        officeId: OFFICE,
        citizen: { bsuid, phone },
      });
      md.set(
        CALLER_PROOF_KEY,
        signCallerProof(conversation, { ...citizenClaims, cb: bsuid, cp: signedPhone }),
      );
      return callUnary(
        raw,
        raw.listCitizenCases,
        { officeId: OFFICE, pageSize: 5 },
        { deadlineMs: 10_000, metadata: md },
      );
    };
    await expect(own('6281200000001', '6281200000001')).resolves.toBeDefined();
    // The actor id (the BSUID) is the same, only the phone beside it was swapped: refused.
    await expect(own('6281299999999', '6281200000001')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'CITIZEN_IDENTITY_INVALID',
    });
  });

  it('refuses a service asserting a role it may not (conversation or notification as supervisor)', async () => {
    for (const credential of [conversation, notification]) {
      await expect(
        list(withProof(signCallerProof(credential, supervisorClaims))),
      ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', reason: 'ROLE_NOT_ALLOWED' });
    }
    // Nor may the gateway speak for a citizen.
    await expect(
      list(withProof(signCallerProof(gateway, { ...supervisorClaims, role: 'citizen' }), false)),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', reason: 'ROLE_NOT_ALLOWED' });
  });

  it('refuses a proof claiming to be from another issuer than its key’s', async () => {
    const mislabeled = { ...conversation, issuer: 'gateway' as const };
    await expect(
      list(withProof(signCallerProof(mislabeled, supervisorClaims))),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PROOF_WRONG_ISSUER' });
  });

  it('refuses garbage in the proof without an INTERNAL', async () => {
    for (const junk of ['x', 'a.b.c', '..', `${'A'.repeat(5000)}.b.c`]) {
      await expect(list(withProof(junk))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
});
