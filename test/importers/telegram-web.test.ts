/**
 * Telegram's web preview read from real saved pages (test/fixtures/real/telegram-web/, MIT; PROVENANCE.md there):
 * every post of two t.me/s pages with its id, instant and views, each kind of message of the single-message
 * excerpts, and each kind of t.me/<name> page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapWebPost } from '../../src/importers/telegram-web/map.js';
import {
  countOf,
  parseChannelPage,
  parsePostsPage,
  type WebPost,
} from '../../src/importers/telegram-web/parse.js';
import { itReal, real } from '../helpers/real-files.js';

const DIR = 'telegram-web/';
const page = (name: string) => readFileSync(real(`${DIR}${name}`), 'utf8');

describe('Telegram web preview: t.me/s pages', () => {
  itReal([`${DIR}statosphere_tme_s_habr_com.html`], 'habr_com: all 20 posts, ids, instants, views', () => {
    const read = parsePostsPage(page('statosphere_tme_s_habr_com.html'));
    expect(read.isPreview).toBe(true);
    expect(read.before).toBe(56622);
    expect(read.posts.map((post) => post.id)).toEqual([
      56622, 56623, 56624, 56625, 56626, 56627, 56628, 56629, 56630, 56631, 56632, 56633, 56634, 56635, 56636,
      56637, 56638, 56639, 56640, 56641,
    ]);
    for (const post of read.posts) {
      expect(post.username).toBe('habr_com');
      expect(post.views).toBeGreaterThan(0);
    }
    // The saved page's last post has `<time datetime="">`: no instant, which its mapping rejects.
    const dated = read.posts.filter((post) => post.instant !== undefined);
    expect(dated).toHaveLength(19);
    for (const post of dated) expect(post.instant).toMatch(/^2023-05-0[56]T\d{2}:\d{2}:\d{2}\.000Z$/);
    const undated = read.posts[19];
    expect(undated).toMatchObject({ id: 56641, views: 3300 });
    expect(undated?.instant).toBeUndefined();
    expect(mapWebPost(undated as WebPost, { file: 'page', username: 'habr_com' })).toMatchObject({
      kind: 'rejected',
      rejections: [{ record: { kind: 'message', index: 56641 }, field: 'datetime', code: 'required' }],
    });
    expect(read.posts.map((post) => post.views).slice(0, 3)).toEqual([12300, 12200, 11800]);
    const [first] = read.posts;
    // The page's first post: <time datetime="2023-05-05T05:24:00+00:00">, "12.3K" views.
    expect(first).toMatchObject({ instant: '2023-05-05T05:24:00.000Z', views: 12300, viewsExact: false });
    expect(first?.text?.split('\n')[0]).toBe('\u200b⚡️ Новости к этому часу');
    // A link keeps the words it was shown under, as the Telegram export's text_link does.
    expect(first?.links[1]).toEqual({
      url: 'https://habr.com/ru/news/733260/?telegram_habr&amp;utm_medium=social&amp;utm_campaign=/ru/news/733260/',
      text: '📧 «Яндекс» отключил бесплатный тариф с электронной почтой для бизнес-клиентов\n\n',
    });
  });

  itReal(
    [`${DIR}any2feed_tme_s_topwar_official_full.html`],
    'topwar_official: all 12 posts with instants, views, albums, videos and forwards',
    () => {
      const read = parsePostsPage(page('any2feed_tme_s_topwar_official_full.html'));
      expect(read.before).toBe(70989);
      expect(
        read.posts.map((post) => [
          post.id,
          post.instant,
          post.views,
          post.media ?? 'text',
          post.forwardedFrom,
        ]),
      ).toEqual([
        [70989, '2023-02-28T07:47:53.000Z', 37200, 'photo', undefined],
        [70990, '2023-02-28T08:09:50.000Z', 34500, 'text', undefined],
        [70992, '2023-02-28T08:51:58.000Z', 33800, 'album', undefined],
        [70995, '2023-02-28T08:54:50.000Z', 33600, 'text', undefined],
        [70996, '2023-02-28T09:06:02.000Z', 32900, 'text', 'Военкор Ярем'],
        [70997, '2023-02-28T10:00:03.000Z', 30300, 'text', undefined],
        [70998, '2023-02-28T10:29:08.000Z', 29000, 'photo', 'БелВПО'],
        [70999, '2023-02-28T10:43:08.000Z', 28700, 'text', undefined],
        [71000, '2023-02-28T10:52:36.000Z', 28700, 'album', undefined],
        [71006, '2023-02-28T12:48:58.000Z', 17200, 'video', 'Старше Эдды'],
        [71007, '2023-02-28T13:02:00.000Z', 16800, 'video', 'Пул N3'],
        [71008, '2023-02-28T13:14:03.000Z', 14900, 'video', 'ImpNavigator'],
      ]);
      // The page is pretty-printed: the line breaks of its markup are spaces to a reader, its <br/>s line breaks.
      const forward = read.posts[4];
      expect(forward?.text).toMatch(/^Информация о том, что подразделения ЧВК «Вагнер» подошли/);
      expect(forward?.text).toContain('не настолько.\n\nКроме этого');
      expect(forward?.links).toEqual([
        { url: 'https://t.me/infantmilitario/93419', text: 'на расстояние 180 метров' },
      ]);
      expect(forward?.forwardedFromUrl).toBe('https://t.me/yaremshooter/1066');
    },
  );

  itReal(
    [`${DIR}statosphere_tme_s_not_existed_channel.html`],
    "a missing name's preview has no posts",
    () => {
      expect(parsePostsPage(page('statosphere_tme_s_not_existed_channel.html'))).toEqual({
        posts: [],
        isPreview: false,
      });
    },
  );
});

describe('Telegram web preview: each kind of message', () => {
  const one = (name: string) => {
    const [post, ...rest] = parsePostsPage(page(name)).posts;
    expect(rest).toEqual([]);
    if (!post) throw new Error(`no post in ${name}`);
    return post;
  };
  const cases: [string, Record<string, unknown>][] = [
    ['link_preview', { id: 22360, media: undefined, views: 226200, forwardedFrom: undefined }],
    ['media_file', { id: 16936, media: 'document', forwardedFrom: 'Кремлёвская прачка' }],
    ['media_forwarded_from', { id: 22358, media: 'photo', forwardedFrom: 'Пул N3' }],
    ['media_photo_and_video', { id: 46908, media: 'album', hashtags: ['Белгород', 'Беспилотники'] }],
    ['media_round_video', { id: 3495, media: 'video', text: undefined }],
    ['poll', { id: 488, poll: true, text: 'Как лучше?', views: 1100 }],
    ['sticker', { id: 5, media: undefined, text: undefined, views: 1, viewsExact: true }],
    ['voice', { id: 939, media: 'document', forwardedFrom: 'Спортивный Екб', views: 746 }],
    ['with_from_author', { id: 4, text: 'test', instant: '2023-02-28T16:38:34.000Z' }],
  ];
  for (const [kind, expected] of cases) {
    const name = `any2feed_message_${kind}.html`;
    itReal([`${DIR}${name}`], kind, () => {
      const post = one(name);
      for (const [key, value] of Object.entries(expected))
        expect(post[key as keyof typeof post]).toEqual(value);
    });
  }

  itReal(
    [`${DIR}any2feed_message_sticker.html`, `${DIR}any2feed_message_poll.html`],
    'mapped as the export is: a sticker alone is nothing to count, a poll is its question',
    () => {
      const options = { file: 't.me/s/x', username: 'x' };
      expect(mapWebPost(one('any2feed_message_sticker.html'), options)).toMatchObject({
        kind: 'skipped',
        reason: 'empty',
      });
      expect(mapWebPost(one('any2feed_message_poll.html'), options)).toMatchObject({
        kind: 'draft',
        draft: {
          externalId: '488',
          text: 'Как лучше?',
          mediaKind: 'text',
          url: 'https://t.me/x/488',
          engagement: { views: 1100 },
          time: { instant: '2023-02-27T16:21:02.000Z' },
        },
      });
    },
  );
});

describe('Telegram web preview: t.me/<name> pages', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['codecamp', { kind: 'channel', title: 'CodeCamp', followers: 82932 }],
    // A channel whose title is empty is still a channel.
    ['seniorpy', { kind: 'channel', title: '', followers: 43190 }],
    ['ru_python_group', { kind: 'group', followers: 14035, online: 5791 }],
    ['botfather', { kind: 'bot', title: 'BotFather' }],
    ['joinchat_so8YUpEsL4BkZGQy', { kind: 'private', followers: 189490 }],
    ['not_existed_channel', { kind: 'missing' }],
    // Saved as an invite's hash asked as a name: t.me answers it as a name nobody holds.
    ['invite_OGsucQ4Njk6', { kind: 'missing' }],
  ];
  for (const [name, expected] of cases) {
    const file = `statosphere_tme_page_${name}.html`;
    itReal([`${DIR}${file}`], name, () => {
      expect(parseChannelPage(page(file))).toMatchObject(expected);
    });
  }
});

describe('counts as the preview rounds them', () => {
  for (const [shown, count] of [
    ['879', 879],
    ['12.3K', 12300],
    ['109K', 109000],
    ['1.2M', 1200000],
    ['', undefined],
    ['many', undefined],
  ] as const) {
    it(`"${shown}" → ${count}`, () => expect(countOf(shown)).toBe(count));
  }
});
