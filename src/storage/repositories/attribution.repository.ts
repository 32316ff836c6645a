/** Attribution rules: which organization a post is about, by hashtag, place name or keyword. */
import type { Kysely } from 'kysely';
import type { OrgScope } from '../../domain/scope.js';
import type { RuleKind } from '../../shared/vocabulary.js';
import type { Database } from '../schema.js';
import { inScope } from '../scope.js';

export interface RuleRow {
  id: number;
  orgId: number;
  orgCode: string;
  kind: RuleKind;
  pattern: string;
  createdAt: string;
}

export async function insertRule(
  db: Kysely<Database>,
  row: { orgId: number; kind: RuleKind; pattern: string; createdAt: string },
): Promise<number> {
  const { id } = await db.insertInto('attributionRule').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findRule(
  db: Kysely<Database>,
  orgId: number,
  kind: RuleKind,
  pattern: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('attributionRule')
    .select('id')
    .where('orgId', '=', orgId)
    .where('kind', '=', kind)
    .where('pattern', '=', pattern)
    .executeTakeFirst();
  return row?.id;
}

/** Rules of the organizations in the scope, optionally only those under one organization. */
export async function listRules(
  db: Kysely<Database>,
  scope: OrgScope,
  underOrgId?: number,
): Promise<RuleRow[]> {
  let query = db
    .selectFrom('attributionRule as r')
    .innerJoin('organization as o', 'o.id', 'r.orgId')
    .select(['r.id', 'r.orgId', 'o.code as orgCode', 'r.kind', 'r.pattern', 'r.createdAt'])
    .where(inScope(scope, 'r.orgId'));
  if (underOrgId !== undefined) {
    query = query.where((eb) =>
      eb(
        'r.orgId',
        'in',
        eb.selectFrom('orgClosure').select('descendantId').where('ancestorId', '=', underOrgId),
      ),
    );
  }
  return query.orderBy('o.code').orderBy('r.kind').orderBy('r.pattern').execute();
}

/** Rules of the organization and everything under it, with how deep under it each rule's organization is. */
export async function listRulesUnder(db: Kysely<Database>, ownerOrgId: number) {
  return db
    .selectFrom('attributionRule as r')
    .innerJoin('orgClosure as c', 'c.descendantId', 'r.orgId')
    .select(['r.orgId', 'r.kind', 'r.pattern', 'c.depth'])
    .where('c.ancestorId', '=', ownerOrgId)
    .execute();
}

/** Deletes a rule of an organization in the scope; whether there was one. */
export async function deleteRule(db: Kysely<Database>, scope: OrgScope, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('attributionRule')
    .where('id', '=', id)
    .where(inScope(scope, 'orgId'))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
