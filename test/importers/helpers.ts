/** Paths of the real export samples (test/helpers/real-files.ts) and of our fixtures, running a format's reader over bytes, its failures. */
import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../../src/domain/errors.js';
import { READERS, type ReaderName } from '../../src/importers/registry.js';
import type { Draft, Mapped, MapOptions, PublicationDraft } from '../../src/importers/types.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export { real } from '../helpers/real-files.js';

/** Everything a reader yields for a file, read in small chunks to exercise chunk boundaries. */
export async function readAll(
  reader: ReaderName,
  source: string | Buffer,
  options: Partial<MapOptions> = {},
): Promise<Mapped[]> {
  const bytes = Buffer.isBuffer(source)
    ? chunksOf(source, 1000)
    : createReadStream(source, { highWaterMark: 4096 });
  const file = Buffer.isBuffer(source) ? 'test' : basename(source);
  const out: Mapped[] = [];
  for await (const items of READERS[reader].read(bytes as AsyncIterable<Buffer>, { file, ...options }))
    out.push(...items);
  return out;
}

async function* chunksOf(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}

export const drafts = (items: readonly Mapped[]): Draft[] =>
  items.flatMap((item) => (item.kind === 'draft' ? [item.draft] : []));

export const posts = (items: readonly Mapped[]): PublicationDraft[] =>
  drafts(items).filter((draft): draft is PublicationDraft => draft.target === 'publication');

export const kinds = (items: readonly Mapped[]) =>
  items.reduce<Record<string, number>>((counts, item) => {
    const key = item.kind === 'skipped' ? `skipped:${item.reason}` : item.kind;
    counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  }, {});

/** The same text as Meta writes it: each UTF-8 byte as its own `\u00XX` escape. */
export function mojibake(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => (byte < 0x80 ? String.fromCharCode(byte) : `\\u00${byte.toString(16).padStart(2, '0')}`))
    .join('');
}

export const readText = (path: string) => readFileSync(path, 'utf8');

/** The domain error the work throws; fails the test when it throws none. */
export async function failureOf(work: () => Promise<unknown>): Promise<DomainError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
