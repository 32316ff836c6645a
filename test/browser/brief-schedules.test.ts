/**
 * Briefs e-mailed on a schedule in a real browser: on the Briefs page the administrator adds a quarterly schedule
 * of the Abai region in both languages to two addresses, sees it listed, and it is stored as chosen; a viewer of
 * the region sees no such section. Screenshots in ru.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBriefSchedules } from '../../src/services/brief-schedule.service.js';
import { createUser } from '../../src/services/user.service.js';
import { ru } from '../../web/src/i18n/ru.js';
import { skippedBecause } from '../helpers/real-files.js';
import { NO_BROWSER, screenshots, signedInPage } from './browser.js';
import { type DemoServer, PASSWORD } from './demo-server.js';
import { closeDemoSession, openDemoSession } from './demo-session.js';

/** The page's answers on a machine busy with other work. */
const WAIT = { timeout: 30_000 };

describe.skipIf(NO_BROWSER !== undefined)(
  skippedBecause('brief schedules on the Briefs page', NO_BROWSER),
  () => {
    let server: DemoServer;
    let browser: Browser;
    let admin: Page;

    beforeAll(async () => ({ server, browser, admin } = await openDemoSession()), 300_000);
    afterAll(() => closeDemoSession({ server, browser }));

    it('adds a schedule and sees it listed', async () => {
      const briefsUrl = `${server.url}/briefs?org=abai&period=2023`;
      await admin.goto(briefsUrl);
      const section = admin.getByRole('region', { name: ru['schedule.title'] });
      await expect.poll(() => section.getByText(ru['schedule.none']).count(), WAIT).toBe(1);

      await section.getByLabel(ru['schedule.every'], { exact: true }).click();
      await admin.getByTitle(ru['schedule.every.quarter'], { exact: true }).click();
      await section.getByLabel(ru['reportLang.kk'], { exact: true }).check();
      await section
        .getByLabel(ru['schedule.to'], { exact: true })
        .fill('press@example.kz,\nchair@example.kz');
      await section.getByRole('button', { name: ru['schedule.add'] }).click();

      const row = section.getByRole('row').filter({ hasText: 'press@example.kz, chair@example.kz' });
      await expect.poll(() => row.count(), WAIT).toBe(1);
      const cells = await row.getByRole('cell').allInnerTexts();
      expect(cells.slice(1, 5)).toEqual([
        ru['schedule.every.quarter'],
        'ru, kk; DOCX, PDF',
        'press@example.kz, chair@example.kz',
        ru['schedule.never'],
      ]);
      await screenshots(admin, 'brief-schedules-ru');

      expect(await listBriefSchedules(server.ctx)).toMatchObject([
        {
          org: 'abai',
          every: 'quarter',
          langs: ['ru', 'kk'],
          formats: ['docx', 'pdf'],
          to: ['press@example.kz', 'chair@example.kz'],
          lastSending: null,
        },
      ]);

      // A viewer of the region may not see the addresses nor change them.
      await createUser(server.ctx, { login: 'briefViewer', role: 'viewer', org: 'abai', password: PASSWORD });
      const viewer = await signedInPage(browser, server.url, 'briefViewer', PASSWORD);
      await viewer.goto(briefsUrl);
      await expect
        .poll(() => viewer.getByRole('button', { name: ru['brief.generate'] }).count(), WAIT)
        .toBe(1);
      expect(await viewer.getByRole('region', { name: ru['schedule.title'] }).count()).toBe(0);
      expect(await viewer.getByText(ru['schedule.title']).count()).toBe(0);
    }, 300_000);
  },
);
