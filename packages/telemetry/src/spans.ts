import {
  context,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';

export const tracer = trace.getTracer('pandawa');

export interface SpanOptions {
  kind?: SpanKind;
  parent?: Context;
  /** Identifiers only (case id, subject, stream): never personal data. */
  attributes?: Attributes;
}

/** Runs `fn` inside a new active span; records failures with `error.type` and an error status. */
export async function withSpan<T>(
  name: string,
  options: SpanOptions,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {} },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        const type =
          error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'unknown';
        span.setAttribute('error.type', String(type));
        // The message is not recorded: it may contain personal data.
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

export { SpanKind };
