import * as grpc from '@grpc/grpc-js';
import {
  BSUID_PATTERN,
  CALLER_ROLES,
  PHONE_PATTERN,
  citizenKey,
  type Caller,
  type CallerRole,
} from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import { CALLER_PROOF_KEY, type CallerSigner, type CallerVerifier } from './caller-proof.js';

/**
 * Metadata keys that carry the caller in the clear (architecture §4): what callers write; the
 * caller proof, `x-caller-proof`, is what a server believes.
 */
export const CALLER_METADATA = {
  id: 'x-actor-id',
  role: 'x-actor-role',
  officeId: 'x-office-id',
  reason: 'x-access-reason',
  citizenBsuid: 'x-citizen-bsuid',
  citizenPhone: 'x-citizen-phone',
} as const;

const KEYS = CALLER_METADATA;

const badCitizen = (message: string) =>
  new AppError('UNAUTHENTICATED', message, { reason: 'CITIZEN_IDENTITY_INVALID' });

/**
 * A citizen caller's identity (architecture §4): `x-citizen-bsuid` / `x-citizen-phone` when
 * given, else the one `x-actor-id` names (a BSUID or, from callers older than BSUIDs, a phone
 * number). The actor id must be the identity's citizen key, so the two cannot disagree.
 */
function citizenOf(metadata: grpc.Metadata, id: string): NonNullable<Caller['citizen']> {
  const bsuid = first(metadata, KEYS.citizenBsuid);
  const phone = first(metadata, KEYS.citizenPhone);
  const identity =
    bsuid || phone
      ? { ...(bsuid ? { bsuid } : {}), ...(phone ? { phone } : {}) }
      : BSUID_PATTERN.test(id)
        ? { bsuid: id }
        : { phone: id };
  if (identity.bsuid !== undefined && !BSUID_PATTERN.test(identity.bsuid))
    throw badCitizen(`${KEYS.citizenBsuid} is not a BSUID`);
  if (identity.phone !== undefined && !PHONE_PATTERN.test(identity.phone))
    throw badCitizen('the citizen phone number is not a WhatsApp number');
  if (citizenKey(identity) !== id)
    throw badCitizen(`${KEYS.id} must be the citizen's key (the BSUID, else the phone number)`);
  return identity;
}

/** The citizen's identity from the clear keys, which must be the ones the proof signed. */
function signedCitizenOf(metadata: grpc.Metadata, caller: Caller): NonNullable<Caller['citizen']> {
  const signed = caller.citizen ?? {};
  if (
    first(metadata, KEYS.citizenBsuid) !== (signed.bsuid ?? '') ||
    first(metadata, KEYS.citizenPhone) !== (signed.phone ?? '')
  )
    throw badCitizen('the citizen identity differs from the caller proof');
  return citizenOf(metadata, caller.id);
}

function first(metadata: grpc.Metadata, key: string): string {
  const value = metadata.get(key)[0];
  return value === undefined ? '' : value.toString().trim();
}

interface CallContext {
  verifier: CallerVerifier | undefined;
  method: string;
  verified?: Caller;
  failure?: unknown;
}

/** The call each server-side metadata object belongs to, bound by GrpcServer before a handler runs. */
const calls = new WeakMap<grpc.Metadata, CallContext>();

/** GrpcServer: ties a call's metadata to the method called and the server's verifier. */
export function bindCallContext(
  metadata: grpc.Metadata,
  method: string,
  verifier: CallerVerifier | undefined,
): void {
  calls.set(metadata, { verifier, method });
}

/** The caller its proof asserts (verified once per call). */
function verifiedCaller(metadata: grpc.Metadata): Caller {
  const context = calls.get(metadata);
  if (!context?.verifier) {
    // Fail closed: a server built without a verifier believes nobody.
    throw new AppError('UNAUTHENTICATED', 'this server verifies no callers', {
      reason: 'NO_VERIFIER',
    });
  }
  if (context.failure !== undefined) throw context.failure;
  if (!context.verified) {
    try {
      context.verified = context.verifier.verify(first(metadata, CALLER_PROOF_KEY), context.method);
    } catch (error) {
      context.failure = error;
      throw error;
    }
  }
  return context.verified;
}

