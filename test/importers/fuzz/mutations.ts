/**
 * What fuzzing does to a file, as data (so that a failing case prints what was done): truncations, byte flips,
 * deep nesting, huge strings, BOMs, leading whitespace, invalid UTF-8, and, in JSON files, a value of the
 * document replaced by one of another type.
 */
import fc from 'fast-check';
import type { Seed } from './seeds.js';

/** Positions are fractions of the file's length, so that one mutation fits files of any size. */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: { at: number; byte: number }[] }
  | { kind: 'bom' }
  | { kind: 'whitespace'; length: number }
  | { kind: 'nest'; at: number; depth: number }
  | { kind: 'huge'; at: number; length: number }
  | { kind: 'invalidUtf8'; at: number; bytes: readonly number[] }
  | { kind: 'value'; pick: number; value: unknown };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** Values of every JSON type, including the ones that break naive code: huge numbers, deep arrays, long text. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(1e300, -1e300, 8.64e15, -1, 0, 1.5, 2 ** 53, 253_402_300_800, -62_167_219_201),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', 'not a date', '2024-13-45T99:99:99', '9999999999', '+275760-09-13', '\u0000'),
  fc.integer({ min: 1000, max: 200_000 }).map((depth) => ({ deep: depth })),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), {
    maxKeys: 3,
  }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('flip' as const),
      flips: fc.array(fc.record({ at: fraction, byte: fc.integer({ min: 0, max: 255 }) }), {
        minLength: 1,
        maxLength: 8,
      }),
    }),
    weight: 3,
  },
  fc.constant<Mutation>({ kind: 'bom' }),
  fc.record({
    kind: fc.constant('whitespace' as const),
    length: fc.integer({ min: 60 * 1024, max: 200 * 1024 }),
  }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: fraction,
    depth: fc.integer({ min: 1000, max: 200_000 }),
  }),
  fc.record({
    kind: fc.constant('huge' as const),
    at: fraction,
    length: fc.integer({ min: 100_000, max: 2_000_000 }),
  }),
  fc.record({
    kind: fc.constant('invalidUtf8' as const),
    at: fraction,
    bytes: fc.constantFrom([0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80]),
  }),
  {
    arbitrary: fc.record({ kind: fc.constant('value' as const), pick: fraction, value: jsonValue }),
    weight: 4,
  },
);

/** One or two mutations; a file's byte flips come several at once. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 2 });

const isXml = (seed: Seed) => seed.reader === 'feed';
const isJson = (seed: Seed) => ['telegram', 'facebook', 'instagram'].includes(seed.reader);

function nested(depth: number, xml: boolean): string {
  return xml ? `${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** A value of the document, as JSON text; `{deep: n}` is n nested arrays. */
function jsonText(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'deep' in value)
    return nested(Number(value.deep), false);
  return JSON.stringify(value);
}

/** The JSON text with the chosen value (by its rank among all values, leaves and containers) replaced. */
function replaceValue(text: string, pick: number, value: unknown): string | undefined {
  // Telegram's `\xHH` escapes are not JSON; read as what they mean.
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/(?<!\\)\\x/g, '\\u00'));
  } catch {
    return undefined;
  }
  const marker = '\u0001fuzz-marker\u0001';
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  // Iterative: an earlier mutation may have nested the document deeper than the stack goes.
  const pending: unknown[] = [document];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    const parent = node as Record<string, unknown> | unknown[];
    for (const [key, child] of Object.entries(parent)) {
      slots.push({ parent, key: Array.isArray(parent) ? Number(key) : key });
      pending.push(child);
    }
  }
  const slot = slots[Math.floor(pick * slots.length)];
  if (!slot) return undefined;
  (slot.parent as Record<string | number, unknown>)[slot.key] = marker;
  return JSON.stringify(document, null, 1).replace(JSON.stringify(marker), () => jsonText(value));
}

const insert = (bytes: Buffer, at: number, what: Buffer) =>
  Buffer.concat([bytes.subarray(0, at), what, bytes.subarray(at)]);

export function apply(seed: Seed, bytes: Buffer, change: Mutation): Buffer {
  const position = (at: number) => Math.floor(at * bytes.length);
  switch (change.kind) {
    case 'truncate':
      return bytes.subarray(0, position(change.at));
    case 'flip': {
      const copy = Buffer.from(bytes);
      if (copy.length > 0) for (const { at, byte } of change.flips) copy[position(at)] = byte;
      return copy;
    }
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case 'whitespace':
      return Buffer.concat([Buffer.alloc(change.length, ' '), bytes]);
    case 'nest':
      return insert(bytes, position(change.at), Buffer.from(nested(change.depth, isXml(seed))));
    case 'huge':
      return insert(bytes, position(change.at), Buffer.from('Ж'.repeat(change.length / 2)));
    case 'invalidUtf8':
      return insert(bytes, position(change.at), Buffer.from(change.bytes));
    case 'value': {
      if (!isJson(seed)) return bytes;
      const text = replaceValue(bytes.toString('utf8'), change.pick, change.value);
      return text === undefined ? bytes : Buffer.from(text);
    }
  }
}

export const applyAll = (seed: Seed, changes: readonly Mutation[]) =>
  changes.reduce((bytes, change) => apply(seed, bytes, change), seed.bytes);

/** A mutation as a short line, for reports. */
export function describe(change: Mutation): string {
  const { kind, ...rest } = change;
  return `${kind} ${JSON.stringify(rest, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(4)) : value,
  )}`;
}
