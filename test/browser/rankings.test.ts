/**
 * The rankings page in Chromium on the Abai demo: the branches in the order of the measure, re-sorted by a click on
 * a column, each value with the figures behind it as the server computes them; cards at 390 px without a sideways
 * scroll in Russian and Kazakh. Screenshots in three languages at both widths. And the Channels page's columns
 * of followers, posts in the period, last post and activity, as the server states them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { channelActivityMeasure } from '../../src/services/channel-activity.service.js';
import { rankingMeasure } from '../../src/services/ranking.service.js';
import { orgName } from '../../src/shared/org-name.js';
import type { RankingAnswer, RankingMeasure } from '../../src/shared/ranking.schema.js';
import { skippedBecause } from '../helpers/real-files.js';
import { NO_BROWSER, pageWidths, resize, switchLanguage, VIEWPORTS, visibleText } from './browser.js';
import type { DemoServer } from './demo-server.js';
import { closeDemoSession, openDemoSession } from './demo-session.js';

const SLOW = 180_000;
/** Where the screenshots are put to be looked at. */
const SHOTS = process.env['AQPARAT_RANK_SHOTS'] ?? 'test-artifacts/screenshots/rankings';

/** The branches' names in the order the table shows them. */
async function namesInOrder(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: /^Рейтинг филиалов/ });
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  return (await table.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts()).map((name) =>
    name.trim(),
  );
}

/** The names in the order of the measure, highest first, those without a value last (the server's values). */
function expectedOrder(answer: RankingAnswer, measure: RankingMeasure, descending = true): string[] {
  const known = answer.rows.filter((row) => row.values[measure].value !== null);
  const sign = descending ? -1 : 1;
  const ordered = [...known].sort(
    (a, b) => sign * ((a.values[measure].value ?? 0) - (b.values[measure].value ?? 0)),
  );
  return [...ordered, ...answer.rows.filter((row) => row.values[measure].value === null)].map((row) =>
    orgName(row.org, 'ru'),
  );
}

/** Ties may stand in either order: the order is checked as the sequence of values. */
function valuesOf(answer: RankingAnswer, measure: RankingMeasure, names: readonly string[]) {
  return names.map(
    (name) => answer.rows.find((row) => orgName(row.org, 'ru') === name)?.values[measure].value,
  );
}

