import { createLogger, type Logger } from '@pandawa/logging';
import { testEnv } from './config.js';

/** Quiet by default; TEST_LOG_LEVEL=debug shows what the code under test logs. */
export function testLogger(service: string): Logger {
  return createLogger({ service, level: testEnv.logLevel });
}
