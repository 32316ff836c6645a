/**
 * The brief's judgements: each rule reads measured facts and a threshold from the settings and, when it fires,
 * returns a finding with its numbers and the records behind them. Texts are in shared/rule-texts.
 */
import type { EvidenceRecord, Finding, FindingParam, RuleIdName } from '../shared/finding.js';
import { RULE_IDS } from '../shared/finding.js';
import { textFor } from '../shared/bilingual.js';
import { PLATFORM_LABELS } from '../shared/labels.js';
import { orgName } from '../shared/org-name.js';
import type { Platform, UiLang } from '../shared/vocabulary.js';
import type { BriefFacts, OrgInfo } from './brief-facts.js';
import { isStale, lastSuccessDay } from './collection.measure.js';
import { share } from './content.measure.js';
import { platformsWithout } from './presence.measure.js';
import type { RuleSettings, Settings } from './settings.js';

type Rule<K extends RuleIdName> = (facts: BriefFacts, settings: RuleSettings[K]) => Finding | null;

const count = (value: number): FindingParam => ({ number: value });
const percent = (value: number): FindingParam => ({ percent: value });

const orgNames = (orgs: readonly OrgInfo[], lang: UiLang) => orgs.map((org) => orgName(org, lang));

function names(orgs: readonly OrgInfo[]): FindingParam {
  return { names: { ru: orgNames(orgs, 'ru'), kk: orgNames(orgs, 'kk'), en: orgNames(orgs, 'en') } };
}

/** The organizations under each platform's name. */
function namesByPlatform(entries: readonly { platform: Platform; orgs: readonly OrgInfo[] }[]): FindingParam {
  const of = (lang: UiLang) =>
    entries.map(({ platform, orgs }) => ({
      label: PLATFORM_LABELS[lang][platform],
      names: orgNames(orgs, lang),
    }));
  return { groups: { ru: of('ru'), kk: of('kk'), en: of('en') } };
}

function platformNames(platforms: readonly Platform[]): FindingParam {
  return {
    names: {
      ru: platforms.map((platform) => PLATFORM_LABELS.ru[platform]),
      kk: platforms.map((platform) => PLATFORM_LABELS.kk[platform]),
      en: platforms.map((platform) => PLATFORM_LABELS.en[platform]),
    },
  };
}

const orgRecord = (org: OrgInfo): EvidenceRecord => ({
  kind: 'organization',
  id: org.id,
  label: org.nameRu,
  labelKk: org.nameKk,
});

/** Branches: the measured organization's children that are not primary organizations. */
function branchesOf(facts: BriefFacts): OrgInfo[] {
  return [...facts.orgs.values()].filter((org) => org.parentId === facts.org.id && org.kind === 'branch');
}

