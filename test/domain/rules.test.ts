import { describe, expect, it } from 'vitest';
import { contentQuality } from '../../src/domain/content.measure.js';
import { presenceMatrix } from '../../src/domain/presence.measure.js';
import { evaluateRule, evaluateRules } from '../../src/domain/rules.js';
import { DEFAULT_SETTINGS, withOverrides } from '../../src/domain/settings.js';
import { describeFinding, RULE_IDS } from '../../src/shared/finding.js';
import { BRANCH_B, buildFacts, REGION } from '../factories/brief-facts.factory.js';

const judge = (id: (typeof RULE_IDS)[number], facts = buildFacts(), settings = DEFAULT_SETTINGS) =>
  evaluateRule(id, facts, settings);

const posts = (topic: 'legal' | 'organizational', count: number, declarative: boolean, isRepost = false) => ({
  channelId: 100,
  primaryTopic: topic,
  isRepost,
  declarative,
  posts: count,
  interactions: count,
  views: 0,
  postsWithViews: 0,
  interactionsWithViews: 0,
});

describe('rules', () => {
  it('none fires on a healthy organization', () => {
    expect(evaluateRules(buildFacts(), DEFAULT_SETTINGS)).toEqual([]);
  });

  it('low_reach: 261 followers of 25,116 members is under 10 %', () => {
    const pages = buildFacts()
      .pages.slice(0, 1)
      .map((page) => ({ ...page, followers: 261 }));
    const finding = judge('low_reach', buildFacts({ pages, members: 25_116 }));
    expect(finding?.params['reach']).toEqual({ percent: 261 / 25_116 });
    expect(describeFinding(finding!, 'ru').text).toContain(
      '261, это 1,0\u00a0% от численности членов профсоюза (25\u00a0116)',
    );
    // A lower threshold is a setting: the same figures then pass.
    expect(
      judge(
        'low_reach',
        buildFacts({ pages, members: 25_116 }),
        withOverrides({ rules: { low_reach: { minReach: 0.01 } } }),
      ),
    ).toBeNull();
  });

  it('platform_missing: names the organizations and the platforms they lack', () => {
    const facts = buildFacts({
      pages: buildFacts().pages.filter((page) => page.platform === 'facebook'),
      presence: {
        platforms: ['facebook', 'instagram', 'telegram'],
        activeDays: 90,
        rows: presenceMatrix([2, 3], ['facebook', 'instagram', 'telegram'], [], '2024-09-01', 90),
      },
    });
    const finding = judge('platform_missing', facts);
    expect(finding?.records.map((record) => record.id)).toEqual([REGION.id, 2, 3]);
    expect(describeFinding(finding!, 'ru').recommendation).toBe(
      'Создать иные страницы социальных сетей: Instagram, Telegram.',
    );
  });

  it('legal_share_low: 2 legal items of 81 is under 15 %, not judged on too few posts', () => {
    const low = buildFacts({
      content: contentQuality([posts('legal', 2, false), posts('organizational', 79, true)], new Map()),
    });
    expect(judge('legal_share_low', low)?.params['count']).toEqual({ number: 2 });
    const few = buildFacts({ content: contentQuality([posts('organizational', 5, true)], new Map()) });
    expect(judge('legal_share_low', few)).toBeNull();
  });

  it('declarative_dominant: more than half declarative', () => {
    const facts = buildFacts({
      content: contentQuality([posts('legal', 20, false), posts('organizational', 30, true)], new Map()),
    });
    expect(judge('declarative_dominant', facts)?.params['share']).toEqual({ percent: 0.6 });
    expect(judge('declarative_dominant')).toBeNull();
  });

  it('reposts_dominant: more than 30 % reposts', () => {
    const facts = buildFacts({
      content: contentQuality(
        [posts('legal', 10, false), posts('organizational', 10, false, true)],
        new Map(),
      ),
    });
    expect(judge('reposts_dominant', facts)?.params['share']).toEqual({ percent: 0.5 });
    expect(judge('reposts_dominant')).toBeNull();
  });

  it('branches_without_publications: a branch with none in the period', () => {
    const facts = buildFacts({ branchPublications: [{ orgId: 2, count: 4 }] });
    expect(judge('branches_without_publications', facts)?.records.map((record) => record.id)).toEqual([
      BRANCH_B.id,
    ]);
    expect(judge('branches_without_publications')).toBeNull();
  });

  it('no_info_responsible: nobody flagged', () => {
    const people = buildFacts().people.map((person) => ({ ...person, infoResponsible: false }));
    expect(judge('no_info_responsible', buildFacts({ people }))?.ruleId).toBe('no_info_responsible');
    expect(judge('no_info_responsible')).toBeNull();
  });

  it('media_coverage_falling: whole years only, fewer by the threshold', () => {
    const counts = (previous: number, current: number) => [
      { bucket: '2022', outletId: 1, count: previous },
      { bucket: '2023', outletId: 1, count: current },
    ];
    const media = (previous: number, current: number) => ({
      counts: counts(previous, current),
      outlets: [],
      mentions: [],
    });
    expect(judge('media_coverage_falling', buildFacts({ media: media(10, 6) }))?.params['drop']).toEqual({
      percent: 0.4,
    });
    expect(judge('media_coverage_falling', buildFacts({ media: media(7, 8) }))).toBeNull();
    // 2023 cut short at September is not a whole year: no comparison.
    const cut = buildFacts({ media: media(10, 6), period: { from: '2022-01-01', to: '2023-09-01' } });
    expect(judge('media_coverage_falling', cut)).toBeNull();
  });

  it('app_adoption_low: registered under 10 % of members', () => {
    const app = buildFacts().app.map((row) => ({ ...row, registered: 20 }));
    expect(judge('app_adoption_low', buildFacts({ app }))?.params['share']).toEqual({ percent: 0.04 });
    expect(judge('app_adoption_low')).toBeNull();
  });

  it('overdue_tasks: open tasks past their date', () => {
    const task = (id: number, overdue: boolean) => ({
      id,
      textRu: `Задача ${id}`,
      textKk: null,
      dueOn: '2024-06-30',
      status: 'open' as const,
      doneOn: null,
      evidence: null,
      overdue,
    });
    const decision = (tasks: ReturnType<typeof task>[]) => ({
      id: 1,
      body: 'executive_committee' as const,
      number: '1',
      adoptedOn: '2024-01-10',
      titleRu: 'Решение',
      titleKk: null,
      tasks,
    });
    expect(
      judge('overdue_tasks', buildFacts({ decisions: [decision([task(1, true), task(2, false)])] }))?.records,
    ).toHaveLength(1);
    expect(judge('overdue_tasks', buildFacts({ decisions: [decision([task(2, false)])] }))).toBeNull();
  });

  it('has a text in Russian and Kazakh for every rule', () => {
    for (const id of RULE_IDS) {
      const finding = { ruleId: id, threshold: {}, params: {}, records: [] };
      for (const lang of ['ru', 'kk'] as const) {
        const texts = describeFinding(finding, lang);
        expect(texts.title.length, `${lang} ${id}`).toBeGreaterThan(5);
        expect(texts.recommendation.length, `${lang} ${id}`).toBeGreaterThan(5);
      }
    }
  });
});
