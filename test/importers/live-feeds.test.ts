/**
 * What the website and YouTube collectors read, on recorded real answers: a WordPress REST API post
 * (test/fixtures/real/wordpress/, Apache-2.0) mapped as its feed's item, a YouTube channel feed's views and likes
 * (../shared/fixtures/real/youtube/, GPL: read from there), and how a site's feed and a YouTube channel's id are
 * found from the addresses users give.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapFeed } from '../../src/importers/feed/map.js';
import { type FeedItem, parseFeed } from '../../src/importers/feed/parse.js';
import type { Mapped, PublicationDraft } from '../../src/importers/types.js';
import { wordpressItem } from '../../src/importers/wordpress-api/map.js';
import { feedLinkOf, webAddressOf, youtubeChannelIdOf } from '../../src/services/collect/feed.js';
import { itReal, real } from '../helpers/real-files.js';

const WORDPRESS = 'wordpress/frontity_wp_v2_posts_category7_embed.json';
const YOUTUBE = 'youtube/capyreader_youtube_feed_digital_foundry.xml';

async function drafts(items: AsyncIterable<FeedItem>): Promise<PublicationDraft[]> {
  const result: Mapped[] = [];
  for await (const item of mapFeed(items, { file: 'answer' })) result.push(item);
  return result.flatMap((item) =>
    item.kind === 'draft' && item.draft.target === 'publication' ? [item.draft] : [],
  );
}

async function* listed(items: FeedItem[]) {
  yield* items;
}

async function* bytes(path: string) {
  yield readFileSync(real(path));
}

describe('a WordPress REST API post as its feed item', () => {
  itReal(
    [WORDPRESS],
    'guid as the id, GMT time, rendered title and content, terms, featured image',
    async () => {
      const posts = JSON.parse(readFileSync(real(WORDPRESS), 'utf8')) as unknown[];
      const [first] = await drafts(listed([wordpressItem(posts[0], 1)]));
      expect(first).toMatchObject({
        externalId: 'https://demo.worona.org/?p=57',
        url: 'https://demo.worona.org/shinjuku-gyoen-national-garden/',
        time: { instant: '2016-10-25T18:25:24.000Z' },
        title: 'Shinjuku Gyoen National Garden',
        mediaKind: 'photo',
        // The content's own first image before the featured one, as the feed's mapper prefers it.
        mediaUrl: 'https://demo.worona.org/wp-content/uploads/2016/11/ShinjukuGyoen-1024x680.jpg',
      });
      expect(first?.text).toMatch(
        /^Shinjuku Gyoen National Garden \(新宿御苑 Shinjuku Gyoen\) is a large park/,
      );
      expect(first?.hashtags.slice(0, 5)).toEqual([
        'Nature',
        'Photography',
        'Japan',
        'National Garden',
        'Tokyo',
      ]);
    },
  );

  it('a protected post gives its excerpt; a post without its own image its featured one', async () => {
    const post = {
      guid: { rendered: 'https://union.kz/?p=7&amp;x=1' },
      date_gmt: '2026-12-01T08:00:00',
      link: 'https://union.kz/news/7/',
      title: { rendered: 'Заседание президиума' },
      content: { rendered: '<p>Только для членов</p>', protected: true },
      excerpt: { rendered: '<p>Краткое содержание</p>' },
      _embedded: { 'wp:featuredmedia': [{ source_url: '/uploads/7.jpg', mime_type: 'image/jpeg' }] },
    };
    const [draft] = await drafts(listed([wordpressItem(post, 1)]));
    expect(draft).toMatchObject({
      externalId: 'https://union.kz/?p=7&x=1',
      text: 'Краткое содержание',
      mediaKind: 'photo',
      mediaUrl: 'https://union.kz/uploads/7.jpg',
      time: { instant: '2026-12-01T08:00:00.000Z' },
    });
  });
});

describe("a YouTube channel's feed", () => {
  itReal([YOUTUBE], "each video's views and likes from media:statistics and media:starRating", async () => {
    const videos = await drafts(parseFeed(bytes(YOUTUBE), YOUTUBE));
    expect(videos).toHaveLength(15);
    for (const video of videos) {
      expect(video.mediaKind).toBe('video');
      expect(video.engagement?.views).toBeGreaterThan(0);
      expect(video.engagement?.reactions).toBeGreaterThan(0);
    }
    const xml = readFileSync(real(YOUTUBE), 'utf8');
    const firstEntry = xml.slice(xml.indexOf('<entry>'), xml.indexOf('</entry>'));
    expect(videos[0]?.engagement).toEqual({
      views: Number(firstEntry.match(/<media:statistics views="(\d+)"/)?.[1]),
      reactions: Number(firstEntry.match(/<media:starRating count="(\d+)"/)?.[1]),
    });
  });
});

describe('addresses', () => {
  it("a page's first RSS or Atom link, resolved against the page", () => {
    const html =
      '<head><link rel="stylesheet" href="/a.css"><link rel="alternate" type="application/atom+xml" ' +
      'href=\'/atom.xml?a=1&amp;b=2\'><link rel="alternate" type="application/rss+xml" href="/rss"></head>';
    expect(feedLinkOf(html, 'https://union.kz/news/')).toBe('https://union.kz/atom.xml?a=1&b=2');
    expect(
      feedLinkOf('<link rel="alternate" hreflang="kk" href="/kk/">', 'https://union.kz/'),
    ).toBeUndefined();
  });

  it("a YouTube channel's id from its channel page or feed address only", () => {
    const id = 'UC9PBzalIcEQCsiIkq36PyUA';
    expect(youtubeChannelIdOf(`https://www.youtube.com/channel/${id}/videos`)).toBe(id);
    expect(youtubeChannelIdOf(`youtube.com/feeds/videos.xml?channel_id=${id}`)).toBe(id);
    expect(youtubeChannelIdOf('https://www.youtube.com/@DigitalFoundry')).toBeUndefined();
    expect(youtubeChannelIdOf(`https://example.com/channel/${id}`)).toBeUndefined();
  });

  it('a website address with or without its scheme; no other scheme', () => {
    expect(webAddressOf('union.kz/news')?.href).toBe('https://union.kz/news');
    expect(webAddressOf('http://union.kz/')?.href).toBe('http://union.kz/');
    expect(webAddressOf('ftp://union.kz/')).toBeUndefined();
    expect(webAddressOf(null)).toBeUndefined();
  });
});