const RULES: { [K in RuleIdName]: Rule<K> } = {
  low_reach(facts, { minReach }) {
    const followers = facts.pages.reduce((sum, page) => sum + (page.followers ?? 0), 0);
    const reach = facts.members ? followers / facts.members : null;
    if (reach === null || facts.pages.length === 0 || reach >= minReach) return null;
    return {
      ruleId: 'low_reach',
      threshold: { minReach },
      params: {
        followers: count(followers),
        members: count(facts.members ?? 0),
        reach: percent(reach),
        threshold: percent(minReach),
      },
      records: facts.pages.map((page) => ({
        kind: 'channel',
        id: page.channelId,
        label: page.name,
        url: page.url,
        ...(page.followersAsOf ? { date: page.followersAsOf } : {}),
      })),
    };
  },

  platform_missing(facts, { platforms }) {
    // The organization's own pages and each branch's cells of the presence matrix are read alike: each holds only
    // the pages open on the date (presence.measure.ts), and a platform is lacking where none of them is on it.
    const entries = [
      { org: facts.org, absent: platformsWithout(facts.pages, platforms) },
      ...facts.presence.rows.flatMap((row) => {
        const org = facts.orgs.get(row.orgId);
        const pages = row.cells.flatMap((cell) => cell.channels);
        return org ? [{ org, absent: platformsWithout(pages, platforms) }] : [];
      }),
    ].filter((entry) => entry.absent.length > 0);
    if (entries.length === 0) return null;
    const lacking = platforms.filter((platform) => entries.some((entry) => entry.absent.includes(platform)));
    return {
      ruleId: 'platform_missing',
      threshold: { platforms },
      params: {
        platforms: platformNames(lacking),
        // Each platform with the organizations without a page on it: not every one named lacks every platform.
        missing: namesByPlatform(
          lacking.map((platform) => ({
            platform,
            orgs: entries.filter((entry) => entry.absent.includes(platform)).map((entry) => entry.org),
          })),
        ),
      },
      records: entries.map((entry) => orgRecord(entry.org)),
    };
  },

  legal_share_low(facts, { minShare, minPosts }) {
    const { posts, topics } = facts.content;
    const legalShare = share(topics.legal, posts);
    if (posts < minPosts || legalShare === null || legalShare >= minShare) return null;
    return {
      ruleId: 'legal_share_low',
      threshold: { minShare, minPosts },
      params: {
        count: count(topics.legal),
        posts: count(posts),
        share: percent(legalShare),
        threshold: percent(minShare),
      },
      records: facts.legalItems,
    };
  },

  declarative_dominant(facts, { maxShare, minPosts }) {
    const { judged, declarative } = facts.content;
    const declarativeShare = share(declarative, judged);
    if (judged < minPosts || declarativeShare === null || declarativeShare <= maxShare) return null;
    return {
      ruleId: 'declarative_dominant',
      threshold: { maxShare, minPosts },
      params: {
        count: count(declarative),
        judged: count(judged),
        share: percent(declarativeShare),
        threshold: percent(maxShare),
      },
      records: facts.declarativeSamples,
    };
  },

  reposts_dominant(facts, { maxShare, minPosts }) {
    const { posts, reposts } = facts.content;
    const repostShare = share(reposts, posts);
    if (posts < minPosts || repostShare === null || repostShare <= maxShare) return null;
    return {
      ruleId: 'reposts_dominant',
      threshold: { maxShare, minPosts },
      params: {
        count: count(reposts),
        posts: count(posts),
        share: percent(repostShare),
        threshold: percent(maxShare),
      },
      records: [],
    };
  },

  branches_without_publications(facts, { minPublications }) {
    const counts = new Map(facts.branchPublications.map((entry) => [entry.orgId, entry.count]));
    const silent = branchesOf(facts).filter((branch) => (counts.get(branch.id) ?? 0) < minPublications);
    if (silent.length === 0) return null;
    return {
      ruleId: 'branches_without_publications',
      threshold: { minPublications },
      params: { orgs: names(silent) },
      records: silent.map(orgRecord),
    };
  },

  no_info_responsible(facts) {
    if (facts.people.some((person) => person.infoResponsible)) return null;
    return {
      ruleId: 'no_info_responsible',
      threshold: {},
      params: {},
      records: facts.people.map((person) => ({ kind: 'person', id: person.id, label: person.fullName })),
    };
  },

  media_coverage_falling(facts, { minDrop }) {
    // Only whole years compare: the period's last year counts when the period runs to its end.
    const full = facts.years.filter(
      (year) => facts.period.to >= `${year}-12-31` && facts.period.from <= `${year}-01-01`,
    );
    const [previousYear, year] = full.slice(-2);
    if (!previousYear || !year) return null;
    const inYear = (y: string) =>
      facts.media.counts.filter((row) => row.bucket === y).reduce((sum, row) => sum + row.count, 0);
    const previous = inYear(previousYear);
    const current = inYear(year);
    const drop = previous > 0 ? (previous - current) / previous : 0;
    if (drop < minDrop || previous === 0) return null;
    return {
      ruleId: 'media_coverage_falling',
      threshold: { minDrop },
      params: {
        year: { text: year },
        previousYear: { text: previousYear },
        count: count(current),
        previous: count(previous),
        drop: percent(drop),
        threshold: percent(minDrop),
      },
      records: facts.media.mentions
        .filter((mention) => mention.publishedOn.startsWith(year))
        .map((mention) => ({
          kind: 'mention',
          id: mention.id,
          label: mention.title,
          date: mention.publishedOn,
        })),
    };
  },

  app_adoption_low(facts, { minShare }) {
    const registered = facts.app.reduce((sum, row) => sum + row.registered, 0);
    const adoption = facts.members ? registered / facts.members : null;
    if (adoption === null || adoption >= minShare) return null;
    return {
      ruleId: 'app_adoption_low',
      threshold: { minShare },
      params: {
        registered: count(registered),
        members: count(facts.members ?? 0),
        share: percent(adoption),
        threshold: percent(minShare),
      },
      records: [],
    };
  },

  overdue_tasks(facts, { maxOverdue }) {
    const overdue = facts.decisions.flatMap((decision) => decision.tasks.filter((task) => task.overdue));
    if (overdue.length <= maxOverdue) return null;
    return {
      ruleId: 'overdue_tasks',
      threshold: { maxOverdue },
      params: { count: count(overdue.length) },
      records: overdue.map((task) => ({
        kind: 'task',
        id: task.id,
        label: textFor({ ru: task.textRu, kk: task.textKk }, 'ru'),
        labelKk: textFor({ ru: task.textRu, kk: task.textKk }, 'kk'),
        ...(task.dueOn ? { date: task.dueOn } : {}),
      })),
    };
  },

  collection_stale(facts, { days }) {
    const stale = facts.collection.channels.filter((channel) =>
      isStale(channel, facts.collection.checkedAt, days),
    );
    if (stale.length === 0) return null;
    const channelNames = stale.map((channel) => channel.name);
    return {
      ruleId: 'collection_stale',
      threshold: { days },
      params: { days: count(days), channels: { names: { ru: channelNames, kk: channelNames } } },
      records: stale.map((channel) => {
        const day = lastSuccessDay(channel);
        return {
          kind: 'channel',
          id: channel.channelId,
          label: channel.name,
          url: channel.url,
          ...(day ? { date: day } : {}),
        };
      }),
    };
  },
};

/** Every rule that fires, in the order of RULE_IDS. */
export function evaluateRules(facts: BriefFacts, settings: Settings): Finding[] {
  return RULE_IDS.map((id) => evaluateRule(id, facts, settings)).filter((finding) => finding !== null);
}

export function evaluateRule<K extends RuleIdName>(
  id: K,
  facts: BriefFacts,
  settings: Settings,
): Finding | null {
  const rule = RULES[id] as Rule<K>;
  return rule(facts, settings.rules[id]);
}
