/**
 * The dashboard's publications by organization × platform in Chromium on the Abai demo: 2023's Facebook column is
 * the seed's 25/9/1/1/2/3/2/3/2 by organization, every cell the server's count, and a branch's cell opens its list.
 * And the figures against the previous period and the year before, with their trend marks.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { publicationsBySubjectAndPlatform } from '../../src/services/stats.service.js';
import { changeOf, TREND_MARKS } from '../../src/shared/change.js';
import { formatNumber, formatPercent } from '../../src/shared/format.js';
import type { DashboardResponse } from '../../src/shared/dashboard.js';
import { PLATFORM_LABELS } from '../../src/shared/labels.js';
import { skippedBecause } from '../helpers/real-files.js';
import { NO_BROWSER, resize, revealDashboard, screenshots, VIEWPORTS, visibleText } from './browser.js';
import type { DemoServer } from './demo-server.js';
import { closeDemoSession, openDemoSession } from './demo-session.js';

const SLOW = 120_000;
const TITLE = 'Публикации по организациям и площадкам';

/** The table's header and rows as the reader sees them: the first cell of a row names it. */
async function tableOf(page: Page): Promise<{ head: string[]; rows: Map<string, string[]> }> {
  const table = page.getByRole('table', { name: TITLE });
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  const clean = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').trim();
  const head = (await table.locator('thead th').allInnerTexts()).map(clean);
  const rows = new Map<string, string[]>();
  for (const row of await table.locator('tbody tr.ant-table-row, tfoot tr').all()) {
    const cells = (await row.locator('td').allInnerTexts()).map(clean);
    const [name = '', ...counts] = cells;
    rows.set(name.split(' · ')[0] ?? name, counts);
  }
  return { head, rows };
}

