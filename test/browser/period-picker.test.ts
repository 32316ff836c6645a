/**
 * The header's period picker: the dates dialog's presets (the seed brief's period, the last 12 months) and a
 * range of the reader's own dates become the page's period, and the dashboard shows the API's figures for it; a
 * range the wrong way round is refused in words; a year chosen after a range is that year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/shared/format.js';
import { presetPeriod } from '../../src/shared/period-presets.js';
import { ru } from '../../web/src/i18n/ru.js';
import { skippedBecause } from '../helpers/real-files.js';
import { choose, figure, NO_BROWSER, pageWidths, resize, VIEWPORTS } from './browser.js';
import { closeDemoSession, type DemoSession, openDemoSession } from './demo-session.js';

describe.skipIf(NO_BROWSER !== undefined)(skippedBecause('the period picker in Chromium', NO_BROWSER), () => {
  let session: DemoSession;
  beforeAll(async () => {
    session = await openDemoSession();
  }, 300_000);
  afterAll(() => closeDemoSession(session ?? {}));

  const periodOfUrl = () => new URL(session.admin.url()).searchParams.get('period');

  it('takes a preset, the reader’s own dates and a year again', async () => {
    const { admin, server } = session;
    await admin.goto(`${server.url}/?org=abai&period=2023`);
    await admin.getByRole('heading', { name: /области Абай/ }).waitFor();

    // The seed brief's period, from the presets.
    await admin.getByRole('button', { name: ru['period.range'] }).click();
    let dialog = admin.getByRole('dialog');
    await dialog.getByRole('button', { name: /Как в справке: 01\.01\.2021 – 01\.09\.2024/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(periodOfUrl()).toBe('2021-01-01..2024-09-01');
    await admin.getByText('01.01.2021 – 01.09.2024').first().waitFor();
    const answer = (await (
      await admin.request.get(
        `${server.url}/api/v1/measures/dashboard?org=abai&period=2021-01-01..2024-09-01`,
      )
    ).json()) as { publications: { current: number } };
    await expect
      .poll(() => figure(admin, ru['dashboard.publications']))
      .toBe(formatNumber(answer.publications.current, 'ru'));
    // The range's dates on the header's button fit a phone's width.
    await resize(admin, VIEWPORTS.phone);
    await admin.getByRole('button', { name: '01.01.2021 – 01.09.2024' }).waitFor();
    const widths = await pageWidths(admin);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.innerWidth);
    await resize(admin, VIEWPORTS.desktop);
    // The year and part show no year of their own for a range.
    expect(await admin.getByRole('combobox', { name: ru['common.year'], exact: true }).inputValue()).toBe('');

    // The reader's own dates: the wrong way round first.
    await admin.getByRole('button', { name: '01.01.2021 – 01.09.2024' }).click();
    dialog = admin.getByRole('dialog');
    await dialog.getByLabel(ru['period.from']).fill('2024-03-31');
    await dialog.getByLabel(ru['period.to']).fill('2024-01-01');
    await dialog.getByRole('button', { name: ru['period.apply'] }).click();
    await dialog.getByRole('alert').filter({ hasText: ru['period.rangeInvalid'] }).waitFor();
    expect(periodOfUrl()).toBe('2021-01-01..2024-09-01');
    await dialog.getByLabel(ru['period.from']).fill('2024-01-01');
    await dialog.getByLabel(ru['period.to']).fill('2024-03-31');
    await dialog.getByRole('button', { name: ru['period.apply'] }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(periodOfUrl()).toBe('2024-01-01..2024-03-31');
    await admin.getByText('01.01.2024 – 31.03.2024').first().waitFor();

    // The last 12 months end today, in the reader's calendar.
    await admin.getByRole('button', { name: '01.01.2024 – 31.03.2024' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: ru['period.last12'] }).click();
    const today = (await admin.evaluate(
      `(() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')].join('-'); })()`,
    )) as string;
    await expect.poll(periodOfUrl).toBe(presetPeriod('last12', today));

    // A year chosen after a range is the whole year.
    await choose(admin, ru['common.year'], '2023');
    await expect.poll(periodOfUrl).toBe('2023');
    await choose(admin, ru['common.part'], ru['period.Q2']);
    await expect.poll(periodOfUrl).toBe('2023-Q2');
  }, 120_000);
});
