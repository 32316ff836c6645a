/** Use cases of attribution rules: add, list and remove the rules that assign posts to organizations. */
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { normalizePattern } from '../../importers/attribution.js';
import { authorize } from '../../policies/abilities.js';
import { attributionRuleInput, type AttributionRuleInput } from '../../shared/schemas.js';
import {
  deleteRule,
  findRule,
  insertRule,
  listRules,
  type RuleRow,
} from '../../storage/repositories/attribution.repository.js';
import { recordChange } from '../audit.service.js';
import { type Context, inTransaction, scopeOfContext } from '../context.js';
import { getOrganization } from '../org.service.js';
import { References } from '../records.service.js';
import { parseInput } from '../validate.js';

export type { RuleRow };

/** Adds a rule; it applies to posts imported (or imported again) from then on. */
export async function addAttributionRule(ctx: Context, input: AttributionRuleInput): Promise<number> {
  authorize(ctx.actor, 'write', 'attribution-rules');
  const record = `rule ${String(input.org)} ${String(input.kind)} ${String(input.pattern)}`;
  const data = parseInput(attributionRuleInput, input, record);
  return inTransaction(ctx, async (tx) => {
    const orgId = await new References(tx, record).org(data.org);
    const pattern = normalizePattern(data.kind, data.pattern);
    if ((await findRule(tx.db.kysely, orgId, data.kind, pattern)) !== undefined)
      throw new ConflictError('duplicate_record', { what: record }, record);
    const rule = { orgId, kind: data.kind, pattern, createdAt: tx.clock().toISOString() };
    const id = await insertRule(tx.db.kysely, rule);
    await recordChange(tx, {
      action: 'create',
      resource: 'attribution-rules',
      recordId: id,
      orgId,
      after: rule,
    });
    return id;
  });
}

/** Rules in the caller's scope; with an organization, those of it and the organizations under it. */
export async function listAttributionRules(ctx: Context, org?: string): Promise<RuleRow[]> {
  authorize(ctx.actor, 'read', 'attribution-rules');
  const under = org === undefined ? undefined : (await getOrganization(ctx, org)).id;
  return listRules(ctx.db.kysely, scopeOfContext(ctx), under);
}

export async function removeAttributionRule(ctx: Context, id: number): Promise<void> {
  authorize(ctx.actor, 'write', 'attribution-rules');
  await inTransaction(ctx, async (tx) => {
    const before = (await listRules(tx.db.kysely, scopeOfContext(tx))).find((rule) => rule.id === id);
    if (!before) throw new NotFoundError('not_found', {}, `rule ${id}`);
    await deleteRule(tx.db.kysely, scopeOfContext(tx), id);
    await recordChange(tx, {
      action: 'delete',
      resource: 'attribution-rules',
      recordId: id,
      orgId: before.orgId,
      before,
    });
  });
}
