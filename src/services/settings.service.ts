/** The installation's settings: rule thresholds, the presence window and the analysis, over the defaults. */
import { type Settings, withOverrides } from '../domain/settings.js';
import { authorize } from '../policies/abilities.js';
import { settingsInput, type SettingsInput } from '../shared/settings.schema.js';
import { readSettings, writeSetting } from '../storage/repositories/settings.repository.js';
import { type AnalysisSettings, analysisSettings } from './analysis.service.js';
import { recordChange } from './audit.service.js';
import { type Context, inTransaction } from './context.js';
import { parseInput } from './validate.js';

/** The settings the brief judges with; the analysis reads its own key (`analysis`) of the same store. */
export async function loadSettings(ctx: Context): Promise<Settings> {
  const { rules, presence } = parseInput(settingsInput, await readSettings(ctx.db.kysely), 'settings');
  return withOverrides({ ...(rules ? { rules } : {}), ...(presence ? { presence } : {}) });
}

/** Every setting in force, the analysis' thresholds too: what the settings page shows. */
export async function showSettings(ctx: Context): Promise<Settings & { analysis: AnalysisSettings }> {
  authorize(ctx.actor, 'read', 'settings');
  return { ...(await loadSettings(ctx)), analysis: await analysisSettings(ctx) };
}

/** The installation's settings are one record in the audit log. */
const SETTINGS_RECORD = 1;

/** Lays the changes over what is stored, key by key and rule by rule; invalid values store nothing. */
export async function changeSettings(ctx: Context, changes: SettingsInput): Promise<Settings> {
  authorize(ctx.actor, 'write', 'settings');
  const input = parseInput(settingsInput, changes, 'settings');
  return inTransaction(ctx, async (tx) => {
    const stored = parseInput(settingsInput, await readSettings(tx.db.kysely), 'settings');
    const now = tx.clock().toISOString();
    if (input.rules) {
      const rules: Record<string, object> = { ...stored.rules };
      for (const [id, values] of Object.entries(input.rules)) rules[id] = { ...rules[id], ...values };
      await writeSetting(tx.db.kysely, 'rules', rules, now);
    }
    for (const key of ['presence', 'analysis'] as const) {
      if (input[key]) await writeSetting(tx.db.kysely, key, { ...stored[key], ...input[key] }, now);
    }
    await recordChange(tx, {
      action: 'update',
      resource: 'settings',
      recordId: SETTINGS_RECORD,
      orgId: null,
      before: stored,
      after: await readSettings(tx.db.kysely),
    });
    return loadSettings(tx);
  });
}
