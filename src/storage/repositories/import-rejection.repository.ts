/**
 * The rejections of import batches, a row each: written a group at a time in the order the import met them, read a
 * page at a time in the file's order (file, record, then that order), counted per batch.
 */
import type { Kysely } from 'kysely';
import type { Rejection } from '../../shared/import-report.js';
import { fromJson, toJson } from '../rows.js';
import type { Database } from '../schema.js';

/** Rows per statement: nine parameters each, well under either engine's limit. */
const PER_STATEMENT = 500;

/** Stores rejections of a batch, numbered from `from` on. */
export async function insertRejections(
  db: Kysely<Database>,
  batchId: number,
  from: number,
  rejections: readonly Rejection[],
): Promise<void> {
  for (let at = 0; at < rejections.length; at += PER_STATEMENT) {
    const rows = rejections.slice(at, at + PER_STATEMENT).map((rejection, offset) => ({
      batchId,
      position: from + at + offset,
      file: rejection.file,
      recordKind: rejection.record.kind,
      recordIndex: rejection.record.index,
      field: rejection.field,
      code: rejection.code,
      params: toJson(rejection.params),
    }));
    await db.insertInto('importRejection').values(rows).execute();
  }
}

export async function listRejections(
  db: Kysely<Database>,
  batchId: number,
  page: { offset: number; limit: number },
): Promise<Rejection[]> {
  const rows = await db
    .selectFrom('importRejection')
    .selectAll()
    .where('batchId', '=', batchId)
    .orderBy('file')
    .orderBy('recordIndex')
    .orderBy('position')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return rows.map((row) => {
    const params = fromJson<Record<string, string | number>>(row.params);
    return {
      file: row.file,
      record: { kind: row.recordKind, index: row.recordIndex },
      field: row.field,
      code: row.code,
      ...(params ? { params } : {}),
    };
  });
}

/** How many rejections each batch keeps; a batch without any is absent. */
export async function countRejections(
  db: Kysely<Database>,
  batchIds: readonly number[],
): Promise<Map<number, number>> {
  if (batchIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('importRejection')
    .select(['batchId', db.fn.countAll<number | string>().as('count')])
    .where('batchId', 'in', batchIds)
    .groupBy('batchId')
    .execute();
  return new Map(rows.map((row) => [row.batchId, Number(row.count)]));
}
