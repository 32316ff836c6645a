/** The installation's settings: rule thresholds, the presence window and the analysis, over the defaults. */
import { type Settings, withOverrides } from '../domain/settings.js';
import { settingsInput, type SettingsInput } from '../shared/settings.schema.js';
import { readSettings, writeSetting } from '../storage/repositories/settings.repository.js';
import { type Context, inTransaction } from './context.js';
import { parseInput } from './validate.js';

/** The settings the brief judges with; the analysis reads its own key (`analysis`) of the same store. */
export async function loadSettings(ctx: Context): Promise<Settings> {
  const { rules, presence } = parseInput(settingsInput, await readSettings(ctx.db.kysely), 'settings');
  return withOverrides({ ...(rules ? { rules } : {}), ...(presence ? { presence } : {}) });
}

/** Lays the changes over what is stored, key by key and rule by rule; invalid values store nothing. */
export async function changeSettings(ctx: Context, changes: SettingsInput): Promise<Settings> {
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
    return loadSettings(tx);
  });
}