describe.skipIf(NO_BROWSER !== undefined)(skippedBecause('the rankings page in Chromium', NO_BROWSER), () => {
  let server: DemoServer;
  let browser: Browser;
  let admin: Page;
  let answer: RankingAnswer;
  const url = () => `${server.url}/rankings?org=abai&period=2024`;

  beforeAll(async () => {
    ({ server, browser, admin } = await openDemoSession());
    answer = await rankingMeasure(server.ctx, { org: 'abai', period: parsePeriod('2024') });
  }, 300_000);
  afterAll(() => closeDemoSession({ server, browser }));

  it(
    'orders the branches by a measure and again by the column clicked, each value with its figures',
    async () => {
      await admin.goto(url());
      const first = await namesInOrder(admin);
      expect(valuesOf(answer, 'publicationsPerThousand', first)).toEqual(
        valuesOf(answer, 'publicationsPerThousand', expectedOrder(answer, 'publicationsPerThousand')),
      );
      expect(first).toHaveLength(9);

      await admin.getByRole('columnheader', { name: 'Охват' }).click();
      await expect
        .poll(async () => valuesOf(answer, 'reach', await namesInOrder(admin)))
        .toEqual(valuesOf(answer, 'reach', expectedOrder(answer, 'reach')));
      const byReach = await namesInOrder(admin);
      expect(byReach).not.toEqual(first);
      // A second click: the lowest reach first, the branches without pages still last.
      await admin.getByRole('columnheader', { name: 'Охват' }).click();
      await expect
        .poll(async () => valuesOf(answer, 'reach', await namesInOrder(admin)))
        .toEqual(valuesOf(answer, 'reach', expectedOrder(answer, 'reach', false)));

      // The top branch by reach: its value, rank and the figures behind it as the server states them.
      const top = answer.rows.find((row) => orgName(row.org, 'ru') === byReach[0]);
      const reach = top?.values.reach;
      const row = admin.locator('tbody tr.ant-table-row', { hasText: byReach[0] ?? '' });
      const cell = (await row.locator('td').nth(4).innerText()).replace(/[\u00a0\u202f]/g, ' ');
      const number = (value: number | null | undefined) =>
        new Intl.NumberFormat('ru-RU').format(value ?? 0).replace(/[\u00a0\u202f]/g, ' ');
      expect(cell).toContain(`${number(reach?.numerator)} / ${number(reach?.denominator)}`);
      expect(cell).toContain(String(reach?.rank));
    },
    SLOW,
  );

  it(
    'shows cards at 390 px without a sideways scroll in Russian and Kazakh, and reads in three languages',
    async () => {
      mkdirSync(SHOTS, { recursive: true });
      const problems: string[] = [];
      for (const lang of ['ru', 'kk', 'en'] as const) {
        await switchLanguage(admin, lang);
        for (const [size, viewport] of Object.entries(VIEWPORTS)) {
          await resize(admin, viewport);
          await admin.goto(url());
          await admin.locator('tbody tr.ant-table-row').first().waitFor();
          await admin.waitForLoadState('networkidle');
          if (size === 'phone' && lang !== 'en') {
            const { scrollWidth, innerWidth } = await pageWidths(admin);
            if (scrollWidth > innerWidth) problems.push(`${lang}: ${scrollWidth} px wide`);
            // Cards: no header row, each value beside its column's title.
            expect(await admin.locator('thead').first().isVisible()).toBe(false);
          }
          // The first screen as the reader sees it, and the whole page.
          await admin.screenshot({ path: join(SHOTS, `rankings-${lang}-${size}.png`) });
          await admin.screenshot({ path: join(SHOTS, `rankings-${lang}-${size}-whole.png`), fullPage: true });
        }
      }
      await resize(admin, VIEWPORTS.desktop);
      await switchLanguage(admin, 'ru');
      expect(problems).toEqual([]);
    },
    SLOW,
  );

  it(
    "shows each channel's followers, posts in the period, last post and activity as the server states them",
    async () => {
      const activity = await channelActivityMeasure(server.ctx, { org: 'abai', period: parsePeriod('2024') });
      await admin.goto(`${server.url}/channels?org=abai&period=2024`);
      const table = admin.getByRole('table', { name: 'Страницы и каналы' });
      await table.getByRole('columnheader', { name: 'Активность' }).waitFor();
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      const channel = activity.channels.find((row) => row.code === 'abai-facebook');
      const row = table.locator('tbody tr.ant-table-row', { hasText: 'Профсоюз работников просвещения' });
      const number = (value: number | null | undefined) =>
        new Intl.NumberFormat('ru-RU').format(value ?? 0).replace(/[\u00a0\u202f]/g, ' ');
      await expect
        .poll(async () => (await row.innerText()).replace(/[\u00a0\u202f]/g, ' '))
        .toContain(number(channel?.posts));
      const text = (await row.innerText()).replace(/[\u00a0\u202f]/g, ' ');
      expect(text).toContain(number(channel?.followers));
      expect(text).toContain(channel?.active ? 'Активна' : 'Неактивна');
      const [year, month, day] = (channel?.lastPublished ?? '').split('-');
      expect(text).toContain(`${day}.${month}.${year}`);
      const active = activity.channels.filter((row) => row.active).length;
      expect((await visibleText(admin)).match(/Активна/g)?.length ?? 0).toBe(active);
      mkdirSync(SHOTS, { recursive: true });
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        await resize(admin, viewport);
        await admin.screenshot({ path: join(SHOTS, `channels-ru-${size}.png`) });
      }
      await resize(admin, VIEWPORTS.desktop);
    },
    SLOW,
  );
});
