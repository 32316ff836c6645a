/**
 * Collecting in a real browser, against a local fake of t.me serving saved real pages: the administrator connects
 * a Telegram channel of the region on the Channels page (its t.me address), presses "Collect now", reads the
 * result and the run in the channel's history, and the dashboard's publication count moves by the posts stored.
 * The page holds at 390 px without scrolling sideways. Screenshots in ru and kk, desktop and phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { kk } from '../../web/src/i18n/kk.js';
import { ru } from '../../web/src/i18n/ru.js';
import { type FakeTelegram, fakeTelegram, TELEGRAM_PATHS } from '../helpers/fake-telegram.js';
import { realAbsent, skippedBecause } from '../helpers/real-files.js';
import { choose, figure, NO_BROWSER, resize, screenshots, VIEWPORTS } from './browser.js';
import type { DemoServer } from './demo-server.js';
import { closeDemoSession, openDemoSession } from './demo-session.js';

const SLOW = 300_000;
const NAME = 'Телеграм-канал области';
const CODE = 'abai-tg-live';
const MISSING = realAbsent(...TELEGRAM_PATHS);

describe.skipIf(NO_BROWSER !== undefined || MISSING !== undefined)(
  skippedBecause('collecting a Telegram channel from the Channels page', NO_BROWSER ?? MISSING),
  () => {
    let server: DemoServer;
    let browser: Browser;
    let admin: Page;
    let fake: FakeTelegram;

    beforeAll(async () => {
      fake = await fakeTelegram();
      vi.stubEnv('AQPARAT_TELEGRAM_WEB_URL', fake.url);
      vi.stubEnv('AQPARAT_COLLECT_DELAY_MS', '0');
      ({ server, browser, admin } = await openDemoSession());
    }, SLOW);
    afterAll(async () => {
      await closeDemoSession({ server, browser });
      await fake?.close();
      vi.unstubAllEnvs();
    });

    const publications = () => figure(admin, ru['dashboard.publications']);
    /** Whether the page, or the table within it, is wider than its box: a phone would scroll it sideways. */
    const overflows = () =>
      admin.evaluate<boolean>(
        `[document.documentElement, ...document.querySelectorAll('.ant-table-content')]
          .some((box) => box.scrollWidth > box.clientWidth)`,
      );

    it(
      'connects a channel, collects it now, shows the run and moves the dashboard',
      async () => {
        await admin.goto(`${server.url}/?org=abai&period=2023`);
        await admin.getByRole('heading', { name: /Абай/ }).waitFor();
        const before = Number((await publications()).replace(/\s/g, ''));

        await admin.goto(`${server.url}/channels?org=abai&period=2023`);
        await admin.getByRole('button', { name: ru['common.add'] }).click();
        const dialog = admin.getByRole('dialog');
        await dialog.getByLabel(ru['common.name']).fill(NAME);
        await dialog.getByLabel(ru['common.code']).fill(CODE);
        await choose(admin, ru['common.platform'], 'Telegram', dialog);
        await dialog.getByLabel(ru['common.link']).fill('https://t.me/topwar_official');
        await dialog.getByRole('button', { name: ru['common.save'] }).click();
        await admin.getByRole('link', { name: NAME }).waitFor();

        const cell = admin.getByTestId(`collection-${CODE}`);
        await cell.getByText(ru['collect.never']).waitFor();
        await cell.getByText(ru['collect.via.telegram']).waitFor();
        await cell.getByRole('button', { name: ru['collect.now'] }).click();
        await cell.getByText('Собрано: новых 31, обновлено 0, без изменений 0').waitFor({ timeout: 60_000 });
        await cell.getByText(ru['collect.ok']).waitFor();
        expect(await cell.innerText()).toMatch(/Успешно: \d\d\.\d\d\.\d{4}, \d\d:\d\d/);
        expect(await cell.innerText()).toMatch(/Следующий сбор: \d\d\.\d\d\.\d{4}, \d\d:\d\d/);
        expect((await cell.innerText()).replace(/[\u00a0\u202f]/g, ' ')).toContain('82 932');

        // The run in the channel's history (its expanded row); the saved page's undated post is rejected.
        const row = admin.locator('tr', { has: admin.getByRole('link', { name: NAME }) });
        await row.getByRole('button', { name: 'Развернуть строку' }).click();
        const runs = admin.getByTestId(`collection-runs-${CODE}`);
        await runs.getByText(ru['collect.status.ok']).waitFor();
        const run = (await runs.innerText()).replace(/[\u00a0\u202f]/g, ' ');
        expect(run).toContain(ru['collect.trigger.manual']);
        expect(run).toContain('новых 31, обновлено 0, без изменений 0, отклонено 1; подписчиков 82 932');

        await resize(admin, VIEWPORTS.phone);
        expect(await overflows()).toBe(false);
        await resize(admin, VIEWPORTS.desktop);
        await admin.mouse.move(0, 0);
        await screenshots(admin, 'channels-collect-ru');

        // The dashboard counts what was collected (its answers may lag a store by a few seconds).
        await expect
          .poll(
            async () => {
              await admin.goto(`${server.url}/?org=abai&period=2023`);
              await admin.getByRole('heading', { name: /Абай/ }).waitFor();
              return Number((await publications()).replace(/\s/g, ''));
            },
            { timeout: 30_000, interval: 2_000 },
          )
          .toBe(before + 31);

        // The Kazakh page, at both widths.
        await admin.goto(`${server.url}/channels?org=abai&period=2023`);
        await choose(admin, 'Язык', 'Қазақша');
        const kkCell = admin.getByTestId(`collection-${CODE}`);
        await kkCell.getByText(kk['collect.ok']).waitFor();
        await kkCell.getByText(kk['collect.via.telegram']).waitFor();
        await resize(admin, VIEWPORTS.phone);
        expect(await overflows()).toBe(false);
        await resize(admin, VIEWPORTS.desktop);
        await admin.mouse.move(0, 0);
        await screenshots(admin, 'channels-collect-kk');
      },
      SLOW,
    );
  },
);
