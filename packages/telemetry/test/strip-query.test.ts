import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { stripQueryStrings } from '../src/strip-query.js';

describe('stripQueryStrings', () => {
  it('removes the verify token from the webhook handshake URL in a span', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const span = provider.getTracer('t').startSpan('GET', {
      attributes: {
        'http.target':
          '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=secret-token&hub.challenge=1',
        'url.full': 'http://gateway/webhooks/whatsapp?hub.verify_token=secret-token',
        'url.query': 'hub.verify_token=secret-token',
        'http.method': 'GET',
      },
    });
    stripQueryStrings(span);
    span.end();
    const [finished] = exporter.getFinishedSpans();
    expect(JSON.stringify(finished!.attributes)).not.toContain('secret-token');
    expect(finished!.attributes['http.target']).toBe('/webhooks/whatsapp');
    expect(finished!.attributes['http.method']).toBe('GET');
  });
});
