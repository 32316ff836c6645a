/**
 * The server's records: users with their role and organization, sessions and API tokens (stored as hashes, so a
 * database dump gives no way in), and the audit log, which also keeps deleted records for restore. Frozen once
 * shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', t.id)
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.references('organization.id'))
    .addColumn('name', 'text')
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('ru'))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', t.instant)
    .addColumn('disabled', t.bool, (c) => c.notNull().defaultTo(t.falseDefault))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('app_user_org_idx').on('app_user').column('org_id').execute();

  await db.schema
    .createTable('user_session')
    .addColumn('id', 'integer', t.id)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'integer', t.id)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_used_at', t.instant)
    .addColumn('revoked_at', t.instant)
    .execute();

  await db.schema
    .createTable('audit_entry')
    .addColumn('id', 'integer', t.id)
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    // The organization the record belonged to, so the log is read within the caller's scope.
    .addColumn('org_id', 'integer')
    .addColumn('before', t.json)
    .addColumn('after', t.json)
    .addColumn('restored_at', t.instant)
    .execute();
  await db.schema
    .createIndex('audit_entry_record_idx')
    .on('audit_entry')
    .columns(['resource', 'record_id'])
    .execute();
  await db.schema.createIndex('audit_entry_org_idx').on('audit_entry').columns(['org_id', 'at']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['audit_entry', 'api_token', 'user_session', 'app_user']) {
    await db.schema.dropTable(table).execute();
  }
}
