/**
 * The national demo: the whole sector union at scale, for the benchmark and for trying the product on a country
 * (20 regions, 200 branches, 10,000 primaries, 500,000 members, 2,000 channels with daily followers for three
 * years, 1,000,000 publications, 50,000 media mentions), deterministically from a seed. It lives under a root of
 * its own, so that the Abai demo and this one are built and reset independently. Rows are generated in memory and
 * written in multi-row batches (bulk.repository.ts) inside one transaction: all of it is stored, or none. The kept
 * roll-ups are filled once at the end on PostgreSQL (rollup.repository.ts), not per batch.
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { lightFormat as format } from 'date-fns/lightFormat';
import { parseISO } from 'date-fns/parseISO';
import { DEFAULT_TIME_ZONE, type Platform } from '../../shared/vocabulary.js';
import { deleteSubtree } from '../../storage/repositories/org.repository.js';
import type { Organization } from '../../storage/repositories/org.repository.js';
import {
  deleteOutletsByPrefix,
  idsByCode,
  insertRows,
  insertTree,
  type TreeNode,
} from '../../storage/repositories/bulk.repository.js';
import { fillHeldRollups, holdRollups } from '../../storage/repositories/rollup.repository.js';
import { toJson } from '../../storage/rows.js';
import { type Context, inTransaction } from '../context.js';
import { findOrganization } from '../org.service.js';
import { type DemoResult, fillTemplate } from './abai.demo.js';
import { MENTION_TITLES } from './abai.facts.js';
import {
  BRANCH_PLACES,
  type Bilingual,
  type BranchPlace,
  type NameForms,
  PERSON_NAMES,
  UNION_NAME_EN,
} from './abai.places.js';
import { PRIMARY_KINDS, type PrimaryKind, primaryName } from './abai.primaries.js';
import { BRANCH_POSTS, type PostTemplate, REGION_POSTS, SECTOR_NEWS, WEBSITE_POSTS } from './abai.texts.js';
import { regionName, regionNameEn } from './national.places.js';
import { Random } from './random.js';

const NATIONAL_SEED = 20_261_126;
/** Every code of the national demo starts with it: organizations, channels, outlets. */
const NATIONAL_PREFIX = 'nat-';
export const NATIONAL_ROOT = `${NATIONAL_PREFIX}union`;
/** The last day of the generated history; snapshots and publications run up to it. */
const NATIONAL_LAST_DAY = '2024-08-31';

export interface NationalSize {
  regions: number;
  branchesPerRegion: number;
  primariesPerBranch: number;
  members: number;
  channels: number;
  /** Days of follower snapshots and publications, ending on NATIONAL_LAST_DAY. */
  days: number;
  publications: number;
  mentions: number;
}

export const NATIONAL_SIZE: NationalSize = {
  regions: 20,
  branchesPerRegion: 10,
  primariesPerBranch: 50,
  members: 500_000,
  channels: 2_000,
  days: 1_096,
  publications: 1_000_000,
  mentions: 50_000,
};

export type Progress = (stage: NationalStage, done: number, total: number) => void;
export type NationalStage = 'tree' | 'channels' | 'followers' | 'publications' | 'mentions';

const NOW = '2024-09-01T00:00:00.000Z';
/** Rows generated and written per batch: bounded memory, a progress step each. */
const BATCH = 20_000;

interface Node {
  org: Organization;
  level: 'region' | 'branch' | 'primary';
  region: number;
  name: Bilingual<NameForms>;
  places: readonly Bilingual[];
  /** Organizations a page of this one may write about: itself and those under it. */
  subjects: Node[];
}

const sameForms = (name: string): NameForms => ({ nom: name, gen: name });
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Members per primary, proportional to drawn weights and adding up to the exact total. */
function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const result = weights.map((weight) => Math.floor((weight * total) / sum));
  let missing = total - result.reduce((a, b) => a + b, 0);
  for (let index = 0; missing > 0; index = (index + 1) % result.length, missing--) {
    result[index] = (result[index] ?? 0) + 1;
  }
  return result;
}

