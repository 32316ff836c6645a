/** Whether the server's scheduler starts: on for `serve`, off for the demo's `start`, the environment deciding. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TICK_MS, schedulerSettingsOf } from '../../src/services/schedule/loop.js';

describe('schedulerSettingsOf', () => {
  it('follows the command when the environment says nothing', () => {
    expect(schedulerSettingsOf({})).toEqual({ enabled: true, tickMs: DEFAULT_TICK_MS });
    expect(schedulerSettingsOf({}, false).enabled).toBe(false);
  });

  it('AQPARAT_SCHEDULER=off stops it and on starts it, whatever the command', () => {
    expect(schedulerSettingsOf({ AQPARAT_SCHEDULER: 'off' }).enabled).toBe(false);
    expect(schedulerSettingsOf({ AQPARAT_SCHEDULER: 'ON' }, false).enabled).toBe(true);
    expect(schedulerSettingsOf({ AQPARAT_SCHEDULER_TICK_MS: '500' }).tickMs).toBe(500);
  });
});
