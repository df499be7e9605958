import { withSpan } from '@pandawa/telemetry';

/**
 * Runs one gRPC call's work in its span, `<service>/<method>` (e.g. `CaseService/GetCase`),
 * carrying the office and the caller's role only: never who the caller is or what was asked.
 */
export function withCallSpan<T>(
  service: string,
  method: string,
  scope: { officeId: string; role: string },
  fn: () => Promise<T>,
): Promise<T> {
  return withSpan(
    `${service}/${method}`,
    { attributes: { 'pandawa.office_id': scope.officeId, 'pandawa.actor_role': scope.role } },
    fn,
  );
}
