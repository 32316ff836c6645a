/**
 * Files that broke readers with raw JavaScript errors, hung them or were refused although readable: each is a
 * rejection of its record, a clean domain error naming the file, or read as it should be.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { detectReader } from '../../src/importers/registry.js';
import { buildSheetTemplate } from '../../src/importers/sheet/template.js';
import { contentHeadOf } from '../../src/importers/sniff.js';
import type { Mapped } from '../../src/importers/types.js';
import { describeReal } from '../helpers/real-files.js';
import { failureOf, kinds, posts, readAll, real } from './helpers.js';

const rejections = (items: readonly Mapped[]) =>
  items.flatMap((item) => (item.kind === 'rejected' ? item.rejections : []));

const facebookPosts = (count: number, bad: Record<number, unknown>) =>
  Buffer.from(
    JSON.stringify(
      Array.from({ length: count }, (_, at) =>
        at + 1 in bad
          ? bad[at + 1]
          : { timestamp: 1_709_269_200 + at * 60, data: [{ post: `Пост ${at + 1}` }] },
      ),
    ),
  );

const telegramChat = (messages: unknown[]) =>
  Buffer.from(JSON.stringify({ name: 'Канал', type: 'public_channel', id: 77, messages }));

const message = (id: number, fields: Record<string, unknown> = {}) => ({
  id,
  type: 'message',
  date: '2024-03-01T10:00:00',
  date_unixtime: String(1_709_269_200 + id),
  text: `Пост ${id}`,
  ...fields,
});

describe('a bad record is rejected, the records after it are read', () => {
  it('a Facebook export with one absurd timestamp at post 1,501 of 2,000: 1,999 posts and one rejection', async () => {
    const items = await readAll(
      'facebook',
      facebookPosts(2000, { 1501: { timestamp: 1e300, data: [{ post: 'Пост 1501' }] } }),
    );
    expect(kinds(items)).toEqual({ draft: 1999, rejected: 1 });
    expect(rejections(items)).toEqual([
      {
        file: 'test',
        record: { kind: 'post', index: 1501 },
        field: 'timestamp',
        code: 'invalid_date',
        params: { value: '1e+300' },
      },
    ]);
    expect(posts(items).at(-1)?.text).toBe('Пост 2000');
  });

  it('Facebook posts of the wrong shape are rejected with the field at fault', async () => {
    const items = await readAll(
      'facebook',
      facebookPosts(5, {
        1: null,
        2: { timestamp: '2024-03-01' },
        3: { timestamp: 1_709_269_200, data: { post: 'not a list' } },
        4: { timestamp: 1_709_269_200, attachments: [{ data: [null] }] },
      }),
    );
    expect(kinds(items)).toEqual({ draft: 1, rejected: 4 });
    expect(
      rejections(items).map((rejection) => [rejection.record.index, rejection.field, rejection.code]),
    ).toEqual([
      [1, '(record)', 'invalid_type'],
      [2, 'timestamp', 'invalid_type'],
      [3, 'data', 'invalid_type'],
      [4, 'attachments.0.data.0', 'invalid_type'],
    ]);
  });

  it('Instagram posts with an absurd time or of the wrong shape are rejected', async () => {
    const file = Buffer.from(
      JSON.stringify([
        { media: [{ uri: 'a.jpg', creation_timestamp: -5, title: 'x' }] },
        7,
        { media: 'a.jpg' },
        { media: [{ uri: 'b.jpg', creation_timestamp: 1_709_269_200, title: 'Фото' }] },
      ]),
    );
    const items = await readAll('instagram', file);
    expect(kinds(items)).toEqual({ draft: 1, rejected: 3 });
    expect(
      rejections(items).map((rejection) => [rejection.record.index, rejection.field, rejection.code]),
    ).toEqual([
      [1, 'creation_timestamp', 'invalid_date'],
      [2, '(record)', 'invalid_type'],
      [3, 'media', 'invalid_type'],
    ]);
  });

  it('a Telegram message with an absurd date_unixtime, or no object at all, is rejected', async () => {
    const items = await readAll(
      'telegram',
      telegramChat([message(1), message(2, { date_unixtime: '99999999999999999' }), 'oops', message(4)]),
    );
    expect(kinds(items)).toEqual({ draft: 2, rejected: 2 });
    expect(rejections(items).map((rejection) => [rejection.record, rejection.field, rejection.code])).toEqual(
      [
        [{ kind: 'message', index: 2 }, 'date_unixtime', 'invalid_date'],
        [{ kind: 'item', index: 3 }, 'messages', 'invalid_type'],
      ],
    );
  });

  it('a value quoted in a rejection is cut short', async () => {
    const items = await readAll(
      'telegram',
      telegramChat([message(1, { date_unixtime: 'x'.repeat(100_000) })]),
    );
    const [rejection] = rejections(items);
    expect(String(rejection?.params?.['value']).length).toBeLessThanOrEqual(101);
  });

  it('a Meta post nested deeper than the call stack goes is read without overflowing it', async () => {
    const depth = 200_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const file = Buffer.from(
      `[{"timestamp": 1709269200, "data": [{"post": "Пост"}], "extra": ${deep}}, {"timestamp": 1709269260, "data": ${deep}}]`,
    );
    const items = await readAll('facebook', file);
    expect(kinds(items)).toEqual({ draft: 1, rejected: 1 });
    expect(rejections(items)[0]).toMatchObject({ record: { kind: 'post', index: 2 }, field: 'data.0' });
  });
});

describe('files that were refused although readable', () => {
  it('a Telegram export with a UTF-8 BOM, the BOM split over chunks', async () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), telegramChat([message(1), message(2)])]);
    expect(kinds(await readAll('telegram', file))).toEqual({ draft: 2 });
    const split = async function* () {
      for (const byte of file.subarray(0, 3)) yield Buffer.from([byte]);
      yield file.subarray(3);
    };
    const items: Mapped[] = [];
    for await (const batch of (await import('../../src/importers/registry.js')).READERS.telegram.read(
      split(),
      {
        file: 'bom.json',
      },
    ))
      items.push(...batch);
    expect(kinds(items)).toEqual({ draft: 2 });
  });

  it('a Facebook posts file with a BOM', async () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), facebookPosts(3, {})]);
    expect(kinds(await readAll('facebook', file))).toEqual({ draft: 3 });
  });

  it('a BOM in the middle of a document is still an error naming the place', async () => {
    const file = Buffer.concat([Buffer.from('['), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(']')]);
    const error = await failureOf(() => readAll('facebook', file));
    expect(error).toMatchObject({
      code: 'import_file_corrupt',
      params: { file: 'test', line: 1, position: 1 },
    });
  });
});

/** The template with bytes of one entry's compressed data changed: the archive is sound, the entry is not. */
async function damagedTemplate(entry: string, count: number): Promise<Buffer> {
  const lists = { organizations: [{ code: 'r-1', name: 'Обком' }], channels: [], outlets: [] };
  const bytes = Buffer.from(await buildSheetTemplate('publications', 'ru', lists));
  const header = bytes.indexOf('PK\u0003\u0004');
  for (let at = header; at !== -1; at = bytes.indexOf('PK\u0003\u0004', at + 4)) {
    const nameLength = bytes.readUInt16LE(at + 26);
    if (bytes.toString('utf8', at + 30, at + 30 + nameLength) !== entry) continue;
    const data = at + 30 + nameLength + bytes.readUInt16LE(at + 28);
    bytes.fill(0xff, data + 8, data + 8 + count);
    return bytes;
  }
  throw new Error(`no entry ${entry}`);
}

