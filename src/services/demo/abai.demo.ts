/**
 * Builds the Abai demo region from the seed brief, deterministically: the tree with 404 primaries and 25,116
 * members, the channels and individual dated publications whose counts reproduce the brief's figures, media
 * mentions item by item, the manuals, the Executive Committee's decisions, people and app usage.
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { lightFormat as format } from 'date-fns/lightFormat';
import { parseISO } from 'date-fns/parseISO';
import type { PublicationInput } from '../../shared/schemas.js';
import { DEFAULT_TIME_ZONE } from '../../shared/vocabulary.js';
import { type Context, inTransaction } from '../context.js';
import { createOrganization, findOrganization, type Organization } from '../org.service.js';
import { reclassifyPublications } from '../analysis.service.js';
import { addPublication } from '../publication.service.js';
import {
  addAppUsage,
  addAudienceSnapshot,
  addChannel,
  addDecision,
  addEvent,
  addMaterial,
  addMediaMention,
  addMembershipSnapshot,
  addOutlet,
  addPerson,
  addPressSubscription,
  addTarget,
} from '../records.service.js';
import {
  BRANCH_CHANNELS,
  EVENTS,
  MENTION_TITLES,
  BRIEF_AS_OF,
  branchCode,
  DECISIONS,
  FACEBOOK_2023,
  FACEBOOK_2024,
  MANUALS,
  MEMBERS_AS_OF,
  MEMBERS_TOTAL,
  MENTIONS,
  OUTLETS,
  PRIMARIES_PER_BRANCH,
  PRIMARIES_TOTAL,
  REGION_CODE,
  REGION_FACEBOOK,
  SECTOR_WEBSITE,
  type SubjectKey,
  UNION_CODE,
} from './abai.facts.js';
import {
  BRANCH_PLACES,
  type Bilingual,
  type BranchKey,
  type BranchPlace,
  type NameForms,
  PERSON_NAMES,
  REGION_NAME,
  REGION_NAME_EN,
  UNION_NAME,
  UNION_NAME_EN,
} from './abai.places.js';
import { type PrimaryKind, primaryName } from './abai.primaries.js';
import {
  BRANCH_POSTS,
  LEGAL_POSTS,
  type PostTemplate,
  REGION_POSTS,
  SECTOR_NEWS,
  SECTOR_OWN_POSTS,
  WEBSITE_POSTS,
} from './abai.texts.js';
import { Random } from './random.js';
import { deleteSubtree } from '../../storage/repositories/org.repository.js';
import { deleteByCodes } from '../../storage/repositories/records.repository.js';

export const DEMO_SEED = 20_240_901;

/** Share of the regional page's own-subject materials that are reposts of the sector union's news. */
const REPOST_SHARE = 0.75;

interface Subject {
  org: Organization;
  name: Bilingual<NameForms>;
  place: Bilingual;
}

/** Posts tied to a season, by what their title or text says, and the months they belong to. */
const SEASONS: readonly { pattern: RegExp; months: readonly number[] }[] = [
  { pattern: /новогод|нов(ым|ого) год|жаңа жыл/i, months: [12, 1] },
  { pattern: /наурыз/i, months: [3] },
  { pattern: /8 марта|женск|әйелдер/i, months: [3] },
  { pattern: /дн[еёя]м? учител|дню учител|ұстаздар күн/i, months: [9, 10] },
  { pattern: /дорога в школу|мектепке жол|дн[еёя]м? знаний|білім күн/i, months: [8, 9] },
];

/** A template that suits the date: seasonal posts only in their months. */
function pickTemplate(random: Random, pool: readonly PostTemplate[], date: string): PostTemplate {
  const month = Number(date.slice(5, 7));
  const fits = pool.filter((template) => {
    const season = SEASONS.find((entry) => entry.pattern.test(`${template.title} ${template.text}`));
    return !season || season.months.includes(month);
  });
  return random.pick(fits.length ? fits : pool);
}

