/** The whole domain model of DESIGN.md. Frozen: never edit, add a new migration instead. */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const indexOn = (table: string, column = 'org_id') =>
    db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column);

  await db.schema
    .createTable('organization')
    .addColumn('id', 'integer', t.id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('organization.id').onDelete('cascade'))
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_kk', 'text', (c) => c.notNull())
    .addColumn('short_name_ru', 'text')
    .addColumn('short_name_kk', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await indexOn('organization', 'parent_id').execute();

  // Closure table: one row per (ancestor, descendant) pair, depth 0 for the organization itself.
  await db.schema
    .createTable('org_closure')
    .addColumn('ancestor_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('descendant_id', 'integer', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_closure_pk', ['ancestor_id', 'descendant_id'])
    .execute();
  await db.schema
    .createIndex('org_closure_descendant_idx')
    .on('org_closure')
    .columns(['descendant_id', 'ancestor_id', 'depth'])
    .execute();

  await db.schema
    .createTable('membership_snapshot')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('as_of', t.date, (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull())
    .addColumn('primaries', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addUniqueConstraint('membership_snapshot_org_date_uq', ['org_id', 'as_of'])
    .execute();

  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('position_ru', 'text')
    .addColumn('position_kk', 'text')
    .addColumn('info_responsible', t.bool, (c) => c.notNull().defaultTo(t.falseDefault))
    .addColumn('is_leader', t.bool, (c) => c.notNull().defaultTo(t.falseDefault))
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .execute();
  await indexOn('person').execute();

  await db.schema
    .createTable('channel')
    .addColumn('id', 'integer', t.id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('handle', 'text')
    .addColumn('is_official', t.bool, (c) => c.notNull().defaultTo(t.falseDefault))
    .addColumn('created_on', t.date)
    .addColumn('closed_on', t.date)
    .execute();
  await indexOn('channel').execute();

  await db.schema
    .createTable('audience_snapshot')
    .addColumn('id', 'integer', t.id)
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('channel.id').onDelete('cascade'))
    .addColumn('as_of', t.date, (c) => c.notNull())
    .addColumn('followers', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addUniqueConstraint('audience_snapshot_channel_date_uq', ['channel_id', 'as_of'])
    .execute();

  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'integer', t.id)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('file_hash', 'text')
    .addColumn('channel_id', 'integer', (c) => c.references('channel.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', t.instant, (c) => c.notNull())
    .addColumn('finished_at', t.instant)
    .addColumn('new_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejections', t.json)
    .addColumn('undone_at', t.instant)
    .execute();
  await indexOn('import_batch', 'channel_id').execute();

  await db.schema
    .createTable('publication')
    .addColumn('id', 'integer', t.id)
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('channel.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('published_at', t.instant, (c) => c.notNull())
    .addColumn('local_date', t.date, (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('text', 'text')
    .addColumn('language', 'text')
    .addColumn('is_repost', t.bool, (c) => c.notNull().defaultTo(t.falseDefault))
    .addColumn('repost_source', 'text')
    .addColumn('media_kind', 'text')
    .addColumn('views', 'integer')
    .addColumn('reactions', 'integer')
    .addColumn('comments', 'integer')
    .addColumn('shares', 'integer')
    .addColumn('engagement_as_of', t.date)
    .addColumn('subject_org_id', 'integer', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('subject_rule', 'text')
    .addColumn('subject_manual', t.bool, (c) => c.notNull().defaultTo(t.falseDefault))
    .addColumn('primary_topic', 'text')
    .addColumn('topics', t.json)
    .addColumn('concreteness', t.real)
    .addColumn('declarative', t.bool)
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id').onDelete('set null'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('publication_channel_external_uq', ['channel_id', 'external_id'])
    .execute();
  // Subtree counts walk the closure to subject organizations, then this index by date; it covers the channel too.
  await db.schema
    .createIndex('publication_subject_date_idx')
    .on('publication')
    .columns(['subject_org_id', 'local_date', 'channel_id'])
    .execute();
  await db.schema
    .createIndex('publication_channel_date_idx')
    .on('publication')
    .columns(['channel_id', 'local_date'])
    .execute();
  await indexOn('publication', 'import_batch_id').execute();

  await db.schema
    .createTable('outlet')
    .addColumn('id', 'integer', t.id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('org_id', 'integer', (c) => c.references('organization.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('media_mention')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('outlet_id', 'integer', (c) => c.notNull().references('outlet.id').onDelete('cascade'))
    .addColumn('published_on', t.date, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('url', 'text')
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('media_mention_org_date_idx')
    .on('media_mention')
    .columns(['org_id', 'published_on'])
    .execute();
  await indexOn('media_mention', 'outlet_id').execute();

  await db.schema
    .createTable('press_subscription')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('outlet_id', 'integer', (c) => c.notNull().references('outlet.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull())
    .addUniqueConstraint('press_subscription_uq', ['org_id', 'outlet_id', 'year'])
    .execute();

  await db.schema
    .createTable('material')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('issued_on', t.date, (c) => c.notNull())
    .addColumn('copies', 'integer')
    .addColumn('url', 'text')
    .execute();
  await db.schema
    .createIndex('material_org_date_idx')
    .on('material')
    .columns(['org_id', 'issued_on'])
    .execute();

  await db.schema
    .createTable('event')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('held_on', t.date, (c) => c.notNull())
    .addColumn('participants', 'integer')
    .execute();
  await db.schema.createIndex('event_org_date_idx').on('event').columns(['org_id', 'held_on']).execute();

  await db.schema
    .createTable('decision')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('adopted_on', t.date, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('decision_org_date_idx')
    .on('decision')
    .columns(['org_id', 'adopted_on'])
    .execute();

  await db.schema
    .createTable('task')
    .addColumn('id', 'integer', t.id)
    .addColumn('decision_id', 'integer', (c) => c.notNull().references('decision.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('responsible_org_id', 'integer', (c) => c.references('organization.id').onDelete('set null'))
    .addColumn('responsible_person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('due_on', t.date)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', t.date)
    .addColumn('evidence', 'text')
    .execute();
  await indexOn('task', 'decision_id').execute();
  await indexOn('task', 'responsible_org_id').execute();

  await db.schema
    .createTable('app_usage')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('as_of', t.date, (c) => c.notNull())
    .addColumn('registered', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer')
    .addUniqueConstraint('app_usage_org_date_uq', ['org_id', 'as_of'])
    .execute();

  await db.schema
    .createTable('target')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', t.real, (c) => c.notNull())
    .addUniqueConstraint('target_uq', ['org_id', 'metric', 'year'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'target',
    'app_usage',
    'task',
    'decision',
    'event',
    'material',
    'press_subscription',
    'media_mention',
    'outlet',
    'publication',
    'import_batch',
    'audience_snapshot',
    'channel',
    'person',
    'membership_snapshot',
    'org_closure',
    'organization',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
