/** What the checks while writing a post read: the channels a post may go to, the languages an organization posts in. */
import type { Kysely } from 'kysely';
import type { ContentLang, Platform } from '../../shared/vocabulary.js';
import type { Database } from '../schema.js';

/** The platforms aqparat publishes to (services/plan/publish.service.ts). */
export const PUBLISHING_PLATFORMS: readonly Platform[] = ['telegram', 'facebook', 'instagram'];

/**
 * The open channels of the organization and of its ancestors on the platforms aqparat publishes to, the nearest
 * organization's first.
 */
export function channelsOfOrgAndAbove(
  db: Kysely<Database>,
  orgId: number,
): Promise<{ code: string; name: string; platform: Platform; org: string }[]> {
  return db
    .selectFrom('channel')
    .innerJoin('orgClosure as c', 'c.ancestorId', 'channel.orgId')
    .innerJoin('organization as o', 'o.id', 'channel.orgId')
    .select(['channel.code', 'channel.name', 'channel.platform', 'o.code as org'])
    .where('c.descendantId', '=', orgId)
    .where('channel.closedOn', 'is', null)
    .where('channel.platform', 'in', [...PUBLISHING_PLATFORMS])
    .orderBy('c.depth')
    .orderBy('channel.code')
    .execute();
}

/**
 * The languages of the publications about the organization in the year up to its latest one, with how many
 * each: an installation whose imports stopped a while ago still knows which languages it publishes in.
 */
export async function languagesOfLatestYear(
  db: Kysely<Database>,
  orgId: number,
): Promise<Partial<Record<ContentLang, number>>> {
  const latest = await db
    .selectFrom('publication')
    .select((eb) => eb.fn.max('publishedAt').as('at'))
    .where('subjectOrgId', '=', orgId)
    .executeTakeFirst();
  if (!latest?.at) return {};
  const since = new Date(Date.parse(String(latest.at)) - YEAR_MS).toISOString();
  const rows = await db
    .selectFrom('publication')
    .select(['language', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('subjectOrgId', '=', orgId)
    .where('publishedAt', '>=', since)
    .where('language', 'is not', null)
    .groupBy('language')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.language, Number(row.n)]));
}

const YEAR_MS = 365 * 24 * 3600 * 1000;