/** Fills a template's placeholders in its own language. */
export function fillTemplate(
  template: PostTemplate,
  values: { subject: Subject; date: string; n: number; person: string },
): { title: string; text: string } {
  const lang = template.lang;
  const replacements: Record<string, string> = {
    org: values.subject.name[lang].nom,
    orgGen: values.subject.name[lang].gen,
    place: values.subject.place[lang],
    date: format(parseISO(values.date), 'dd.MM.yyyy'),
    n: String(values.n),
    person: values.person,
  };
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, key: string) => replacements[key] ?? whole);
  return { title: fill(template.title), text: fill(template.text) };
}

/** A local working-hours moment of a date, as an instant with the zone's offset. */
function localInstant(date: string, random: Random): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(
    year,
    month - 1,
    day,
    random.int(9, 18),
    random.int(0, 59),
    0,
    DEFAULT_TIME_ZONE,
  ).toISOString();
}

/** `count` dates spread over [from, to], in order (several may share a day). */
function spreadDates(random: Random, count: number, from: string, to: string): string[] {
  const span = differenceInCalendarDays(parseISO(to), parseISO(from));
  return Array.from({ length: count }, () => random.int(0, span))
    .sort((a, b) => a - b)
    .map((offset) => format(addDays(parseISO(from), offset), 'yyyy-MM-dd'));
}

/** Members per primary, drawn by institution size and scaled so that they add up to the exact total. */
function apportion(weights: readonly number[], totalMembers: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (weight * totalMembers) / sum);
  const result = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest);
  let missing = totalMembers - result.reduce((a, b) => a + b, 0);
  for (const { index } of order) {
    if (missing-- <= 0) break;
    result[index] = (result[index] ?? 0) + 1;
  }
  return result;
}

const MEMBER_RANGE: Readonly<Record<PrimaryKind, [number, number]>> = {
  school: [35, 140],
  gymnasium: [70, 150],
  lyceum: [60, 130],
  kindergarten: [15, 45],
  college: [60, 180],
  special_school: [30, 60],
  extracurricular: [10, 30],
  education_department: [5, 15],
};

/** Institution kinds in proportion: schools and kindergartens above all. */
const KIND_BAG: readonly PrimaryKind[] = [
  ...Array<PrimaryKind>(10).fill('school'),
  ...Array<PrimaryKind>(5).fill('kindergarten'),
  'gymnasium',
  'lyceum',
  'special_school',
  'extracurricular',
];

function placeOf(key: BranchKey): BranchPlace {
  const place = BRANCH_PLACES.find((candidate) => candidate.key === key);
  if (!place) throw new Error(`no place for branch ${key}`);
  return place;
}

interface DemoTree {
  union: Organization;
  region: Organization;
  branches: Map<BranchKey, { org: Organization; place: BranchPlace }>;
  direct: Organization[];
}

