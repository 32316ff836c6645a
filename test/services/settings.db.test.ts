import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.js';
import { prepareBrief } from '../../src/services/brief.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { changeSettings, loadSettings } from '../../src/services/settings.service.js';
import { SEED_BRIEF } from '../helpers/brief.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { rowCounts } from '../helpers/tables.js';

describe.each(DIALECTS)('thresholds are settings (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    await buildDemo(ctx);
  });
  afterAll(() => ctx.close());

  const rules = async () => (await prepareBrief(ctx, SEED_BRIEF)).findings.map((finding) => finding.ruleId);

  it('uses the defaults until an installation changes them', async () => {
    expect(await loadSettings(ctx)).toEqual(DEFAULT_SETTINGS);
    expect(await rules()).toContain('low_reach');
  });

  it('judges with the stored threshold, keeping the other settings', async () => {
    const settings = await changeSettings(ctx, {
      rules: { low_reach: { minReach: 0.005 } },
      presence: { activeDays: 30 },
    });
    expect(settings.rules.low_reach).toEqual({ minReach: 0.005 });
    expect(settings.rules.legal_share_low).toEqual(DEFAULT_SETTINGS.rules.legal_share_low);
    expect(await rules()).not.toContain('low_reach');
    expect(await rules()).toContain('legal_share_low');
    await changeSettings(ctx, { rules: { low_reach: { minReach: 0.1 } } });
    // The analysis keeps its thresholds in the same store; the brief's settings read on beside them.
    await changeSettings(ctx, { analysis: { repostJaccard: 0.7 } });
    expect((await loadSettings(ctx)).presence.activeDays).toBe(30);
    expect(await rules()).toContain('low_reach');
  });

  it('rejects an invalid setting, naming it, and stores nothing', async () => {
    const before = await rowCounts(ctx);
    const settingsBefore = await loadSettings(ctx);
    const error = await changeSettings(ctx, { rules: { low_reach: { minReach: 3 } } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields[0]).toMatchObject({
      path: 'rules.low_reach.minReach',
      code: 'too_big',
    });
    expect(await rowCounts(ctx)).toEqual(before);
    expect(await loadSettings(ctx)).toEqual(settingsBefore);
  });
});