/** The read's end within 10 s: its error, or a timeout error of its own. */
async function settled(work: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('the read never settled')), 10_000);
  });
  try {
    return await Promise.race([
      work.then(
        () => 'read',
        (error: unknown) => error,
      ),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe('a damaged workbook', () => {
  it.each([
    'xl/_rels/workbook.xml.rels',
    'xl/workbook.xml',
    'xl/worksheets/sheet1.xml',
    'xl/sharedStrings.xml',
  ])('the publications template with 7 bytes of %s changed ends in a clear error', async (entry) => {
    const error = await settled(readAll('xlsx', await damagedTemplate(entry, 7)));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'import_file_unreadable', params: { file: 'test', format: 'XLSX' } });
  });
});

const feed = (items: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>') =>
  Buffer.from(`${prolog}\n<rss version="2.0"><channel><title>Новости</title>${items}</channel></rss>\n`);
const feedItem = (n: number, extra = '') =>
  `<item><title>Новость ${n}</title><guid>https://example.kz/${n}</guid><pubDate>Fri, 01 Mar 2024 10:00:00 +0500</pubDate>${extra}</item>`;

describe('feeds', () => {
  it('an external entity is refused as a corrupt file, naming the line', async () => {
    const file = feed(
      feedItem(1, '<description>&secret;</description>'),
      '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    );
    const error = await failureOf(() => readAll('feed', file));
    expect(error).toMatchObject({ code: 'import_file_corrupt', params: { file: 'test', line: 3 } });
  });

  it('an entity bomb is not expanded', async () => {
    const entities = Array.from(
      { length: 10 },
      (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n};`.repeat(10)}">`,
    ).join('');
    const file = feed(
      feedItem(1, '<description>&lol10;</description>'),
      `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol0 "lol">${entities}]>`,
    );
    const error = await failureOf(() => readAll('feed', file));
    expect(error).toMatchObject({ code: 'import_file_corrupt', params: { file: 'test' } });
  });

  it('an item nested 200,000 elements deep is read without overflowing the stack', async () => {
    const deep = `<x>${'<x>'.repeat(200_000)}text${'</x>'.repeat(200_000)}</x>`;
    const items = await readAll('feed', feed(`${feedItem(1, deep)}${feedItem(2)}`));
    expect(kinds(items)).toEqual({ draft: 2 });
  });

  it('a feed with a BOM and 70 KB of whitespace before its declaration, and HTML entities', async () => {
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.alloc(70 * 1024, ' '),
      feed(feedItem(1, '<description>Съезд&nbsp;&laquo;Ұстаз&raquo;</description>')),
    ]);
    const [post] = posts(await readAll('feed', file));
    expect(post).toMatchObject({ externalId: 'https://example.kz/1', text: 'Съезд\u00a0«Ұстаз»' });
  });

  it('a date of five digits is rejected, not stored', async () => {
    const items = await readAll(
      'feed',
      feed('<item><guid>a</guid><title>x</title><pubDate>+275760-09-13T00:00:00Z</pubDate></item>'),
    );
    expect(rejections(items)).toMatchObject([{ field: 'pubDate', code: 'invalid_date' }]);
  });
});

const REAL_FEEDS = ['liga_net_rss.xml', 'mos_ru_rss.xml', 'onliner_rss.xml', 'unian_rss.xml'];

describeReal(
  [...REAL_FEEDS.map((name) => `rss/${name}`), 'facebook/kis81_your_posts_1.json'],
  'real samples',
  () => {
    it.each(REAL_FEEDS)(
      'the real feed %s is read whole, and the same with a BOM and 70 KB of leading whitespace',
      async (name) => {
        const bytes = readFileSync(real(`rss/${name}`));
        const items = await readAll('feed', bytes);
        expect(items.length).toBeGreaterThan(5);
        expect(kinds(items)).toEqual({ draft: items.length });
        const padded = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.alloc(70 * 1024, '\n'), bytes]);
        expect(await readAll('feed', padded)).toEqual(items);
      },
    );

    it('the real Facebook export with a BOM and one post given an absurd timestamp', async () => {
      const posts = JSON.parse(readFileSync(real('facebook/kis81_your_posts_1.json'), 'utf8')) as {
        timestamp: number;
      }[];
      const before = kinds(await readAll('facebook', real('facebook/kis81_your_posts_1.json')));
      (posts[1] as { timestamp: number }).timestamp = 1e300;
      const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(posts))]);
      const after = kinds(await readAll('facebook', file));
      expect(after['rejected']).toBe((before['rejected'] ?? 0) + 1);
      expect((after['draft'] ?? 0) + (after['skipped:empty'] ?? 0)).toBe(
        (before['draft'] ?? 0) + (before['skipped:empty'] ?? 0) - 1,
      );
    });
  },
);

// The sniffing half of the leading-whitespace finding: a head of nothing but whitespace names no format.
describe('detection', () => {
  it('a file whose 64 KB head is all whitespace is told by its name', () => {
    const head = Buffer.alloc(64 * 1024, ' ');
    expect(detectReader({ name: 'result.json', head })).toBe('telegram');
    expect(detectReader({ name: 'posts/your_posts_1.json', head })).toBe('facebook');
    expect(detectReader({ name: 'feed.xml', head })).toBe('feed');
    expect(detectReader({ name: 'data.bin', head })).toBeUndefined();
  });

  it('a head taken past a BOM and leading whitespace shows the content, split over chunks however', async () => {
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.alloc(100 * 1024, '\n'),
      telegramChat([message(1)]),
    ]);
    async function* chunks() {
      for (let at = 0; at < file.length; at += 4096) yield file.subarray(at, at + 4096);
    }
    const head = await contentHeadOf(chunks(), 64 * 1024);
    expect(head.subarray(0, 9).toString()).toBe('{"name":"');
    expect(detectReader({ name: 'export.json', head })).toBe('telegram');
  });
});