async function buildTree(ctx: Context, random: Random) {
  const union = await createOrganization(ctx, {
    code: UNION_CODE,
    kind: 'union',
    nameRu: UNION_NAME.ru.nom,
    nameKk: UNION_NAME.kk.nom,
    shortNameRu: 'Отраслевой профсоюз',
    shortNameKk: 'Салалық кәсіподақ',
    nameEn: UNION_NAME_EN.name,
    shortNameEn: UNION_NAME_EN.short,
  });
  const region = await createOrganization(ctx, {
    code: REGION_CODE,
    kind: 'region',
    parent: union.code,
    nameRu: REGION_NAME.ru.nom,
    nameKk: REGION_NAME.kk.nom,
    shortNameRu: 'Областная организация',
    shortNameKk: 'Облыстық ұйым',
    nameEn: REGION_NAME_EN.name,
    shortNameEn: REGION_NAME_EN.short,
  });
  const branches = new Map<BranchKey, { org: Organization; place: BranchPlace }>();
  const primaries: { code: string; kind: PrimaryKind }[] = [];
  let usedNumbers = new Map<string, number>();
  const addPrimary = async (
    parent: Organization,
    code: string,
    kind: PrimaryKind,
    locality: Bilingual,
    urban: boolean,
  ) => {
    const key = `${kind}|${locality.ru}`;
    const count = (usedNumbers.get(key) ?? 0) + 1;
    usedNumbers.set(key, count);
    // The one education department of a district is named by the district, without a number.
    const number = kind === 'education_department' ? null : urban || count > 1 ? count : null;
    const name = primaryName(kind, locality, number);
    primaries.push({ code, kind });
    return createOrganization(ctx, {
      code,
      kind: 'primary',
      parent: parent.code,
      nameRu: name.ru,
      nameKk: name.kk,
    });
  };
  for (const [order, place] of BRANCH_PLACES.entries()) {
    const org = await createOrganization(ctx, {
      code: branchCode(place.key),
      kind: 'branch',
      parent: region.code,
      nameRu: place.name.ru.nom,
      nameKk: place.name.kk.nom,
      shortNameRu: place.seedLabel,
      nameEn: place.english.name,
      shortNameEn: place.english.short,
      sortOrder: order + 1,
    });
    branches.set(place.key, { org, place });
    usedNumbers = new Map();
    for (let index = 1; index <= PRIMARIES_PER_BRANCH[place.key]; index++) {
      // Half of a district's institutions are in its centre (numbered), the rest in its villages.
      const inCentre = place.key === 'semey' || random.chance(0.35);
      const locality = inCentre ? place.center : random.pick(place.localities.slice(1));
      const kind = index === 1 ? 'education_department' : random.pick(KIND_BAG);
      const code = `${org.code}-${String(index).padStart(3, '0')}`;
      await addPrimary(org, code, kind, kind === 'education_department' ? place.center : locality, inCentre);
    }
  }
  // Regional institutions (colleges above all) report to the region directly.
  const direct: Organization[] = [];
  usedNumbers = new Map();
  for (let index = 1; primaries.length < PRIMARIES_TOTAL; index++) {
    const code = `${REGION_CODE}-${String(index).padStart(3, '0')}`;
    const kind = index % 4 === 0 ? 'special_school' : 'college';
    direct.push(await addPrimary(region, code, kind, placeOf('semey').center, true));
  }
  const weights = primaries.map(({ kind }) => random.int(...MEMBER_RANGE[kind]));
  const members = apportion(weights, MEMBERS_TOTAL);
  for (const [index, primary] of primaries.entries()) {
    const count = members[index] ?? 0;
    // A year earlier membership was a little different: the latest snapshot must win.
    const earlier = Math.max(1, count + random.int(-3, 3));
    await addMembershipSnapshot(ctx, { org: primary.code, asOf: '2023-01-01', members: earlier });
    await addMembershipSnapshot(ctx, {
      org: primary.code,
      asOf: MEMBERS_AS_OF,
      members: count,
      primaries: 1,
    });
  }
  return { union, region, branches, direct };
}

function branchOf(tree: DemoTree, key: BranchKey) {
  const branch = tree.branches.get(key);
  if (!branch) throw new Error(`no branch ${key}`);
  return branch;
}

const sameForms = (name: string): NameForms => ({ nom: name, gen: name });

function subjectOf(tree: DemoTree, key: SubjectKey | 'union', random: Random): Subject {
  const regionCentre = placeOf('semey').center;
  if (key === 'union') return { org: tree.union, name: UNION_NAME, place: { ru: 'Астана', kk: 'Астана' } };
  if (key === 'region') return { org: tree.region, name: REGION_NAME, place: regionCentre };
  if (key === 'direct') {
    const org = random.pick(tree.direct);
    return { org, name: { ru: sameForms(org.nameRu), kk: sameForms(org.nameKk) }, place: regionCentre };
  }
  const branch = branchOf(tree, key);
  return { org: branch.org, name: branch.place.name, place: random.pick(branch.place.localities) };
}

interface PostPlan {
  channel: string;
  externalId: string;
  url: string;
  date: string;
  subject: Subject;
  template: PostTemplate;
  repostOf?: string;
  engagement: PublicationInput['engagement'];
}

