/**
 * The brief: lays measured facts and the rules' findings out as the seed brief does, section by section, in the
 * language asked. Pure: it sees facts, never the database.
 */
import type { BriefFacts, OrgInfo, YearSplit } from '../domain/brief-facts.js';
import { share } from '../domain/content.measure.js';
import { textFor } from '../shared/bilingual.js';
import { describeFinding, type Finding } from '../shared/finding.js';
import { formatLongDate, formatNumber, formatPercent, formatShortDate } from '../shared/format.js';
import {
  BODY_LABELS,
  MATERIAL_KIND_LABELS,
  MENTION_KIND_LABELS,
  OUTLET_LEVEL_LABELS,
  PLATFORM_LABELS,
  targetMetricLabel,
  TASK_STATUS_LABELS,
  TOPIC_LABELS,
} from '../shared/labels.js';
import { interpolate } from '../shared/messages.js';
import { orgName } from '../shared/org-name.js';
import { OUTLET_LEVELS, type Platform, type ReportLang, TOPICS } from '../shared/vocabulary.js';
import { BRIEF_TEXTS, type BriefTexts } from './brief.texts.js';
import type { Block, Cell, ReportModel, Section } from './model.js';

interface Writer {
  lang: ReportLang;
  t: BriefTexts;
  facts: BriefFacts;
  n: (value: number) => string;
  pct: (fraction: number) => string;
  date: (value: string) => string;
  name: (org: OrgInfo | undefined) => string;
}

const say = (template: string, params: Record<string, string | number>) => interpolate(template, params);

/** A year as its column is headed: cut years show where they stop. */
function yearLabel(w: Writer, split: { year: string; to: string }): string {
  return split.to < `${split.year}-12-31`
    ? say(w.t.partialYear, { year: split.year, date: formatShortDate(split.to, w.lang, false) })
    : split.year;
}

function organizationSection(w: Writer): Block[] {
  const { facts, t } = w;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: say(t.organization.structure, {
        org: w.name(facts.org),
        primaries: w.n(facts.structure.primaries),
        branches: w.n(facts.structure.branches),
        members: facts.members === null ? '—' : w.n(facts.members),
        date: w.date(facts.asOf),
      }),
    },
  ];
  if (facts.structure.directPrimaries > 0) {
    blocks.push({
      kind: 'paragraph',
      text: say(t.organization.direct, { direct: w.n(facts.structure.directPrimaries) }),
    });
  }
  const position = (person: BriefFacts['people'][number]) =>
    textFor({ ru: person.positionRu, kk: person.positionKk }, w.lang);
  const withPosition = (people: BriefFacts['people']) =>
    people.map((person) => `${person.fullName} (${position(person)})`).join(', ');
  const responsible = facts.people.filter((person) => person.infoResponsible);
  blocks.push({
    kind: 'paragraph',
    text: responsible.length
      ? say(t.organization.responsible, { people: withPosition(responsible) })
      : t.organization.noResponsible,
  });
  const pressSecretaries = facts.people.filter((person) =>
    /пресс-секретар|баспасөз хатшы|press secretary/i.test(
      `${person.positionRu ?? ''} ${person.positionKk ?? ''}`,
    ),
  );
  blocks.push({
    kind: 'paragraph',
    text: pressSecretaries.length
      ? say(t.organization.pressSecretary, { people: withPosition(pressSecretaries) })
      : t.organization.noPressSecretary,
  });
  if (facts.people.length) {
    blocks.push({
      kind: 'table',
      id: 'staff',
      caption: t.organization.staffCaption,
      columns: [
        { label: t.organization.name, kind: 'text' },
        { label: t.organization.position, kind: 'text' },
        { label: t.organization.infoResponsible, kind: 'text' },
      ],
      rows: facts.people.map((person) => [
        person.fullName,
        position(person),
        person.infoResponsible ? t.yes : t.no,
      ]),
    });
  }
  return blocks;
}

