import type { Logger } from '@pandawa/logging';

export interface ShutdownStep {
  name: string;
  run: () => Promise<void> | void;
}

/**
 * On SIGTERM or SIGINT, runs the steps in order (HOUSE-STYLE "Shutdown order": mark not ready →
 * stop taking new work → finish in-flight work → drain NATS → close Mongo → flush telemetry),
 * then exits 0. A step that fails is logged and the next still runs; if the whole sequence
 * overruns `timeoutMs` the process exits 1 rather than hang.
 */
export function handleShutdown(logger: Logger, steps: ShutdownStep[], timeoutMs: number): void {
  // A second signal (Ctrl-C reaches a whole process group) must not cut the first one short.
  let started = false;
  const shutdown = async (signal: string) => {
    if (started) return;
    started = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown overran its deadline; exiting');
      logger.flush();
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    for (const step of steps) {
      try {
        await step.run();
        logger.debug({ step: step.name }, 'shutdown step done');
      } catch (error) {
        logger.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    logger.info('stopped');
    logger.flush();
    clearTimeout(deadline);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
