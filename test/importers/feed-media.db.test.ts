/**
 * A feed's first image stored with its post on every database and given by the publications' API (list and one
 * post); the same feed again changes nothing. On the real Onliner feed where ../shared/ is, and on a site's feed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPublication, searchPublications } from '../../src/services/publication.service.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { itReal } from '../helpers/real-files.js';
import { real } from './helpers.js';
import { buildRegion, channelOf, importInto, type Region, scratchDir } from './setup.js';

const ONLINER = 'rss/onliner_rss.xml';

describe.each(DIALECTS)("a feed's images stored (%s)", (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  const dir = scratchDir();

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
  });
  afterAll(() => ctx.close());

  const listed = async (channel: string) =>
    (await searchPublications(ctx, { channel, page: 1, pageSize: 100 })).items;

  it("keeps a post's first image, resolved against its page, and no image for a post without one", async () => {
    const channel = await channelOf(ctx, org.region, 'website');
    const file = join(dir, 'feed.xml');
    writeFileSync(
      file,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Сайт</title>
<item><guid>1</guid><link>https://union.kz/news/1/</link><title>Семинар</title>
<pubDate>Fri, 03 May 2024 10:00:00 +0000</pubDate>
<description><![CDATA[<p><img src="/upload/seminar.jpg" alt="">Прошёл семинар.</p>]]></description></item>
<item><guid>2</guid><link>https://union.kz/news/2/</link><title>Решение</title>
<pubDate>Sat, 04 May 2024 10:00:00 +0000</pubDate><description>Принято решение.</description></item>
</channel></rss>`,
    );
    expect(await importInto(ctx, file, channel, { analyze: false })).toMatchObject({ new: 2 });
    const items = await listed(channel);
    const photo = items.find((item) => item.title === 'Семинар');
    expect(photo?.mediaUrl).toBe('https://union.kz/upload/seminar.jpg');
    expect(items.find((item) => item.title === 'Решение')?.mediaUrl).toBeNull();
    expect((await getPublication(ctx, photo?.id ?? 0)).mediaUrl).toBe('https://union.kz/upload/seminar.jpg');
    expect(await importInto(ctx, file, channel, { analyze: false })).toMatchObject({ new: 0, unchanged: 2 });
  });

  itReal([ONLINER], "keeps the image of each of Onliner's 30 posts", async () => {
    const channel = await channelOf(ctx, org.region, 'website');
    expect(await importInto(ctx, real(ONLINER), channel, { analyze: false })).toMatchObject({ new: 30 });
    const items = await listed(channel);
    expect(items.filter((item) => item.mediaUrl?.startsWith('https://content.onliner.by/'))).toHaveLength(30);
  });
});
