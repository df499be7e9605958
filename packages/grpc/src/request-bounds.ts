import * as protoLoader from '@grpc/proto-loader';
import { AppError } from '@pandawa/errors';
import { PROTO_ROOT } from './proto-loader.js';

/** The bound of one request field: its length, and for a repeated field the number of items. */
export interface FieldBound {
  /** Characters (UTF-16 code units) in the value, or in each item. */
  max: number;
  /** For a repeated field: at most this many items. */
  items?: number;
  /** Free text: tabs and line breaks allowed (other control characters never are). */
  multiline?: boolean;
  /** Stable reasons kept from before the bounds were shared (clients branch on them). */
  reasons?: { tooLong?: string; tooMany?: string };
}

/** Bounds by field name (camelCase, as handlers see it); nested messages by `parent.child`. */
export type FieldBounds = Readonly<Record<string, FieldBound>>;

/** How a refusal is worded for whoever reads it (Bahasa Indonesia where a citizen may). */
export interface BoundMessages {
  tooLong(field: string, max: number): string;
  tooMany(field: string, max: number): string;
  controlCharacter(field: string): string;
}

export const ENGLISH_BOUND_MESSAGES: BoundMessages = {
  tooLong: (field, max) => `${field} is too long (at most ${max} characters)`,
  tooMany: (field, max) => `${field} has too many items (at most ${max})`,
  controlCharacter: (field) => `${field} contains a control character`,
};

/** Anything past the gRPC size limit is refused by grpc-js; this is the cap for unlisted fields. */
const UNLISTED_MAX = 256;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Refuses a request any of whose string fields (nested and repeated ones too) is longer than its
 * bound, holds more items than its bound, or carries a control character (NUL and the like;
 * free text may hold tabs and line breaks). Throws INVALID_ARGUMENT naming the field (as the
 * proto spells it) and its limit; runs before the handler touches anything.
 */
export function checkRequestBounds(
  request: unknown,
  bounds: FieldBounds,
  messages: BoundMessages = ENGLISH_BOUND_MESSAGES,
): void {
  walk(request, '', bounds, messages);
}

function walk(value: unknown, path: string, bounds: FieldBounds, messages: BoundMessages): void {
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return;
  for (const [key, field] of Object.entries(value)) {
    const name = path ? `${path}.${key}` : key;
    const bound = bounds[name];
    if (typeof field === 'string') {
      checkString(field, name, bound, messages);
    } else if (Array.isArray(field)) {
      const items = bound?.items ?? UNLISTED_MAX;
      if (field.length > items)
        throw refusal(
          messages.tooMany(snake(name), items),
          bound?.reasons?.tooMany ?? 'TOO_MANY_ITEMS',
          name,
          items,
        );
      for (const item of field) {
        if (typeof item === 'string') checkString(item, name, bound, messages);
        else walk(item, name, bounds, messages);
      }
    } else if (typeof field === 'object') {
      walk(field, name, bounds, messages);
    }
  }
}

function checkString(
  value: string,
  name: string,
  bound: FieldBound | undefined,
  messages: BoundMessages,
) {
  const max = bound?.max ?? UNLISTED_MAX;
  if (value.length > max)
    throw refusal(
      messages.tooLong(snake(name), max),
      bound?.reasons?.tooLong ?? 'FIELD_TOO_LONG',
      name,
      max,
    );
  if ((bound?.multiline ? CONTROL_BUT_LINES : CONTROL).test(value))
    throw refusal(messages.controlCharacter(snake(name)), 'FIELD_CONTROL_CHARACTER', name);
}

function refusal(message: string, reason: string, field: string, limit?: number): AppError {
  return new AppError('INVALID_ARGUMENT', message, {
    reason,
    details: { field: snake(field), ...(limit === undefined ? {} : { limit }) },
  });
}

/**
 * Every string and repeated field of every request message of `service` in `protoFile`, as the
 * bounds tables name them (`citizen.waId`): a test checks each one has an explicit bound.
 */
export function requestFieldNames(protoFile: string, service: string): string[] {
  const definition = protoLoader.loadSync(protoFile, {
    includeDirs: [PROTO_ROOT],
    keepCase: false,
  });
  const serviceDef = definition[service] as Record<
    string,
    { requestType: { type: { field: ProtoField[] } } }
  >;
  const messageTypes = new Map<string, ProtoField[]>();
  for (const [typeName, entry] of Object.entries(definition)) {
    const type = (entry as { type?: { name?: string; field?: ProtoField[] } }).type;
    if (type?.field) messageTypes.set(typeName.split('.').at(-1)!, type.field);
  }
  const names = new Set<string>();
  const visit = (fields: ProtoField[], prefix: string, depth: number) => {
    for (const f of fields) {
      const name = prefix + f.name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      if (f.type === 'TYPE_MESSAGE' && depth < 3) {
        const nested = messageTypes.get(f.typeName.split('.').at(-1)!);
        if (nested) visit(nested, `${name}.`, depth + 1);
      } else if (f.type === 'TYPE_STRING' || f.label === 'LABEL_REPEATED') {
        names.add(name);
      }
    }
  };
  for (const method of Object.values(serviceDef)) visit(method.requestType.type.field, '', 0);
  return [...names].sort();
}

interface ProtoField {
  name: string;
  type: string;
  typeName: string;
  label: string;
}
