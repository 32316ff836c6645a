/** Use cases of the organization tree. */
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import { mayHangUnder } from '../domain/org-tree.js';
import { organizationInput, type OrganizationInput } from '../shared/schemas.js';
import { DEFAULT_TIME_ZONE } from '../shared/vocabulary.js';
import {
  findOrganizationByCode,
  insertOrganization,
  listSubtree,
  type Organization,
} from '../storage/repositories/org.repository.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import { parseInput } from './validate.js';

export type { Organization };

/** The organization with this code in the caller's scope, or undefined. */
export function findOrganization(ctx: Context, code: string): Promise<Organization | undefined> {
  return findOrganizationByCode(ctx.db.kysely, scopeOfContext(ctx), code);
}

/** The organization with this code in the caller's scope; throws `org_unknown` otherwise. */
export async function getOrganization(ctx: Context, code: string): Promise<Organization> {
  const org = await findOrganization(ctx, code);
  if (!org) throw new NotFoundError('org_unknown', { code });
  return org;
}

export function listOrganizationSubtree(ctx: Context, root: Organization): Promise<Organization[]> {
  return listSubtree(ctx.db.kysely, scopeOfContext(ctx), root.id);
}

/**
 * Adds an organization under its parent. The kind must be allowed under the parent's kind (a primary may sit
 * under a branch or directly under a region), the code must be new; otherwise nothing is stored.
 */
export async function createOrganization(ctx: Context, input: OrganizationInput): Promise<Organization> {
  const record = `organization ${typeof input?.code === 'string' ? input.code : '?'}`;
  const data = parseInput(organizationInput, input, record);
  return inTransaction(ctx, async (tx) => {
    const parent = data.parent ? await findOrganization(tx, data.parent) : undefined;
    if (data.parent && !parent) {
      throw new ValidationError(record, [
        { path: 'parent', code: 'unknown_org', params: { code: data.parent } },
      ]);
    }
    if (!mayHangUnder(data.kind, parent?.kind ?? null)) {
      const params = { kind: data.kind, parentKind: parent?.kind ?? '—' };
      throw new ValidationError(record, [{ path: 'parent', code: 'kind_not_allowed_under', params }]);
    }
    const existing = await findOrganizationByCode(tx.db.kysely, { kind: 'all' }, data.code);
    if (existing) {
      throw new ConflictError('org_code_taken', { code: data.code }, record, [
        { path: 'code', code: 'taken', params: { value: data.code } },
      ]);
    }
    const row = {
      code: data.code,
      kind: data.kind,
      parentId: parent?.id ?? null,
      nameRu: data.nameRu,
      nameKk: data.nameKk,
      shortNameRu: data.shortNameRu ?? null,
      shortNameKk: data.shortNameKk ?? null,
      timeZone: data.timeZone ?? parent?.timeZone ?? DEFAULT_TIME_ZONE,
      sortOrder: data.sortOrder ?? 0,
    };
    const id = await insertOrganization(tx.db.kysely, { ...row, createdAt: tx.clock().toISOString() });
    return { id, ...row };
  });
}