function decisionsSection(w: Writer): Block[] {
  const { facts, t } = w;
  if (facts.decisions.length === 0) return [{ kind: 'paragraph', text: t.decisions.none }];
  const tasks = facts.decisions.flatMap((decision) => decision.tasks);
  const statusOf = (task: (typeof tasks)[number]) =>
    TASK_STATUS_LABELS[w.lang][task.overdue ? 'overdue' : task.status];
  return [
    {
      kind: 'table',
      id: 'decisions',
      caption: t.decisions.caption,
      columns: [
        { label: t.decisions.date, kind: 'text' },
        { label: t.decisions.body, kind: 'text' },
        { label: t.decisions.number, kind: 'text' },
        { label: t.decisions.decision, kind: 'text' },
      ],
      rows: facts.decisions.map((decision) => [
        formatShortDate(decision.adoptedOn, w.lang),
        BODY_LABELS[w.lang][decision.body],
        decision.number,
        textFor({ ru: decision.titleRu, kk: decision.titleKk }, w.lang),
      ]),
    },
    {
      kind: 'paragraph',
      text: say(t.decisions.summary, {
        tasks: w.n(tasks.length),
        done: w.n(tasks.filter((task) => task.status === 'done').length),
        overdue: w.n(tasks.filter((task) => task.overdue).length),
      }),
    },
    {
      kind: 'table',
      id: 'tasks',
      caption: say(t.decisions.tasksCaption, { date: formatShortDate(facts.asOf, w.lang) }),
      columns: [
        { label: t.decisions.task, kind: 'text' },
        { label: t.decisions.due, kind: 'text' },
        { label: t.decisions.status, kind: 'text' },
      ],
      rows: tasks.map((task) => [
        textFor({ ru: task.textRu, kk: task.textKk }, w.lang),
        task.dueOn ? formatShortDate(task.dueOn, w.lang) : null,
        statusOf(task),
      ]),
    },
  ];
}

function websiteSection(w: Writer): Block[] {
  const { facts, t } = w;
  if (facts.website.total === 0) return [{ kind: 'paragraph', text: t.noData }];
  return [
    { kind: 'paragraph', text: say(t.website.intro, { total: w.n(facts.website.total) }) },
    {
      kind: 'table',
      id: 'website',
      caption: t.website.caption,
      columns: [
        { label: t.website.year, kind: 'text' },
        { label: t.website.materials, kind: 'number' },
      ],
      rows: facts.website.byYear.map((entry) => [
        yearLabel(w, {
          year: entry.year,
          to: facts.period.to < `${entry.year}-12-31` ? facts.period.to : `${entry.year}-12-31`,
        }),
        entry.count,
      ]),
      total: [t.total, facts.website.total],
    },
  ];
}

function subjectLabel(w: Writer, row: { group: YearSplit['rows'][number]['group'] }): string {
  return row.group.kind === 'direct_primaries'
    ? w.t.social.direct
    : w.name(w.facts.orgs.get(row.group.orgId));
}

function socialSection(w: Writer): Block[] {
  const { facts, t } = w;
  if (facts.pages.length === 0) return [{ kind: 'paragraph', text: t.social.none }];
  const followers = facts.pages.reduce((sum, page) => sum + (page.followers ?? 0), 0);
  const blocks: Block[] = [
    {
      kind: 'table',
      id: 'pages',
      caption: t.social.pagesCaption,
      columns: [
        { label: t.social.page, kind: 'text' },
        { label: t.social.platform, kind: 'text' },
        { label: t.social.created, kind: 'text' },
        { label: t.social.followers, kind: 'number' },
        { label: t.social.reach, kind: 'percent' },
      ],
      rows: facts.pages.map((page) => [
        page.url ? { text: page.name, url: page.url } : page.name,
        PLATFORM_LABELS[w.lang][page.platform],
        page.createdOn ? formatShortDate(page.createdOn, w.lang) : null,
        page.followers,
        page.reach === null ? null : { percent: page.reach },
      ]),
    },
  ];
  const reach = facts.members ? followers / facts.members : null;
  if (reach !== null) {
    blocks.push({
      kind: 'paragraph',
      text: say(t.social.reachText, {
        followers: w.n(followers),
        members: w.n(facts.members ?? 0),
        reach: w.pct(reach),
        date: w.date(facts.asOf),
      }),
    });
  }
  const years = facts.socialByYear.filter((split) => split.total > 0);
  if (years.length === 0) return [...blocks, { kind: 'paragraph', text: t.noData }];
  const subjects = years[0]?.rows ?? [];
  blocks.push(
    {
      kind: 'paragraph',
      text: say(t.social.splitIntro, {
        years: years.map((split) => `${yearLabel(w, split)} — ${w.n(split.total)}`).join('; '),
      }),
    },
    {
      kind: 'table',
      id: 'social-by-subject',
      caption: t.social.splitCaption,
      columns: [
        { label: t.social.subject, kind: 'text' },
        ...years.map((split) => ({ label: yearLabel(w, split), kind: 'number' as const })),
      ],
      rows: subjects.map((subject, index) => [
        subjectLabel(w, subject),
        ...years.map((split) => split.rows[index]?.count ?? 0),
      ]),
      total: [t.total, ...years.map((split) => split.total)],
    },
    {
      kind: 'chart',
      id: 'social-by-subject',
      title: t.social.chartTitle,
      table: 'social-by-subject',
      type: 'bar',
      categories: subjects.map((subject) => subjectLabel(w, subject)),
      series: years.map((split) => ({
        name: yearLabel(w, split),
        values: split.rows.map((row) => row.count),
      })),
    },
  );
  return blocks;
}

