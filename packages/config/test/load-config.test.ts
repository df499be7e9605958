import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig, natsEnv, port, mongoEnv, bool } from '../src/index.js';

const schema = z.object({
  ...natsEnv,
  ...mongoEnv,
  GRPC_PORT: port(50051),
  TRACING: bool(false),
});

describe('loadConfig', () => {
  it('applies the defaults inside the schema', () => {
    const config = loadConfig(schema, {});
    expect(config.GRPC_PORT).toBe(50051);
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.TRACING).toBe(false);
  });

  it('reports all three bad values in one error', () => {
    let error: unknown;
    try {
      loadConfig(schema, {
        GRPC_PORT: '70000',
        MONGO_URL: 'postgres://x',
        NATS_NAMESPACE: 'Bad Name!',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/GRPC_PORT/);
    expect(problems.join('\n')).toMatch(/MONGO_URL/);
    expect(problems.join('\n')).toMatch(/NATS_NAMESPACE/);
  });

  it('never echoes a bad value, which may be a secret', () => {
    expect(() => loadConfig(schema, { MONGO_URL: 'secret-password-here' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-password-here') }),
    );
  });

  it('returns a frozen object', () => {
    const config = loadConfig(schema, { GRPC_PORT: '1234' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { GRPC_PORT: number }).GRPC_PORT = 1;
    }).toThrow(TypeError);
  });
});
