import type { z } from 'zod';
import { productionProblems } from './dev-defaults.js';

/** Thrown once at start-up with every problem in the environment, not just the first. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}

/**
 * Validates the environment against a service's schema once, at start-up. Defaults live in the
 * schema; the result is a frozen, typed object. This is the only place that reads `process.env`.
 * With PANDAWA_ENV=production a configuration that still holds a published development secret
 * is refused like an invalid one.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): DeepReadonly<z.output<S>> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = issue.path.join('.') || '(root)';
        // Never echo the offending value: it may be a secret.
        return `${key}: ${issue.message}`;
      }),
    );
  }
  // Fail closed: a production deployment missing its Secret would otherwise start on the
  // published development values and accept anyone's webhooks.
  const data = result.data as Record<string, unknown>;
  if (data.PANDAWA_ENV === 'production') {
    const problems = productionProblems(data);
    if (problems.length > 0) throw new ConfigError(problems);
  }
  return deepFreeze(result.data);
}