describe.skipIf(NO_BROWSER !== undefined)(
  skippedBecause('publications by organization × platform in Chromium', NO_BROWSER),
  () => {
    let server: DemoServer;
    let browser: Browser;
    let admin: Page;

    beforeAll(async () => ({ server, browser, admin } = await openDemoSession()), 300_000);
    afterAll(() => closeDemoSession({ server, browser }));

    it(
      "shows the seed's Facebook per branch for 2023 in one view, each cell the server's count",
      async () => {
        await admin.goto(`${server.url}/?org=abai&period=2023`);
        await revealDashboard(admin);
        const { head, rows } = await tableOf(admin);
        expect(head).toEqual(['Организация', 'Сайт', 'Facebook', 'Всего']);
        const facebook = (name: string) => rows.get(name)?.[1];
        const seed = {
          'Областная организация': '25',
          'Городская организация': '9',
          Аксуатская: '1',
          Аягозская: '1',
          Бескарагайская: '2',
          Бородулихинская: '3',
          Жарминская: '2',
          Кокпектинская: '3',
          Урджарская: '2',
        };
        for (const [name, count] of Object.entries(seed)) expect(facebook(name), name).toBe(count);
        expect(facebook('Абайская')).toBe('0');
        expect(rows.get('Всего')).toEqual(['46', '48', '94']);
        // Every row as the server counts it (what the API and `stats --by subject,platform` give).
        const counted = await publicationsBySubjectAndPlatform(server.ctx, {
          org: 'abai',
          period: parsePeriod('2023'),
        });
        for (const row of counted.rows) {
          const name = row.org?.shortNameRu ?? row.org?.nameRu ?? 'Первичные напрямую';
          expect(rows.get(name), name).toEqual([
            String(row.counts.website),
            String(row.counts.facebook),
            String(row.total),
          ]);
        }
        await screenshots(admin, 'dashboard-subject-platform');
      },
      SLOW,
    );

    it(
      "opens a branch's and the region's own Facebook publications from their cells",
      async () => {
        await admin.goto(`${server.url}/?org=abai&period=2023`);
        await revealDashboard(admin);
        await tableOf(admin);
        await admin
          .getByRole('link', {
            name: `Открыть публикации: Городская организация, ${PLATFORM_LABELS.ru.facebook}`,
          })
          .click();
        await admin.waitForURL(/\/publications\?/);
        const url = new URL(admin.url());
        expect(Object.fromEntries(url.searchParams)).toEqual({
          org: 'abai-semey',
          period: '2023',
          platform: 'facebook',
        });
        // The list's own count: Semey's nine.
        await admin.getByText('Всего: 9', { exact: true }).waitFor();
        // Facebook's posts alone: none of the website's, whose channel the list names with «Сайт».
        const text = await visibleText(admin);
        expect(text).toContain('(Facebook)');
        expect(text).not.toContain('(Сайт)');

        // The region's own row opens its own 25, not its subtree's.
        await admin.goto(`${server.url}/?org=abai&period=2023`);
        await revealDashboard(admin);
        await tableOf(admin);
        await admin
          .getByRole('link', {
            name: `Открыть публикации: Областная организация, ${PLATFORM_LABELS.ru.facebook}`,
          })
          .click();
        await admin.waitForURL(/group=self/);
        await admin.getByText('Всего: 25', { exact: true }).waitFor();
      },
      SLOW,
    );

    it(
      "compares a quarter's figures with the quarter before and the same quarter a year before",
      async () => {
        const answer = await admin.request.get(
          `${server.url}/api/v1/measures/dashboard?org=abai&period=2024-Q1`,
        );
        const dashboard = (await answer.json()) as DashboardResponse;
        await admin.goto(`${server.url}/?org=abai&period=2024-Q1`);
        const table = admin.getByRole('table', { name: 'Сравнение с прошлыми периодами' });
        await table.locator('tbody tr').first().waitFor();
        const head = (await table.locator('thead th').allInnerTexts()).join(' | ');
        expect(head).toContain('Предыдущий период\n01.10.2023 – 31.12.2023');
        expect(head).toContain('Год назад\n01.01.2023 – 31.03.2023');
        const figures = [
          ['Публикаций в соцсетях', dashboard.publications],
          ['Материалов на сайтах', dashboard.websitePublications],
        ] as const;
        const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
        const cellsOf = async (title: string) =>
          (await table.locator('tr', { hasText: title }).locator('td').allInnerTexts()).map(plain);
        for (const [title, figure] of figures) {
          const cells = await cellsOf(title);
          expect(cells[1]).toBe(String(figure.current));
          for (const [index, base] of [
            [2, figure.previous],
            [3, figure.yearBefore],
          ] as const) {
            const change = changeOf(figure.current, base);
            const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '±';
            expect(cells[index], `${title} ${index}`).toMatch(
              new RegExp(`^${base} ${TREND_MARKS[change.trend]} \\${sign}${Math.abs(change.delta)}`),
            );
          }
        }
        // Nothing on social networks a year before the page opened: growth from nothing has no percentage.
        expect(dashboard.publications.yearBefore).toBe(0);
        // Followers and members change by a count; the legal share, itself a percentage, by percentage points.
        const { followers, legalShare } = dashboard.comparisons;
        const followerCells = await cellsOf('Подписчиков');
        expect(followerCells[1]).toBe(plain(formatNumber(followers.current!, 'ru')));
        expect(followerCells[3]).toMatch(
          new RegExp(`^${plain(formatNumber(followers.yearBefore!, 'ru'))} ▲ \\+`),
        );
        const legalCells = await cellsOf('Правовая защита');
        expect(legalCells[1]).toBe(plain(formatPercent(legalShare.current!, 'ru')));
        const points = Math.round(Math.abs(legalShare.current! - legalShare.previous!) * 1000) / 10;
        expect(legalCells[2]).toContain(`${plain(formatPercent(legalShare.previous!, 'ru'))} `);
        expect(legalCells[2]).toContain(`${plain(formatNumber(points, 'ru'))} п. п.`);
        await admin
          .getByText(/^Члены профсоюза и подписчики — на 31\.03\.2024, 31\.12\.2023 и 31\.03\.2023$/)
          .waitFor();
        // On a phone each figure is a card: nothing scrolls sideways inside the box, each value names its period.
        await resize(admin, VIEWPORTS.phone);
        await table.locator('thead').waitFor({ state: 'hidden' });
        const box = await table.evaluate((element) => {
          const { parentElement } = element as unknown as {
            parentElement: { scrollWidth: number; clientWidth: number };
          };
          return { scrollWidth: parentElement.scrollWidth, clientWidth: parentElement.clientWidth };
        });
        expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
        const label = await table
          .locator('tr', { hasText: 'Правовая защита' })
          .locator('td')
          .nth(2)
          .evaluate(
            (cell) =>
              (
                globalThis as unknown as {
                  getComputedStyle(of: unknown, pseudo: string): { content: string };
                }
              ).getComputedStyle(cell, '::before').content,
          );
        expect(label).toBe('"Предыдущий период, 01.10.2023 – 31.12.2023"');
        await resize(admin, VIEWPORTS.desktop);
        await screenshots(admin, 'dashboard-comparison');
      },
      SLOW,
    );
  },
);
