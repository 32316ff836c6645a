/**
 * The Graph API's answers read by pure functions, on recorded real answers (test/fixtures/real/facebook-graph/,
 * instagram-graph/; see their PROVENANCE.md): a post's reactions and comments summaries, an Instagram album's
 * likes and comments, the usage header's share; and how a channel's address names its Graph node.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapFacebookPost, mapInstagramMedia } from '../../src/importers/graph/map.js';
import { graphNodeOf, usageOf } from '../../src/services/collect/graph.js';
import { itReal, real } from '../helpers/real-files.js';

const json = (path: string): unknown => JSON.parse(readFileSync(real(path), 'utf8'));
const SUMMARY = 'facebook-graph/pyfb_post_reactions_comments_summary.json';
const MEDIA = 'instagram-graph/pyfb_ig_user_media_p2.json';
const USAGE = 'facebook-graph/restfb_header_x_business_use_case_usage.json';

describe('Graph answers', () => {
  itReal([SUMMARY], "a page post's summaries become its reactions and comments", () => {
    expect(mapFacebookPost(json(SUMMARY), 1, { file: 'graph' })).toMatchObject({
      kind: 'draft',
      draft: {
        externalId: '175154750010052_424924701699721',
        time: { instant: '2019-08-12T03:45:11.000Z' },
        text: '我测试一下 MyLife',
        url: 'https://www.facebook.com/175154750010052/posts/424924701699721',
        mediaKind: 'text',
        engagement: { reactions: 1, comments: 0, shares: 0 },
      },
    });
  });

  itReal([MEDIA], "an Instagram album's likes are its reactions", () => {
    const [album] = (json(MEDIA) as { data: unknown[] }).data;
    expect(mapInstagramMedia(album, 1, { file: 'graph' })).toMatchObject({
      kind: 'draft',
      draft: {
        externalId: '17896129349106152',
        time: { instant: '2021-07-26T10:45:20.000Z' },
        text: 'ALBUM',
        mediaKind: 'album',
        engagement: { reactions: 1, comments: 0 },
      },
    });
  });

  it('a post without id or time is rejected, one without text or attachment skipped', () => {
    expect(mapFacebookPost({ created_time: '2021-07-04T19:50:58+0000' }, 1, { file: 'g' }).kind).toBe(
      'rejected',
    );
    expect(mapFacebookPost({ id: '1_2' }, 1, { file: 'g' }).kind).toBe('rejected');
    expect(
      mapFacebookPost({ id: '1_2', created_time: '2021-07-04T19:50:58+0000' }, 1, { file: 'g' }),
    ).toMatchObject({ kind: 'skipped', reason: 'empty' });
  });

  itReal([USAGE], "the usage headers' highest share", () => {
    expect(usageOf(new Headers({ 'x-business-use-case-usage': JSON.stringify(json(USAGE)) }))).toBe(100);
    expect(
      usageOf(new Headers({ 'x-app-usage': '{"call_count":28,"total_time":76,"total_cputime":12}' })),
    ).toBe(76);
    expect(usageOf(new Headers({ 'x-app-usage': 'not json' }))).toBe(0);
    expect(usageOf(new Headers())).toBe(0);
  });

  it("a channel's address names its Graph node", () => {
    expect(graphNodeOf('facebook', 'https://www.facebook.com/profile.php?id=100064')).toBe('100064');
    expect(graphNodeOf('facebook', 'https://www.facebook.com/people/Name/100064123/')).toBe('100064123');
    expect(graphNodeOf('facebook', 'facebook.com/kasipodaq.kz')).toBe('kasipodaq.kz');
    expect(graphNodeOf('facebook', 'https://example.kz/page')).toBeUndefined();
    expect(graphNodeOf('instagram', 'https://www.instagram.com/name/?id=17841406338772941')).toBe(
      '17841406338772941',
    );
    expect(graphNodeOf('instagram', 'https://www.instagram.com/name/')).toBeUndefined();
    expect(graphNodeOf('instagram', '17841406338772941')).toBe('17841406338772941');
  });
});