function treeOf(random: Random, size: NationalSize) {
  const nodes: TreeNode[] = [];
  const meta: {
    code: string;
    level: Node['level'];
    region: number;
    name: Bilingual<NameForms>;
    nameEn: string | null;
    places: readonly Bilingual[];
    parent: string | null;
  }[] = [];
  const add = (
    node: TreeNode,
    level: Node['level'] | 'union',
    region: number,
    name: Bilingual<NameForms>,
    places: readonly Bilingual[],
  ) => {
    nodes.push(node);
    if (level !== 'union')
      meta.push({
        code: node.code,
        level,
        region,
        name,
        nameEn: node.nameEn ?? null,
        places,
        parent: node.parentCode,
      });
  };
  add(
    {
      code: NATIONAL_ROOT,
      kind: 'union',
      parentCode: null,
      nameRu: 'Казахстанский отраслевой профсоюз работников образования и науки (национальная демонстрация)',
      nameKk: 'Білім және ғылым қызметкерлерінің салалық кәсіподағы (ұлттық демонстрация)',
      nameEn: `${UNION_NAME_EN.name} (national demo)`,
      timeZone: DEFAULT_TIME_ZONE,
      createdAt: NOW,
    },
    'union',
    0,
    { ru: sameForms(''), kk: sameForms('') },
    [],
  );
  for (let r = 0; r < size.regions; r++) {
    const regionCode = `${NATIONAL_PREFIX}r${pad(r + 1, 2)}`;
    const name = regionName(r);
    const firstPlace = BRANCH_PLACES[r % BRANCH_PLACES.length] as BranchPlace;
    add(
      {
        code: regionCode,
        kind: 'region',
        parentCode: NATIONAL_ROOT,
        nameRu: name.ru.nom,
        nameKk: name.kk.nom,
        nameEn: regionNameEn(r),
        timeZone: DEFAULT_TIME_ZONE,
        sortOrder: r + 1,
        createdAt: NOW,
      },
      'region',
      r,
      name,
      [firstPlace.center],
    );
    for (let b = 0; b < size.branchesPerRegion; b++) {
      const place = BRANCH_PLACES[(r + b) % BRANCH_PLACES.length] as BranchPlace;
      const branchCode = `${regionCode}-b${pad(b + 1, 2)}`;
      add(
        {
          code: branchCode,
          kind: 'branch',
          parentCode: regionCode,
          nameRu: place.name.ru.nom,
          nameKk: place.name.kk.nom,
          nameEn: place.english.name,
          timeZone: DEFAULT_TIME_ZONE,
          sortOrder: b + 1,
          createdAt: NOW,
        },
        'branch',
        r,
        place.name,
        place.localities,
      );
      const numbers = new Map<string, number>();
      for (let p = 0; p < size.primariesPerBranch; p++) {
        const kind: PrimaryKind = p === 0 ? 'education_department' : random.pick(PRIMARY_KINDS.slice(0, 7));
        const locality = kind === 'education_department' ? place.center : random.pick(place.localities);
        const key = `${kind}|${locality.ru}`;
        const number = (numbers.get(key) ?? 0) + 1;
        numbers.set(key, number);
        const primary = primaryName(kind, locality, kind === 'education_department' ? null : number);
        add(
          {
            code: `${branchCode}-p${pad(p + 1, 3)}`,
            kind: 'primary',
            parentCode: branchCode,
            nameRu: primary.ru,
            nameKk: primary.kk,
            timeZone: DEFAULT_TIME_ZONE,
            createdAt: NOW,
          },
          'primary',
          r,
          { ru: sameForms(primary.ru), kk: sameForms(primary.kk) },
          [locality],
        );
      }
    }
  }
  return { nodes, meta };
}

function linkNodes(meta: ReturnType<typeof treeOf>['meta'], ids: ReadonlyMap<string, number>): Node[] {
  const byCode = new Map<string, Node>();
  const parentOf = new Map<string, Node>();
  const result: Node[] = [];
  for (const item of meta) {
    const id = ids.get(item.code);
    if (id === undefined) throw new Error(`organization ${item.code} was not stored`);
    const parent = item.parent === null ? undefined : byCode.get(item.parent);
    const org: Organization = {
      id,
      code: item.code,
      kind: item.level,
      parentId: parent?.org.id ?? null,
      nameRu: item.name.ru.nom,
      nameKk: item.name.kk.nom,
      shortNameRu: null,
      shortNameKk: null,
      nameEn: item.nameEn,
      shortNameEn: null,
      timeZone: DEFAULT_TIME_ZONE,
      sortOrder: 0,
    };
    const node: Node = {
      org,
      level: item.level,
      region: item.region,
      name: item.name,
      places: item.places,
      subjects: [],
    };
    node.subjects.push(node);
    // A region's page writes about its branches and primaries, a branch's about its primaries.
    for (let above = parent; above; above = parentOf.get(above.org.code)) above.subjects.push(node);
    if (parent) parentOf.set(item.code, parent);
    byCode.set(item.code, node);
    result.push(node);
  }
  return result;
}