function branchesSection(w: Writer): Block[] {
  const { facts, t } = w;
  const { platforms, rows, activeDays } = facts.presence;
  if (rows.length === 0) return [{ kind: 'paragraph', text: t.noData }];
  const present = rows.filter((row) => row.present);
  const without = rows.filter((row) => !row.present).map((row) => w.name(facts.orgs.get(row.orgId)));
  const cell = (channels: BriefFacts['presence']['rows'][number]['cells'][number]['channels']): Cell => {
    const first = channels[0];
    if (!first) return t.branches.absent;
    const label = first.active ? t.branches.present : `${t.branches.present} (${t.branches.inactive})`;
    return first.url ? { text: label, url: first.url } : label;
  };
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: say(t.branches.summary, { branches: w.n(rows.length), present: w.n(present.length) }),
    },
  ];
  if (without.length)
    blocks.push({ kind: 'paragraph', text: say(t.branches.without, { orgs: without.join(', ') }) });
  blocks.push(
    {
      kind: 'table',
      id: 'presence',
      caption: t.branches.caption,
      columns: [
        { label: t.branches.branch, kind: 'text' },
        ...platforms.map((platform) => ({ label: PLATFORM_LABELS[w.lang][platform], kind: 'text' as const })),
      ],
      rows: rows.map((row) => [
        w.name(facts.orgs.get(row.orgId)),
        ...row.cells.map((entry) => cell(entry.channels)),
      ]),
    },
    {
      kind: 'paragraph',
      text: say(t.branches.activeNote, { days: activeDays, date: formatShortDate(facts.asOf, w.lang) }),
    },
  );
  return blocks;
}

function materialsSection(w: Writer): Block[] {
  const { facts, t } = w;
  if (facts.materials.length === 0) return [{ kind: 'paragraph', text: t.materials.none }];
  return [
    { kind: 'paragraph', text: say(t.materials.intro, { count: w.n(facts.materials.length) }) },
    {
      kind: 'table',
      id: 'materials',
      caption: t.materials.caption,
      columns: [
        { label: t.materials.title, kind: 'text' },
        { label: t.materials.kind, kind: 'text' },
        { label: t.materials.issued, kind: 'text' },
      ],
      rows: facts.materials.map((material) => [
        textFor({ ru: material.titleRu, kk: material.titleKk }, w.lang),
        MATERIAL_KIND_LABELS[w.lang][material.kind],
        formatShortDate(material.issuedOn, w.lang),
      ]),
    },
  ];
}