async function savePost(ctx: Context, random: Random, plan: PostPlan): Promise<void> {
  const { title, text } = fillTemplate(plan.template, {
    subject: plan.subject,
    date: plan.date,
    n: random.int(5, 60),
    person: random.pick(PERSON_NAMES),
  });
  await addPublication(ctx, {
    channel: plan.channel,
    externalId: plan.externalId,
    url: plan.url,
    publishedAt: localInstant(plan.date, random),
    title,
    text,
    isRepost: plan.repostOf !== undefined,
    ...(plan.repostOf ? { repostSource: plan.repostOf } : {}),
    mediaKind: random.chance(0.8) ? 'photo' : 'text',
    ...(plan.engagement ? { engagement: plan.engagement } : {}),
    subject: plan.subject.org.code,
  });
}

/** The regional page: per year, exactly the seed's split by subject; one legal seminar each year. */
async function buildFacebookPage(ctx: Context, random: Random, tree: DemoTree): Promise<void> {
  await addChannel(ctx, {
    code: REGION_FACEBOOK.code,
    org: REGION_CODE,
    platform: 'facebook',
    name: REGION_FACEBOOK.name,
    url: REGION_FACEBOOK.url,
    createdOn: REGION_FACEBOOK.createdOn,
  });
  for (const snapshot of REGION_FACEBOOK.followers) {
    await addAudienceSnapshot(ctx, { channel: REGION_FACEBOOK.code, ...snapshot });
  }
  const years = [
    {
      split: FACEBOOK_2023,
      from: '2023-05-20',
      to: '2023-12-28',
      legal: LEGAL_POSTS[0],
      legalAfter: '2023-10-12',
    },
    {
      split: FACEBOOK_2024,
      from: '2024-01-10',
      to: '2024-08-30',
      legal: LEGAL_POSTS[1],
      legalAfter: '2024-03-20',
    },
  ];
  let serial = 0;
  for (const year of years) {
    const subjects = random.shuffle(
      Object.entries(year.split).flatMap(([key, count]) =>
        Array<SubjectKey>(count ?? 0).fill(key as SubjectKey),
      ),
    );
    const dates = spreadDates(random, subjects.length, year.from, year.to);
    let legalPlaced = false;
    for (const [index, key] of subjects.entries()) {
      const date = dates[index] ?? year.to;
      serial += 1;
      const externalId = `abai-fb-${serial}`;
      let template = pickTemplate(random, REGION_POSTS, date);
      let repostOf: string | undefined;
      if (key === 'region' && !legalPlaced && date >= year.legalAfter) {
        template = year.legal;
        legalPlaced = true;
      } else if (key === 'region' && random.chance(REPOST_SHARE)) {
        template = pickTemplate(random, SECTOR_NEWS, date);
        repostOf = `${SECTOR_WEBSITE.url}/news/cc-${date}`;
      }
      await savePost(ctx, random, {
        channel: REGION_FACEBOOK.code,
        externalId,
        url: `https://web.facebook.com/100093464882288/posts/${externalId}`,
        date,
        subject: subjectOf(tree, key, random),
        template,
        ...(repostOf ? { repostOf } : {}),
        engagement: {
          reactions: random.int(2, 24),
          comments: random.int(0, 3),
          shares: random.int(0, 4),
          asOf: BRIEF_AS_OF,
        },
      });
    }
  }
}

/** The sector union's website: the region's materials per year, and the union's own news beside them. */
async function buildSectorWebsite(ctx: Context, random: Random, tree: DemoTree): Promise<void> {
  await addChannel(ctx, {
    code: SECTOR_WEBSITE.code,
    org: UNION_CODE,
    platform: 'website',
    name: SECTOR_WEBSITE.name,
    url: SECTOR_WEBSITE.url,
    createdOn: '2015-01-01',
  });
  const branchKeys = [...tree.branches.keys()];
  for (const [yearText, count] of Object.entries(SECTOR_WEBSITE.perYear)) {
    const year = Number(yearText);
    const last = year === 2024 ? '2024-06-28' : `${year}-12-26`;
    const dates = spreadDates(random, count, `${year}-01-12`, last);
    for (const [index, date] of dates.entries()) {
      const key: SubjectKey = random.chance(0.6) ? 'region' : random.pick(branchKeys);
      const externalId = `abai-${year}-${index + 1}`;
      await savePost(ctx, random, {
        channel: SECTOR_WEBSITE.code,
        externalId,
        url: `${SECTOR_WEBSITE.url}/news/${externalId}`,
        date,
        subject: subjectOf(tree, key, random),
        template: pickTemplate(random, WEBSITE_POSTS, date),
        engagement: { views: random.int(60, 700), asOf: BRIEF_AS_OF },
      });
    }
    const own = spreadDates(
      random,
      SECTOR_WEBSITE.ownPerYear,
      `${year}-01-12`,
      year === 2024 ? '2024-08-30' : last,
    );
    for (const [index, date] of own.entries()) {
      const externalId = `cc-${year}-${index + 1}`;
      await savePost(ctx, random, {
        channel: SECTOR_WEBSITE.code,
        externalId,
        url: `${SECTOR_WEBSITE.url}/news/${externalId}`,
        date,
        subject: subjectOf(tree, 'union', random),
        template: pickTemplate(random, SECTOR_OWN_POSTS, date),
        engagement: { views: random.int(300, 2500), asOf: BRIEF_AS_OF },
      });
    }
  }
}

