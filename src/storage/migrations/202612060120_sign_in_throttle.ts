/**
 * Failed sign-ins counted per login and client address, in a table every server process shares, instead of a
 * lock of the login itself: an attacker at another address can no longer lock the owner out, and a login that
 * does not exist is counted like one that does. API tokens get an expiry; those issued before it expire 90 days
 * after this migration. Frozen once shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

const DAY_MS = 86_400_000;

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('login_attempt')
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', t.instant, (c) => c.notNull())
    .addColumn('blocked_until', t.instant)
    .addPrimaryKeyConstraint('login_attempt_pk', ['login', 'address'])
    .execute();
  // Pairs quiet for long are forgotten by a delete on this column.
  await db.schema
    .createIndex('login_attempt_last_failure_idx')
    .on('login_attempt')
    .column('last_failure_at')
    .execute();

  await db.schema.alterTable('api_token').addColumn('expires_at', t.instant).execute();
  await db
    .updateTable('api_token')
    .set({ expires_at: new Date(Date.now() + 90 * DAY_MS).toISOString() })
    .execute();

  await db.schema.alterTable('app_user').dropColumn('failed_logins').execute();
  await db.schema.alterTable('app_user').dropColumn('locked_until').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('app_user')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('app_user').addColumn('locked_until', t.instant).execute();
  await db.schema.alterTable('api_token').dropColumn('expires_at').execute();
  await db.schema.dropTable('login_attempt').execute();
}
