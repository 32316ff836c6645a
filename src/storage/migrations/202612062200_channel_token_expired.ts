/**
 * When the platform refused a channel's token as expired or revoked (Graph error 190): the collectors skip the
 * channel while it is set, and setting a new token clears it. On the token's row, as the token is what expired.
 * Frozen once shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('channel_secret').addColumn('expired_at', t.instant).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('channel_secret').dropColumn('expired_at').execute();
}
