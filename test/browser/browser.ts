/**
 * Driving Debian's Chromium with playwright-core: launching it, signing in through the login page, choosing in
 * antd's selects, and screenshots at desktop and phone width under test-artifacts/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { en } from '../../web/src/i18n/en.js';
import { kk } from '../../web/src/i18n/kk.js';
import { ru } from '../../web/src/i18n/ru.js';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or undefined: a newcomer's machine without Chromium skips them, saying
 * so; CI installs it and sets AQPARAT_REQUIRE_BROWSER=1, so there a missing browser fails them.
 */
export const NO_BROWSER =
  existsSync(CHROMIUM) || process.env['AQPARAT_REQUIRE_BROWSER'] === '1'
    ? undefined
    : `${CHROMIUM} is not installed; on Debian: apt install chromium`;

export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export const SCREENSHOTS = 'test-artifacts/screenshots';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page of its own (cookies included) in a browser whose language is Russian. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: VIEWPORTS.desktop,
    locale: 'ru-RU',
    acceptDownloads: true,
  });
  return context.newPage();
}

/** A new page signed in as the login through the login page. */
export async function signedInPage(browser: Browser, baseUrl: string, login: string, password: string) {
  const page = await newPage(browser);
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('navigation').first().waitFor();
  return page;
}

/** Picks an option of the select labelled so (within the scope, such as a dialog): antd's or the browser's own. */
export async function choose(page: Page, label: string, option: string, scope: Page | Locator = page) {
  // Its own name rather than one containing it («Год» beside «Часть года»).
  const exact = scope.getByRole('combobox', { name: label, exact: true });
  const box = (await exact.count()) > 0 ? exact : scope.getByRole('combobox', { name: label });
  if ((await box.evaluate((element) => element.tagName)) === 'SELECT') {
    await box.selectOption({ label: option });
    return;
  }
  await box.click();
  // The list slides in: a click on an option before it stands can go unheard (the choice then stays empty).
  const list = page.locator('.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"])');
  await list.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** The text the user reads, with the no-break spaces of number formats as plain spaces. */
export async function visibleText(page: Page, selector = 'main'): Promise<string> {
  const text = await page.locator(selector).first().innerText();
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** The figure of the dashboard card with this title. */
export async function figure(page: Page, title: string): Promise<string> {
  const card = page.getByRole('region', { name: title, exact: true });
  return (await card.locator('.ant-statistic-content').innerText()).replace(/[\u00a0\u202f]/g, ' ');
}

/** Scrolls each chart not yet drawn into view, as a reader would, and waits until it is drawn. */
export async function revealCharts(page: Page): Promise<void> {
  // The dashboard's part below its first screen is drawn once scrolled to, then each of its charts.
  const pending = page.locator('.chart-pending, .details-pending');
  while ((await pending.count()) > 0) {
    // Gone meanwhile (drawn, or replaced by its loading state): count again.
    const chart = await pending
      .first()
      .elementHandle({ timeout: 2_000 })
      .catch(() => null);
    if (!chart) continue;
    // Drawn meanwhile (it came into view as the page settled): nothing left to scroll to.
    await chart.scrollIntoViewIfNeeded().catch(() => undefined);
    // The placeholder leaves the page once the chart is drawn in its place.
    await chart.waitForElementState('hidden');
  }
  await page.evaluate('window.scrollTo(0, 0)');
}

/**
 * The dashboard drawn to its end, as a reader scrolling down sees it: its part below the first screen (loaded once
 * scrolled to) and each chart.
 */
export async function revealDashboard(page: Page): Promise<void> {
  await page.locator('.details-pending, [data-dashboard-details]').first().waitFor({ state: 'attached' });
  await revealCharts(page);
}

/** Resizes the page and gives it a moment to lay out at its new size before the next click or screenshot. */
export async function resize(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.waitForTimeout(300);
}

/** Screenshots of what the page shows, at desktop and at phone width, its charts drawn. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await resize(page, viewport);
    await revealCharts(page);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await resize(page, VIEWPORTS.desktop);
}

/** The languages' names as the header's language switch lists them. */
export const LANGUAGE_NAMES = { ru: 'Русский', kk: 'Қазақша', en: 'English' } as const;
/** What the language switch is labelled in each language. */
const LANGUAGE_LABELS = { ru: ru['common.language'], kk: kk['common.language'], en: en['common.language'] };

/** Switches the signed-in user's language with the switch in the header, as a user does. */
export async function switchLanguage(page: Page, to: keyof typeof LANGUAGE_NAMES): Promise<void> {
  const from = (await page.locator('html').getAttribute('lang')) as keyof typeof LANGUAGE_NAMES;
  if (from === to) return;
  await choose(page, LANGUAGE_LABELS[from], LANGUAGE_NAMES[to]);
  await page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  await page.waitForLoadState('networkidle');
}

/** How wide the page's content is against the window: wider is a sideways scroll. */
export async function pageWidths(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return (await page.evaluate(
    '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
  )) as { scrollWidth: number; innerWidth: number };
}
