/** Brief facts for rule tests: a region with two branches whose figures each test bends one way or the other. */
import type { BriefFacts, OrgInfo } from '../../src/domain/brief-facts.js';
import { contentQuality } from '../../src/domain/content.measure.js';
import { presenceMatrix } from '../../src/domain/presence.measure.js';

const org = (id: number, kind: OrgInfo['kind'], parentId: number | null, name: string): OrgInfo => ({
  id,
  code: `org-${id}`,
  kind,
  parentId,
  nameRu: name,
  nameKk: `${name} (kk)`,
  nameEn: null,
  shortNameEn: null,
  shortNameRu: null,
  shortNameKk: null,
});

export const REGION = org(1, 'region', null, 'Область');
export const BRANCH_A = org(2, 'branch', 1, 'Филиал А');
export const BRANCH_B = org(3, 'branch', 1, 'Филиал Б');

/** A healthy organization: no rule fires on it. */
export function buildFacts(overrides: Partial<BriefFacts> = {}): BriefFacts {
  const asOf = '2024-09-01';
  const everywhere = (orgId: number, first: number) =>
    (['facebook', 'instagram', 'telegram'] as const).map((platform, index) => ({
      channelId: first + index,
      orgId,
      platform,
      url: `https://example.org/${orgId}/${platform}`,
      lastPublished: '2024-08-20',
      createdOn: null,
      closedOn: null,
    }));
  return {
    org: REGION,
    orgs: new Map([REGION, BRANCH_A, BRANCH_B].map((entry) => [entry.id, entry])),
    period: { from: '2022-01-01', to: '2023-12-31' },
    asOf,
    years: ['2022', '2023'],
    structure: { branches: 2, primaries: 10, directPrimaries: 0 },
    members: 1000,
    people: [
      {
        id: 1,
        fullName: 'Иванова А. Б.',
        positionRu: 'Пресс-секретарь',
        positionKk: null,
        infoResponsible: true,
        isLeader: false,
      },
    ],
    decisions: [],
    website: { byYear: [], total: 0 },
    pages: ['instagram', 'telegram', 'facebook'].map((platform, index) => ({
      channelId: 100 + index,
      code: `page-${platform}`,
      platform: platform as 'facebook',
      name: platform,
      url: null,
      createdOn: '2020-01-01',
      followers: 200,
      followersAsOf: asOf,
      reach: 0.2,
    })),
    socialByYear: [],
    presence: {
      platforms: ['facebook', 'instagram', 'telegram'],
      activeDays: 90,
      rows: presenceMatrix(
        [2, 3],
        ['facebook', 'instagram', 'telegram'],
        [...everywhere(2, 10), ...everywhere(3, 20)],
        asOf,
        90,
      ),
    },
    branchPublications: [
      { orgId: 2, count: 5 },
      { orgId: 3, count: 7 },
    ],
    materials: [],
    content: contentQuality(
      [
        {
          channelId: 100,
          primaryTopic: 'legal',
          isRepost: false,
          declarative: false,
          posts: 30,
          interactions: 300,
          views: 0,
          postsWithViews: 0,
          interactionsWithViews: 0,
        },
        {
          channelId: 100,
          primaryTopic: 'organizational',
          isRepost: false,
          declarative: true,
          posts: 40,
          interactions: 200,
          views: 0,
          postsWithViews: 0,
          interactionsWithViews: 0,
        },
        {
          channelId: 100,
          primaryTopic: 'sector',
          isRepost: true,
          declarative: false,
          posts: 20,
          interactions: 50,
          views: 0,
          postsWithViews: 0,
          interactionsWithViews: 0,
        },
      ],
      new Map([[100, 200]]),
    ),
    legalItems: [],
    declarativeSamples: [],
    media: { counts: [], outlets: [], mentions: [] },
    subscriptions: [],
    app: [
      { group: { kind: 'child', orgId: 2 }, members: 500, registered: 150, active: 60, asOf },
      { group: { kind: 'child', orgId: 3 }, members: 500, registered: 100, active: 40, asOf },
    ],
    collection: {
      checkedAt: '2024-09-01T06:00:00.000Z',
      channels: [
        {
          channelId: 102,
          code: 'page-facebook',
          name: 'facebook',
          url: null,
          timeZone: 'Asia/Almaty',
          lastSuccessAt: '2024-08-31T22:00:00.000Z',
        },
      ],
    },
    plan: null,
    ...overrides,
  };
}
