/**
 * Parsers and mappers against the real export samples and hand-written fixtures: every quirk of every format,
 * without a database.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/importers/attribution.js';
import { jsonValuesAt } from '../../src/importers/json/stream.js';
import { repairMojibake, repairString } from '../../src/importers/meta/mojibake.js';
import { detectReader, isFullTelegramExport, zipContents } from '../../src/importers/registry.js';
import { readCount, readDate, readTime } from '../../src/importers/sheet/cells.js';
import { recognizeHeader } from '../../src/importers/sheet/columns.js';
import { TelegramEscapeFixer } from '../../src/importers/telegram/escapes.js';
import { textOf } from '../../src/importers/telegram/map.js';
import { COLUMN_HEADERS } from '../../src/shared/sheet-columns.js';
import { drafts, failureOf, FIXTURES, kinds, mojibake, posts, readAll, real } from './helpers.js';
import { itReal } from '../helpers/real-files.js';

async function* bytesOf(...chunks: string[]): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield Buffer.from(chunk);
}

const telegramFile = (messages: unknown[]) =>
  Buffer.from(JSON.stringify({ name: 'Канал', type: 'public_channel', id: 77, messages }, null, 1));

const message = (id: number, fields: Record<string, unknown>) => ({
  id,
  type: 'message',
  date: '2024-03-01T10:00:00',
  date_unixtime: String(1_709_269_200 + id),
  from: 'Канал',
  from_id: 'channel77',
  text: `Пост ${id}`,
  text_entities: [],
  ...fields,
});

describe('Telegram Desktop export', () => {
  it('reads the genuine supergroup export: 15 messages, the 2 service messages skipped', async () => {
    const items = await readAll('telegram', real('telegram/htx-erg_private_supergroup_result.json'));
    expect(kinds(items)).toEqual({ draft: 15, 'skipped:service': 2 });
    const [first] = posts(items);
    expect(first).toMatchObject({
      externalId: '2',
      text: 'Hi',
      time: { instant: '2025-09-16T14:53:31.000Z' },
      mediaKind: 'text',
      isRepost: false,
    });
    const photo = posts(items).find((post) => post.externalId === '9');
    expect(photo).toMatchObject({ mediaKind: 'photo' });
    expect(photo?.text).toBeUndefined();
  });

  itReal(
    ['telegram/chat-analytics_DM_2A_7M.json'],
    'takes text as a string or as an array of parts, and prefers date_unixtime over date',
    async () => {
      const items = await readAll('telegram', real('telegram/chat-analytics_DM_2A_7M.json'));
      expect(kinds(items)).toEqual({ draft: 6, 'skipped:service': 2 });
      const byId = new Map(posts(items).map((post) => [post.externalId, post]));
      expect(byId.get('3644')).toMatchObject({
        text: 'https://google.com 👀',
        time: { local: '2019-07-12T16:55:32' },
      });
      expect(byId.get('3662')?.time).toEqual({ instant: new Date(1_652_135_033_000).toISOString() });
      // Two photos a second apart are two posts, not an album.
      expect([byId.get('3672')?.mediaKind, byId.get('3673')?.mediaKind]).toEqual(['photo', 'photo']);
      expect(
        textOf([{ type: 'bold', text: 'Важно: ' }, 'съезд', { type: 'hashtag', text: '#профсоюз' }]),
      ).toBe('Важно: съезд#профсоюз');
    },
  );

  itReal(
    ['telegram/chat-analytics_MultiChat_2C_6M.json'],
    'reads only the chosen chat of a full export, by name or by id',
    async () => {
      const file = real('telegram/chat-analytics_MultiChat_2C_6M.json');
      const byName = await readAll('telegram', file, { chat: 'chat two' });
      expect(kinds(byName)).toEqual({ draft: 3, 'skipped:service': 1 });
      expect(posts(byName).map((post) => post.externalId)).toEqual(['2001', '2002', '2004']);
      const byId = await readAll('telegram', file, { chat: '-100700000001' });
      expect(posts(byId).map((post) => post.text)).toEqual(['Hello from chat one!', 'Hi there!']);
      const missing = await failureOf(() => readAll('telegram', file, { chat: 'Chat Three' }));
      expect(missing.code).toBe('import_chat_unknown');
      expect(missing.params['chats']).toBe('Chat One (700000001); Chat Two (700000002)');
    },
  );

  itReal(
    ['telegram/chat-analytics_MultiChat_2C_6M.json', 'telegram/htx-erg_private_supergroup_result.json'],
    'tells a full export from a single chat by its first keys',
    () => {
      const head = (path: string) => ({ name: path, head: readFileSync(real(path)).subarray(0, 65536) });
      expect(isFullTelegramExport(head('telegram/chat-analytics_MultiChat_2C_6M.json'))).toBe(true);
      expect(isFullTelegramExport(head('telegram/htx-erg_private_supergroup_result.json'))).toBe(false);
    },
  );

  it('survives the invalid \\xHH escapes, also split across chunks, and keeps an escaped backslash', async () => {
    const raw = telegramFile([message(1, { text: 'Сбор\u0007 взносов' }), message(2, { text: 'C:\\x41' })])
      .toString()
      .replace('\\u0007', '\\x07');
    expect(raw).toContain('\\x07');
    expect(() => JSON.parse(raw)).toThrow();
    const items = await readAll('telegram', Buffer.from(raw));
    expect(posts(items).map((post) => post.text)).toEqual(['Сбор взносов', 'C:\\x41']);
    // The escape cut between two chunks: the backslash ends one, the x begins the next.
    const hits = [];
    for await (const batch of jsonValuesAt(
      bytesOf('["a\\', 'x07b", "c\\\\', 'x41"]'),
      ['$.*'],
      'f',
      new TelegramEscapeFixer(),
    ))
      hits.push(...batch.map((hit) => hit.value));
    expect(hits).toEqual(['a\u0007b', 'c\\x41']);
  });

  it('reads the same values at the paths wherever the chunks of the file end', async () => {
    const doc = `{\n "name": "Профсоюз",\n "messages": [\n  {"a": "x\\x07y", "b": [1, {"c": "d\\\\\\"}"}], "n": null},\n  {"id": 2, "t": true, "z": -1.5e3, "e": []}\n ],\n "skipped": {"k": [1, "]"]}\n}`;
    const expected = [
      { path: ['name'], value: 'Профсоюз' },
      { path: ['messages', 0], value: { a: 'x\u0007y', b: [1, { c: 'd\\"}' }], n: null } },
      { path: ['messages', 1], value: { id: 2, t: true, z: -1500, e: [] } },
    ];
    const bytes = Buffer.from(doc);
    for (let cut = 1; cut < bytes.length; cut++) {
      const hits = [];
      async function* split() {
        yield bytes.subarray(0, cut);
        yield bytes.subarray(cut);
      }
      for await (const batch of jsonValuesAt(
        split(),
        ['$.name', '$.messages.*'],
        'f',
        new TelegramEscapeFixer(),
      ))
        hits.push(...batch);
      expect(hits, `cut at byte ${cut}`).toEqual(expected);
    }
  });

  it('reports a broken file by line and byte, counting the bytes as they were before escapes were fixed', async () => {
    const raw = '{\n "messages": [\n  {"id": 1, "text": "\\x07"},\n  {"id": 2, "text": "ok"} x\n ]\n}';
    const corrupt = await failureOf(async () => {
      for await (const _ of jsonValuesAt(
        bytesOf(raw),
        ['$.messages.*'],
        'result.json',
        new TelegramEscapeFixer(),
      ));
    });
    expect(corrupt.code).toBe('import_file_corrupt');
    expect(corrupt.params).toEqual({
      file: 'result.json',
      line: 4,
      position: raw.indexOf(' x') + 1,
      found: 'x',
    });
    const truncated = await failureOf(async () => {
      for await (const _ of jsonValuesAt(
        bytesOf(raw.slice(0, 30)),
        ['$.messages.*'],
        'result.json',
        new TelegramEscapeFixer(),
      ));
    });
    expect(truncated.code).toBe('import_file_truncated');
    expect(truncated.params).toMatchObject({ line: 3, position: 30 });
  });

  it('makes a forward a repost with its source, sums reactions, joins an album, skips empty messages', async () => {
    const items = await readAll(
      'telegram',
      telegramFile([
        message(1, { forwarded_from: 'Центральный комитет профсоюза' }),
        message(2, { forwarded_from: null }),
        message(3, {
          reactions: [
            { type: 'emoji', emoji: '👍', count: 5 },
            { type: 'paid', count: 2 },
          ],
        }),
        message(4, { photo: 'photos/photo_1.jpg', text: 'Альбом' }),
        message(5, { photo: 'photos/photo_2.jpg', text: '', date_unixtime: '1709269204' }),
        message(6, { photo: 'photos/photo_3.jpg', text: '', date_unixtime: '1709269204' }),
        message(7, {
          file: '(File not included. Change data exporting settings to download.)',
          media_type: 'sticker',
          text: '',
        }),
        { id: 8, type: 'unsupported' },
      ]),
    );
    expect(kinds(items)).toEqual({
      draft: 4,
      'skipped:album_part': 2,
      'skipped:empty': 1,
      'skipped:service': 1,
    });
    const [forward, hidden, liked, album] = posts(items);
    expect(forward).toMatchObject({ isRepost: true, repostSource: 'Центральный комитет профсоюза' });
    expect(hidden).toMatchObject({ isRepost: true });
    expect(hidden?.repostSource).toBeUndefined();
    expect(liked?.engagement).toEqual({ reactions: 7 });
    expect(album).toMatchObject({ externalId: '4', mediaKind: 'album', text: 'Альбом' });
  });

  it('rejects a message without a date, naming the message and the field', async () => {
    const items = await readAll('telegram', telegramFile([{ id: 9, type: 'message', text: 'x' }]));
    expect(items).toEqual([
      {
        kind: 'rejected',
        rejections: [
          { file: 'test', record: { kind: 'message', index: 9 }, field: 'date_unixtime', code: 'required' },
        ],
      },
    ]);
  });
});

describe("Facebook's and Instagram's Download your information", () => {
  it('repairs the mojibake in every string: Polish, Slovak, emoji, Cyrillic', () => {
    expect(repairString('zmieni\u00c5\u0082 sw\u00c3\u00b3j status')).toBe('zmienił swój status');
    expect(repairString('\u00f0\u009f\u0090\u00b8\u00f0\u009f\u0091\u008c')).toBe('🐸👌');
    expect(
      repairString(
        '\u00d0\u009f\u00d1\u0080\u00d0\u00be\u00d1\u0084\u00d1\u0081\u00d0\u00be\u00d1\u008e\u00d0\u00b7',
      ),
    ).toBe('Профсоюз');
    // Already decoded text, or Latin-1 that is not UTF-8, stays as it is.
    expect(repairString('Профсоюз')).toBe('Профсоюз');
    expect(repairString('café')).toBe('café');
    expect(repairMojibake({ a: ['T\u00c3\u00b3no'], b: 1 })).toEqual({ a: ['Tóno'], b: 1 });
  });

  itReal(
    ['facebook/piter-a_your_posts_1.json'],
    'reads the 2013–2021 profile file: 28 posts, 3 with nothing in them',
    async () => {
      const items = await readAll('facebook', real('facebook/piter-a_your_posts_1.json'));
      expect(kinds(items)).toEqual({ draft: 28, 'skipped:empty': 3 });
      const texts = posts(items).map((post) => post.text);
      expect(texts).toContain('Jeszcze ząbki');
      expect(texts).toContain('🐸👌');
      expect(texts).toContain('hehe xd\n\n:O======3');
      expect(posts(items).filter((post) => post.mediaKind === 'link')).toHaveLength(19);
    },
  );

  itReal(
    ['facebook/kis81_your_posts_1.json'],
    'reads the 2022 profile file: 86 posts, shares as reposts, 7 empty entries',
    async () => {
      const items = await readAll('facebook', real('facebook/kis81_your_posts_1.json'));
      expect(kinds(items)).toEqual({ draft: 86, 'skipped:empty': 7 });
      const all = posts(items);
      expect(all.map((post) => post.text)).toContain('Všetko najlepšie, Tóno..');
      // "X shared a post." 52 times, "a link." 13, "a photo." 3, "a video from the playlist …" 2: shares.
      expect(all.filter((post) => post.isRepost)).toHaveLength(70);
      expect(new Set(all.map((post) => post.externalId)).size).toBe(86);
    },
  );

  itReal(
    ['facebook/earth-llc-page_profile_posts_1.excerpt.json'],
    'reads the Page layout: links whose address was lost, a photo, videos without their file by their title',
    async () => {
      const items = await readAll('facebook', real('facebook/earth-llc-page_profile_posts_1.excerpt.json'));
      expect(kinds(items)).toEqual({ draft: 6 });
      expect(posts(items).map((post) => post.mediaKind)).toEqual([
        'link',
        'link',
        'text',
        'photo',
        'video',
        'video',
      ]);
      expect(posts(items)[0]?.url).toBeUndefined();
    },
  );

  itReal(
    ['facebook/piter-a_your_posts_1.json'],
    'derives the same ids from the same posts, whatever the file order',
    async () => {
      const file = real('facebook/piter-a_your_posts_1.json');
      const ids = posts(await readAll('facebook', file)).map((post) => post.externalId);
      const reversed = Buffer.from(JSON.stringify([...JSON.parse(readFileSync(file, 'utf8'))].reverse()));
      expect(
        posts(await readAll('facebook', reversed))
          .map((post) => post.externalId)
          .reverse(),
      ).toEqual(ids);
      expect(ids[0]).toMatch(/^fb-1372444612-[0-9a-f]{12}$/);
    },
  );

  it('decodes a Russian post written the way Meta writes it', async () => {
    const text = 'Профсоюз провёл семинар в Аягозе #аягоз';
    const raw = `[{"timestamp": 1709269200, "data": [{"post": "${mojibake(text)}"}], "title": "${mojibake('Кәсіподақ')}"}]`;
    const [post] = posts(await readAll('facebook', Buffer.from(raw)));
    expect(post).toMatchObject({ text, hashtags: ['аягоз'], mediaKind: 'text' });
  });

  itReal(
    [
      'instagram/sr4136_posts_1.excerpt.json',
      'instagram/yummyhopper_your_instagram_activity_content_posts_1.json',
    ],
    'reads Instagram posts, single and carousel, in the 2023 and 2024 layouts',
    async () => {
      const recent = await readAll(
        'instagram',
        real('instagram/yummyhopper_your_instagram_activity_content_posts_1.json'),
      );
      expect(kinds(recent)).toEqual({ draft: 4 });
      expect(posts(recent).map((post) => [post.text, post.mediaKind])).toEqual([
        ['Great sem', 'photo'],
        ['Un Taxi 🇨🇴', 'album'],
        ['Happy llama, sad llama, totally rad llama 🇵🇪', 'album'],
        ['Great friends, a bit o booze, and some damn good cheese.', 'album'],
      ]);
      const older = posts(await readAll('instagram', real('instagram/sr4136_posts_1.excerpt.json')));
      expect(older).toHaveLength(8);
      expect(older[2]?.text).toBe('Waking up to this purring menace every day. 🐈❤');
      // A video's file has no extension.
      expect(older[4]).toMatchObject({ text: 'Vegas', mediaKind: 'video' });
      expect(older[5]).toMatchObject({
        text: 'Death Valley',
        time: { instant: new Date(1_512_080_517_000).toISOString() },
      });
    },
  );
});

describe('website feeds', () => {
  it('reads RSS 2.0: guid as the id, full content, categories for attribution, a missing date rejected', async () => {
    const items = await readAll('feed', `${FIXTURES}news.rss.xml`);
    expect(kinds(items)).toEqual({ draft: 3, rejected: 1 });
    const [seminar, forum, plenum] = posts(items);
    expect(seminar).toMatchObject({
      externalId: 'https://abai-edu-union.kz/?p=101',
      url: 'https://abai-edu-union.kz/2024/05/03/seminar/',
      title: 'Семинар по правовой защите в Аягозском районе',
      time: { instant: '2024-05-03T18:59:53.000Z' },
    });
    expect(seminar?.text).toBe(
      'Правовой инспектор областной организации провёл семинар для председателей первичных организаций.\n\nОбсудили аттестацию «педагог-модератор».',
    );
    expect(seminar?.hashtags).toEqual(['Новости', 'Аягоз']);
    expect(forum?.text).toBe('Форумға қаланың 120 жас педагогі қатысты.');
    expect(plenum?.time).toEqual({ instant: '2024-05-20T04:00:00.000Z' });
    expect(items.find((item) => item.kind === 'rejected')).toEqual({
      kind: 'rejected',
      rejections: [
        { file: 'news.rss.xml', record: { kind: 'item', index: 4 }, field: 'pubDate', code: 'required' },
      ],
    });
  });

  it('reads Atom: id, the alternate link, published else updated, content else summary', async () => {
    const [seminar, plenum] = posts(await readAll('feed', `${FIXTURES}news.atom.xml`));
    expect(seminar).toMatchObject({
      externalId: 'tag:abai-edu-union.kz,2024:101',
      url: 'https://abai-edu-union.kz/2024/05/03/seminar/',
      text: 'Правовой инспектор провёл семинар.',
      hashtags: ['Аягоз'],
    });
    expect(plenum).toMatchObject({
      time: { instant: '2024-05-20T04:00:00.000Z' },
      text: 'Пленум утвердил план работы.',
    });
  });

  it('reports a cut-off feed and a broken one by line', async () => {
    const rss = readFileSync(`${FIXTURES}news.rss.xml`);
    const cut = await failureOf(() => readAll('feed', rss.subarray(0, 900)));
    expect(cut.code).toBe('import_file_truncated');
    const broken = Buffer.from(
      rss.toString().replace('<title>Итоги пленума</title>', '<title>Итоги пленума</titel>'),
    );
    const error = await failureOf(() => readAll('feed', broken));
    expect(error.code).toBe('import_file_corrupt');
    expect(error.params['line']).toBe(
      rss
        .toString()
        .split('\n')
        .findIndex((line) => line.includes('Итоги пленума')) + 1,
    );
  });
});

describe('spreadsheets', () => {
  it('recognizes a sheet by its headers in Russian, Kazakh or English, in any order', () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const headers = COLUMN_HEADERS[lang];
      const found = recognizeHeader([headers.members, `${headers.organization} *`, undefined, headers.asOf]);
      expect(found?.kind).toBe('membership');
      expect([...(found?.columns.entries() ?? [])]).toEqual([
        ['organization', 1],
        ['asOf', 3],
        ['members', 0],
      ]);
    }
    expect(recognizeHeader(['Организация', 'СМИ', 'Дата выхода', 'Заголовок'])?.kind).toBe('media-mentions');
    expect(recognizeHeader(['Дата и время публикации (местное)', 'Текст'])?.kind).toBe('publications');
    expect(recognizeHeader(['Имя', 'Фамилия'])).toBeUndefined();
  });

  it('reads dates, times and counts as people write them', () => {
    expect(readDate('01.03.2024')).toEqual({ value: '2024-03-01' });
    expect(readDate(new Date(Date.UTC(2024, 2, 1)))).toEqual({ value: '2024-03-01' });
    expect(readDate(45352)).toEqual({ value: '2024-03-01' });
    expect(readDate('31.02.2024')).toEqual({
      issue: { code: 'invalid_date', params: { value: '31.02.2024' } },
    });
    expect(readTime('01.03.2024 10:30')).toEqual({ value: { local: '2024-03-01T10:30:00' } });
    expect(readTime('2024-03-01T05:30:00Z')).toEqual({ value: { instant: '2024-03-01T05:30:00.000Z' } });
    expect(readCount('25 116')).toEqual({ value: 25116 });
    expect(readCount('12,5')).toEqual({ issue: { code: 'invalid_number', params: { value: '12,5' } } });
  });

  it('reads CSV in UTF-8 and in Windows-1251 alike, with either separator', async () => {
    const csv =
      'Организация;На дату;Члены профсоюза\r\nabai;01.01.2024;25 116\r\n"abai-semey";2024-01-01;9000\r\n';
    const utf8 = await readAll('csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]));
    const cp1251 = await readAll('csv', iconv.encode(csv, 'win1251'));
    const comma = await readAll('csv', Buffer.from(csv.replace(/;/g, ',').replace('25 116', '"25 116"')));
    expect(drafts(utf8)).toEqual([
      {
        target: 'membership',
        ref: { kind: 'row', index: 2 },
        org: 'abai',
        asOf: '2024-01-01',
        members: 25116,
      },
      {
        target: 'membership',
        ref: { kind: 'row', index: 3 },
        org: 'abai-semey',
        asOf: '2024-01-01',
        members: 9000,
      },
    ]);
    expect(cp1251).toEqual(utf8);
    expect(comma).toEqual(utf8);
  });

  it('rejects a row naming each column at fault; refuses a sheet of unknown headers', async () => {
    const items = await readAll(
      'csv',
      Buffer.from('Организация;На дату;Члены профсоюза\nabai;32.01.2024;много\n'),
    );
    expect(items).toEqual([
      {
        kind: 'rejected',
        rejections: [
          {
            file: 'test',
            record: { kind: 'row', index: 2 },
            field: 'asOf',
            code: 'invalid_date',
            params: { value: '32.01.2024' },
          },
          {
            file: 'test',
            record: { kind: 'row', index: 2 },
            field: 'members',
            code: 'invalid_number',
            params: { value: 'много' },
          },
        ],
      },
    ]);
    const unknown = await failureOf(() => readAll('csv', Buffer.from('Имя;Фамилия\nАсан;Үсен\n')));
    expect(unknown.code).toBe('import_sheet_kind_unknown');
  });
});

describe('format detection', () => {
  const sniff = (name: string, head: Buffer | string) => ({ name, head: Buffer.from(head) });

  itReal(
    [
      'facebook/kis81_your_posts_1.json',
      'instagram/sr4136_posts_1.excerpt.json',
      'telegram/chat-analytics_MultiChat_2C_6M.json',
    ],
    'tells each format from its content',
    () => {
      const head = (path: string) => sniff(path, readFileSync(path).subarray(0, 65536));
      expect(detectReader(head(real('telegram/htx-erg_private_supergroup_result.json')))).toBe('telegram');
      expect(detectReader(head(real('telegram/chat-analytics_MultiChat_2C_6M.json')))).toBe('telegram');
      expect(detectReader(head(real('facebook/kis81_your_posts_1.json')))).toBe('facebook');
      expect(detectReader(head(real('instagram/sr4136_posts_1.excerpt.json')))).toBe('instagram');
      expect(detectReader(head(`${FIXTURES}news.rss.xml`))).toBe('feed');
      expect(detectReader(head(`${FIXTURES}news.atom.xml`))).toBe('feed');
      expect(detectReader(sniff('x.csv', 'Организация;На дату\n'))).toBe('csv');
      // An empty posts file is known by its place in the archive.
      expect(detectReader(sniff('your_instagram_activity/media/posts_1.json', '[\n]'))).toBe('instagram');
    },
  );

  it('knows nothing of other files', () => {
    expect(detectReader(sniff('a.json', '{"foo": 1}'))).toBeUndefined();
    expect(detectReader(sniff('a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])))).toBeUndefined();
    expect(detectReader(sniff('a.xml', '<?xml version="1.0"?><html></html>'))).toBeUndefined();
    expect(detectReader(sniff('a.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])))).toBeUndefined();
  });

  it('finds what an archive holds by its layout', () => {
    expect(zipContents(['[Content_Types].xml', 'xl/workbook.xml'])).toEqual({ kind: 'xlsx' });
    expect(
      zipContents([
        'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_2.json',
        'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json',
        'your_facebook_activity/posts/album/0.json',
        "this_profile's_activity_across_facebook/posts/profile_posts_1.json",
        'your_instagram_activity/content/posts_1.json',
        'posts/your_posts_1.json',
        'messages/inbox/x/message_1.json',
      ]),
    ).toEqual({
      kind: 'posts',
      entries: [
        'posts/your_posts_1.json',
        "this_profile's_activity_across_facebook/posts/profile_posts_1.json",
        'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json',
        'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_2.json',
        'your_instagram_activity/content/posts_1.json',
      ],
    });
  });
});

describe('attribution rules', () => {
  const rules = compileRules([
    { orgId: 2, kind: 'place', pattern: 'Аягоз', depth: 1 },
    { orgId: 2, kind: 'place', pattern: 'Аягөз', depth: 1 },
    { orgId: 3, kind: 'place', pattern: 'Семей', depth: 1 },
    { orgId: 4, kind: 'keyword', pattern: 'спартакиад', depth: 2 },
    { orgId: 5, kind: 'hashtag', pattern: '#жарма', depth: 1 },
    { orgId: 6, kind: 'place', pattern: 'Семей', depth: 2 },
  ]);

  it('finds place names in their Russian and Kazakh forms, at the start of a word', () => {
    expect(rules('Семинар в Аягозском районе', [])).toEqual({ orgId: 2, rule: 'place:Аягоз' });
    expect(rules('Аягөз ауданында семинар өтті', [])).toEqual({ orgId: 2, rule: 'place:Аягөз' });
    expect(rules('Новости Каракаягоза', [])).toBeUndefined();
  });

  it('prefers a hashtag to a place, a deeper organization to a shallower one, an earlier mention', () => {
    expect(rules('В Аягозе и Семее прошли семинары', ['Жарма'])).toEqual({ orgId: 5, rule: 'hashtag:жарма' });
    expect(rules('Форум в городе Семее', [])).toEqual({ orgId: 6, rule: 'place:Семей' });
    expect(rules('В Аягозе, затем в Семее', [])).toEqual({ orgId: 6, rule: 'place:Семей' });
    expect(rules('Семинар в Аягозе и Урджаре', [])).toEqual({ orgId: 2, rule: 'place:Аягоз' });
    expect(rules('Итоги Спартакиады педагогов', [])).toEqual({ orgId: 4, rule: 'keyword:спартакиад' });
    expect(rules('Ни одного совпадения', [])).toBeUndefined();
  });
});
