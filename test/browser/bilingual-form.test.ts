/**
 * The form of a material in a real browser asks for its title in Russian and in Kazakh: saving with neither says
 * to write one, a Kazakh title alone is saved, and the list shows it marked in the Russian UI.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skippedBecause } from '../helpers/real-files.js';
import { choose, NO_BROWSER, screenshots } from './browser.js';
import type { DemoServer } from './demo-server.js';
import { closeDemoSession, openDemoSession } from './demo-session.js';

describe.skipIf(NO_BROWSER !== undefined)(
  skippedBecause('titles in two languages in the web forms', NO_BROWSER),
  () => {
    let server: DemoServer;
    let browser: Browser;
    let admin: Page;

    beforeAll(async () => ({ server, browser, admin } = await openDemoSession()), 300_000);
    afterAll(() => closeDemoSession({ server, browser }));

    it('asks for either title, saves the Kazakh one alone and lists it with its mark', async () => {
      await admin.goto(`${server.url}/materials?org=abai&period=2024`);
      await admin.getByRole('button', { name: 'Добавить' }).click();
      const dialog = admin.getByRole('dialog');
      await choose(admin, 'Вид', 'Пособие', dialog);
      await dialog.getByLabel('Издано').fill('01.04.2024');
      await dialog.getByLabel('Издано').press('Enter');
      await dialog.getByRole('button', { name: 'Сохранить' }).click();
      await dialog.getByText('Напишите название на русском или на казахском языке').first().waitFor();

      await dialog.getByLabel('Название на казахском').fill('Жас мамандарға арналған нұсқаулық');
      await screenshots(admin, 'material-form');
      await dialog.getByRole('button', { name: 'Сохранить' }).click();
      await admin.getByText('Жас мамандарға арналған нұсқаулық (на казахском)').waitFor();

      const stored = await server.ctx.db.kysely
        .selectFrom('material')
        .select(['titleRu', 'titleKk'])
        .where('titleKk', '=', 'Жас мамандарға арналған нұсқаулық')
        .execute();
      expect(stored).toEqual([{ titleRu: null, titleKk: 'Жас мамандарға арналған нұсқаулық' }]);
    }, 120_000);
  },
);
