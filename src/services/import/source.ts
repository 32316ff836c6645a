/**
 * Opening what the user names: a file, a folder (an unpacked archive), a ZIP read in place (never extracted to
 * disk), or an http(s) URL. Each readable part becomes an entry with its detected reader and a way to stream its
 * bytes, as often as needed (a Telegram full export is read twice when a chat must be chosen).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { DomainError } from '../../domain/errors.js';
import { postsFileFormat } from '../../importers/meta/layout.js';
import {
  detectReader,
  POSTS_LAYOUT_EXAMPLES,
  type ReaderName,
  SUPPORTED_FORMATS,
  zipContents,
} from '../../importers/registry.js';
import { contentHeadOf } from '../../importers/sniff.js';
import type { Sniff } from '../../importers/types.js';
import type { Platform } from '../../shared/vocabulary.js';

const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 256 * 1024;

export interface SourceEntry {
  /** How messages name it: the file, or `archive.zip: path/in/archive.json`. */
  name: string;
  reader: ReaderName;
  sniff: Sniff;
  /** Bytes, when known: what progress counts against. */
  size: number;
  open(): Promise<AsyncIterable<Buffer>>;
}

export interface OpenedSource {
  name: string;
  /**
   * SHA-256 of the file, the archive, the download or the folder's posts files. A single file's is taken as it is
   * read: once a read has gone through it to its end, asking costs nothing; before, it takes a pass of its own.
   */
  hash(): Promise<string>;
  entries: SourceEntry[];
  close(): void;
}

function unavailable(file: string, error: unknown): DomainError {
  const detail =
    (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
  return new DomainError('import_source_unavailable', { file, detail });
}

/** SHA-256 of files read through one reused buffer: hashing a 1 GB export allocates nothing per chunk. */
async function hashOf(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  for (const path of paths) {
    const handle = await open(path, 'r');
    try {
      for (let read = 1; read > 0;) {
        ({ bytesRead: read } = await handle.read(buffer, 0, buffer.length, null));
        hash.update(buffer.subarray(0, read));
      }
    } finally {
      await handle.close();
    }
  }
  return hash.digest('hex');
}

const fileStream = (path: string) => createReadStream(path, { highWaterMark: CHUNK_BYTES });

/** The head a format is told by, past a BOM and leading whitespace (contentHeadOf). */
const headOfStream = (bytes: AsyncIterable<Buffer>) => contentHeadOf(bytes, HEAD_BYTES);

const headOfFile = (path: string) => headOfStream(fileStream(path));

/** A file's streams, each hashing what passes through it: the first to reach the end gives the file's hash. */
function hashedFile(path: string): { open(): Promise<AsyncIterable<Buffer>>; hash(): Promise<string> } {
  let digest: string | undefined;
  async function* hashing(): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    for await (const chunk of fileStream(path) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      yield chunk;
    }
    digest ??= hash.digest('hex');
  }
  return {
    open: async () => (digest === undefined ? hashing() : fileStream(path)),
    hash: async () => (digest ??= await hashOf([path])),
  };
}

function detected(sniff: Sniff): ReaderName {
  const reader = detectReader(sniff);
  if (!reader)
    throw new DomainError('import_format_unknown', { file: sniff.name, formats: SUPPORTED_FORMATS });
  return reader;
}

/** Posts files of an archive or a folder; when it holds both Facebook and Instagram posts, the channel's. */
function postsFiles(names: readonly string[], platform: Platform | undefined): string[] {
  const posts = zipContents(names);
  const found = posts.kind === 'posts' ? posts.entries : [];
  const mine = found.filter((name) => postsFileFormat(name) === platform);
  return mine.length > 0 ? mine : found;
}

function noPosts(file: string): DomainError {
  return new DomainError('import_zip_no_posts', { file, layouts: POSTS_LAYOUT_EXAMPLES });
}

