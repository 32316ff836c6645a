/**
 * The benchmark's workloads, each beside its raw baseline: what the product does through its services and
 * repositories, and one hand-written SQL statement (or the plainest code) computing the same answer. Both return
 * a digest of their answer, so that the smoke test (test/bench/) can prove they agree before any timing is read.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { tokenize } from '../src/analysis/tokens.js';
import { classify } from '../src/analysis/classify.js';
import { WHOLE_TREE } from '../src/domain/scope.js';
import { periodBetween } from '../src/domain/period.js';
import { presenceMatrix } from '../src/domain/presence.measure.js';
import { answerChecker } from '../src/http/api-document.js';
import { renderBrief } from '../src/services/brief.service.js';
import type { Context } from '../src/services/context.js';
import { getOrganization } from '../src/services/org.service.js';
import { searchPublications } from '../src/services/publication.service.js';
import { organizationFigures } from '../src/services/stats.service.js';
import { type PublicationPage, publicationPageAnswer } from '../src/shared/dashboard.js';
import { listPresenceChannels } from '../src/storage/repositories/brief.repository.js';
import { countPublications } from '../src/storage/repositories/publication.repository.js';
import type { Check, Unit } from './figures.js';
import type { Scale } from './scale.js';

/** The national demo's history: three years to its last day. */
export const PERIOD = periodBetween('2021-09-01', '2024-08-31');
export const AS_OF = PERIOD.to;
/** The brief's and the HTTP dashboard's period: the last year of the history. */
export const BRIEF_PERIOD = { from: '2023-09-01', to: '2024-08-31' };
const ACTIVE_DAYS = 90;

/** What both sides of a workload answered, reduced to numbers that must be equal. */
export type Digest = Readonly<Record<string, number>>;

export interface Target {
  text: string;
  check: Check;
}

export interface Workload {
  name: string;
  /** What the figure is: milliseconds per call, or items per second for throughput workloads. */
  unit: Extract<Unit, 'ms' | 'items/s'>;
  target: Target;
  /** Runs the product's path; with `items`, the throughput is items ÷ seconds. */
  run(ctx: Context): Promise<{ digest: Digest; items?: number }>;
  baseline?(ctx: Context): Promise<{ digest: Digest; items?: number }>;
}

const DASHBOARD_TARGET: Target = {
  text: 'p95 ≤ 20 ms; ≤ 2× baseline',
  check: (product, ratio) => product.p95 <= 20 && ratio !== null && ratio <= 2,
};

const raw = (ctx: Context) => ctx.db.kysely.withoutPlugins();

async function rootId(ctx: Context, code: string): Promise<number> {
  return (await getOrganization(ctx, code)).id;
}

/** One count of the breakdown: publications of the root itself or of a child's subtree, per platform and month. */
interface CountRow {
  org: number;
  platform: string;
  month: string;
  count: number;
}

/** How many rows, their total, and a checksum of every row's key and count: equal only for the same breakdown. */
function countsDigest(rows: readonly CountRow[]): Digest {
  const lines = rows.map((row) => `${row.org}|${row.platform}|${row.month}|${row.count}`).sort();
  const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
  return {
    rows: rows.length,
    publications: rows.reduce((sum, row) => sum + row.count, 0),
    checksum: Number.parseInt(hash.slice(0, 12), 16),
  };
}

/**
 * The dashboard's breakdown of publications over the period: the root's own and each child's subtree's, per
 * platform × month (`countPublications` with no channel filter, read from the monthly roll-up).
 */
