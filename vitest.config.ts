import { defineConfig } from 'vitest/config';

// Unit tests (`*.test.ts`) need no I/O. Integration tests (`*.int.test.ts`) and the cross-service
// tests in tests/ talk to real NATS and MongoDB-wire servers that the global setup provides.
export default defineConfig({
  test: {
    // The default report, then one plain closing line with the counts (see the reporter).
    reporters: ['default', './packages/testing/src/closing-line.reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          // Whether a test passes must not depend on the machine's speed: a busy 2-core CI
          // machine runs a unit test many times slower than a quiet laptop.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'packages/*/test/**/*.int.test.ts',
            'services/*/test/**/*.int.test.ts',
            'tests/**/*.int.test.ts',
          ],
          exclude: ['**/node_modules/**'],
          globalSetup: ['packages/testing/src/global-setup.ts'],
          // Generous: a test must not fail because a busy machine started a child process slowly.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
