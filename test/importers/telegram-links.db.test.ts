/**
 * A real channel export's links stored with their posts on every database and read back by the publications'
 * API (list and one post); the same file again changes nothing (PostgreSQL's jsonb reorders keys, the comparison
 * must not see a change in that); a changed address updates the post and undo restores the links it had.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { getImport, undoImport } from '../../src/services/import.service.js';
import { getPublication, searchPublications } from '../../src/services/publication.service.js';
import { linksOf } from '../../src/shared/links.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { itReal } from '../helpers/real-files.js';
import { real } from './helpers.js';
import { buildRegion, channelOf, importInto, type Region, scratchDir } from './setup.js';

const PACHUM = 'telegram/pachumarchive_channel_result.json';
/** The link entities the export holds: 1,129 `text_link` and 54 `link` (telegram-links.test.ts counts them). */
const LINKS = 1129 + 54;

describe.each(DIALECTS)('Telegram links stored (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  const dir = scratchDir();

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
  });
  afterAll(() => ctx.close());

  const storedLinks = async (channel: string) =>
    (
      await ctx.db.kysely
        .selectFrom('publication as p')
        .innerJoin('channel as c', 'c.id', 'p.channelId')
        .select(['p.id', 'p.externalId', 'p.links'])
        .where('c.code', '=', channel)
        .execute()
    ).map((row) => ({ id: row.id, externalId: row.externalId, links: linksOf(row.links) }));

  itReal(
    [PACHUM],
    'keeps all 1,183 links of a real export, shows them in the API, changes nothing on reimport, undoes a change',
    async () => {
      const channel = await channelOf(ctx, org.region, 'telegram');
      const file = real(PACHUM);
      const first = await importInto(ctx, file, channel, { analyze: false });
      expect(first.rejected).toBe(0);
      const rows = await storedLinks(channel);
      expect(rows.reduce((sum, row) => sum + row.links.length, 0)).toBe(LINKS);
      // A post without links stores none.
      const bare = rows.filter((row) => row.links.length === 0).map((row) => row.id);
      expect(bare.length).toBeGreaterThan(0);
      const raw = await ctx.db.kysely
        .selectFrom('publication')
        .select('links')
        .where('id', 'in', bare)
        .execute();
      expect(raw.every((row) => row.links === null)).toBe(true);

      const post = rows.find((row) => row.externalId === '1411');
      if (!post) throw new Error('post 1411 not stored');
      const detail = await getPublication(ctx, post.id);
      expect(detail.links).toEqual([{ url: 'https://t.me/alcostream/301', text: 'Бойчика' }]);
      expect(detail.text).toContain('украден у Бойчика');
      const page = await searchPublications(ctx, { channel, q: 'украден у Бойчика', page: 1, pageSize: 10 });
      expect(page.items.map((item) => item.links)).toEqual([detail.links]);

      const again = await importInto(ctx, file, channel, { analyze: false });
      expect(again).toMatchObject({ new: 0, updated: 0, unchanged: first.new });

      // The post's address changed in a later export: the post is updated, and undo gives its links back.
      const changed = join(dir, 'result.json');
      writeFileSync(
        changed,
        readFileSync(file, 'utf8').replaceAll('https://t.me/alcostream/301', 'https://t.me/alcostream/302'),
      );
      const later = await importInto(ctx, changed, channel, { analyze: false });
      expect(later).toMatchObject({ new: 0, updated: 1 });
      expect((await getPublication(ctx, post.id)).links).toEqual([
        { url: 'https://t.me/alcostream/302', text: 'Бойчика' },
      ]);
      await undoImport(ctx, later.batchId ?? 0);
      expect((await getImport(ctx, later.batchId ?? 0)).status).toBe('undone');
      expect((await getPublication(ctx, post.id)).links).toEqual(detail.links);
    },
    120_000,
  );
});