function countsWorkload(label: string, code: string): Workload {
  return {
    name: `counts ${label}`,
    unit: 'ms',
    target: DASHBOARD_TARGET,
    async run(ctx) {
      const rows = await countPublications(ctx.db.kysely, ctx.db.dialect, WHOLE_TREE, {
        rootId: await rootId(ctx, code),
        period: PERIOD,
      });
      // Digested when read, not when timed: the time is the product's, not the checksum's.
      return {
        get digest() {
          return countsDigest(rows.map(({ subjectOrgId, ...row }) => ({ org: subjectOrgId, ...row })));
        },
      };
    },
    async baseline(ctx) {
      // Each publication counts once: at the root when it is the root's own (depth 0), else at the child above it.
      const month = ctx.db.dialect.monthOf('p.local_date');
      const { rows } = await sql<{ org: number; platform: string; month: string; n: number | string }>`
        with root as (select id from organization where code = ${code})
        select c.ancestor_id as org, ch.platform, ${month} as month, count(*) as n
        from org_closure c
        join publication p on p.subject_org_id = c.descendant_id
        join channel ch on ch.id = p.channel_id
        where c.ancestor_id in (select o.id from organization o, root where o.id = root.id or o.parent_id = root.id)
          and (c.ancestor_id <> (select id from root) or c.depth = 0)
          and p.local_date >= ${PERIOD.from} and p.local_date <= ${PERIOD.to}
        group by c.ancestor_id, ch.platform, ${month}`.execute(raw(ctx));
      return {
        get digest() {
          return countsDigest(
            rows.map((row) => ({
              org: Number(row.org),
              platform: row.platform,
              month: row.month,
              count: Number(row.n),
            })),
          );
        },
      };
    },
  };
}

function reachWorkload(label: string, code: string): Workload {
  return {
    name: `reach ${label}`,
    unit: 'ms',
    target: DASHBOARD_TARGET,
    async run(ctx) {
      const figures = await organizationFigures(ctx, code, AS_OF);
      return {
        digest: {
          members: figures.members ?? 0,
          channels: figures.channels.length,
          followers: figures.channels.reduce((sum, channel) => sum + (channel.followers ?? 0), 0),
        },
      };
    },
    async baseline(ctx) {
      const db = raw(ctx);
      const subtree = sql`(select c.descendant_id from org_closure c join organization o on o.id = c.ancestor_id where o.code = ${code})`;
      // Every organization of the demo has at most one snapshot per date; the latest on or before AS_OF counts.
      const members = await sql<{ n: number | string | null }>`
        select sum(m.members) as n from membership_snapshot m
        where m.org_id in ${subtree} and m.as_of = (
          select max(x.as_of) from membership_snapshot x where x.org_id = m.org_id and x.as_of <= ${AS_OF})`.execute(
        db,
      );
      const followers = await sql<{ channels: number | string; n: number | string | null }>`
        select count(*) as channels, sum((select a.followers from audience_snapshot a
          where a.channel_id = ch.id and a.as_of <= ${AS_OF} order by a.as_of desc limit 1)) as n
        from channel ch where ch.org_id in ${subtree}`.execute(db);
      return {
        digest: {
          members: Number(members.rows[0]?.n ?? 0),
          channels: Number(followers.rows[0]?.channels ?? 0),
          followers: Number(followers.rows[0]?.n ?? 0),
        },
      };
    },
  };
}

/** The presence matrix of the organization and its children (the brief's rows), by platform. */
function presenceWorkload(label: string, code: string): Workload {
  const platforms = ['website', 'facebook', 'instagram', 'telegram', 'youtube', 'tiktok'] as const;
  return {
    name: `presence ${label}`,
    unit: 'ms',
    target: DASHBOARD_TARGET,
    async run(ctx) {
      const root = await rootId(ctx, code);
      const children = await ctx.db.kysely
        .selectFrom('organization')
        .select('id')
        .where('parentId', '=', root)
        .execute();
      const orgIds = [root, ...children.map((child) => child.id)];
      const channels = await listPresenceChannels(ctx.db.kysely, WHOLE_TREE, orgIds, AS_OF);
      const rows = presenceMatrix(orgIds, platforms, channels, AS_OF, ACTIVE_DAYS);
      const cells = rows.flatMap((row) => row.cells.flatMap((cell) => cell.channels));
      return { digest: { channels: cells.length, active: cells.filter((cell) => cell.active).length } };
    },
    async baseline(ctx) {
      const since = new Date(Date.parse(`${AS_OF}T00:00:00Z`) - ACTIVE_DAYS * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const { rows } = await sql<{ channels: number | string; active: number | string }>`
        select count(*) as channels, sum(case when last >= ${since} then 1 else 0 end) as active from (
          select ch.id, (select max(p.local_date) from publication p
            where p.channel_id = ch.id and p.local_date <= ${AS_OF}) as last
          from channel ch join organization o on o.id = ch.org_id
          join organization root on root.code = ${code}
          where (o.id = root.id or o.parent_id = root.id) and ch.platform in (${sql.join([...platforms])})
            and (ch.closed_on is null or ch.closed_on > ${AS_OF})) t`.execute(raw(ctx));
      return { digest: { channels: Number(rows[0]?.channels ?? 0), active: Number(rows[0]?.active ?? 0) } };
    },
  };
}

function briefWorkload(label: string, code: string, limitMs: number): Workload {
  return {
    name: `brief ${label}`,
    unit: 'ms',
    target: { text: `${label} ≤ ${limitMs / 1000} s`, check: (product) => product.median <= limitMs },
    async run(ctx) {
      const [file] = await renderBrief(ctx, { org: code, ...BRIEF_PERIOD }, ['ru'], ['docx']);
      const bytes = file?.content.length ?? 0;
      // A DOCX is a ZIP: it starts with "PK".
      const zip = Buffer.isBuffer(file?.content) && file.content.subarray(0, 2).toString() === 'PK' ? 1 : 0;
      return { digest: { docx: zip, nonEmpty: bytes > 0 ? 1 : 0 } };
    },
  };
}

/** Texts of stored publications, the classifier's input. */
async function sampleTexts(ctx: Context, limit: number): Promise<string[]> {
  const rows = await ctx.db.kysely
    .selectFrom('publication')
    .select(['title', 'text'])
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => (row.title ? `${row.title}.\n${row.text ?? ''}` : (row.text ?? '')));
}

