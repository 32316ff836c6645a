/**
 * The web application reads well in three languages and on a phone: no page scrolls sideways at 390 px, no word
 * is broken across lines and no menu item is cut, in Russian and Kazakh; the Organizations page opens on the
 * chosen organization; thresholds are percents; a viewer is not shown pages they cannot use; the English
 * dashboard has no Russian outside records' own texts. Screenshots of each page land in test-artifacts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listVisibleOrganizations } from '../../src/services/org.service.js';
import { loadSettings } from '../../src/services/settings.service.js';
import { RULE_TEXTS } from '../../src/shared/rule-texts.js';
import { en } from '../../web/src/i18n/en.js';
import { kk } from '../../web/src/i18n/kk.js';
import { ru } from '../../web/src/i18n/ru.js';
import { skippedBecause } from '../helpers/real-files.js';
import {
  LANGUAGE_NAMES,
  NO_BROWSER,
  pageWidths,
  resize,
  revealCharts,
  SCREENSHOTS,
  signedInPage,
  switchLanguage,
  VIEWPORTS,
  visibleText,
} from './browser.js';
import { type DemoServer, PASSWORD } from './demo-server.js';
import { closeDemoSession, openDemoSession } from './demo-session.js';

const SLOW = 300_000;
const TEXTS = { ru, kk, en } as const;

/** Opens a page and waits until its data has come and been drawn. */
async function show(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('main, .ant-layout-content').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 20_000 });
  // Charts are drawn once scrolled to: drawn here, so that their widths count too.
  await revealCharts(page);
  await page.waitForTimeout(300);
}

/**
 * The words broken across two lines in the page's tables, descriptions, cards' titles and the menu: each word
 * (between spaces, hyphens and slashes) of their text, and the lines its boxes stand on. Links' addresses may
 * break anywhere: a line is narrower than they are.
 */
async function brokenWords(page: Page): Promise<string[]> {
  // Run in the page, as text: the tests are compiled without the DOM's types.
  return (await page.evaluate(`(() => {
    const scopes = document.querySelectorAll(
      '.ant-table-cell, .ant-descriptions-item-label, .ant-descriptions-item-content, .ant-card-head-title, .panel-title, .app-menu .ant-menu-title-content',
    );
    const broken = new Set();
    for (const scope of scopes) {
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (/https?:\\/\\/|www\\./.test(text)) continue;
        for (const match of text.matchAll(/[^\\s\\-–—/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set(
            [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)),
          );
          if (tops.size > 1) broken.add(match[0]);
        }
      }
    }
    return [...broken];
  })()`)) as string[];
}

function phoneScreenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(NO_BROWSER !== undefined)(
  skippedBecause('the web application’s layout in Chromium', NO_BROWSER),
  () => {
    let server: DemoServer;
    let browser: Browser;
    let admin: Page;
    let publicationId: number;
    let nationalCode: string;

    beforeAll(async () => {
      ({ server, browser, admin } = await openDemoSession());
      const row = await server.ctx.db.kysely
        .selectFrom('publication')
        .select('id')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      publicationId = Number(row.id);
      const orgs = await listVisibleOrganizations(server.ctx);
      nationalCode = orgs.find((org) => org.parentId === null)!.code;
    }, 300_000);
    afterAll(() => closeDemoSession({ server, browser }));
    // Each scenario starts at desktop width in Russian, whatever the one before it left.
    beforeEach(async () => {
      await resize(admin, VIEWPORTS.desktop);
      await show(admin, `${server.url}/?org=abai&period=2023`);
      await switchLanguage(admin, 'ru');
    }, SLOW);

    /** Every page of the application, with the organization and period of the seed brief. */
    const pages = () =>
      [
        ['dashboard', '/'],
        ['organizations', '/organizations'],
        ['organization-national', `/organizations/${nationalCode}`],
        ['publications', '/publications'],
        ['publication', `/publications/${publicationId}`],
        ['channels', '/channels'],
        ['channel', '/channels/abai-facebook'],
        ['media', '/media'],
        ['materials', '/materials'],
        ['events', '/events'],
        ['decisions', '/decisions'],
        ['imports', '/imports'],
        ['briefs', '/briefs'],
        ['settings', '/settings'],
      ] as const;

    it(
      'scrolls no page sideways and breaks no word at phone width, in Russian and Kazakh',
      async () => {
        await resize(admin, VIEWPORTS.phone);
        const problems: string[] = [];
        for (const lang of ['ru', 'kk'] as const) {
          await switchLanguage(admin, lang);
          for (const [name, path] of pages()) {
            await show(admin, `${server.url}${path}?org=abai&period=2023`);
            const { scrollWidth, innerWidth } = await pageWidths(admin);
            if (scrollWidth > innerWidth) problems.push(`${lang} ${path}: ${scrollWidth} px wide`);
            for (const word of await brokenWords(admin)) problems.push(`${lang} ${path}: «${word}» broken`);
            await phoneScreenshot(admin, `layout-${name}-${lang}-phone`);
          }
        }
        expect(problems).toEqual([]);
      },
      SLOW,
    );

    it(
      'shows every menu item whole at desktop width, in Russian and Kazakh',
      async () => {
        for (const lang of ['ru', 'kk'] as const) {
          await switchLanguage(admin, lang);
          const items =
            (await admin.evaluate(`[...document.querySelectorAll('.app-menu .ant-menu-title-content')]
            .map((element) => ({
              text: element.textContent,
              cut: element.scrollWidth > element.clientWidth,
              ellipsis: getComputedStyle(element).textOverflow === 'ellipsis',
            }))`)) as { text: string; cut: boolean; ellipsis: boolean }[];
          // Every page an administrator has, among them the longest labels.
          expect(items.map((item) => item.text)).toContain(TEXTS[lang]['nav.materials']);
          expect(items.map((item) => item.text)).toContain(TEXTS[lang]['nav.decisions']);
          expect(items.filter((item) => item.cut || item.ellipsis)).toEqual([]);
          expect(await brokenWords(admin)).toEqual([]);
          await admin.screenshot({ path: join(SCREENSHOTS, `layout-menu-${lang}-desktop.png`) });
        }
      },
      SLOW,
    );

    it(
      'opens the Organizations page on the chosen organization, the tree opened down to it',
      async () => {
        await show(admin, `${server.url}/organizations?org=abai-semey&period=2023`);
        const semey = (await listVisibleOrganizations(server.ctx)).find((org) => org.code === 'abai-semey')!;
        const selected = admin.locator('.ant-tree-treenode-selected');
        await expect.poll(() => selected.innerText()).toBe(semey.shortNameRu ?? semey.nameRu);
        // Shown, so the path from the top is open (the tree draws only the nodes in its view).
        await selected.waitFor();
        const card = admin.locator('.ant-card-head-title', { hasText: /Семей/ });
        await card.first().waitFor();
        await phoneScreenshot(admin, 'layout-organizations-chosen-desktop');
        // On a phone the card's actions stand under its title, which keeps the head's whole width.
        await resize(admin, VIEWPORTS.phone);
        const widths = await card.first().evaluate((title) => {
          const element = title as unknown as {
            offsetWidth: number;
            parentElement: { offsetWidth: number };
          };
          return { title: element.offsetWidth, head: element.parentElement.offsetWidth };
        });
        expect(widths.title).toBe(widths.head);
        await resize(admin, VIEWPORTS.desktop);
      },
      SLOW,
    );

    it(
      "gives an organization its names in three languages on its page; each language's UI shows its own",
      async () => {
        await show(admin, `${server.url}/organizations/abai-zharma-001?org=abai&period=2023`);
        await admin.getByRole('button', { name: ru['org.rename'] }).click();
        const dialog = admin.getByRole('dialog');
        const russian = (await listVisibleOrganizations(server.ctx)).find(
          (org) => org.code === 'abai-zharma-001',
        )!;
        expect(await dialog.getByLabel(ru['org.nameRu'], { exact: true }).inputValue()).toBe(russian.nameRu);
        await dialog
          .getByLabel(ru['org.nameEn'], { exact: true })
          .fill('Zharma District Department of Education');
        await dialog.getByLabel(ru['org.shortNameEn'], { exact: true }).fill('Zharma education department');
        await phoneScreenshot(admin, 'layout-organization-names-ru');
        await dialog.getByRole('button', { name: ru['common.save'] }).click();
        await dialog.waitFor({ state: 'hidden' });
        const stored = async () =>
          (await listVisibleOrganizations(server.ctx)).find((org) => org.code === 'abai-zharma-001');
        await expect.poll(async () => (await stored())?.shortNameEn).toBe('Zharma education department');
        expect(await stored()).toMatchObject({
          nameRu: russian.nameRu,
          nameEn: 'Zharma District Department of Education',
        });
        // The Russian UI keeps the Russian name; the English one shows the English names, short in the tree.
        await admin.locator('.ant-card-head-title', { hasText: russian.nameRu }).waitFor();
        await switchLanguage(admin, 'en');
        await admin
          .locator('.ant-tree-treenode-selected', { hasText: 'Zharma education department' })
          .waitFor();
        await admin
          .locator('.ant-card-head-title', { hasText: 'Zharma District Department of Education' })
          .waitFor();
        await phoneScreenshot(admin, 'layout-organization-names-en');
      },
      SLOW,
    );

    it(
      'shows and takes the thresholds as percents in the language’s format',
      async () => {
        await show(admin, `${server.url}/settings?org=abai`);
        const minReach = admin.getByLabel(ru['threshold.minReach']);
        expect((await minReach.inputValue()).replace(/\u00a0/g, ' ')).toBe('10 %');
        await minReach.fill('12,5');
        await admin.getByRole('button', { name: ru['common.save'] }).click();
        await expect.poll(async () => (await loadSettings(server.ctx)).rules.low_reach.minReach).toBe(0.125);
        await show(admin, `${server.url}/settings?org=abai`);
        expect((await admin.getByLabel(ru['threshold.minReach']).inputValue()).replace(/\u00a0/g, ' ')).toBe(
          '12,5 %',
        );
        await admin.getByLabel(ru['threshold.minReach']).fill('10');
        await admin.getByRole('button', { name: ru['common.save'] }).click();
        await expect.poll(async () => (await loadSettings(server.ctx)).rules.low_reach.minReach).toBe(0.1);
      },
      SLOW,
    );

    it(
      'does not show a viewer the pages they cannot use, and says so where typed',
      async () => {
        const viewer = await signedInPage(browser, server.url, 'branchViewer', PASSWORD);
        try {
          await show(viewer, `${server.url}/`);
          const menu = viewer.getByRole('navigation').first();
          await menu.getByRole('link', { name: ru['nav.publications'] }).waitFor();
          for (const label of [ru['nav.settings'], ru['nav.imports']])
            expect(await menu.getByRole('link', { name: label }).count()).toBe(0);
          for (const path of ['/settings', '/imports']) {
            await show(viewer, `${server.url}${path}`);
            await viewer.getByText(ru['common.pageNotForRole']).waitFor();
          }
        } finally {
          await viewer.context().close();
        }
        // The administrator has both.
        await show(admin, `${server.url}/`);
        for (const label of [ru['nav.settings'], ru['nav.imports']])
          await admin.getByRole('navigation').first().getByRole('link', { name: label }).waitFor();
      },
      SLOW,
    );

    it(
      'shows the English dashboard without Russian outside records’ own texts',
      async () => {
        await switchLanguage(admin, 'en');
        await show(admin, `${server.url}/?org=abai&period=2023`);
        await admin.getByText(RULE_TEXTS.en.low_reach.title).first().waitFor();
        await admin.getByText(RULE_TEXTS.en.platform_missing.title.split(':')[0]!).first().waitFor();
        for (const [size, viewport] of Object.entries(VIEWPORTS)) {
          await resize(admin, viewport);
          await phoneScreenshot(admin, `layout-dashboard-en-${size}`);
        }
        await resize(admin, VIEWPORTS.desktop);
        // Records' own texts are their authors' words: titles and channels' names. Organizations are named in
        // English (the demo's region and branches have English names); only those without one keep theirs.
        await admin.evaluate(
          `document.querySelectorAll('[data-user-text]').forEach((element) => (element.style.display = 'none'))`,
        );
        const orgs = await listVisibleOrganizations(server.ctx);
        const channels = await server.ctx.db.kysely.selectFrom('channel').select('name').execute();
        const names = [
          ...orgs
            .filter((org) => org.nameEn === null)
            .flatMap((org) => [org.nameRu, org.nameKk, org.shortNameRu, org.shortNameKk]),
          ...channels.map((channel) => channel.name),
        ]
          .filter((name): name is string => Boolean(name))
          .sort((a, b) => b.length - a.length);
        let text = await visibleText(admin, 'body');
        // The language switch names each language in itself.
        for (const name of [...names, ...Object.values(LANGUAGE_NAMES)]) text = text.split(name).join('');
        const cyrillic = text.split('\n').filter((line) => /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(line));
        expect(cyrillic).toEqual([]);
      },
      SLOW,
    );
  },
);
