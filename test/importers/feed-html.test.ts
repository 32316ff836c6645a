/**
 * Website feeds as sites write them: HTML and character references inside CDATA, decoded once; descriptions read
 * as plain text with their paragraphs; the first image makes a photo post. On the real feeds of ../shared/ and on
 * the quirks the real feeds of union sites showed.
 */
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/importers/html.js';
import { itReal } from '../helpers/real-files.js';
import { posts, readAll, real } from './helpers.js';

const REAL_FEEDS = [
  'rss/unian_rss.xml',
  'rss/onliner_rss.xml',
  'rss/liga_net_rss.xml',
  'rss/mos_ru_rss.xml',
  'youtube/friends_youtube_feed_aeronewsgermany.xml',
  'youtube/capyreader_youtube_feed_digital_foundry.xml',
];

const rss = (item: string) =>
  Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>
<pubDate>Fri, 03 May 2024 18:59:53 +0000</pubDate>${item}</item></channel></rss>`);

describe('HTML and character references in feeds', () => {
  itReal(
    ['rss/unian_rss.xml'],
    'decodes the named and numeric references UNIAN writes inside CDATA',
    async () => {
      const all = posts(await readAll('feed', real('rss/unian_rss.xml')));
      const routes = all.find((post) => post.title?.startsWith('5 маршрутів Київщиною'));
      // `адміністрацією&nbsp;Vodafone&nbsp;створив … п&rsquo;ять маршрутів` in the file.
      expect(routes?.text).toContain('адміністрацією\u00a0Vodafone\u00a0створив');
      expect(routes?.text).toContain('п’ять маршрутів Київщиною');
      expect(all.map((post) => post.text).join('\n')).toContain("службові обов'язки");
    },
  );

  itReal(
    ['rss/onliner_rss.xml'],
    "reads Onliner's HTML descriptions as text with paragraphs, and their first image as a photo",
    async () => {
      const [first, ...rest] = posts(await readAll('feed', real('rss/onliner_rss.xml')));
      // Its own non-breaking spaces stay; the paragraphs are a blank line, the link's text is text.
      expect(first?.text).toMatch(/^Российская фармкомпания «Генериум» разработала и\u00a0подала/);
      expect(first?.text).toMatch(/укол не\u00a0понадобится\.\n\nЧитать далее…$/);
      expect(first?.mediaKind).toBe('photo');
      expect(first?.mediaUrl).toBe(
        'https://content.onliner.by/news/thumbnail/9dce887732f599102ef2663d8bca4985.jpeg',
      );
      expect(rest.every((post) => post.mediaKind === 'photo' && post.mediaUrl?.startsWith('https://'))).toBe(
        true,
      );
    },
  );

  itReal(
    REAL_FEEDS,
    'leaves no tag and no character reference in any id, address, title or text',
    async () => {
      let count = 0;
      for (const feed of REAL_FEEDS) {
        for (const post of posts(await readAll('feed', real(feed)))) {
          count += 1;
          for (const value of [post.externalId, post.url, post.title, post.text, ...post.hashtags]) {
            expect(value ?? '').not.toMatch(/&(?:#x?[0-9a-f]+|[a-z]+);|<\/?[a-z]/i);
          }
        }
      }
      expect(count).toBe(132);
    },
  );

  itReal(
    ['rss/liga_net_rss.xml', 'rss/mos_ru_rss.xml', 'youtube/friends_youtube_feed_aeronewsgermany.xml'],
    "takes an image enclosure as the post's photo and a YouTube entry as a video",
    async () => {
      const liga = posts(await readAll('feed', real('rss/liga_net_rss.xml')));
      const mos = posts(await readAll('feed', real('rss/mos_ru_rss.xml')));
      expect(new Set([...liga, ...mos].map((post) => post.mediaKind))).toEqual(new Set(['photo']));
      expect(mos[0]?.mediaUrl).toBe(
        'https://www.mos.ru/upload/newsfeed/newsfeed/mosprom-vdohnovlyaet_kepizo.jpg',
      );
      expect(liga.every((post) => post.mediaUrl?.startsWith('https://www.liga.net/images/'))).toBe(true);
      const youtube = posts(await readAll('feed', real('youtube/friends_youtube_feed_aeronewsgermany.xml')));
      expect(youtube[0]).toMatchObject({
        externalId: 'yt:video:IGciw-yYlo4',
        url: 'https://www.youtube.com/watch?v=IGciw-yYlo4',
        mediaKind: 'video',
        // Its thumbnail, which the feed keeps in the entry's media:group.
        mediaUrl: 'https://i2.ytimg.com/vi/IGciw-yYlo4/hqdefault.jpg',
        hashtags: ['aeronews', 'shorts'],
      });
    },
  );

  it('decodes references in a CDATA id and address, and escaped HTML in a CDATA description', async () => {
    const [post] = posts(
      await readAll(
        'feed',
        rss(`<title><![CDATA[Profsoyuz &#x26; partners]]></title>
<link><![CDATA[https://union.kz/?p=7&#x26;lang=kk]]></link>
<guid><![CDATA[https://union.kz/?p=7&#x26;lang=kk]]></guid>
<description><![CDATA[&#x3C;p&#x3E;&#x3C;img src="https://union.kz/a.jpg"&#x3E;First line&#x3C;br&#x3E;second line&#x3C;/p&#x3E;&#x3C;p&#x3E;Next paragraph&#x3C;/p&#x3E;]]></description>`),
      ),
    );
    expect(post).toMatchObject({
      externalId: 'https://union.kz/?p=7&lang=kk',
      url: 'https://union.kz/?p=7&lang=kk',
      title: 'Profsoyuz & partners',
      text: 'First line\nsecond line\n\nNext paragraph',
      mediaKind: 'photo',
      mediaUrl: 'https://union.kz/a.jpg',
    });
  });

  it("keeps the first image's address as a browser opens it, and no address that is not http(s)", async () => {
    const item = (image: string) =>
      rss(`<guid>1</guid><link>https://union.kz/news/7/</link><title>Семинар</title>
<description><![CDATA[<p><img src="${image}">Текст</p>]]></description>`);
    const [relative] = posts(await readAll('feed', item('../img/7.jpg')));
    expect(relative).toMatchObject({ mediaKind: 'photo', mediaUrl: 'https://union.kz/news/img/7.jpg' });
    for (const unsafe of ['data:image/png;base64,iVBORw0KGgo=', 'javascript:alert(1)']) {
      const [post] = posts(await readAll('feed', item(unsafe)));
      expect(post?.mediaKind).toBe('photo');
      expect(post?.mediaUrl).toBeUndefined();
    }
  });

  it('decodes once: an escaped reference stays text, in RSS and in Atom', async () => {
    const [post] = posts(
      await readAll(
        'feed',
        rss(`<guid>1</guid><title>Tags</title>
<description><![CDATA[<p>Write &amp;lt;b&amp;gt; for bold, &amp;amp; for an ampersand.</p>]]></description>`),
      ),
    );
    expect(post?.text).toBe('Write &lt;b&gt; for bold, &amp; for an ampersand.');

    const atom = Buffer.from(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>
<id>tag:union.kz,2024:1</id><published>2024-05-03T18:59:53Z</published>
<title type="text">AT&amp;amp;T &amp;lt;b&amp;gt;</title>
<content type="html">&lt;p&gt;One &amp;amp;lt; two&lt;/p&gt;</content></entry></feed>`);
    const [entry] = posts(await readAll('feed', atom));
    expect(entry).toMatchObject({ title: 'AT&amp;T &lt;b&gt;', text: 'One &lt; two', mediaKind: 'text' });
  });

  it('reads HTML as a browser shows it: blocks, breaks, no scripts, the first image', () => {
    expect(
      readHtml(
        '<div>a</div><div>b<br>c<br><br>d</div><ul><li>e</li><li>f</li></ul><script>x()</script>' +
          '<p>g <img src="https://x.kz/1.jpg?a=1&amp;b=2"> <img src="https://x.kz/2.jpg"></p>',
      ),
    ).toEqual({ text: 'a\nb\nc\n\nd\n\ne\nf\n\ng', image: 'https://x.kz/1.jpg?a=1&b=2' });
    expect(readHtml('x &lt;b&gt; y')).toEqual({ text: 'x <b> y' });
  });
});
