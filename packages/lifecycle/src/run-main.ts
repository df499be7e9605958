import { createLogger } from '@pandawa/logging';

/**
 * Runs a service's start-up. A failure to start (bad configuration, an unreachable server) is
 * reported once, masked like any log line, and the process exits 1 so the orchestrator sees it.
 */
export async function runMain(service: string, start: () => Promise<unknown>): Promise<void> {
  try {
    await start();
  } catch (error) {
    const logger = createLogger({ service });
    logger.fatal({ err: error }, 'failed to start');
    logger.flush();
    setTimeout(() => process.exit(1), 100);
  }
}