async function openZip(path: string, platform: Platform | undefined): Promise<OpenedSource> {
  const { default: unzip } = await import('yauzl');
  const zip = await unzip.openPromise(path, { lazyEntries: true, autoClose: false });
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry())
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
    const name = basename(path);
    if (zipContents([...entries.keys()]).kind === 'xlsx') {
      zip.close();
      return openFile(path, name, 'xlsx');
    }
    // The entries read are not the archive: its hash takes a pass of its own.
    const hash = await hashOf([path]);
    const selected = postsFiles([...entries.keys()], platform);
    if (selected.length === 0) throw noPosts(name);
    const parts: SourceEntry[] = [];
    for (const inside of selected) {
      const entry = entries.get(inside) as yauzl.Entry;
      const openEntry = async () => (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>;
      const sniff = { name: inside, head: await headOfStream(await openEntry()) };
      parts.push({
        name: `${name}: ${inside}`,
        reader: detectReader(sniff) ?? (postsFileFormat(inside) as ReaderName),
        sniff,
        size: entry.uncompressedSize,
        open: openEntry,
      });
    }
    return { name, hash: async () => hash, entries: parts, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function openFolder(path: string, platform: Platform | undefined): Promise<OpenedSource> {
  const names = (await readdir(path, { recursive: true })).map((name) => name.split('\\').join('/'));
  const selected = postsFiles(names, platform);
  if (selected.length === 0) throw noPosts(basename(path));
  const entries: SourceEntry[] = [];
  for (const inside of selected) {
    const file = join(path, inside);
    const sniff = { name: inside, head: await headOfFile(file) };
    entries.push({
      name: relative(process.cwd(), file) || inside,
      reader: detectReader(sniff) ?? (postsFileFormat(inside) as ReaderName),
      sniff,
      size: (await stat(file)).size,
      open: async () => fileStream(file),
    });
  }
  const hash = await hashOf(selected.map((inside) => join(path, inside)));
  return { name: basename(path), hash: async () => hash, entries, close: () => undefined };
}

async function openFile(path: string, name: string, known?: ReaderName): Promise<OpenedSource> {
  const sniff = { name, head: await headOfFile(path) };
  const reader = known ?? detected(sniff);
  const { open, hash } = hashedFile(path);
  return {
    name,
    hash,
    entries: [{ name, reader, sniff, size: (await stat(path)).size, open }],
    close: () => undefined,
  };
}

async function openUrl(url: string): Promise<OpenedSource> {
  let body: Buffer;
  try {
    const response = await fetch(url, { redirect: 'follow' });
    if (!response.ok)
      throw Object.assign(new Error(`HTTP ${response.status}`), { code: `HTTP ${response.status}` });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw unavailable(url, error);
  }
  const sniff = { name: url, head: body.subarray(0, HEAD_BYTES) };
  const chunks = () =>
    Readable.from(
      Array.from({ length: Math.ceil(body.length / CHUNK_BYTES) }, (_, at) =>
        body.subarray(at * CHUNK_BYTES, (at + 1) * CHUNK_BYTES),
      ),
    );
  return {
    name: url,
    hash: async () => createHash('sha256').update(body).digest('hex'),
    entries: [{ name: url, reader: detected(sniff), sniff, size: body.length, open: async () => chunks() }],
    close: () => undefined,
  };
}

/** Opens the file, folder, ZIP or URL; `platform` picks the posts of an archive that holds several networks'. */
export async function openSource(target: string, platform?: Platform): Promise<OpenedSource> {
  if (/^https?:\/\//i.test(target)) return openUrl(target);
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    throw unavailable(target, error);
  }
  if (info.isDirectory()) return openFolder(target, platform);
  const head = await headOfFile(target);
  if (head.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    try {
      return await openZip(target, platform);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      // A workbook is a ZIP too: the name tells the user which one it was meant to be.
      const format = /\.xlsx$/i.test(target) ? 'XLSX' : 'ZIP';
      throw new DomainError('import_file_unreadable', {
        file: basename(target),
        format,
        detail: String(error),
      });
    }
  }
  return openFile(target, basename(target));
}
