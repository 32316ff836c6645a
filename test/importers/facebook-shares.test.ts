/**
 * Facebook shares and added media, told by the title sentence in the account's language: a share is a repost,
 * stored and counted even when the export kept nothing of the shared post; "added a video" keeps its media kind;
 * a title that merely contains "shared" is no share. On the real exports and on each UI language's phrasing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTitle } from '../../src/importers/facebook/titles.js';
import { listPublications } from '../../src/services/import/publications.service.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { itReal } from '../helpers/real-files.js';
import { kinds, mojibake, posts, readAll, real } from './helpers.js';
import { buildRegion, channelOf, importInto, type Region, scratchDir } from './setup.js';

const KIS81 = 'facebook/kis81_your_posts_1.json';
const ORBITRONICA = 'facebook/orbitronica_profile_posts_1.json';

/** One post with nothing but its title, written the way Meta writes it. */
const titled = (title: string, index = 0) =>
  `{"timestamp": ${1_709_269_200 + index}, "title": "${mojibake(title)}", "attachments": []}`;
const file = (...titles: string[]) => Buffer.from(`[${titles.map(titled).join(',')}]`);

/** A share with nothing else in it, in each language a Download-your-information export comes in. */
const SHARES: readonly [string, string, string?][] = [
  ['en', 'Alojz Mrkvicka shared a post.'],
  ['en', 'Alojz Mrkvicka shared a memory.'],
  ['en', "Alojz Mrkvicka shared Jozef Psisko's post.", 'Jozef Psisko'],
  ['ru', 'Абайский областной профсоюз поделился публикацией.'],
  ['ru', 'Айгуль Серикова поделилась воспоминанием.'],
  ['kk', 'Абай облыстық кәсіподағы жазбамен бөлісті.'],
  ['kk', 'Айгүл Серікова естелікпен бөлісті.'],
  ['es', 'Eduardo Fonseca Bolaños compartió una publicación.'],
  ['es', 'Eduardo Fonseca Bolaños compartió un recuerdo.'],
  ['pl', 'Piotr Adamczyk udostępnił post.'],
  ['pl', 'Piotr Adamczyk udostępnił wspomnienie.'],
  ['ro', 'Earth LLC a distribuit o postare.'],
  ['ro', 'Earth LLC a distribuit o amintire.'],
  ['sk', 'Alojz Mrkvička zdieľal príspevok.'],
  ['sk', 'Alojz Mrkvička zdieľal spomienku.'],
];

describe('Facebook titles', () => {
  it.each(SHARES)('stores a share as a repost (%s: %s)', async (_lang, title, source) => {
    const items = await readAll('facebook', file(title));
    expect(kinds(items)).toEqual({ draft: 1 });
    expect(posts(items)[0]).toMatchObject({ isRepost: true, ...(source ? { repostSource: source } : {}) });
  });

  it('tells the media a share or an addition names: link, photo, video, several photos', () => {
    expect(readTitle('Alojz Mrkvicka shared a link.')).toEqual({ share: true, mediaKind: 'link' });
    expect(readTitle('Earth LLC a distribuit un link.')).toEqual({ share: true, mediaKind: 'link' });
    expect(readTitle('Alojz Mrkvicka shared a video from the playlist Teach Me.')).toEqual({
      share: true,
      mediaKind: 'video',
    });
    expect(readTitle('Earth LLC a adăugat un clip video nou.')).toEqual({ share: false, mediaKind: 'video' });
    expect(readTitle('Earth LLC a adăugat 3 fotografii noi.')).toEqual({ share: false, mediaKind: 'album' });
    expect(readTitle('Union added a new video.')).toEqual({ share: false, mediaKind: 'video' });
    expect(readTitle('Union added a new photo.')).toEqual({ share: false, mediaKind: 'photo' });
    expect(readTitle('Профсоюз добавил новое видео.')).toEqual({ share: false, mediaKind: 'video' });
    expect(readTitle('Кәсіподақ жаңа бейне қосты.')).toEqual({ share: false, mediaKind: 'video' });
    expect(readTitle('Piotr Adamczyk dodał nowe zdjęcie.')).toEqual({ share: false, mediaKind: 'photo' });
  });

  it('takes no title that merely contains "shared" for a share', async () => {
    const titles = [
      "Alojz Mrkvicka wrote on The Shared a Post Club's timeline.",
      'Alojz Mrkvicka updated his status: I shared a post.',
      'Alojz Mrkvicka shared his thoughts.',
      'Alojz Mrkvicka shared a post about the strike and more',
      'Piotr Adamczyk zmienił swój status.',
    ];
    for (const title of titles) expect(readTitle(title)?.share ?? false, title).toBe(false);
    // With nothing else in them, such posts carry nothing: skipped, not stored as reposts.
    expect(kinds(await readAll('facebook', file(...titles)))).toEqual({ 'skipped:empty': 5 });
  });

  itReal(
    [KIS81],
    'reads the English profile file: every share a repost, a shared photo a photo',
    async () => {
      const items = await readAll('facebook', real(KIS81));
      expect(kinds(items)).toEqual({ draft: 86, 'skipped:empty': 7 });
      const reposts = posts(items).filter((post) => post.isRepost);
      // "shared a post." 52, "a link." 13, "a photo." 3, "a video from the playlist …" 2.
      expect(reposts).toHaveLength(70);
      expect(reposts.filter((post) => post.mediaKind === 'link')).toHaveLength(13);
      expect(reposts.filter((post) => post.mediaKind === 'photo')).toHaveLength(3);
      expect(reposts.filter((post) => post.mediaKind === 'video')).toHaveLength(2);
    },
  );

  itReal(
    [ORBITRONICA],
    'reads the Romanian Page file: shared links reposts, added videos videos even without their file',
    async () => {
      const all = posts(await readAll('facebook', real(ORBITRONICA)));
      expect(all).toHaveLength(177);
      const byKind = all.reduce<Record<string, number>>((counts, post) => {
        const key = `${post.mediaKind ?? 'none'}${post.isRepost ? ' repost' : ''}`;
        counts[key] = (counts[key] ?? 0) + 1;
        return counts;
      }, {});
      // 8 "a distribuit un link.", 33 "a adăugat un clip video nou." (3 of them with no file in the export).
      expect(byKind).toEqual({ 'link repost': 8, video: 33, photo: 63, album: 42, text: 31 });
    },
  );
});

describe.each(DIALECTS)('Facebook shares stored (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  const dir = scratchDir();

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
  });
  afterAll(() => ctx.close());

  it('stores a share of every language as a repost, none skipped', async () => {
    const channel = await channelOf(ctx, org.region, 'facebook');
    const titles = SHARES.map(([, title]) => title);
    const path = join(dir, 'your_posts_1.json');
    writeFileSync(path, file(...titles));
    const summary = await importInto(ctx, path, channel);
    expect(summary).toMatchObject({ new: titles.length, skipped: 0, rejected: 0 });
    const stored = await listPublications(ctx, { channel });
    expect(stored.filter((publication) => publication.isRepost)).toHaveLength(titles.length);
  });
});
