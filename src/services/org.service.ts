/** Use cases of the organization tree. */
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import { mayHangUnder } from '../domain/org-tree.js';
import { authorize } from '../policies/abilities.js';
import { organizationInput, type OrganizationInput, patchOf } from '../shared/schemas.js';
import { DEFAULT_TIME_ZONE } from '../shared/vocabulary.js';
import {
  findOrganizationByCode,
  insertOrganization,
  listScopeRoots,
  listSubtree,
  type Organization,
  updateOrganization,
} from '../storage/repositories/org.repository.js';
import { recordChange } from './audit.service.js';
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
 * Adds an organization under its parent. The parent must lie in the caller's scope: only those who see the whole
 * tree add a root (a union, a region of its own), so a subtree's manager cannot start a tree beside theirs. The
 * kind must be allowed under the parent's kind (a primary may sit under a branch or directly under a region), the
 * code must be new; otherwise nothing is stored.
 */
export async function createOrganization(ctx: Context, input: OrganizationInput): Promise<Organization> {
  const record = `organization ${typeof input?.code === 'string' ? input.code : '?'}`;
  const data = parseInput(organizationInput, input, record);
  if (!data.parent && scopeOfContext(ctx).kind !== 'all') {
    throw new ValidationError(record, [{ path: 'parent', code: 'root_admin_only' }]);
  }
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
      nameEn: data.nameEn ?? null,
      shortNameEn: data.shortNameEn ?? null,
      timeZone: data.timeZone ?? parent?.timeZone ?? DEFAULT_TIME_ZONE,
      sortOrder: data.sortOrder ?? 0,
    };
    const id = await insertOrganization(tx.db.kysely, { ...row, createdAt: tx.clock().toISOString() });
    return { id, ...row };
  });
}

/** Every organization the caller sees: the subtrees of their scope's roots, parents before children. */
export async function listVisibleOrganizations(ctx: Context): Promise<Organization[]> {
  authorize(ctx.actor, 'read', 'organizations');
  const roots = await listScopeRoots(ctx.db.kysely, scopeOfContext(ctx));
  const trees = await Promise.all(roots.map((root) => listOrganizationSubtree(ctx, root)));
  return trees.flat();
}

/** Adds an organization, as the API does: allowed by the role, under a parent in scope, in the audit log. */
export async function addOrganization(ctx: Context, input: OrganizationInput): Promise<Organization> {
  authorize(ctx.actor, 'write', 'organizations');
  return inTransaction(ctx, async (tx) => {
    const org = await createOrganization(tx, input);
    await recordChange(tx, {
      action: 'create',
      resource: 'organizations',
      recordId: org.id,
      orgId: org.id,
      after: org,
    });
    return org;
  });
}

export const organizationChange = patchOf(organizationInput, ['code', 'kind', 'parent']);

/** Renames an organization or changes its zone or order; where it hangs in the tree stays. */
export async function changeOrganization(ctx: Context, code: string, input: unknown): Promise<Organization> {
  authorize(ctx.actor, 'write', 'organizations');
  const before = await getOrganization(ctx, code);
  const values = parseInput(organizationChange, input, `organization ${code}`);
  return inTransaction(ctx, async (tx) => {
    await updateOrganization(tx.db.kysely, before.id, values);
    const after = await getOrganization(tx, code);
    await recordChange(tx, {
      action: 'update',
      resource: 'organizations',
      recordId: after.id,
      orgId: after.id,
      before,
      after,
    });
    return after;
  });
}
