/**
 * The language's confidence is stored with a publication's analysis and given by the publication's detail: low for
 * a short real comment, high for a real news post, 1 once a user corrected the language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/analysis/classify.js';
import { correctPublication, reclassifyPublications } from '../../src/services/analysis.service.js';
import { getPublication } from '../../src/services/publication.service.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { buildTree } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';

// A comment of UD_Russian-Taiga's ru_taiga-ud-dev.conllu (social media, CC BY-SA 4.0).
const SHORT = 'Даааа, заметил!';
// vologda-poisk.ru/news/obschestvo/pravo-perehoda-rabotnikov-k-drugomu-rabotodatelyu-mintrud-planiruet-prodlit-esche-na-god
const NEWS =
  'Право перехода работников к другому работодателю Минтруд планирует продлить еще на год\n' +
  'Правда, лишь в случае вынужденной приостановки производства. Но зато при этом работник сохраняет за собой свое прежнее, родное рабочее место. Такой своеобразный «Юрьев день» ведомство предлагает сохранить вплоть до начала 2026 года, и сообщает об этом через свою пресс-службу.';

describe.each(DIALECTS)("the language's confidence (%s)", (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let ids: { short: number; news: number };

  const stored = async (id: number) =>
    (
      await ctx.db.kysely
        .selectFrom('publication')
        .select('languageConfidence')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).languageConfidence;

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    const { regions } = await buildTree(ctx, { regions: 1, branches: 1, primariesPerBranch: 1 });
    const channel = await buildChannel(ctx, regions[0]!.org, 'telegram');
    ids = {
      short: await buildPublication(ctx, channel, { text: SHORT, title: undefined }),
      news: await buildPublication(ctx, channel, { text: NEWS, title: undefined }),
    };
  });

  afterAll(async () => {
    await ctx.db.close();
  });

  it('is null before the analysis, then stored as the analysis found it and given by the detail', async () => {
    expect(await stored(ids.short)).toBeNull();
    await reclassifyPublications(ctx, {});
    const short = classify(SHORT).languageConfidence;
    expect(short).toBeLessThan(0.8);
    expect(classify(NEWS).languageConfidence).toBeGreaterThanOrEqual(0.95);
    expect(await stored(ids.short)).toBeCloseTo(short, 6);
    expect(await stored(ids.news)).toBeCloseTo(classify(NEWS).languageConfidence, 6);
    const detail = await getPublication(ctx, ids.short);
    expect(detail.labels.language).toBe('ru');
    expect(detail.languageConfidence).toBeCloseTo(short, 6);
  });

  it('is 1 once a user set the language', async () => {
    await correctPublication(ctx, { publication: ids.short, language: 'kk', by: 'editor' });
    const detail = await getPublication(ctx, ids.short);
    expect(detail.labels.language).toBe('kk');
    expect(detail.languageConfidence).toBe(1);
  });
});
