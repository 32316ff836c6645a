/** Use cases of attribution rules: add, list and remove the rules that assign posts to organizations. */
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { normalizePattern } from '../../importers/attribution.js';
import { attributionRuleInput, type AttributionRuleInput } from '../../shared/schemas.js';
import {
  deleteRule,
  findRule,
  insertRule,
  listRules,
  type RuleRow,
} from '../../storage/repositories/attribution.repository.js';
import { type Context, inTransaction, scopeOfContext } from '../context.js';
import { getOrganization } from '../org.service.js';
import { References } from '../records.service.js';
import { parseInput } from '../validate.js';

export type { RuleRow };

/** Adds a rule; it applies to posts imported (or imported again) from then on. */
export async function addAttributionRule(ctx: Context, input: AttributionRuleInput): Promise<number> {
  const record = `rule ${String(input.org)} ${String(input.kind)} ${String(input.pattern)}`;
  const data = parseInput(attributionRuleInput, input, record);
  return inTransaction(ctx, async (tx) => {
    const orgId = await new References(tx, record).org(data.org);
    const pattern = normalizePattern(data.kind, data.pattern);
    if ((await findRule(tx.db.kysely, orgId, data.kind, pattern)) !== undefined)
      throw new ConflictError('duplicate_record', { what: record }, record);
    return insertRule(tx.db.kysely, { orgId, kind: data.kind, pattern, createdAt: tx.clock().toISOString() });
  });
}

/** Rules in the caller's scope; with an organization, those of it and the organizations under it. */
export async function listAttributionRules(ctx: Context, org?: string): Promise<RuleRow[]> {
  const under = org === undefined ? undefined : (await getOrganization(ctx, org)).id;
  return listRules(ctx.db.kysely, scopeOfContext(ctx), under);
}

export async function removeAttributionRule(ctx: Context, id: number): Promise<void> {
  if (!(await deleteRule(ctx.db.kysely, scopeOfContext(ctx), id)))
    throw new NotFoundError('not_found', {}, `rule ${id}`);
}