function contentSection(w: Writer): Block[] {
  const { facts, t } = w;
  const content = facts.content;
  if (content.posts === 0) return [{ kind: 'paragraph', text: t.content.none }];
  // Legal protection first: it is the share the brief is read for.
  const topics = [...TOPICS].sort((a, b) =>
    a === 'legal' ? -1 : b === 'legal' ? 1 : content.topics[b] - content.topics[a],
  );
  const originals = content.posts - content.reposts;
  const blocks: Block[] = [
    { kind: 'paragraph', text: say(t.content.intro, { posts: w.n(content.posts) }) },
    {
      kind: 'table',
      id: 'topics',
      caption: t.content.topicsCaption,
      columns: [
        { label: t.content.topic, kind: 'text' },
        { label: t.content.posts, kind: 'number' },
        { label: t.content.share, kind: 'percent' },
      ],
      rows: topics
        .filter((topic) => topic === 'legal' || content.topics[topic] > 0)
        .map((topic) => [
          TOPIC_LABELS[w.lang][topic],
          content.topics[topic],
          { percent: share(content.topics[topic], content.posts) ?? 0 },
        ]),
      total: [t.total, content.posts, { percent: 1 }],
    },
    {
      kind: 'paragraph',
      text: say(t.content.reposts, {
        originals: w.n(originals),
        originalShare: w.pct(share(originals, content.posts) ?? 0),
        reposts: w.n(content.reposts),
        repostShare: w.pct(share(content.reposts, content.posts) ?? 0),
      }),
    },
  ];
  if (content.judged > 0) {
    blocks.push({
      kind: 'paragraph',
      text: say(t.content.declarative, {
        declarative: w.n(content.declarative),
        judged: w.n(content.judged),
        share: w.pct(share(content.declarative, content.judged) ?? 0),
      }),
    });
  }
  blocks.push({
    kind: 'paragraph',
    text:
      content.engagementByFollowers === null
        ? t.content.noFollowers
        : say(t.content.engagementFollowers, {
            date: formatShortDate(facts.asOf, w.lang),
            value: w.pct(content.engagementByFollowers),
            posts: w.n(content.postsWithFollowers),
          }),
  });
  blocks.push({
    kind: 'paragraph',
    text:
      content.engagementByViews === null
        ? t.content.noViews
        : say(t.content.engagementViews, {
            value: w.pct(content.engagementByViews),
            posts: w.n(content.postsWithViews),
          }),
  });
  return [...blocks, ...planBlocks(w)];
}

/** The content plan's targets against the facts, where the organization has targets for the period's year. */
function planBlocks(w: Writer): Block[] {
  const { facts, t } = w;
  const plan = facts.plan;
  if (!plan) return [];
  // A share is a per cent of the posts; a count, a number.
  const value = (kind: string, number: number | null): Cell =>
    number === null ? null : kind === 'share' ? { percent: number / 100 } : number;
  return [
    {
      kind: 'table',
      id: 'plan',
      caption: t.content.planCaption,
      columns: [
        { label: t.content.planMetric, kind: 'text' },
        { label: t.content.planPlanned, kind: 'number' },
        { label: say(t.content.planExpected, { date: formatShortDate(plan.today, w.lang) }), kind: 'number' },
        { label: t.content.planFact, kind: 'number' },
        { label: t.content.planVerdict, kind: 'text' },
      ],
      rows: plan.items.map((row) => [
        targetMetricLabel(row.metric, w.lang),
        value(row.kind, row.planned),
        value(row.kind, row.expected),
        value(row.kind, row.fact),
        row.behind ? t.content.planBehind : t.content.planOnTrack,
      ]),
    },
    {
      kind: 'paragraph',
      text: plan.days.left > 0 ? say(t.content.planLeft, { days: w.n(plan.days.left) }) : t.content.planOver,
    },
  ];
}

function mediaSection(w: Writer): Block[] {
  const { facts, t } = w;
  const { counts, outlets } = facts.media;
  if (counts.length === 0) return [{ kind: 'paragraph', text: t.media.none }];
  const years = facts.years;
  const perYear = years.map((year) =>
    counts.filter((row) => row.bucket === year).reduce((sum, row) => sum + row.count, 0),
  );
  const ordered = [...outlets].sort(
    (a, b) => OUTLET_LEVELS.indexOf(a.level) - OUTLET_LEVELS.indexOf(b.level) || a.name.localeCompare(b.name),
  );
  return [
    {
      kind: 'list',
      items: years.map((year, index) => say(t.media.perYear, { year, count: w.n(perYear[index] ?? 0) })),
    },
    {
      kind: 'table',
      id: 'media',
      caption: t.media.caption,
      columns: [
        { label: t.media.level, kind: 'text' },
        { label: t.media.outlet, kind: 'text' },
        ...years.map((year) => ({ label: year, kind: 'number' as const })),
      ],
      rows: ordered.map((outlet) => [
        OUTLET_LEVEL_LABELS[w.lang][outlet.level],
        outlet.name,
        ...years.map(
          (year) => counts.find((row) => row.bucket === year && row.outletId === outlet.id)?.count ?? 0,
        ),
      ]),
      total: [t.total, null, ...perYear],
    },
    {
      kind: 'chart',
      id: 'media-by-year',
      title: t.media.chartTitle,
      type: 'stacked-bar',
      categories: years,
      series: OUTLET_LEVELS.map((level) => ({
        name: OUTLET_LEVEL_LABELS[w.lang][level],
        values: years.map((year) =>
          counts
            .filter(
              (row) =>
                row.bucket === year && outlets.find((outlet) => outlet.id === row.outletId)?.level === level,
            )
            .reduce((sum, row) => sum + row.count, 0),
        ),
      })),
    },
  ];
}

