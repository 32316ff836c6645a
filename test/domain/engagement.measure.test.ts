import { describe, expect, it } from 'vitest';
import { contentQuality } from '../../src/domain/content.measure.js';
import {
  type EngagementRow,
  engagementByPlatform,
  engagementBySubject,
  engagementOf,
} from '../../src/domain/engagement.measure.js';
import { followerGrowth } from '../../src/domain/follower-growth.measure.js';
import type { OrgNode } from '../../src/domain/org-tree.js';

const row = (
  fields: Partial<EngagementRow> & Pick<EngagementRow, 'channelId' | 'subjectOrgId'>,
): EngagementRow => ({
  platform: 'facebook',
  posts: 1,
  reactions: 0,
  comments: 0,
  shares: 0,
  views: 0,
  postsWithViews: 0,
  interactionsWithViews: 0,
  ...fields,
});

describe('engagement measure', () => {
  // Channel 1 (facebook, 100 followers): 2 posts, 10+2+3 interactions. Channel 2 (telegram, no followers):
  // 3 posts with 600 views and 6 reactions among them. Channel 3 (instagram, 50 followers): 1 post, 5 reactions.
  const rows = [
    row({ channelId: 1, subjectOrgId: 10, posts: 2, reactions: 10, comments: 2, shares: 3 }),
    row({
      channelId: 2,
      subjectOrgId: 11,
      platform: 'telegram',
      posts: 3,
      reactions: 6,
      views: 600,
      postsWithViews: 3,
      interactionsWithViews: 6,
    }),
    row({ channelId: 3, subjectOrgId: 12, platform: 'instagram', reactions: 5 }),
  ];
  const followers = new Map([
    [1, 100],
    [3, 50],
  ]);

  it('sums the counts and states both rates by their definitions', () => {
    const figures = engagementOf(rows, followers);
    expect(figures).toMatchObject({
      posts: 6,
      reactions: 21,
      comments: 2,
      shares: 3,
      views: 600,
      interactions: 26,
    });
    // By followers: (15/100 + 5/50) over the 3 posts of channels with followers.
    expect(figures.engagementByFollowers).toBeCloseTo((15 / 100 + 5 / 50) / 3, 12);
    expect(figures.postsWithFollowers).toBe(3);
    // By views: Σ interactions of posts with views over their views.
    expect(figures.engagementByViews).toBeCloseTo(6 / 600, 12);
    expect(figures.postsWithViews).toBe(3);
  });

  it('gives the same rates as the brief’s content quality', () => {
    const quality = contentQuality(
      rows.map((r) => ({
        channelId: r.channelId,
        primaryTopic: null,
        isRepost: false,
        declarative: null,
        posts: r.posts,
        interactions: r.reactions + r.comments + r.shares,
        views: r.views,
        postsWithViews: r.postsWithViews,
        interactionsWithViews: r.interactionsWithViews,
      })),
      followers,
    );
    const figures = engagementOf(rows, followers);
    expect(figures.engagementByFollowers).toBe(quality.engagementByFollowers);
    expect(figures.engagementByViews).toBe(quality.engagementByViews);
  });

  it('has no rate where there is nothing to divide by', () => {
    const figures = engagementOf([row({ channelId: 9, subjectOrgId: 10, reactions: 4 })], new Map());
    expect(figures.engagementByFollowers).toBeNull();
    expect(figures.engagementByViews).toBeNull();
    expect(engagementOf([], followers)).toMatchObject({ posts: 0, interactions: 0, engagementByViews: null });
  });

  it('splits by platform in the vocabulary’s order, platforms without posts left out', () => {
    const split = engagementByPlatform(rows, followers);
    expect(split.map((entry) => entry.platform)).toEqual(['facebook', 'instagram', 'telegram']);
    expect(split.find((entry) => entry.platform === 'instagram')?.figures.engagementByFollowers).toBe(5 / 50);
    expect(split.reduce((sum, entry) => sum + entry.figures.posts, 0)).toBe(6);
  });

  it('splits by the organization, its branches and its direct primaries', () => {
    const root: OrgNode = { id: 10, kind: 'region', parentId: null };
    const branch: OrgNode = { id: 11, kind: 'branch', parentId: 10 };
    const primary: OrgNode = { id: 12, kind: 'primary', parentId: 10 };
    const split = engagementBySubject(
      root,
      [branch, primary],
      rows,
      new Map([
        [11, 11],
        [12, 12],
      ]),
      followers,
    );
    expect(split.map((entry) => [entry.group.kind, entry.figures.posts, entry.figures.interactions])).toEqual(
      [
        ['self', 2, 15],
        ['child', 3, 6],
        ['direct_primaries', 1, 5],
      ],
    );
  });
});

describe('followers’ growth', () => {
  it('is the end against the count at the period’s start', () => {
    const growth = followerGrowth({ followers: 200, asOf: '2024-01-01' }, null, {
      followers: 250,
      asOf: '2024-09-01',
    });
    expect(growth).toMatchObject({ delta: 50, ratio: 0.25, trend: 'up' });
    expect(growth.start?.asOf).toBe('2024-01-01');
  });

  it('starts from the first count within the period for a channel counted first then', () => {
    const growth = followerGrowth(
      null,
      { followers: 80, asOf: '2024-03-01' },
      { followers: 60, asOf: '2024-06-01' },
    );
    expect(growth).toMatchObject({ start: { followers: 80, asOf: '2024-03-01' }, delta: -20, trend: 'down' });
    expect(growth.ratio).toBeCloseTo(-0.25, 12);
  });

  it('measures no growth from a single count, taken as both start and end', () => {
    const once = { followers: 120, asOf: '2024-11-01' };
    expect(followerGrowth(null, once, once)).toMatchObject({
      start: once,
      end: once,
      delta: null,
      trend: null,
    });
  });

  it('has no change without both counts, and no percentage from nothing', () => {
    expect(followerGrowth(null, null, { followers: 10, asOf: '2024-06-01' })).toMatchObject({
      delta: null,
      ratio: null,
      trend: null,
    });
    expect(
      followerGrowth({ followers: 0, asOf: '2024-01-01' }, null, { followers: 7, asOf: '2024-02-01' }),
    ).toMatchObject({ delta: 7, ratio: null, trend: 'up' });
  });
});