function classifyWorkload(limit: number): Workload {
  let texts: string[] | undefined;
  const load = async (ctx: Context) => (texts ??= await sampleTexts(ctx, limit));
  return {
    name: 'classification',
    unit: 'items/s',
    target: { text: '≥ 20,000 posts/s per core', check: (product) => product.median >= 20_000 },
    async run(ctx) {
      const posts = await load(ctx);
      const start = performance.now();
      let labelled = 0;
      for (const text of posts) if (classify(text).primaryTopic) labelled++;
      const seconds = (performance.now() - start) / 1000;
      return { digest: { posts: posts.length, labelled }, items: posts.length / seconds };
    },
    async baseline(ctx) {
      const posts = await load(ctx);
      const start = performance.now();
      let tokenized = 0;
      for (const text of posts) if (tokenize(text).length >= 0) tokenized++;
      const seconds = (performance.now() - start) / 1000;
      return { digest: { posts: posts.length, labelled: tokenized }, items: posts.length / seconds };
    },
  };
}

/**
 * The check of every JSON answer against the API document (http/api-document.ts) on the largest page the API
 * serves, 500 publications: the product's serializer against JSON.stringify alone, on the same page.
 */
function answerCheckWorkload(code: string): Workload {
  let page: PublicationPage | undefined;
  const load = async (ctx: Context) =>
    (page ??= await searchPublications(ctx, { org: code, period: PERIOD, page: 1, pageSize: 500 }));
  const serialize = answerChecker({
    strict: false,
    warn: (fields) => {
      throw new Error(`the publications page has fields its schema does not declare: ${fields.join(', ')}`);
    },
  })({ schema: publicationPageAnswer, method: 'GET', url: '/api/v1/publications', httpStatus: '200' });
  const digest = (json: string) => ({
    bytes: json.length,
    items: (JSON.parse(json) as PublicationPage).items.length,
  });
  return {
    name: 'answer check (500 publications)',
    unit: 'ms',
    // A ratio only: both sides are the same CPU work's kind, so the machine's load moves them alike.
    target: { text: '≤ 4× JSON.stringify', check: (_product, ratio) => ratio !== null && ratio <= 4 },
    async run(ctx) {
      return { digest: digest(serialize(await load(ctx))) };
    },
    async baseline(ctx) {
      return { digest: digest(JSON.stringify(await load(ctx))) };
    },
  };
}

export function workloads(scale: Pick<Scale, 'region' | 'nation' | 'classifyPosts'>): Workload[] {
  return [
    countsWorkload('region', scale.region),
    countsWorkload('nation', scale.nation),
    reachWorkload('region', scale.region),
    reachWorkload('nation', scale.nation),
    presenceWorkload('region', scale.region),
    presenceWorkload('nation', scale.nation),
    briefWorkload('region', scale.region, 500),
    briefWorkload('nation', scale.nation, 5_000),
    classifyWorkload(scale.classifyPosts),
    answerCheckWorkload(scale.region),
  ];
}
