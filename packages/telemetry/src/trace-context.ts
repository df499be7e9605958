import { context, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** Anything with string headers: NATS `MsgHdrs`, a plain map. */
export interface HeaderCarrier {
  get(key: string): string;
  set(key: string, value: string): void;
}

// W3C trace context always, whatever global propagator is (or is not) configured: architecture §3
// fixes `traceparent` as the format on the bus.
const propagator = new W3CTraceContextPropagator();

const setter: TextMapSetter<HeaderCarrier> = {
  set: (carrier, key, value) => carrier.set(key, value),
};

const getter: TextMapGetter<HeaderCarrier> = {
  get: (carrier, key) => carrier.get(key) || undefined,
  keys: () => ['traceparent', 'tracestate'],
};

/** Writes `traceparent` (and `tracestate`) of the active span into message headers. */
export function injectTraceContext(headers: HeaderCarrier, ctx: Context = context.active()): void {
  propagator.inject(ctx, headers, setter);
}

/** The context a received message was published in, to parent the consumer's span. */
export function extractTraceContext(headers: HeaderCarrier | undefined): Context {
  if (!headers) return context.active();
  return propagator.extract(context.active(), headers, getter);
}