function subscriptionsSection(w: Writer): Block[] {
  const { facts, t } = w;
  const blocks: Block[] = [];
  if (facts.subscriptions.length === 0) blocks.push({ kind: 'paragraph', text: t.subscriptions.none });
  else {
    blocks.push({
      kind: 'table',
      id: 'subscriptions',
      caption: t.subscriptions.caption,
      columns: [
        { label: t.subscriptions.year, kind: 'text' },
        { label: t.subscriptions.outlet, kind: 'text' },
        { label: t.subscriptions.copies, kind: 'number' },
      ],
      rows: facts.subscriptions.map((entry) => [String(entry.year), entry.outlet, entry.copies]),
    });
  }
  const leaders = facts.media.mentions.filter((mention) => mention.person !== null);
  if (leaders.length === 0) return [...blocks, { kind: 'paragraph', text: t.subscriptions.noLeaders }];
  const outletName = new Map(facts.media.outlets.map((outlet) => [outlet.id, outlet.name]));
  blocks.push(
    { kind: 'paragraph', text: say(t.subscriptions.leaders, { count: w.n(leaders.length) }) },
    {
      kind: 'table',
      id: 'leaders',
      caption: t.subscriptions.leadersCaption,
      columns: [
        { label: t.subscriptions.date, kind: 'text' },
        { label: t.subscriptions.outlet, kind: 'text' },
        { label: t.subscriptions.person, kind: 'text' },
        { label: t.subscriptions.material, kind: 'text' },
      ],
      rows: leaders.map((mention) => [
        formatShortDate(mention.publishedOn, w.lang),
        outletName.get(mention.outletId) ?? '',
        mention.person,
        `${MENTION_KIND_LABELS[w.lang][mention.kind]}: ${mention.title}`,
      ]),
    },
  );
  return blocks;
}

function appSection(w: Writer): Block[] {
  const { facts, t } = w;
  if (facts.app.length === 0) return [{ kind: 'paragraph', text: t.app.none }];
  // The text states the table's total row: one sum for both.
  const registered = facts.app.reduce((sum, row) => sum + row.registered, 0);
  const members = facts.app.reduce((sum, row) => sum + (row.members ?? 0), 0);
  const active = facts.app.some((row) => row.active !== null)
    ? facts.app.reduce((sum, row) => sum + (row.active ?? 0), 0)
    : null;
  return [
    {
      kind: 'paragraph',
      text: say(t.app.summary, {
        registered: w.n(registered),
        members: w.n(members),
        share: members ? w.pct(registered / members) : '—',
      }),
    },
    {
      kind: 'table',
      id: 'app',
      caption: t.app.caption,
      columns: [
        { label: t.app.org, kind: 'text' },
        { label: t.app.members, kind: 'number' },
        { label: t.app.registered, kind: 'number' },
        { label: t.app.share, kind: 'percent' },
        { label: t.app.active, kind: 'number' },
      ],
      rows: facts.app.map((row) => [
        subjectLabel(w, row),
        row.members,
        row.registered,
        row.members ? { percent: row.registered / row.members } : null,
        row.active,
      ]),
      total: [t.total, members, registered, members ? { percent: registered / members } : null, active],
    },
  ];
}

