import { CASE_LIMITS } from '@pandawa/contracts';

/** Meta's reason for a failed delivery, as the case service keeps it on the officer's reply. */
export interface DeliveryFailureReason {
  /** The Graph error code; 0 when Meta gave none. */
  code: number;
  title: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/**
 * Meta's code and title, within the bounds the case service enforces (packages/contracts
 * CASE_LIMITS): a title is one line of at most `deliveryFailureTitle` characters, a code outside
 * the range is reported as none. Meta's text is not ours, so it is cut, never refused.
 */
export function deliveryFailureReason(
  code: number | undefined,
  title: string | undefined,
): DeliveryFailureReason {
  const known =
    code !== undefined &&
    Number.isInteger(code) &&
    code >= 0 &&
    code <= CASE_LIMITS.deliveryFailureCode;
  const line = (title ?? '').replace(CONTROL, ' ').trim();
  return {
    code: known ? code : 0,
    title: (line || 'Message failed to send').slice(0, CASE_LIMITS.deliveryFailureTitle),
  };
}
