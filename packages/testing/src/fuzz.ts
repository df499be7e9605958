import { join } from 'node:path';
import * as protoLoader from '@grpc/proto-loader';
import fc from 'fast-check';
import { REPO_ROOT } from './config.js';

/**
 * Hostile values for fuzzing the gRPC edges (issue 10): random and huge strings, unicode, `$`
 * operators, NUL and other control characters, negative and absurd numbers, enum values no
 * proto names. Requests are derived from the protos themselves, so a new field is fuzzed the
 * day it is added.
 */

/** Sizes of "huge": past every bound, and past the 4 096 characters of a WhatsApp text. */
const HUGE = [257, 1_001, 4_097, 70_000, 1_000_000] as const;

export const hostileString = (maxHuge: number = HUGE.at(-1)!): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        '',
        ' ',
        '\u0000',
        'a\u0000b',
        '$where',
        '$gt',
        '{"$ne":null}',
        '__proto__',
        'constructor',
        '../../etc/passwd',
        '-1',
        'NaN',
        'Infinity',
        '1e309',
        '9999-99-99T99:99:99Z',
        '0001-01-01T00:00:00Z',
        '\u202e\u200b\ufeff',
        '🇮🇩🙏🏽',
        'PDW-',
      ),
      weight: 2,
    },
    { arbitrary: fc.string({ maxLength: 20 }).map((s) => `$${s}`), weight: 1 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(...HUGE.filter((n) => n <= maxHuge)),
          fc.constantFrom('a', 'é', '😀', '\u0000', ' '),
        )
        .map(([n, c]) => c.repeat(Math.ceil(n / c.length))),
      weight: 1,
    },
  );

export const hostileInt32 = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(0, -1, 1, 20, 100, 101, -2147483648, 2147483647),
    fc.integer({ min: -2147483648, max: 2147483647 }),
  );

/** int64 as proto-loader sends it (longs as strings). */
export const hostileInt64 = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '0',
      '-1',
      '1',
      '9007199254740993',
      '9223372036854775807',
      '-9223372036854775808',
    ),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
  );

/** A known enum value (by name) or a number no value has. */
const hostileEnum = (names: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...names), weight: 3 },
    { arbitrary: fc.integer({ min: -3, max: 1000 }), weight: 1 },
  );

interface ProtoField {
  name: string;
  type: string;
  typeName: string;
  label: string;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Per field (camelCase, nested as `parent.child`), a value to use instead of a hostile one. */
export type FieldOverrides = Record<string, fc.Arbitrary<unknown>>;

/**
 * An arbitrary request of `method` of `service` in `protoFile` (under protos/): every field
 * hostile, unless `overrides` names it. Repeated fields get up to a few items, now and then
 * hundreds.
 */
export function requestArbitrary(
  protoFile: string,
  service: string,
  method: string,
  overrides: FieldOverrides = {},
): fc.Arbitrary<Record<string, unknown>> {
  const definition = protoLoader.loadSync(protoFile, { includeDirs: [join(REPO_ROOT, 'protos')] });
  const byName = new Map<string, { field?: ProtoField[]; value?: { name: string }[] }>();
  for (const [name, entry] of Object.entries(definition)) {
    const type = (entry as { type?: { field?: ProtoField[]; value?: { name: string }[] } }).type;
    if (type) byName.set(name.split('.').at(-1)!, type);
  }
  const serviceDef = definition[service] as Record<
    string,
    { requestType: { type: { field: ProtoField[] } } }
  >;
  const m = serviceDef[method];
  if (!m) throw new Error(`${service} has no method ${method}`);

  const messageArb = (fields: ProtoField[], prefix: string, depth: number) => {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) {
      const name = camel(f.name);
      const path = prefix + name;
      const repeated = f.label === 'LABEL_REPEATED';
      // Items of a repeated field are never the megabyte-sized strings: 300 of those would be
      // a test of the client's memory, not the server's bounds.
      const single =
        overrides[path] ??
        (repeated && f.type === 'TYPE_STRING' ? hostileString(5_000) : scalarArb(f, path, depth));
      if (!single) continue;
      record[name] =
        repeated && !overrides[path]
          ? fc.oneof(
              { arbitrary: fc.array(single, { maxLength: 5 }), weight: 4 },
              { arbitrary: fc.array(single, { minLength: 50, maxLength: 300 }), weight: 1 },
            )
          : single;
    }
    return fc.record(record, { requiredKeys: [] });
  };

  const scalarArb = (
    f: ProtoField,
    path: string,
    depth: number,
  ): fc.Arbitrary<unknown> | undefined => {
    switch (f.type) {
      case 'TYPE_STRING':
        return hostileString();
      case 'TYPE_BOOL':
        return fc.boolean();
      case 'TYPE_INT32':
        return hostileInt32();
      case 'TYPE_INT64':
        return hostileInt64();
      case 'TYPE_DOUBLE':
        return fc.double();
      case 'TYPE_BYTES':
        return fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b));
      case 'TYPE_ENUM': {
        const names = (byName.get(f.typeName.split('.').at(-1)!)?.value ?? []).map((v) => v.name);
        return hostileEnum(names);
      }
      case 'TYPE_MESSAGE': {
        if (depth >= 2) return undefined;
        const nested = byName.get(f.typeName.split('.').at(-1)!)?.field;
        return nested ? messageArb(nested, `${path}.`, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  };

  return messageArb(m.requestType.type.field, '', 0) as fc.Arbitrary<Record<string, unknown>>;
}

/** The methods of a service, by their names in the proto (`CreateCase`, ...). */
export function serviceMethods(protoFile: string, service: string): string[] {
  const definition = protoLoader.loadSync(protoFile, { includeDirs: [join(REPO_ROOT, 'protos')] });
  return Object.keys(definition[service] as object);
}

/** The seed every fuzz run uses: a failure found once is found again. */
export const FUZZ_SEED = 20261201;

export { fc };
