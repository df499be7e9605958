import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';
import { maskPersonalData, maskText } from './mask.js';

export type { Logger };

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read them back. */
  destination?: DestinationStream;
}

/**
 * Object-first JSON logger: `logger.info({ caseId }, 'case opened')`. Every line carries the
 * service name and, inside a span, its trace and span ids. Personal data is masked on the way
 * in, in the object, the message and the child bindings alike.
 */
export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  const logger = pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors are already turned into masked plain objects by the hook below.
      serializers: { err: (err: unknown) => err },
      formatters: {
        level: (label) => ({ level: label }),
      },
      mixin() {
        // With tracing off a span still exists, carrying the all-zero ids of the invalid
        // context: a line gets ids only when they name a real trace.
        const context = trace.getActiveSpan()?.spanContext();
        if (!context || !isSpanContextValid(context)) return {};
        return { traceId: context.traceId, spanId: context.spanId };
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg, i) => {
            if (i === 0 && arg instanceof Error) return { err: maskPersonalData(arg) };
            return typeof arg === 'string' ? maskText(arg) : maskPersonalData(arg);
          });
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination({ sync: false }),
  );
  return maskChildBindings(logger);
}

/** pino writes child bindings without passing them through any hook, so mask them here. */
function maskChildBindings(logger: Logger): Logger {
  const child = logger.child.bind(logger) as unknown as (
    bindings: pino.Bindings,
    options?: pino.ChildLoggerOptions,
  ) => Logger;
  const masked = (bindings: pino.Bindings, options?: pino.ChildLoggerOptions) =>
    maskChildBindings(child(maskPersonalData(bindings) as pino.Bindings, options));
  logger.child = masked as unknown as Logger['child'];
  return logger;
}