interface ChannelPlan {
  code: string;
  owner: Node;
  platform: Platform;
  weight: number;
  base: number;
}

const PLATFORM_DOMAIN: Partial<Record<Platform, string>> = {
  website: 'https://edu-union.kz',
  facebook: 'https://www.facebook.com',
  instagram: 'https://www.instagram.com',
  telegram: 'https://t.me',
};

function channelsOf(random: Random, nodes: readonly Node[], count: number): ChannelPlan[] {
  const plans: ChannelPlan[] = [];
  const plan = (owner: Node, platform: Platform, weight: number, base: [number, number]) =>
    plans.push({ code: `${owner.org.code}-${platform}`, owner, platform, weight, base: random.int(...base) });
  for (const node of nodes.filter((n) => n.level === 'region')) {
    for (const platform of ['website', 'facebook', 'instagram', 'telegram'] as const)
      plan(node, platform, 8, [2_000, 20_000]);
  }
  for (const node of nodes.filter((n) => n.level === 'branch')) {
    plan(node, 'facebook', 3, [200, 3_000]);
    plan(node, random.chance(0.5) ? 'telegram' : 'instagram', 3, [200, 3_000]);
  }
  const primaries = random.shuffle(nodes.filter((n) => n.level === 'primary'));
  for (const node of primaries) {
    if (plans.length >= count) break;
    plan(node, random.pick(['facebook', 'instagram', 'telegram'] as const), 1, [30, 800]);
  }
  return plans.slice(0, count);
}

/** UTC offset in minutes of each local date (Asia/Almaty changed it in 2024): one zone lookup per day, not per row. */
function offsetsOf(dates: readonly string[]): Map<string, number> {
  return new Map(
    dates.map((date) => {
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      return [date, -new TZDate(year, month - 1, day, 12, 0, 0, DEFAULT_TIME_ZONE).getTimezoneOffset()];
    }),
  );
}

function instantOf(date: string, offsets: ReadonlyMap<string, number>, hour: number, minute: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(
    Date.UTC(year, month - 1, day, hour, minute) - (offsets.get(date) ?? 0) * 60_000,
  ).toISOString();
}

/** Picks a channel in proportion to its weight: a binary search over the cumulative weights. */
function weightedPicker(random: Random, plans: readonly ChannelPlan[]): () => ChannelPlan {
  const cumulative: number[] = [];
  let sum = 0;
  for (const plan of plans) cumulative.push((sum += plan.weight));
  return () => {
    const target = random.int(1, sum);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return plans[low] as ChannelPlan;
  };
}

function poolOf(channel: ChannelPlan): readonly PostTemplate[] {
  if (channel.platform === 'website') return WEBSITE_POSTS;
  return channel.owner.level === 'region' ? REGION_POSTS : BRANCH_POSTS;
}

