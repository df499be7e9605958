import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const committed = join(root, 'packages/grpc/src/generated');

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('generated gRPC types', () => {
  it('match the protos (run `npm run proto:gen` after changing a .proto)', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'proto-types-'));
    execFileSync('bash', [join(root, 'scripts/gen-proto-types.sh'), fresh]);
    const expected = files(fresh);
    const actual = files(committed);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) expect(actual.get(name), name).toBe(content);
  });
});
