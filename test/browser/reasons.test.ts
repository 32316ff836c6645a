/**
 * A publication's reasons in a real browser read as phrases in the UI's language: in Kazakh, a Kazakh post of the
 * Abai demo says which facts it has and why its language is Kazakh in Kazakh words, and no internal token
 * (`date:…`, `kk_word:…`) shows. Screenshots in ru, kk and en.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASON_PHRASES } from '../../src/shared/reason-phrases.js';
import { kk } from '../../web/src/i18n/kk.js';
import { skippedBecause } from '../helpers/real-files.js';
import { choose, NO_BROWSER, screenshots } from './browser.js';
import type { DemoServer } from './demo-server.js';
import { closeDemoSession, openDemoSession } from './demo-session.js';

describe.skipIf(NO_BROWSER !== undefined)(
  skippedBecause('reasons in words in the publication view', NO_BROWSER),
  () => {
    let server: DemoServer;
    let browser: Browser;
    let admin: Page;

    beforeAll(async () => ({ server, browser, admin } = await openDemoSession()), 300_000);
    afterAll(() => closeDemoSession({ server, browser }));

    it('shows a Kazakh post’s reasons as Kazakh phrases, never as tokens', async () => {
      // A Kazakh post of 2023 whose stored reasons hold a date, Kazakh words and Kazakh letters.
      const rows = await server.ctx.db.kysely
        .selectFrom('publication')
        .select(['id', 'reasons'])
        .where('language', '=', 'kk')
        .where('publishedAt', '>=', '2023-01-01')
        .where('publishedAt', '<', '2024-01-01')
        .orderBy('id')
        .execute();
      const post = rows.find((row) => {
        const reasons = String(row.reasons);
        return reasons.includes('"date:') && reasons.includes('"kk_word:');
      });
      expect(post, 'a Kazakh demo post with a date').toBeDefined();
      const stored = String(post?.reasons);

      const drawerOf = async () => {
        await admin.goto(`${server.url}/publications/${post?.id}?org=abai&period=2023`);
        const drawer = admin.getByRole('dialog');
        await drawer.locator('.ant-tag').first().waitFor();
        return drawer;
      };
      await drawerOf();
      await screenshots(admin, 'reasons-ru');
      const ru = await admin.getByRole('dialog').innerText();
      expect(ru).toContain('Конкретные факты: есть дата');

      // The UI's language is chosen where no drawer's «Язык текста» shares its name.
      const switchTo = async (label: string, option: string) => {
        await admin.goto(`${server.url}/?org=abai&period=2023`);
        await choose(admin, label, option);
      };
      await switchTo('Язык', 'Қазақша');
      const drawer = await drawerOf();
      await drawer.getByText(kk['pub.reasons']).waitFor();
      await drawer.getByText('Нақты деректер').waitFor();
      const text = await drawer.innerText();
      // The summary of the facts and the evidence of the language, in Kazakh.
      expect(text).toMatch(/Нақты деректер: күні[^\n]* көрсетілген/);
      expect(text).toContain('Мәтін тілі');
      expect(text).toMatch(/қазақ сөздері: \S/);
      expect(text).toMatch(/күні: \S/);
      // No kind of token shows, though the stored reasons hold them.
      expect(stored).toMatch(/"date:/);
      for (const kind of Object.keys(REASON_PHRASES)) expect(text).not.toContain(`${kind}:`);
      expect(text).not.toContain('Конкретные факты');
      await screenshots(admin, 'reasons-kk');

      await switchTo(kk['common.language'], 'English');
      await (await drawerOf()).getByText('Concrete facts').waitFor();
      expect(await admin.getByRole('dialog').innerText()).toMatch(/Concrete facts: has a date/);
      await screenshots(admin, 'reasons-en');
    }, 300_000);
  },
);
