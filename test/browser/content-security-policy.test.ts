/**
 * The Content-Security-Policy the server sends does not stop what its own pages need, in a real browser: the
 * built web application signs in and draws its dashboard and the brief's preview (a frame of the same origin),
 * and Swagger UI shows the API document. Any violation the browser reports fails the test.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skippedBecause } from '../helpers/real-files.js';
import { launchBrowser, newPage, NO_BROWSER, revealCharts, signedInPage } from './browser.js';
import { type DemoServer, PASSWORD, startDemoServer } from './demo-server.js';

const SLOW = 120_000;

/** Every violation the page and its frames report, as "directive: blocked source". */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (violation: string) => violations.push(violation));
  // Run in the page (a string: the tests are type-checked without the DOM's types).
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) =>
      window.reportViolation(event.effectiveDirective + ': ' + event.blockedURI + ' (' + event.sourceFile + ')'));`,
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe.skipIf(NO_BROWSER !== undefined)(
  skippedBecause('the Content-Security-Policy in Chromium', NO_BROWSER),
  () => {
    let server: DemoServer;
    let browser: Browser;

    beforeAll(async () => {
      [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it(
      'lets the web application sign in, draw the dashboard and frame the brief’s preview',
      async () => {
        const page = await newPage(browser);
        const violations = await watchViolations(page);
        const response = await page.goto(`${server.url}/`);
        expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
        await page.getByLabel('Логин').fill('admin');
        await page.getByLabel('Пароль').fill(PASSWORD);
        await page.getByRole('button', { name: 'Войти' }).click();
        await page.getByRole('navigation').first().waitFor();
        await page.goto(`${server.url}/?org=abai&period=2023`);
        await page.getByRole('heading', { name: /области Абай/ }).waitFor();
        // The charts are drawn, not refused, once scrolled to.
        await revealCharts(page);
        await page.locator('[_echarts_instance_] canvas, [_echarts_instance_] svg').first().waitFor();
        await page.goto(`${server.url}/briefs?org=abai&period=2023`);
        await page.getByRole('button', { name: 'Составить справку' }).click();
        await page
          .frameLocator('iframe[title="Справка для просмотра"]')
          .getByText('СПРАВКА')
          .first()
          .waitFor();
        await page.close();
        expect(violations).toEqual([]);
      },
      SLOW,
    );

    it(
      'lets Swagger UI show the API document',
      async () => {
        const page = await signedInPage(browser, server.url, 'admin', PASSWORD);
        const violations = await watchViolations(page);
        const response = await page.goto(`${server.url}/api/docs`);
        expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
        await page.locator('.swagger-ui .info .title', { hasText: 'aqparat API' }).waitFor();
        await page.locator('.opblock-tag', { hasText: 'session' }).first().waitFor();
        await page.close();
        expect(violations).toEqual([]);
      },
      SLOW,
    );
  },
);