async function buildPublications(
  tx: Context,
  random: Random,
  size: NationalSize,
  dates: readonly string[],
  channels: readonly ChannelPlan[],
  channelIds: ReadonlyMap<string, number>,
  progress: Progress,
): Promise<void> {
  const offsets = offsetsOf(dates);
  const pick = weightedPicker(random, channels);
  const serials = new Map<string, number>();
  progress('publications', 0, size.publications);
  for (let start = 0; start < size.publications; start += BATCH) {
    const rows = [];
    for (let index = start; index < Math.min(size.publications, start + BATCH); index++) {
      const channel = pick();
      const date = dates[random.int(0, dates.length - 1)] as string;
      const subjectNode = random.chance(0.4) ? random.pick(channel.owner.subjects) : channel.owner;
      const repost = channel.owner.level === 'region' && channel.platform !== 'website' && random.chance(0.2);
      const template = random.pick(repost ? SECTOR_NEWS : poolOf(channel));
      const { title, text } = fillTemplate(template, {
        subject: { org: subjectNode.org, name: subjectNode.name, place: random.pick(subjectNode.places) },
        date,
        n: random.int(5, 60),
        person: random.pick(PERSON_NAMES),
      });
      const serial = (serials.get(channel.code) ?? 0) + 1;
      serials.set(channel.code, serial);
      const social = channel.platform === 'facebook' || channel.platform === 'instagram';
      rows.push({
        channelId: channelIds.get(channel.code) ?? 0,
        externalId: String(serial),
        url: `${PLATFORM_DOMAIN[channel.platform] ?? ''}/${channel.code}/${serial}`,
        publishedAt: instantOf(date, offsets, random.int(8, 20), random.int(0, 59)),
        localDate: date,
        title: channel.platform === 'website' ? title : null,
        text: channel.platform === 'website' ? text : `${title}. ${text}`,
        language: template.lang,
        isRepost: repost,
        repostSource: repost ? `${PLATFORM_DOMAIN.website}/news/${date}` : null,
        mediaKind: random.chance(0.8) ? 'photo' : 'text',
        views: social ? null : random.int(50, 5_000),
        reactions: random.int(0, 60),
        comments: random.int(0, 8),
        shares: social ? random.int(0, 10) : null,
        engagementAsOf: NATIONAL_LAST_DAY,
        subjectOrgId: subjectNode.org.id,
        subjectManual: false,
        primaryTopic: template.topic,
        topics: toJson([{ topic: template.topic, score: 1 }]),
        concreteness: template.declarative ? 0.2 : 0.7,
        declarative: template.declarative,
        createdAt: NOW,
        updatedAt: NOW,
      });
    }
    await insertRows(tx.db.kysely, 'publication', rows);
    progress('publications', start + rows.length, size.publications);
  }
}

async function buildMentions(
  tx: Context,
  random: Random,
  size: NationalSize,
  nodes: readonly Node[],
  dates: readonly string[],
  progress: Progress,
) {
  const outlets: {
    code: string;
    name: string;
    level: 'republican' | 'regional' | 'district';
    kind: 'newspaper' | 'online';
    language: 'ru' | 'kk';
    owner: Node | null;
  }[] = [
    {
      code: `${NATIONAL_PREFIX}kasipodak`,
      name: 'Қазақстан кәсіподағы',
      level: 'republican',
      kind: 'newspaper',
      language: 'kk',
      owner: null,
    },
    {
      code: `${NATIONAL_PREFIX}uchitel`,
      name: 'Учитель Казахстана',
      level: 'republican',
      kind: 'newspaper',
      language: 'ru',
      owner: null,
    },
  ];
  const writers = nodes.filter((node) => node.level !== 'primary');
  for (const node of writers) {
    const place = node.places[0] ?? { ru: '', kk: '' };
    if (node.level === 'region') {
      outlets.push({
        code: `${node.org.code}-news-kk`,
        name: `${place.kk} таңы`,
        level: 'regional',
        kind: 'newspaper',
        language: 'kk',
        owner: node,
      });
      outlets.push({
        code: `${node.org.code}-news-ru`,
        name: `${place.ru}: вести`,
        level: 'regional',
        kind: 'online',
        language: 'ru',
        owner: node,
      });
    } else {
      outlets.push({
        code: `${node.org.code}-news`,
        name: `${place.kk} тынысы`,
        level: 'district',
        kind: 'newspaper',
        language: 'kk',
        owner: node,
      });
    }
  }
  await insertRows(
    tx.db.kysely,
    'outlet',
    outlets.map((outlet) => ({
      code: outlet.code,
      name: outlet.name,
      level: outlet.level,
      kind: outlet.kind,
      language: outlet.language,
      orgId: outlet.owner?.org.id ?? null,
    })),
  );
  const outletIds = await idsByCode(tx.db.kysely, 'outlet', NATIONAL_PREFIX);
  const ownOutlets = new Map<number, typeof outlets>();
  for (const outlet of outlets) {
    if (outlet.owner)
      ownOutlets.set(outlet.owner.org.id, [...(ownOutlets.get(outlet.owner.org.id) ?? []), outlet]);
  }
  const national = outlets.filter((outlet) => outlet.owner === null);
  progress('mentions', 0, size.mentions);
  for (let start = 0; start < size.mentions; start += BATCH) {
    const rows = [];
    for (let index = start; index < Math.min(size.mentions, start + BATCH); index++) {
      const node = random.pick(writers);
      const outlet = random.pick(random.chance(0.3) ? national : (ownOutlets.get(node.org.id) ?? national));
      rows.push({
        orgId: node.org.id,
        outletId: outletIds.get(outlet.code) ?? 0,
        publishedOn: dates[random.int(0, dates.length - 1)] as string,
        title: random.pick(MENTION_TITLES[outlet.language]),
        kind: random.pick(['article', 'interview', 'news'] as const),
        personId: null,
        url: null,
      });
    }
    await insertRows(tx.db.kysely, 'mediaMention', rows);
    progress('mentions', start + rows.length, size.mentions);
  }
}

