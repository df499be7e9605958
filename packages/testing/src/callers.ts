import { DEV_ONLY_CALLER_SIGNING_KEYS, DEV_ONLY_CALLER_TRUSTED_KEYS } from '@pandawa/config';
import { CALLER_ISSUERS } from '@pandawa/contracts';
import { CallerSigner, CallerVerifier, callerCredential } from '@pandawa/grpc';

/**
 * A signer holding every calling service's development key, so that one test client can play the
 * gateway (officers), the conversation service (citizens) and the notification service.
 */
export function testCallerSigner(): CallerSigner {
  return new CallerSigner(
    CALLER_ISSUERS.map((issuer) => callerCredential(issuer, DEV_ONLY_CALLER_SIGNING_KEYS[issuer])),
  );
}

/** A verifier trusting the development keys, as a server does with its default configuration. */
export function testCallerVerifier(now?: () => number): CallerVerifier {
  return new CallerVerifier(DEV_ONLY_CALLER_TRUSTED_KEYS.split(','), now);
}