/** The branches' own pages the seed's monitoring found; they post in the autumn after the brief. */
async function buildBranchPages(ctx: Context, random: Random, tree: DemoTree): Promise<void> {
  for (const page of BRANCH_CHANNELS) {
    const branch = branchOf(tree, page.branch);
    const code = `${branch.org.code}-${page.platform}`;
    await addChannel(ctx, {
      code,
      org: branch.org.code,
      platform: page.platform,
      name: branch.place.name.kk.nom,
      url: page.url,
      createdOn: '2024-02-01',
    });
    await addAudienceSnapshot(ctx, { channel: code, asOf: '2024-11-01', followers: random.int(40, 380) });
    const dates = spreadDates(random, random.int(3, 6), '2024-09-05', '2024-11-20');
    for (const [index, date] of dates.entries()) {
      const externalId = `${code}-${index + 1}`;
      await savePost(ctx, random, {
        channel: code,
        externalId,
        url: `${page.url.replace(/\/$/, '')}#${externalId}`,
        date,
        subject: subjectOf(tree, page.branch, random),
        template: pickTemplate(random, BRANCH_POSTS, date),
        engagement: { reactions: random.int(3, 40), comments: random.int(0, 5), asOf: '2024-11-25' },
      });
    }
  }
  // The sector union's mobile app: low use in the region is measured by app-usage snapshots below.
  await addChannel(ctx, {
    code: 'bilim-kasipodagy-app',
    org: UNION_CODE,
    platform: 'mobile_app',
    name: 'Bilim kasipodagy',
    createdOn: '2021-01-15',
  });
}

async function buildPeople(ctx: Context, random: Random, tree: DemoTree): Promise<number> {
  const names = random.shuffle(PERSON_NAMES);
  let next = 0;
  const nextName = () => names[next++ % names.length] ?? 'Ф.И.О.';
  const chairman = await addPerson(ctx, {
    org: REGION_CODE,
    fullName: nextName(),
    positionRu: 'Председатель областной организации',
    positionKk: 'Облыстық ұйым төрағасы',
    isLeader: true,
  });
  // The seed: information work falls to the chief specialist for organizational work; nobody is responsible for it.
  await addPerson(ctx, {
    org: REGION_CODE,
    fullName: nextName(),
    positionRu: 'Главный специалист по организационной работе',
    positionKk: 'Ұйымдастыру жұмысы жөніндегі бас маман',
  });
  for (const { org } of tree.branches.values()) {
    await addPerson(ctx, {
      org: org.code,
      fullName: nextName(),
      positionRu: 'Председатель',
      positionKk: 'Төраға',
      isLeader: true,
    });
  }
  return chairman;
}

