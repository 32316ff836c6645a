/**
 * The script the dashboard's first view loads, gzipped as a server would send it, on the Abai demo at desktop
 * size: ECharts (some 180 kB gzipped) and the dashboard's part below its first screen (with antd's table) only
 * once scrolled to, the organization tree picker only once used, antd's select and card (with its tabs) and the
 * pages' status pictures not at all, the sign-in form never for a signed-in user, and the whole first view within
 * its budget. The figures go to test-artifacts/script-budget.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skippedBecause } from '../helpers/real-files.js';
import { NO_BROWSER, revealDashboard, VIEWPORTS } from './browser.js';
import { closeDemoSession, type DemoSession, openDemoSession } from './demo-session.js';

/** Gzipped bytes of script for the dashboard's first view, as the issue asks (it was 616 kB). */
const FIRST_VIEW_BUDGET = 300 * 1024;

/** Every script the page fetches from now on, by file name, with its gzipped size. */
function scriptsOf(page: Page): Map<string, number> {
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => undefined);
    if (body) scripts.set(response.url().split('/').pop() ?? '', gzipSync(body).length);
  });
  return scripts;
}

describe.skipIf(NO_BROWSER !== undefined)(skippedBecause('the script budget in Chromium', NO_BROWSER), () => {
  let session: DemoSession;
  beforeAll(async () => {
    session = await openDemoSession();
  }, 300_000);
  afterAll(() => closeDemoSession(session ?? {}));

  it('loads the dashboard’s first view within the budget, ECharts only once a chart is scrolled to', async () => {
    const page = await session.browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.context().addCookies(await session.admin.context().cookies());
    const scripts = scriptsOf(page);
    await page.goto(`${session.server.url}/?org=abai&period=2023`);
    await page.getByRole('heading', { name: /области Абай/ }).waitFor();
    await page.waitForLoadState('networkidle');
    const names = [...scripts.keys()];
    const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(
      'test-artifacts/script-budget.json',
      JSON.stringify({ total, budget: FIRST_VIEW_BUDGET, scripts: Object.fromEntries(scripts) }, null, 2),
    );
    expect(names.some((name) => name.startsWith('DashboardPage-'))).toBe(true);
    const later = [
      'EChart-',
      'LoginPage-',
      'DashboardDetails-',
      'ListTable-',
      'OrgPicker-',
      'tree-select-',
      'select-',
      'tabs-',
      'PageStatus-',
    ];
    expect(names.filter((name) => later.some((prefix) => name.startsWith(prefix)))).toEqual([]);
    expect(total).toBeLessThanOrEqual(FIRST_VIEW_BUDGET);

    // Scrolled to, the rest of the dashboard and its charts are drawn.
    await revealDashboard(page);
    expect([...scripts.keys()].some((name) => name.startsWith('DashboardDetails-'))).toBe(true);
    expect([...scripts.keys()].some((name) => name.startsWith('EChart-'))).toBe(true);
    expect(await page.locator('[_echarts_instance_] canvas').count()).toBeGreaterThan(0);

    // The organization picker's tree is loaded once the picker is used, and offers the organizations.
    await page.getByRole('combobox', { name: 'Организация' }).click();
    await page.locator('.ant-select-tree-title', { hasText: /Аягоз/ }).first().waitFor();
    expect([...scripts.keys()].some((name) => name.startsWith('OrgPicker-'))).toBe(true);
    await page.close();
  }, 120_000);
});
