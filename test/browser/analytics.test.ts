/**
 * The dashboard's analytics in Chromium on the Abai demo: in English the engagement section, the posting-time
 * heatmap and the followers' growth show the API's numbers; at 390 px the dashboard does not scroll sideways in
 * Russian or Kazakh. Screenshots of each language at desktop and phone width go to ANALYTICS_SHOTS.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationItem } from '../../src/shared/dashboard.js';
import type {
  EngagementAnswer,
  FollowerGrowthAnswer,
  PostingTimeAnswer,
} from '../../src/shared/engagement.schema.js';
import { formatNumber, formatPercent } from '../../src/shared/format.js';
import { en } from '../../web/src/i18n/en.js';
import { kk } from '../../web/src/i18n/kk.js';
import { ru } from '../../web/src/i18n/ru.js';
import { skippedBecause } from '../helpers/real-files.js';
import {
  NO_BROWSER,
  pageWidths,
  resize,
  revealCharts,
  revealDashboard,
  switchLanguage,
  VIEWPORTS,
} from './browser.js';
import type { DemoServer } from './demo-server.js';
import { closeDemoSession, openDemoSession } from './demo-session.js';

const SLOW = 180_000;
const SHOTS = process.env['ANALYTICS_SHOTS'] ?? '/tmp/analytics-shots';
/** The regional page's 2024 posts and the branches' autumn pages. */
const QUERY = 'org=abai&period=2024-01-01..2024-11-30';
const TEXTS = { ru, kk, en } as const;
type Lang = keyof typeof TEXTS;

const clean = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

