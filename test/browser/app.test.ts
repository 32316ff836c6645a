/**
 * The web application in a real browser (Debian's Chromium) against the real server on the Abai demo: the
 * figures of the seed brief, the presence matrix, an import, a correction, the Kazakh brief, a branch viewer's
 * view, the Kazakh UI; and screenshots of every page at desktop and phone width.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skippedBecause } from '../helpers/real-files.js';
import { listVisibleOrganizations } from '../../src/services/org.service.js';
import { addPublication } from '../../src/services/publication.service.js';
import { PLATFORM_LABELS, TOPIC_LABELS } from '../../src/shared/labels.js';
import { RULE_TEXTS } from '../../src/shared/rule-texts.js';
import { en } from '../../web/src/i18n/en.js';
import { kk } from '../../web/src/i18n/kk.js';
import { ru, type TextKey } from '../../web/src/i18n/ru.js';
import { codeFromName } from '../../src/shared/code-from-name.js';
import { docxText } from '../helpers/office.js';
import { real } from '../importers/helpers.js';
import {
  choose,
  figure,
  LANGUAGE_NAMES,
  newPage,
  NO_BROWSER,
  revealDashboard,
  screenshots,
  signedInPage,
  visibleText,
} from './browser.js';
import { type DemoServer, PASSWORD } from './demo-server.js';
import { closeDemoSession, openDemoSession } from './demo-session.js';

const SLOW = 120_000;

describe.skipIf(NO_BROWSER !== undefined)(
  skippedBecause('the web application in Chromium', NO_BROWSER),
  () => {
    let server: DemoServer;
    let browser: Browser;
    let admin: Page;
    /** Opens a page; the dashboard drawn to its end, as a reader scrolling down sees it. */
    const open = async (page: Page, path: string) => {
      await page.goto(`${server.url}${path}`);
      if (path.startsWith('/?')) await revealDashboard(page);
    };

    beforeAll(async () => ({ server, browser, admin } = await openDemoSession()), 300_000);
    afterAll(() => closeDemoSession({ server, browser }));

    it(
      'shows the Abai dashboard with the seed brief’s figures',
      async () => {
        await open(admin, '/?org=abai&period=2023');
        await admin.getByRole('heading', { name: /области Абай/ }).waitFor();
        // Members and followers as of the period's end, and that date beside them.
        expect(await figure(admin, 'Членов профсоюза')).toBe('25 112');
        expect(await figure(admin, 'Публикаций в соцсетях')).toBe('48');
        expect(await figure(admin, 'Подписчиков')).toBe('142');
        for (const title of ['Членов профсоюза', 'Подписчиков'])
          expect(await admin.getByRole('region', { name: title, exact: true }).innerText()).toContain(
            'на 31.12.2023',
          );
        await admin.getByText(/^на 31\.12\.2023 · Активна/).waitFor();
        await screenshots(admin, 'dashboard');
        // The organization's page counts its members on the same date for the same period.
        const members = await figure(admin, 'Членов профсоюза');
        await open(admin, '/organizations/abai?org=abai&period=2023');
        await admin.getByText(`${members} (на 31.12.2023)`).waitFor();
      },
      SLOW,
    );

    it(
      'finds the four branches without pages in the presence matrix',
      async () => {
        // As of the end of 2024: the other branches opened their pages in February.
        await open(admin, '/?org=abai&period=2024');
        const matrix = admin.getByRole('table', { name: 'Присутствие в соцсетях' });
        const absent = matrix.locator('tr.presence-absent td:first-child');
        await matrix.waitFor();
        expect((await absent.allInnerTexts()).sort()).toEqual(
          ['Аягозская', 'Городская организация', 'Жарминская', 'Кокпектинская'].sort(),
        );
        // Each of them is a link to its organization.
        await absent.getByRole('link', { name: 'Жарминская' }).click();
        await admin.waitForURL(/\/organizations\/abai-zharma/);
      },
      SLOW,
    );

    it(
      'imports a real Telegram export and the dashboard counts it',
      async () => {
        await open(admin, '/?org=abai&period=2025');
        expect(await figure(admin, 'Публикаций в соцсетях')).toBe('0');

        // A Telegram channel of the region, added inline in the upload dialog: its code offered from its name.
        await open(admin, '/imports?org=abai&period=2025');
        await admin.getByRole('button', { name: 'Новый канал' }).click();
        const dialog = admin.getByRole('dialog');
        const name = 'Телеграм областной организации';
        await dialog.getByLabel('Название').fill(name);
        expect(await dialog.getByLabel('Код').inputValue()).toBe(codeFromName(name, 'abai'));
        await choose(admin, 'Платформа', 'Telegram', dialog);
        await dialog.getByRole('button', { name: 'Сохранить' }).click();
        await dialog.waitFor({ state: 'hidden' });
        // Chosen for the upload at once.
        await admin.locator('.ant-select-content', { hasText: name }).first().waitFor();
        await admin
          .locator('input[type=file]')
          .setInputFiles(real('telegram/htx-erg_private_supergroup_result.json'));
        // A group's export: the page says what it is and imports it once confirmed.
        const refusal = admin.getByRole('dialog', { name: 'Это выгрузка не канала' });
        await refusal
          .getByText('выгрузка группы «HTX <> ERG»', { exact: false })
          .waitFor({ timeout: 60_000 });
        await refusal.getByRole('button', { name: 'Импортировать всё равно' }).click();
        const summary = admin.getByRole('region', { name: 'Итог импорта' });
        await summary.getByText('завершён').waitFor({ timeout: 60_000 });
        expect(await visibleText(admin, '[aria-label="Итог импорта"]')).toMatch(/Новых\s*15/);
        // The history names the source in words.
        await admin
          .getByRole('table', { name: 'История импорта' })
          .getByText('Экспорт Telegram Desktop')
          .first()
          .waitFor();
        await screenshots(admin, 'imports');
        // The summary opens the publications the import created.
        await summary.getByRole('link', { name: 'Открыть новые публикации (15)' }).click();
        await admin.getByText(/^Импорт № \d+$/).waitFor();
        const rows = admin.getByRole('table', { name: 'Публикации' }).locator('tbody tr.ant-table-row');
        await expect.poll(() => rows.count()).toBe(15);

        await open(admin, '/?org=abai&period=2025');
        await admin.getByRole('heading', { name: /области Абай/ }).waitFor();
        expect(await figure(admin, 'Публикаций в соцсетях')).toBe('15');
      },
      SLOW,
    );

    it(
      'lists every rejection of an import, the first hundred at once and the rest on request',
      async () => {
        const dir = mkdtempSync(join(tmpdir(), 'aqparat-browser-'));
        try {
          const file = join(dir, 'publications.csv');
          // Dates no one could read, on the demo's Facebook page named by each row.
          const rows = Array.from(
            { length: 150 },
            (_, index) => `abai-facebook;не дата;Пост ${index + 1};Текст;abai`,
          );
          writeFileSync(
            file,
            ['Канал;Дата и время публикации;Заголовок;Текст;Организация-субъект', ...rows].join('\n'),
          );
          await open(admin, '/imports?org=abai&period=2025');
          await admin.locator('input[type=file]').setInputFiles(file);
          const summary = admin.getByRole('region', { name: 'Итог импорта' });
          await summary.getByText('Показаны 100 из 150').waitFor({ timeout: 60_000 });
          await summary.getByRole('button', { name: 'Показать ещё' }).click();
          await summary.getByText('Показаны 100 из 150').waitFor({ state: 'detached' });
          // All 150 now, ten to a page.
          await summary.getByRole('listitem', { name: '15' }).waitFor();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
      SLOW,
    );

    it(
      'corrects a topic and the dashboard’s legal share changes',
      async () => {
        await open(admin, '/?org=abai&period=2023');
        const before = await figure(admin, 'Правовая защита');
        expect(before).toBe('2,1 %');

        await open(admin, `/publications?org=abai&period=2023&platform=facebook&topic=organizational`);
        await admin.getByRole('table', { name: 'Публикации' }).locator('tbody tr a').first().click();
        const drawer = admin.getByRole('dialog');
        await drawer.getByRole('combobox', { name: 'Тема' }).waitFor();
        await screenshots(admin, 'publication');
        await choose(admin, 'Тема', TOPIC_LABELS.ru.legal, drawer);
        await drawer.getByText('Исправление сохранено').waitFor();
        await expect
          .poll(() =>
            drawer.locator('.ant-select', { has: admin.getByRole('combobox', { name: 'Тема' }) }).innerText(),
          )
          .toBe(TOPIC_LABELS.ru.legal);

        await open(admin, '/?org=abai&period=2023');
        await admin.getByRole('heading', { name: /области Абай/ }).waitFor();
        expect(await figure(admin, 'Правовая защита')).toBe('4,2 %');
      },
      SLOW,
    );

    it(
      'writes the Kazakh brief and downloads a valid Word file',
      async () => {
        await open(admin, '/briefs?org=abai&period=2023');
        await admin.getByRole('radio', { name: 'на казахском' }).check();
        await admin.getByRole('button', { name: 'Составить справку' }).click();
        const link = admin.getByRole('link', { name: /Скачать DOCX/ });
        await link.waitFor();
        await admin
          .frameLocator('iframe[title="Справка для просмотра"]')
          .getByText('АНЫҚТАМА', { exact: true })
          .waitFor();
        await screenshots(admin, 'briefs');
        const [download] = await Promise.all([admin.waitForEvent('download'), link.click()]);
        const docx = readFileSync(await download.path());
        const text = await docxText(docx);
        expect(text).toContain('АНЫҚТАМА');
        expect(text).toContain('ақпараттық жұмыстың жай-күйі туралы');
        expect(download.suggestedFilename()).toMatch(/\.docx$/);
      },
      SLOW,
    );

    it(
      'shows a branch viewer no sibling branch anywhere',
      async () => {
        const orgs = await listVisibleOrganizations(server.ctx);
        const region = orgs.find((org) => org.code === 'abai');
        const siblings = orgs.filter(
          (org) => org.parentId === region?.id && org.kind === 'branch' && org.code !== 'abai-semey',
        );
        expect(siblings).toHaveLength(8);
        const viewer = await signedInPage(browser, server.url, 'branchViewer', PASSWORD);
        try {
          for (const path of [
            '/?period=2023',
            '/organizations',
            '/publications?period=2023',
            '/channels',
            '/media?period=2023',
            '/decisions?period=2023',
          ]) {
            await open(viewer, path);
            await viewer.waitForLoadState('networkidle');
            const text = await visibleText(viewer, 'body');
            for (const sibling of siblings) {
              expect(text, `${path} names ${sibling.code}`).not.toContain(
                sibling.shortNameRu ?? sibling.nameRu,
              );
              expect(text).not.toContain(sibling.nameRu);
            }
          }
          // The organization picker offers the viewer's own subtree only.
          await viewer.getByRole('combobox', { name: 'Организация' }).click();
          // The tree picker is loaded when first used.
          await viewer.locator('.ant-select-tree-title').first().waitFor();
          const offered = await viewer.locator('.ant-select-tree-title').allInnerTexts();
          expect(offered.length).toBeGreaterThan(0);
          for (const sibling of siblings) expect(offered).not.toContain(sibling.shortNameRu);
          // Reading only: no action to change records is shown.
          await open(viewer, '/channels');
          await viewer.getByRole('table').first().waitFor();
          expect(await viewer.getByRole('button', { name: 'Добавить' }).count()).toBe(0);
        } finally {
          await viewer.context().close();
        }
      },
      SLOW,
    );

    it(
      'shows a post’s markup as text, never running it',
      async () => {
        const markup = '<script>window.ran = 1</script><img src="x" onerror="window.ran = 2"> <b>bold</b>';
        const id = await addPublication(server.ctx, {
          channel: 'abai-facebook',
          externalId: 'markup-test',
          publishedAt: '2022-06-01T06:00:00Z',
          title: '<i>title</i>',
          text: markup,
        });
        await open(admin, `/publications/${id}?org=abai&period=2023`);
        const drawer = admin.getByRole('dialog');
        await drawer.getByText(markup).waitFor();
        expect(await drawer.locator('script, img[src="x"], b').count()).toBe(0);
        expect(await admin.evaluate(() => (globalThis as { ran?: number }).ran)).toBeUndefined();
        expect(await admin.getByText('<i>title</i>').first().isVisible()).toBe(true);
      },
      SLOW,
    );

    it(
      'shows a post’s links and image, only http(s) addresses clickable',
      async () => {
        const id = await addPublication(server.ctx, {
          channel: 'abai-facebook',
          externalId: 'links-test',
          // Outside 2023, whose figures the other tests read.
          publishedAt: '2022-06-02T06:00:00Z',
          title: 'Конкурс',
          text: 'Положение о конкурсе и заявка.',
        });
        const links = [
          { url: 'https://union.kz/contest', text: 'Положение о конкурсе' },
          { url: 'javascript:alert(1)', text: 'заявка' },
        ];
        await server.ctx.db.kysely
          .updateTable('publication')
          .set({ links: JSON.stringify(links), mediaUrl: 'https://union.kz/upload/contest.jpg' })
          .where('id', '=', id)
          .execute();
        await open(admin, `/publications/${id}?org=abai&period=2023`);
        const drawer = admin.getByRole('dialog');
        await drawer.getByText('Ссылки в публикации').waitFor();
        expect(
          await drawer.getByRole('link', { name: 'https://union.kz/contest' }).getAttribute('href'),
        ).toBe('https://union.kz/contest');
        await drawer.getByText('Положение о конкурсе —').waitFor();
        // Shown, never a link.
        await drawer.getByText('javascript:alert(1)').waitFor();
        expect(await drawer.locator('a[href^="javascript:"]').count()).toBe(0);
        const image = drawer.getByRole('link', { name: 'https://union.kz/upload/contest.jpg' });
        expect(await image.getAttribute('href')).toBe('https://union.kz/upload/contest.jpg');
        await drawer.getByText('Изображение').waitFor();
      },
      SLOW,
    );

    it(
      'shows every page, at desktop and phone width',
      async () => {
        const pages: [string, string, string][] = [
          ['organizations', '/organizations/abai?org=abai&period=2023', 'Бородулихинская'],
          ['publications', '/publications?org=abai&period=2023', 'Всего'],
          ['channels', '/channels/abai-facebook?org=abai&period=2023', 'Подписчики по датам'],
          ['media', '/media?org=abai&period=2023', 'Упоминания'],
          ['materials', '/materials?org=abai&period=2023', 'Тираж'],
          ['events', '/events?org=abai&period=2023', 'Участников'],
          ['decisions', '/decisions?org=abai&period=2023', 'Поручения'],
          ['settings', '/settings?org=abai', 'Пороги правил'],
        ];
        for (const [name, path, shown] of pages) {
          await open(admin, path);
          await admin.getByText(shown).first().waitFor();
          await admin.waitForLoadState('networkidle');
          await screenshots(admin, name);
        }
        const signIn = await newPage(browser);
        await signIn.goto(`${server.url}/`);
        await signIn.getByLabel('Логин').waitFor();
        await screenshots(signIn, 'login');
        await signIn.context().close();
      },
      SLOW,
    );

    it(
      'switched to Kazakh, shows no Russian or English label on the dashboard',
      async () => {
        // As on a busy server, the page's first answer (in Russian) is held until the language is saved: the page
        // must ask again rather than keep it.
        const saved = admin.waitForResponse(
          (response) =>
            response.url().endsWith('/api/v1/session/lang') && response.request().method() === 'PUT',
        );
        await admin.route(
          '**/api/v1/measures/dashboard?*',
          async (route) => {
            const answer = await route.fetch();
            await saved;
            await route.fulfill({ response: answer });
          },
          { times: 1 },
        );
        // Not drawn to its end before the language is chosen: its answer is held until then.
        await admin.goto(`${server.url}/?org=abai&period=2023`);
        await choose(admin, 'Язык', 'Қазақша');
        await admin.getByRole('heading', { name: /Абай/ }).waitFor();
        await revealDashboard(admin);
        await admin.getByText(kk['dashboard.members']).first().waitFor();
        // Numbers as Kazakh writes them, whatever the browser's own locale data says.
        expect(await figure(admin, kk['dashboard.members'])).toBe('25 112');
        // A share with a decimal comma, whichever value the topic correction above left it at.
        expect(await figure(admin, kk['dashboard.legalShare'])).toMatch(/^\d+,\d %$/);
        // The labels switch at once, the server's answers come again once the language is saved: a finding's
        // Kazakh title shows they have (a load state would not wait for that refetch).
        await admin.getByText(RULE_TEXTS.kk.low_reach.title).first().waitFor();
        await screenshots(admin, 'dashboard-kk');
        // Records' own texts (titles of events, names of pages) are their authors' words, in whatever language.
        await admin
          .locator('[data-user-text]')
          .evaluateAll((elements) =>
            elements.forEach(
              (element) => ((element as unknown as { style: { display: string } }).style.display = 'none'),
            ),
          );
        // The language switch names each language in itself.
        const text = Object.values(LANGUAGE_NAMES).reduce(
          (rest, name) => rest.split(name).join(''),
          await visibleText(admin, 'body'),
        );
        // Every UI word that reads differently in Kazakh must not show in its Russian or English form.
        const keys = Object.keys(ru) as TextKey[];
        const foreign = [
          ...keys.filter((key) => ru[key] !== kk[key]).map((key) => ru[key]),
          ...keys.filter((key) => en[key] !== kk[key]).map((key) => en[key]),
          ...Object.values(TOPIC_LABELS.ru).filter(
            (label) => !Object.values(TOPIC_LABELS.kk).includes(label),
          ),
          ...Object.values(PLATFORM_LABELS.ru).filter(
            (label) => !Object.values(PLATFORM_LABELS.kk).includes(label),
          ),
        ]
          .flatMap((label) => label.split(/\{\{\w+\}\}/))
          .map((fragment) => fragment.trim())
          .filter((fragment) => fragment.length >= 4);
        for (const fragment of foreign)
          expect(text, `"${fragment}" on the Kazakh dashboard`).not.toContain(fragment);
        // No English word either: Latin letters only in the platforms' own names and the files' formats.
        const latin = text.match(/[A-Za-z]{3,}/g) ?? [];
        const names = ['Facebook', 'Instagram', 'Telegram', 'YouTube', 'TikTok', 'WhatsApp', 'admin'];
        expect(latin.filter((word) => ![...names, 'DOCX', 'XLSX', 'CSV', 'PNG'].includes(word))).toEqual([]);
        // Remembered for the user: a new sign-in comes back in Kazakh.
        const again = await newPage(browser);
        await again.goto(`${server.url}/`);
        await again.getByLabel('Логин').fill('admin');
        await again.getByLabel('Пароль').fill(PASSWORD);
        await again.getByRole('button', { name: 'Войти' }).click();
        await again.getByRole('link', { name: kk['nav.dashboard'] }).waitFor();
        await again.context().close();
      },
      SLOW,
    );
  },
);
