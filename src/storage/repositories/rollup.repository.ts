/**
 * The kept roll-ups (`audience_latest`, `publication_month`) during a bulk build of a new subtree. On PostgreSQL
 * their insert triggers are held for the build's transaction (migration 202612070600_rollups_held) and the rows
 * are filled once at its end by one set-based statement each, with the planner's statistics brought up to date
 * first: a trigger per chunk was planned once for tables that looked empty and ran slower chunk by chunk. SQLite's
 * row triggers keep them as rows come, at the same cost for every row, so there both calls do nothing.
 */
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../parameters.js';
import type { Database } from '../schema.js';

/** The transaction-local setting the held triggers' WHEN reads. */
const HELD = 'aqparat.rollups_held';

const setHeld = (db: Kysely<Database>, value: 'on' | 'off') =>
  sql`select set_config(${HELD}, ${value}, true)`.execute(db);

/**
 * Holds the roll-ups' insert triggers until `fillHeldRollups`, within the current transaction only (the setting
 * ends with it, committed or not). Everything inserted meanwhile must belong to the subtree filled then.
 */
export async function holdRollups(db: Kysely<Database>): Promise<void> {
  if (isPostgres(db)) await setHeld(db, 'on');
}

/**
 * PostgreSQL plans each statement from statistics that a transaction's own inserts never reach until they are
 * analyzed (ANALYZE counts them); without them it takes tables of millions of rows for empty ones.
 */
async function analyzeTables(
  db: Kysely<Database>,
  tables: readonly (keyof Database & string)[],
): Promise<void> {
  if (!isPostgres(db)) return;
  const names = tables.map((table) => table.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`));
  await sql.raw(`analyze ${names.join(', ')}`).execute(db);
}

/**
 * Fills the roll-ups for the subtree under `rootId`, written while held and new (none of its publications
 * counted yet), as their triggers would have, and releases the hold: each channel's latest snapshot, and each
 * publication counted at its subject and at every ancestor of it (those above the root included) per month and
 * platform.
 */
export async function fillHeldRollups(db: Kysely<Database>, rootId: number): Promise<void> {
  if (!isPostgres(db)) return;
  const raw = db.withoutPlugins();
  await analyzeTables(db, ['orgClosure', 'channel', 'audienceSnapshot', 'publication']);
  const channels = sql`
    select ch.id from channel ch join org_closure c on c.descendant_id = ch.org_id where c.ancestor_id = ${rootId}`;
  await sql`delete from audience_latest where channel_id in (${channels})`.execute(raw);
  await sql`
    insert into audience_latest (channel_id, as_of, followers)
    select a.channel_id, a.as_of, a.followers
    from audience_snapshot a
    join (select channel_id, max(as_of) as as_of from audience_snapshot
          where channel_id in (${channels}) group by channel_id) latest
      on latest.channel_id = a.channel_id and latest.as_of = a.as_of`.execute(raw);
  await sql`
    insert into publication_month (ancestor_id, is_self, platform, month, count)
    select c.ancestor_id, case when c.depth = 0 then 1 else 0 end, ch.platform,
           to_char(p.local_date, 'YYYY-MM'), count(*)
    from publication p
    join org_closure c on c.descendant_id = p.subject_org_id
    join channel ch on ch.id = p.channel_id
    where p.subject_org_id in (select descendant_id from org_closure where ancestor_id = ${rootId})
    group by 1, 2, 3, 4
    on conflict (ancestor_id, month, platform, is_self)
    do update set count = publication_month.count + excluded.count`.execute(raw);
  await setHeld(db, 'off');
}