async function buildMedia(ctx: Context, random: Random, chairman: number): Promise<void> {
  for (const outlet of OUTLETS) {
    await addOutlet(ctx, {
      code: outlet.code,
      name: outlet.name,
      level: outlet.level,
      language: outlet.language,
      ...(outlet.code === 'beskaragai-tynysy' ? { org: branchCode('beskaragai') } : {}),
    });
  }
  const languageOf = new Map(OUTLETS.map((outlet) => [outlet.code, outlet.language]));
  for (const [yearText, perOutlet] of Object.entries(MENTIONS)) {
    const year = Number(yearText);
    for (const [outlet, count] of Object.entries(perOutlet)) {
      const dates = spreadDates(
        random,
        count,
        `${year}-01-20`,
        year === 2024 ? '2024-08-25' : `${year}-12-20`,
      );
      for (const date of dates) {
        // 2024: the chairman and branch heads spoke in local media themselves.
        const interview = year === 2024 && outlet !== 'beskaragai-tynysy';
        await addMediaMention(ctx, {
          org: outlet === 'beskaragai-tynysy' ? branchCode('beskaragai') : REGION_CODE,
          outlet,
          publishedOn: date,
          title: random.pick(MENTION_TITLES[languageOf.get(outlet) ?? 'kk']),
          kind: interview ? 'interview' : 'article',
          ...(interview ? { personId: chairman } : {}),
        });
      }
    }
  }
  for (const year of [2021, 2022, 2023, 2024]) {
    for (const [key, primaries] of Object.entries(PRIMARIES_PER_BRANCH)) {
      await addPressSubscription(ctx, {
        org: branchCode(key as BranchKey),
        outlet: 'kazakhstan-kasipodagy',
        year,
        copies: primaries,
      });
    }
  }
}

async function buildActivities(ctx: Context, random: Random, tree: DemoTree): Promise<void> {
  for (const manual of MANUALS) {
    await addMaterial(ctx, {
      org: REGION_CODE,
      kind: 'manual',
      language: 'ru',
      copies: random.int(50, 150),
      ...manual,
    });
  }
  for (const event of EVENTS) await addEvent(ctx, { org: REGION_CODE, ...event });
  for (const decision of DECISIONS) {
    await addDecision(ctx, {
      org: REGION_CODE,
      body: 'executive_committee',
      number: decision.number,
      adoptedOn: decision.adoptedOn,
      titleRu: decision.titleRu,
      titleKk: decision.titleKk,
      tasks: decision.tasks.map((task) => ({ ...task, responsibleOrg: REGION_CODE })),
    });
  }
  // The app is little used: a few dozen registered members per branch against thousands of members.
  for (const { org } of tree.branches.values()) {
    let registered = random.int(8, 40);
    for (const asOf of ['2023-09-01', BRIEF_AS_OF]) {
      await addAppUsage(ctx, { org: org.code, asOf, registered, active: Math.round(registered * 0.4) });
      registered += random.int(5, 30);
    }
  }
  for (const [metric, value] of [
    ['publications', 100],
    ['followers', 1000],
    ['app_registered', 2500],
  ] as const) {
    await addTarget(ctx, { org: REGION_CODE, metric, year: 2024, value });
  }
}

export interface DemoResult {
  /** False when the demo data was already there and nothing was changed. */
  built: boolean;
}

/**
 * Builds the Abai demo in one transaction. Present already: changes nothing, unless `reset` asks to delete it
 * (the sector union's subtree with everything attached, and the demo's outlets) and build it again.
 */
export async function buildAbaiDemo(
  ctx: Context,
  options: { reset?: boolean; seed?: number } = {},
): Promise<DemoResult> {
  return inTransaction(ctx, async (tx) => {
    const existing = await findOrganization(tx, UNION_CODE);
    if (existing && !options.reset) return { built: false };
    if (existing) {
      await deleteSubtree(tx.db.kysely, existing.id);
      await deleteByCodes(
        tx.db.kysely,
        'outlet',
        OUTLETS.map((outlet) => outlet.code),
      );
    }
    const random = new Random(options.seed ?? DEMO_SEED);
    const tree = await buildTree(tx, random);
    await buildFacebookPage(tx, random, tree);
    await buildSectorWebsite(tx, random, tree);
    await buildBranchPages(tx, random, tree);
    const chairman = await buildPeople(tx, random, tree);
    await buildMedia(tx, random, chairman);
    await buildActivities(tx, random, tree);
    // Topics, concreteness and language come from the analysis, as for any import; reposts keep their source marks.
    await reclassifyPublications(tx, { org: UNION_CODE });
    return { built: true };
  });
}
