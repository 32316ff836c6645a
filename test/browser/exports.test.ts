/**
 * Downloads in Chromium on the Abai demo: a list's XLSX and CSV hold the rows the server lists, under the name
 * a person would give them; a chart saves as PNG; the dashboard's Brief button downloads the Word brief of the
 * organization and period on screen, named «Справка_…_2023.docx». The Briefs page's preview is photographed in
 * ru, kk and en at desktop and phone width (test-artifacts/export-shots), and does not scroll sideways.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { REGION_NAME } from '../../src/services/demo/abai.places.js';
import { searchPublications } from '../../src/services/publication.service.js';
import { listRecords } from '../../src/services/registry.service.js';
import { en } from '../../web/src/i18n/en.js';
import { kk } from '../../web/src/i18n/kk.js';
import { ru } from '../../web/src/i18n/ru.js';
import { skippedBecause } from '../helpers/real-files.js';
import {
  NO_BROWSER,
  pageWidths,
  resize,
  revealCharts,
  screenshots,
  switchLanguage,
  VIEWPORTS,
} from './browser.js';
import type { DemoServer } from './demo-server.js';
import { closeDemoSession, openDemoSession } from './demo-session.js';

const SLOW = 180_000;
const SHOTS = process.env['AQPARAT_EXPORT_SHOTS'] ?? 'test-artifacts/export-shots';
const TEXTS = { ru, kk, en } as const;

/** Opens the Download menu above the table and saves the file of the format; its name and path. */
async function download(page: Page, format: 'xlsx' | 'csv') {
  await page
    .getByRole('button', { name: /^Скачать/ })
    .first()
    .click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`.ant-dropdown:visible a[data-export-format="${format}"]`).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe.skipIf(NO_BROWSER !== undefined)(skippedBecause('downloads in Chromium', NO_BROWSER), () => {
  let server: DemoServer;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => ({ server, browser, admin } = await openDemoSession()), 300_000);
  afterAll(() => closeDemoSession({ server, browser }));

  it(
    "downloads the events list as XLSX with the server's rows, named for the list, organization and year",
    async () => {
      await admin.goto(`${server.url}/events?org=abai&period=2023`);
      await admin
        .getByRole('table', { name: 'Мероприятия' })
        .locator('tbody tr.ant-table-row')
        .first()
        .waitFor();
      await screenshots(admin, 'export-events');
      const { name, bytes } = await download(admin, 'xlsx');
      expect(name).toBe(`Мероприятия_${REGION_NAME.ru.nom}_2023.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const listed = await listRecords(server.ctx, 'events', {
        org: 'abai',
        period: parsePeriod('2023'),
        page: 1,
        pageSize: 500,
      });
      expect(listed.total).toBeGreaterThan(0);
      expect(sheet.rowCount).toBe(listed.total + 1);
      expect(sheet.getRow(1).getCell(1).value).toBe('Название');
      const dates = sheet.getColumn(5).values.slice(2) as Date[];
      expect(dates.map((date) => date.toISOString().slice(0, 10))).toEqual(
        listed.items.map((event) => event.heldOn),
      );
    },
    SLOW,
  );

  it("downloads the filtered publications as CSV for Excel: the seed's 48 Facebook posts of 2023", async () => {
    await admin.goto(`${server.url}/publications?org=abai&period=2023&platform=facebook`);
    await admin
      .getByRole('table', { name: 'Публикации' })
      .locator('tbody tr.ant-table-row')
      .first()
      .waitFor();
    const { name, bytes } = await download(admin, 'csv');
    expect(name).toBe(`Публикации_${REGION_NAME.ru.nom}_2023.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    const listed = await searchPublications(server.ctx, {
      org: 'abai',
      period: parsePeriod('2023'),
      platform: 'facebook',
      page: 1,
      pageSize: 500,
    });
    expect(listed.total).toBe(48);
    expect(lines).toHaveLength(1 + 48);
    expect(lines[0]?.split(';').slice(0, 5)).toEqual(['Дата', 'Название', 'Текст', 'Канал', 'Платформа']);
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual(
      listed.items.map((item) => item.localDate),
    );
  });

  it('downloads the brief of the dashboard’s organization and period, and a chart as PNG', async () => {
    await admin.goto(`${server.url}/?org=abai&period=2023`);
    const button = admin.locator('[data-brief-download]');
    await button.waitFor();
    const [brief] = await Promise.all([admin.waitForEvent('download'), button.click()]);
    expect(brief.suggestedFilename()).toBe(`Справка_${REGION_NAME.ru.nom}_2023.docx`);
    // A Word file is a ZIP.
    expect(
      readFileSync(await brief.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await screenshots(admin, 'export-dashboard');
    await revealCharts(admin);
    const png = admin.getByRole('button', { name: /^Скачать PNG: / }).first();
    const [picture] = await Promise.all([admin.waitForEvent('download'), png.click()]);
    expect(picture.suggestedFilename()).toMatch(/\.png$/);
    expect([...readFileSync(await picture.path()).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it(
    'shows the brief’s preview after its loading state, in three languages, without sideways scroll on a phone',
    async () => {
      mkdirSync(SHOTS, { recursive: true });
      // The preview's brief held back a moment, so that its loading state is seen however fast the server is.
      await admin.route(/\/api\/v1\/briefs\/download\?.*disposition=inline/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await admin.goto(`${server.url}/briefs?org=abai&period=2023`);
      for (const lang of ['ru', 'kk', 'en'] as const) {
        await switchLanguage(admin, lang);
        // The brief in the reader's language (Russian for an English reader).
        await admin
          .getByLabel(TEXTS[lang][lang === 'kk' ? 'reportLang.kk' : 'reportLang.ru'])
          .first()
          .check();
        await admin.getByRole('button', { name: TEXTS[lang]['brief.generate'] }).click();
        // While the brief is written the preview says so; then it shows the brief.
        if (lang !== 'en') {
          await admin.locator('[data-brief-preview="loading"]').waitFor();
          await admin.screenshot({ path: join(SHOTS, `briefs-${lang}-loading.png`) });
        }
        await admin.locator('[data-brief-preview="ready"]').waitFor({ timeout: 60_000 });
        await expect
          .poll(() => admin.frameLocator('iframe').locator('body').innerText())
          .toContain(lang === 'kk' ? 'АНЫҚТАМА' : 'СПРАВКА');
        const link = admin.locator('a[download]').filter({ hasText: 'DOCX' });
        expect(await link.getAttribute('download')).toBe(
          lang === 'kk'
            ? `Анықтама_${REGION_NAME.kk.nom}_2023.docx`
            : `Справка_${REGION_NAME.ru.nom}_2023.docx`,
        );
        for (const [size, viewport] of Object.entries(VIEWPORTS)) {
          await resize(admin, viewport);
          const { scrollWidth, innerWidth } = await pageWidths(admin);
          expect(scrollWidth, `${lang} ${size}`).toBeLessThanOrEqual(innerWidth);
          await admin.screenshot({ path: join(SHOTS, `briefs-${lang}-${size}.png`), fullPage: true });
        }
        await resize(admin, VIEWPORTS.desktop);
      }
    },
    SLOW,
  );
});
