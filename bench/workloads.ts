/**
 * The benchmark's workloads, each beside its raw baseline: what the product does through its services and
 * repositories, and one hand-written SQL statement (or the plainest code) computing the same answer. Both return
 * a digest of their answer, so that the smoke test (test/bench/) can prove they agree before any timing is read.
 */
import { sql } from 'kysely';
import { tokenize } from '../src/analysis/tokens.js';
import { classify } from '../src/analysis/classify.js';
import { WHOLE_TREE } from '../src/domain/scope.js';
import { periodBetween } from '../src/domain/period.js';
import { presenceMatrix } from '../src/domain/presence.measure.js';
import { renderBrief } from '../src/services/brief.service.js';
import type { Context } from '../src/services/context.js';
import { getOrganization } from '../src/services/org.service.js';
import { organizationFigures } from '../src/services/stats.service.js';
import { listPresenceChannels } from '../src/storage/repositories/brief.repository.js';
import { countPublications } from '../src/storage/repositories/publication.repository.js';

/** The national demo's history: three years to its last day. */
export const PERIOD = periodBetween('2021-09-01', '2024-08-31');
export const AS_OF = PERIOD.to;
/** The brief's period: the last year of the history. */
const BRIEF_PERIOD = { from: '2023-09-01', to: '2024-08-31' };
const ACTIVE_DAYS = 90;

/** What both sides of a workload answered, reduced to numbers that must be equal. */
export type Digest = Readonly<Record<string, number>>;

export interface Workload {
  name: string;
  /** What the figure is: milliseconds per call, or items per second for throughput workloads. */
  unit: 'ms' | 'items/s';
  target: string;
  /** Runs the product's path; with `items`, the throughput is items ÷ seconds. */
  run(ctx: Context): Promise<{ digest: Digest; items?: number }>;
  baseline?(ctx: Context): Promise<{ digest: Digest; items?: number }>;
}

const raw = (ctx: Context) => ctx.db.kysely.withoutPlugins();

async function rootId(ctx: Context, code: string): Promise<number> {
  return (await getOrganization(ctx, code)).id;
}

function countsWorkload(label: string, code: string): Workload {
  return {
    name: `counts ${label}`,
    unit: 'ms',
    target: 'p95 ≤ 20 ms; ≤ 2× baseline',
    async run(ctx) {
      const rows = await countPublications(ctx.db.kysely, ctx.db.dialect, WHOLE_TREE, {
        rootId: await rootId(ctx, code),
        period: PERIOD,
      });
      return { digest: { rows: rows.length, publications: rows.reduce((sum, row) => sum + row.count, 0) } };
    },
    async baseline(ctx) {
      const month = ctx.db.dialect.monthOf('p.local_date');
      const { rows } = await sql<{ n: number | string }>`
        select count(*) as n from publication p
        join org_closure c on c.descendant_id = p.subject_org_id
        join channel ch on ch.id = p.channel_id
        where c.ancestor_id = (select id from organization where code = ${code})
          and p.local_date >= ${PERIOD.from} and p.local_date <= ${PERIOD.to}
        group by p.subject_org_id, p.channel_id, ch.platform, ${month}`.execute(raw(ctx));
      return {
        digest: { rows: rows.length, publications: rows.reduce((sum, row) => sum + Number(row.n), 0) },
      };
    },
  };
}

function reachWorkload(label: string, code: string): Workload {
  return {
    name: `reach ${label}`,
    unit: 'ms',
    target: 'p95 ≤ 20 ms; ≤ 2× baseline',
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
    target: 'p95 ≤ 20 ms; ≤ 2× baseline',
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

function briefWorkload(label: string, code: string, target: string): Workload {
  return {
    name: `brief ${label}`,
    unit: 'ms',
    target,
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
    target: '≥ 20,000 posts/s per core',
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

export interface Scale {
  region: string;
  nation: string;
  classifyPosts: number;
}

export function workloads(scale: Scale): Workload[] {
  return [
    countsWorkload('region', scale.region),
    countsWorkload('nation', scale.nation),
    reachWorkload('region', scale.region),
    reachWorkload('nation', scale.nation),
    presenceWorkload('region', scale.region),
    presenceWorkload('nation', scale.nation),
    briefWorkload('region', scale.region, 'region ≤ 0.5 s'),
    briefWorkload('nation', scale.nation, 'nation ≤ 5 s'),
    classifyWorkload(scale.classifyPosts),
  ];
}