/** The dashboard with its three analytics sections drawn. */
async function showDashboard(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/?${QUERY}`);
  await revealDashboard(page);
  await page.locator('[data-testid="posting-heatmap"]').waitFor();
  await page.locator('[data-top-post]').first().waitFor();
  await page.locator('[data-channel]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

/** The whole page, and each analytics section alone so that it can be read. */
async function shoot(page: Page, name: string, lang: Lang): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await revealCharts(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  for (const key of ['analytics.engagement', 'analytics.postingTime', 'analytics.followerGrowth'] as const) {
    const section = page.getByRole('region', { name: TEXTS[lang][key], exact: true });
    await section.screenshot({ path: join(SHOTS, `${name}-${key.split('.')[1]}.png`) });
  }
}

describe.skipIf(NO_BROWSER !== undefined)(
  skippedBecause('the dashboard’s analytics in Chromium', NO_BROWSER),
  () => {
    let server: DemoServer;
    let browser: Browser;
    let admin: Page;

    beforeAll(async () => ({ server, browser, admin } = await openDemoSession()), 300_000);
    afterAll(() => closeDemoSession({ server, browser }));

    const answer = async <T>(route: string): Promise<T> => {
      const response = await admin.request.get(`${server.url}/api/v1/measures/${route}?${QUERY}`);
      expect(response.status()).toBe(200);
      return (await response.json()) as T;
    };

    it(
      'shows engagement, the heatmap and the growth in English with the API’s numbers',
      async () => {
        await resize(admin, VIEWPORTS.desktop);
        await admin.goto(`${server.url}/?${QUERY}`);
        await switchLanguage(admin, 'en');
        await showDashboard(admin, server.url);
        const engagement = await answer<EngagementAnswer>('engagement');
        const posting = await answer<PostingTimeAnswer>('posting-time');
        const growth = await answer<FollowerGrowthAnswer>('follower-growth');

        const section = admin.getByRole('region', { name: 'Engagement', exact: true });
        const total = section.locator('[data-row="total"]');
        const figure = async (key: string) =>
          clean(await total.locator(`[data-figure="${key}"]`).innerText());
        expect(await figure('posts')).toBe(formatNumber(engagement.total.posts, 'en'));
        expect(await figure('reactions')).toBe(formatNumber(engagement.total.reactions, 'en'));
        expect(await figure('comments')).toBe(formatNumber(engagement.total.comments, 'en'));
        expect(engagement.total.engagementByFollowers).not.toBeNull();
        expect(await figure('engagementByFollowers')).toBe(
          formatPercent(engagement.total.engagementByFollowers ?? 0, 'en'),
        );
        const platforms = section.getByRole('table', { name: 'By platform' });
        expect(await platforms.locator('tbody tr.ant-table-row').count()).toBe(engagement.byPlatform.length);
        const tops = section.locator('[data-top-post]');
        expect(await tops.count()).toBe(engagement.topPosts.length);
        const first = engagement.topPosts[0];
        expect(clean(await tops.first().locator('[data-figure="interactions"]').innerText())).toBe(
          `Interactions: ${formatNumber(first?.interactions ?? -1, 'en')}`,
        );

        const heatmap = admin.locator('[data-testid="posting-heatmap"]');
        const cells = heatmap.locator('td[data-cell]');
        expect(await cells.count()).toBe(posting.grid.length);
        for (const cell of posting.grid) {
          const shown = heatmap.locator(`td[data-cell="${cell.weekday}-${cell.hour}"]`);
          expect(await shown.innerText(), `${cell.weekday}-${cell.hour}`).toBe(String(cell.posts));
          expect(await shown.getAttribute('data-verdict')).toBe(String(cell.verdict));
        }
        // Each weekday over all its hours, beside its row.
        const days = heatmap.locator('td[data-day]');
        const withPosts = posting.byWeekday.filter((day) => day.posts > 0);
        expect(await days.allInnerTexts()).toEqual(withPosts.map((day) => String(day.posts)));
        expect(
          await days.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-verdict'))),
        ).toEqual(withPosts.map((day) => String(day.verdict)));
        // Some cells hold too few posts for a verdict, and are shown so.
        expect(posting.grid.some((cell) => !cell.verdict)).toBe(true);

        const rows = admin.locator('tr[data-channel]');
        await rows.first().waitFor();
        expect(await rows.count()).toBe(growth.channels.length);
        const region = growth.channels.find((channel) => channel.code === 'abai-facebook');
        expect(region?.delta).not.toBeNull();
        const regionRow = clean(await admin.locator('tr[data-channel="abai-facebook"]').innerText());
        expect(regionRow).toContain(formatNumber(region?.start ?? -1, 'en'));
        expect(regionRow).toContain(formatNumber(region?.end ?? -1, 'en'));
        expect(regionRow).toContain(`+${formatNumber(region?.delta ?? -1, 'en')}`);
        for (const size of ['desktop', 'phone'] as const) {
          await resize(admin, VIEWPORTS[size]);
          await shoot(admin, `dashboard-analytics-en-${size}`, 'en');
        }
        await resize(admin, VIEWPORTS.desktop);
      },
      SLOW,
    );

    it(
      'shows each publication’s interactions and views in the list, as the API states them',
      async () => {
        await resize(admin, VIEWPORTS.desktop);
        await switchLanguage(admin, 'ru');
        const response = await admin.request.get(
          `${server.url}/api/v1/publications?${QUERY}&platform=facebook&pageSize=20`,
        );
        const page = (await response.json()) as { items: PublicationItem[] };
        const engaged = page.items.find((item) => item.engagement.reactions !== null);
        expect(engaged).toBeDefined();
        await admin.goto(`${server.url}/publications?${QUERY}&platform=facebook`);
        const table = admin.getByRole('table', { name: 'Публикации' });
        await table.locator('tbody tr.ant-table-row').first().waitFor();
        const { reactions, comments, shares, views } = engaged!.engagement;
        const row = table.locator('tbody tr.ant-table-row', {
          has: admin.locator(`a[href="/publications/${engaged!.id}"]`),
        });
        const cells = clean(await row.innerText());
        expect(cells).toContain(
          clean(formatNumber((reactions ?? 0) + (comments ?? 0) + (shares ?? 0), 'ru')),
        );
        if (views !== null) expect(cells).toContain(clean(formatNumber(views, 'ru')));
      },
      SLOW,
    );

    it(
      'does not scroll the dashboard sideways at 390 px in Russian and Kazakh',
      async () => {
        const problems: string[] = [];
        for (const lang of ['ru', 'kk'] as const) {
          await resize(admin, VIEWPORTS.desktop);
          await switchLanguage(admin, lang);
          await showDashboard(admin, server.url);
          await shoot(admin, `dashboard-analytics-${lang}-desktop`, lang);
          await resize(admin, VIEWPORTS.phone);
          // On a phone the channels' growth is a list of cards, not a table.
          await admin.locator('.ant-list-item[data-channel]').first().waitFor();
          await admin.waitForTimeout(400);
          const { scrollWidth, innerWidth } = await pageWidths(admin);
          if (scrollWidth > innerWidth) problems.push(`${lang}: ${scrollWidth} px wide`);
          await shoot(admin, `dashboard-analytics-${lang}-phone`, lang);
        }
        expect(problems).toEqual([]);
      },
      SLOW,
    );
  },
);