/**
 * Builds the national demo in one transaction. Present already: changes nothing, unless `reset` asks to delete
 * it (the national root's subtree with everything attached, and the national outlets) and build it again.
 */
export async function buildNationalDemo(
  ctx: Context,
  options: { reset?: boolean; seed?: number; size?: NationalSize; progress?: Progress } = {},
): Promise<DemoResult> {
  const size = options.size ?? NATIONAL_SIZE;
  const progress = options.progress ?? (() => undefined);
  return inTransaction(ctx, async (tx) => {
    const existing = await findOrganization(tx, NATIONAL_ROOT);
    if (existing && !options.reset) return { built: false };
    if (existing) {
      await deleteSubtree(tx.db.kysely, existing.id);
      await deleteOutletsByPrefix(tx.db.kysely, NATIONAL_PREFIX);
    }
    await holdRollups(tx.db.kysely);
    const random = new Random(options.seed ?? NATIONAL_SEED);
    const { nodes: treeNodes, meta } = treeOf(random, size);
    progress('tree', 0, treeNodes.length);
    const ids = await insertTree(tx.db.kysely, treeNodes);
    const nodes = linkNodes(meta, ids);
    const primaries = nodes.filter((node) => node.level === 'primary');
    const members = apportion(
      primaries.map(() => random.int(10, 90)),
      size.members,
    );
    await insertRows(
      tx.db.kysely,
      'membershipSnapshot',
      primaries.map((node, index) => ({
        orgId: node.org.id,
        asOf: '2024-01-01',
        members: members[index] ?? 0,
        primaries: 1,
        source: 'demo',
      })),
    );
    progress('tree', treeNodes.length, treeNodes.length);

    const channels = channelsOf(random, nodes, size.channels);
    await insertRows(
      tx.db.kysely,
      'channel',
      channels.map((plan) => ({
        code: plan.code,
        orgId: plan.owner.org.id,
        platform: plan.platform,
        name: plan.owner.name.kk.nom,
        url: `${PLATFORM_DOMAIN[plan.platform] ?? ''}/${plan.code}`,
        handle: plan.platform === 'website' ? null : plan.code,
        isOfficial: true,
        createdOn: '2020-01-15',
      })),
    );
    const channelIds = await idsByCode(tx.db.kysely, 'channel', NATIONAL_PREFIX);
    progress('channels', channels.length, channels.length);

    const last = parseISO(NATIONAL_LAST_DAY);
    const dates = Array.from({ length: size.days }, (_, day) =>
      format(addDays(last, day - size.days + 1), 'yyyy-MM-dd'),
    );
    // Followers grow from 60 % to 100 % of the channel's size over the period, with day-to-day noise. Whole
    // channels' snapshots up to BATCH rows a statement: one per channel made 2,000 statements of 1,096 rows.
    const channelsPerBatch = Math.max(1, Math.floor(BATCH / size.days));
    progress('followers', 0, channels.length);
    for (let first = 0; first < channels.length; first += channelsPerBatch) {
      const batch = channels.slice(first, first + channelsPerBatch);
      await insertRows(
        tx.db.kysely,
        'audienceSnapshot',
        batch.flatMap((plan) =>
          dates.map((asOf, day) => ({
            channelId: channelIds.get(plan.code) ?? 0,
            asOf,
            followers: Math.round(plan.base * (0.6 + (0.4 * day) / size.days)) + random.int(0, 5),
            source: 'demo',
          })),
        ),
      );
      progress('followers', first + batch.length, channels.length);
    }
    await buildPublications(tx, random, size, dates, channels, channelIds, progress);
    await buildMentions(tx, random, size, nodes, dates, progress);
    await fillHeldRollups(tx.db.kysely, ids.get(NATIONAL_ROOT) ?? 0);
    return { built: true };
  });
}