/** The rule's settings as a reader sees them: shares as percents, platforms by name, counts as numbers. */
function thresholdText(w: Writer, finding: Finding): string {
  const value = (name: string, setting: unknown): string => {
    if (Array.isArray(setting)) {
      return setting.map((item) => PLATFORM_LABELS[w.lang][item as Platform] ?? String(item)).join(', ');
    }
    if (typeof setting === 'number') return /share|reach|drop/i.test(name) ? w.pct(setting) : w.n(setting);
    return String(setting);
  };
  // The least number of posts to judge on is a guard, not the threshold a reader weighs.
  const values = Object.entries(finding.threshold)
    .filter(([name]) => name !== 'minPosts')
    .map(([name, setting]) => value(name, setting));
  return values.length ? values.join('; ') : '—';
}

function conclusionsSection(w: Writer, findings: readonly Finding[]): Block[] {
  const { t } = w;
  if (findings.length === 0) return [{ kind: 'paragraph', text: t.conclusions.none }];
  // The body speaks the committee's words; the rules and thresholds behind them are in the appendix.
  const described = findings.map((finding) => describeFinding(finding, w.lang, { withThreshold: false }));
  return [
    { kind: 'paragraph', text: t.conclusions.intro },
    ...described.map((texts, index): Block => ({
      kind: 'finding',
      title: texts.title,
      text: texts.text,
      recommendation: texts.recommendation,
      reference: say(t.conclusions.reference, { n: index + 1 }),
    })),
    { kind: 'paragraph', text: t.conclusions.recommendations },
    { kind: 'list', items: described.map((texts) => texts.recommendation) },
  ];
}

/** The appendix: each conclusion's rule, thresholds and records, numbered as the body refers to them. */
function groundsSection(w: Writer, findings: readonly Finding[]): Block[] {
  return [
    { kind: 'paragraph', text: w.t.conclusions.groundsIntro },
    ...findings.map((finding, index): Block => ({
      kind: 'grounds',
      title: `${index + 1}. ${describeFinding(finding, w.lang).title}`,
      ruleId: finding.ruleId,
      threshold: thresholdText(w, finding),
      evidence: [...finding.records],
    })),
  ];
}

export function buildBriefModel(
  facts: BriefFacts,
  findings: readonly Finding[],
  lang: ReportLang,
  generatedOn: string,
): ReportModel {
  const t = BRIEF_TEXTS[lang];
  const w: Writer = {
    lang,
    t,
    facts,
    n: (value) => formatNumber(value, lang),
    pct: (fraction) => formatPercent(fraction, lang),
    date: (value) => formatLongDate(value, lang),
    name: (org) => (org ? orgName(org, lang) : ''),
  };
  const parts: [Exclude<keyof BriefTexts['headings'], 'grounds'>, Block[]][] = [
    ['organization', organizationSection(w)],
    ['decisions', decisionsSection(w)],
    ['website', websiteSection(w)],
    ['social', socialSection(w)],
    ['branches', branchesSection(w)],
    ['materials', materialsSection(w)],
    ['content', contentSection(w)],
    ['media', mediaSection(w)],
    ['subscriptions', subscriptionsSection(w)],
    ['app', appSection(w)],
    ['conclusions', conclusionsSection(w, findings)],
  ];
  const sections: Section[] = parts.map(([id, blocks], index) => ({
    id,
    number: index + 1,
    heading: t.headings[id],
    blocks,
  }));
  if (findings.length > 0) {
    sections.push({
      id: 'grounds',
      number: null,
      heading: t.headings.grounds,
      blocks: groundsSection(w, findings),
    });
  }
  const startsAtDawn = facts.period.from <= '1900-01-01';
  return {
    lang,
    title: t.title,
    subtitle: t.subtitle,
    orgName: orgName(facts.org, lang, 'full'),
    periodText: say(t.period, {
      from: startsAtDawn ? '—' : w.date(facts.period.from),
      to: w.date(facts.period.to),
    }),
    sections,
    signature: say(t.signature, { date: w.date(generatedOn) }),
    findingLabels: {
      rule: t.conclusions.rule,
      finding: t.conclusions.finding,
      recommendation: t.conclusions.recommendation,
      threshold: t.conclusions.threshold,
      evidence: t.conclusions.evidence,
    },
  };
}
