import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reclassifyPublications } from '../../src/services/analysis.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { LEGAL_POSTS } from '../../src/services/demo/abai.texts.js';
import { fromJson, toBool } from '../../src/storage/rows.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

/**
 * The seed's finding, made by rule: on the regional Facebook page, almost nothing on legal protection (its two
 * seminars), many organizational events and reposts, and mostly declarative materials. The demo stores the
 * labels its templates were written with; they are wiped first, so that every label here is the analysis'.
 */
describe.each(DIALECTS)('the Abai demo page after reclassify (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let posts: {
    title: string | null;
    primaryTopic: string | null;
    topics: { topic: string }[];
    isRepost: boolean;
    declarative: boolean | null;
    reasons: { topics: Record<string, string[]> } | null;
  }[];

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    await buildDemo(ctx);
    await ctx.db.kysely
      .updateTable('publication')
      .set({ primaryTopic: null, topics: null, declarative: null, concreteness: null, language: null })
      .execute();
    const page = await ctx.db.kysely
      .selectFrom('channel')
      .select('id')
      .where('code', '=', 'abai-facebook')
      .executeTakeFirstOrThrow();
    const summary = await reclassifyPublications(ctx, { channel: 'abai-facebook' });
    const rows = await ctx.db.kysely
      .selectFrom('publication')
      .select(['title', 'primaryTopic', 'topics', 'isRepost', 'declarative', 'reasons'])
      .where('channelId', '=', page.id)
      .execute();
    expect(summary.publications).toBe(rows.length);
    posts = rows.map((row) => ({
      ...row,
      topics: fromJson<{ topic: string }[]>(row.topics) ?? [],
      isRepost: toBool(row.isRepost),
      declarative: toBool(row.declarative, 'nullable'),
      reasons: fromJson(row.reasons),
    }));
  });
  afterAll(() => ctx.close());

  const share = (test: (post: (typeof posts)[number]) => boolean) => posts.filter(test).length / posts.length;

  it('finds exactly the two legal items the seed names, and no other post touches legal protection', () => {
    // The 48 of 2023 and the 33 up to 2024-09-01.
    expect(posts).toHaveLength(81);
    const legal = posts.filter((post) => post.primaryTopic === 'legal');
    const titles = LEGAL_POSTS.map((template) => template.title);
    expect(legal.map((post) => post.title).sort()).toEqual([...titles].sort());
    expect(posts.filter((post) => post.topics.some((item) => item.topic === 'legal'))).toHaveLength(2);
    expect(legal[0]?.reasons?.topics['legal']?.length).toBeGreaterThanOrEqual(2);
    expect(share((post) => post.primaryTopic === 'legal')).toBeLessThan(0.05);
  });

  it('shows many organizational events and reposts, and mostly declarative materials', () => {
    const byTopic = new Map<string, number>();
    for (const post of posts)
      byTopic.set(post.primaryTopic ?? '', (byTopic.get(post.primaryTopic ?? '') ?? 0) + 1);
    const ranked = [...byTopic].sort((a, b) => b[1] - a[1]).map(([topic]) => topic);
    expect(ranked.slice(0, 2)).toContain('organizational');
    expect(share((post) => post.primaryTopic === 'organizational')).toBeGreaterThan(0.15);
    expect(share((post) => post.isRepost)).toBeGreaterThan(0.3);
    expect(share((post) => post.declarative === true)).toBeGreaterThan(0.5);
    expect(posts.every((post) => post.declarative !== null && post.primaryTopic !== null)).toBe(true);
  });
});
