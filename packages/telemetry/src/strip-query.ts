import type { Attributes, Span } from '@opentelemetry/api';

// Attributes of the old and the new HTTP semantic conventions that hold a URL or its query.
const URL_ATTRIBUTES = ['http.target', 'http.url', 'url.full'] as const;
const QUERY_ATTRIBUTE = 'url.query';

/**
 * Drops the query string from an HTTP span's URL attributes. The webhook handshake carries the
 * verify token in its query and media download URLs carry signatures; neither may reach a trace.
 */
export function stripQueryStrings(span: Span): void {
  // The SDK's span keeps its attributes readable; a no-op span has none and needs nothing.
  const attributes = (span as unknown as { attributes?: Attributes }).attributes;
  if (!attributes) return;
  for (const key of URL_ATTRIBUTES) {
    const value = attributes[key];
    if (typeof value === 'string' && value.includes('?'))
      span.setAttribute(key, value.slice(0, value.indexOf('?')));
  }
  if (attributes[QUERY_ATTRIBUTE] !== undefined) span.setAttribute(QUERY_ATTRIBUTE, '[REDACTED]');
}