/**
 * Reads the caller of a call: only from its caller proof (architecture §4), which the calling
 * service signed for this method; the `x-actor-*` keys, when present, must say the same. Every
 * call is scoped to one office: a caller of another office is refused here, so no handler can
 * forget the check.
 */
export function callerFromMetadata(metadata: grpc.Metadata, requestOfficeId: string): Caller {
  const caller = verifiedCaller(metadata);
  for (const [key, claimed] of [
    [KEYS.id, caller.id],
    [KEYS.role, caller.role],
    [KEYS.officeId, caller.officeId],
  ] as const) {
    const clear = first(metadata, key);
    if (clear && clear !== claimed)
      throw new AppError('UNAUTHENTICATED', `${key} differs from the caller proof`, {
        reason: 'CALLER_MISMATCH',
      });
  }
  if (!requestOfficeId) {
    throw new AppError('INVALID_ARGUMENT', 'office_id is required', { reason: 'OFFICE_REQUIRED' });
  }
  const officeId = caller.officeId || requestOfficeId;
  if (officeId !== requestOfficeId) {
    throw new AppError('PERMISSION_DENIED', 'the caller belongs to another office', {
      reason: 'OTHER_OFFICE',
    });
  }
  return {
    ...caller,
    officeId,
    // The citizen's identity keys travel in the clear and are signed in the proof: the two must
    // say the same, and the actor id must be the identity's citizen key.
    ...(caller.role === 'citizen' ? { citizen: signedCitizenOf(metadata, caller) } : {}),
  };
}

/**
/**
 * The caller its proof asserts, in its own office, or undefined when the call carries no valid
 * proof. For recording a call refused because the caller belongs to another office: who it was
 * is still known.
 */
export function callerInOwnOffice(metadata: grpc.Metadata): Caller | undefined {
  try {
    const caller = verifiedCaller(metadata);
    return callerFromMetadata(metadata, caller.officeId || first(metadata, KEYS.officeId));
  } catch {
    return undefined;
  }
}

/**
 * The metadata a client sends to say who is calling. A client made by `createClient` with a
 * signer adds the caller proof to every call (`callerProofInterceptor`).
 */
export function callerMetadata(
  caller: Partial<Caller> & Pick<Caller, 'id' | 'role'>,
): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set(KEYS.id, caller.id);
  metadata.set(KEYS.role, caller.role);
  if (caller.officeId) metadata.set(KEYS.officeId, caller.officeId);
  if (caller.reason) metadata.set(KEYS.reason, caller.reason);
  if (caller.citizen?.bsuid) metadata.set(KEYS.citizenBsuid, caller.citizen.bsuid);
  if (caller.citizen?.phone) metadata.set(KEYS.citizenPhone, caller.citizen.phone);
  return metadata;
}

/**
 * Signs each outgoing call that names a caller with the signer's credential, for the method it
 * calls. A call whose role no credential may assert goes unsigned (the server refuses it).
 */
export function callerProofInterceptor(signer: CallerSigner): grpc.Interceptor {
  return (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        const id = first(metadata, KEYS.id);
        const role = first(metadata, KEYS.role);
        if (id && role && (CALLER_ROLES as readonly string[]).includes(role)) {
          const proof = signer.proofFor(
            {
              id,
              role: role as CallerRole,
              officeId: first(metadata, KEYS.officeId),
              reason: first(metadata, KEYS.reason),
              ...(role === 'citizen'
                ? {
                    citizen: {
                      bsuid: first(metadata, KEYS.citizenBsuid),
                      phone: first(metadata, KEYS.citizenPhone),
                    },
                  }
                : {}),
            },
            options.method_definition.path,
          );
          if (proof) metadata.set(CALLER_PROOF_KEY, proof);
        }
        next(metadata, listener);
      },
    });
}
