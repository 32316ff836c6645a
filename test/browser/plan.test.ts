/**
 * The content plan in a real browser, on the Abai demo: an editor, in Kazakh, drafts a post from the legal
 * consultation template, sees the checks of the text and submits it; a manager approves it; publishing at the
 * planned minute (the scheduler's publishDue, its clock set to the minute) sends it to the local fake Bot API and
 * the dashboard's count of publications moves by one. A draft dragged to another day moves there. A manager sets a
 * target, and the plan page and the dashboard state it against the fact as the server does. At 390 px the
 * plan is a list and nothing scrolls sideways. Screenshots of the month, the week and the phone list in ru and kk
 * go to /tmp/plan-shots.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setChannelToken } from '../../src/services/channel-token.js';
import { publishDue } from '../../src/services/plan/publish.service.js';
import { addChannel } from '../../src/services/records.service.js';
import { createUser } from '../../src/services/user.service.js';
import { POST_TEMPLATES } from '../../src/shared/post-templates.js';
import { addDays, instantIn, localParts } from '../../web/src/features/plan/zone.js';
import { kk } from '../../web/src/i18n/kk.js';
import { ru } from '../../web/src/i18n/ru.js';
import { BOT_SEND_FILES, BOT_TOKEN, fakeBotSender } from '../helpers/fake-bot-send.js';
import { realAbsent, skippedBecause } from '../helpers/real-files.js';
import { choose, figure, launchBrowser, NO_BROWSER, resize, signedInPage, VIEWPORTS } from './browser.js';
import { type DemoServer, PASSWORD, startDemoServer } from './demo-server.js';

const SHOTS = '/tmp/plan-shots';
const reason = NO_BROWSER ?? realAbsent(...Object.values(BOT_SEND_FILES));
const ORG = 'abai';
const CHANNEL = 'plan-telegram';

describe.skipIf(reason !== undefined)(skippedBecause('the content plan in the browser', reason), () => {
  let server: DemoServer;
  let browser: Browser;
  let bot: Awaited<ReturnType<typeof fakeBotSender>>;
  let zone: string;
  const saved = { ...process.env };

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const noSidewaysScroll = async (page: Page) =>
    (await page.evaluate(
      'document.documentElement.scrollWidth <= document.documentElement.clientWidth',
    )) as boolean;
  const toKazakh = async (page: Page) => {
    await page.goto(`${server.url}/?org=${ORG}`);
    await choose(page, 'Язык', 'Қазақша');
    await page.locator('html[lang="kk"]').waitFor({ state: 'attached' });
  };
  const postsOf = () =>
    server.ctx.db.kysely.selectFrom('planPost').select(['id', 'state', 'plannedAt', 'textKk']).execute();

  beforeAll(async () => {
    bot = await fakeBotSender();
    Object.assign(process.env, {
      AQPARAT_SECRET_KEY: 'e'.repeat(64),
      AQPARAT_TELEGRAM_BOT_API_URL: bot.url,
      AQPARAT_COLLECT_DELAY_MS: '0',
    });
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    await addChannel(server.ctx, {
      code: CHANNEL,
      org: ORG,
      platform: 'telegram',
      name: 'Абай облысы кәсіподағы',
      url: 'https://t.me/topwar_official',
    });
    await setChannelToken(server.ctx, CHANNEL, { token: BOT_TOKEN });
    await createUser(server.ctx, { login: 'manager', role: 'manager', org: ORG, password: PASSWORD });
    const org = await server.ctx.db.kysely
      .selectFrom('organization')
      .select('timeZone')
      .where('code', '=', ORG)
      .executeTakeFirstOrThrow();
    zone = org.timeZone;
    mkdirSync(SHOTS, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    process.env = saved;
    await browser?.close();
    await server?.close();
    await bot?.close();
  });

  it('an editor drafts in Kazakh from a template, a manager approves, it goes out at its minute', async () => {
    const template = POST_TEMPLATES.find((candidate) => candidate.id === 'legal_consultation');
    // Planned for the next day at 11:00 in the organization's zone.
    const date = addDays(localParts(Date.now(), zone).date, 1);
    const plannedAt = instantIn(date, '11:00', zone);

    const editor = await signedInPage(browser, server.url, 'editor', PASSWORD);
    await toKazakh(editor);
    await editor.goto(`${server.url}/plan?org=${ORG}`);
    await editor.getByRole('button', { name: kk['plan.newPost'] }).click();
    const drawer = editor.getByRole('dialog');
    await drawer.getByRole('checkbox', { name: /Абай облысы кәсіподағы/ }).check();
    await drawer.getByLabel(kk['common.date']).fill(date);
    await drawer.getByLabel(kk['plan.time']).fill('11:00');
    await choose(editor, kk['plan.template'], template?.title.kk ?? '', drawer);
    const values: Record<string, string> = {
      date,
      who: 'құқықтық инспектор Айгүл Ахметова',
      place: 'Семейдегі № 5 мектеп-лицейде',
      count: '25',
      result: 'екі қызметкерге 340 000 теңге жалақы қайтарылды',
    };
    for (const spec of template?.fields ?? [])
      await drawer.locator(`#template-${spec.key}`).fill(values[spec.key] ?? '');
    await drawer.getByRole('button', { name: kk['plan.fillText'] }).click();
    const text = await drawer.getByLabel(kk['plan.textKk']).inputValue();
    expect(text).toContain('Айгүл Ахметова');
    expect(text).toContain('25 қызметкер');

    // The checks answer in Kazakh: the text is Kazakh, its facts are named, and the Russian version is asked for.
    const checks = drawer.getByTestId('post-checks');
    await checks
      .getByText(/көрсетілген/)
      .first()
      .waitFor();
    const checked = await checks.innerText();
    expect(checked).toContain(kk['contentLang.kk']);
    expect(checked).toContain(`${kk['plan.textKk']}: `);
    // The Abai region's publications are in both languages: the Russian version is asked for.
    expect(checked).toContain('орысша нұсқасы жоқ');
    await checks.scrollIntoViewIfNeeded();
    await checks.screenshot({ path: `${SHOTS}/kk-post-checks.png` });
    await drawer.getByRole('button', { name: kk['plan.submit'] }).click();
    await drawer.waitFor({ state: 'hidden' });
    const [post] = (await postsOf()).filter((row) => row.textKk === text);
    expect(post).toMatchObject({ state: 'submitted', plannedAt: new Date(plannedAt).toISOString() });
    const card = editor.locator(`[data-post="${post?.id}"]`);
    await card.getByText(kk['plan.state.submitted']).waitFor();

    const manager = await signedInPage(browser, server.url, 'manager', PASSWORD);
    await manager.goto(`${server.url}/?org=${ORG}`);
    const before = Number((await figure(manager, 'Публикаций в соцсетях')).replace(/\s/g, ''));
    await manager.goto(`${server.url}/plan?org=${ORG}`);
    await manager.locator(`[data-post="${post?.id}"]`).click();
    const approval = manager.getByRole('dialog');
    await approval.getByRole('button', { name: ru['plan.approve'] }).waitFor();
    await manager.waitForTimeout(600);
    await shot(manager, 'ru-approval');
    await approval.getByRole('button', { name: ru['plan.approve'] }).click();
    await manager.locator(`[data-post="${post?.id}"]`).getByText(ru['plan.state.approved']).waitFor();

    // A minute before its instant nothing goes; at its minute the fake Telegram gets the Kazakh text.
    const at = (ms: number) => ({ ...server.ctx, clock: () => new Date(ms) });
    expect(await publishDue(at(Date.parse(plannedAt) - 60_000))).toEqual([]);
    const sent = await publishDue(at(Date.parse(plannedAt)));
    expect(sent).toMatchObject([{ post: post?.id, channel: CHANNEL, state: 'published' }]);
    expect(bot.sent.map((hit) => hit.text)).toEqual([text]);

    // The dashboard reads it at once: each look loads the page afresh.
    await expect
      .poll(
        async () => {
          await manager.goto(`${server.url}/?org=${ORG}`);
          return Number((await figure(manager, 'Публикаций в соцсетях')).replace(/\s/g, ''));
        },
        { timeout: 60_000 },
      )
      .toBe(before + 1);
    await manager.goto(`${server.url}/plan?org=${ORG}`);
    await manager.locator(`[data-post="${post?.id}"]`).getByText(ru['plan.state.published']).waitFor();
    await editor.close();
    await manager.close();
  }, 300_000);

  it('moves a draft dragged to another day, keeping its hour', async () => {
    const editor = await signedInPage(browser, server.url, 'editor', PASSWORD);
    const today = localParts(Date.now(), zone).date;
    // Within the month shown, whatever today is: the 10th and the 20th.
    const from = `${today.slice(0, 7)}-10`;
    const to = `${today.slice(0, 7)}-20`;
    const created = await editor.request.post(`${server.url}/api/v1/posts`, {
      headers: { 'x-csrf-token': await csrfOf(editor, server.url) },
      data: {
        org: ORG,
        channels: [CHANNEL],
        textRu: 'Семинар 10 числа: 40 участников',
        plannedAt: instantIn(from, '15:30', zone),
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    await editor.goto(`${server.url}/plan?org=${ORG}`);
    await editor.locator(`[data-post="${id}"]`).dragTo(editor.locator(`[data-date="${to}"]`));
    await editor.locator(`[data-date="${to}"] [data-post="${id}"]`).waitFor();
    const moved = (await postsOf()).find((row) => row.id === id);
    expect(moved?.plannedAt).toBe(instantIn(to, '15:30', zone));
    await editor.close();
  }, 120_000);

  it('takes a target on the plan page and shows it against the fact, there and on the dashboard', async () => {
    const page = await signedInPage(browser, server.url, 'manager', PASSWORD);
    await resize(page, VIEWPORTS.desktop);
    await page.goto(`${server.url}/plan?org=${ORG}`);
    const panel = page.getByRole('region', { name: ru['plan.fact.title'], exact: true });
    await panel.getByRole('button', { name: ru['plan.targets'] }).click();
    const editor = page.getByRole('dialog');
    const year = Number(localParts(Date.now(), zone).date.slice(0, 4));
    await editor.getByText(ru['plan.targets.title'].replace('{{year}}', String(year))).waitFor();
    await choose(page, ru['plan.targets.metric'], 'Правозащита', editor);
    await editor.getByLabel(ru['plan.targets.value']).fill('15');
    await editor.getByRole('button', { name: ru['plan.targets.add'] }).click();
    await editor.getByRole('spinbutton', { name: 'Правозащита' }).waitFor();
    const stored = await server.ctx.db.kysely
      .selectFrom('target')
      .select(['metric', 'year', 'value'])
      .where('metric', '=', 'legal_share')
      .execute();
    expect(stored.map((row) => ({ ...row, value: Number(row.value) }))).toEqual([
      { metric: 'legal_share', year, value: 15 },
    ]);
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'hidden' });

    // The month on screen against the server's statement of it, word for word.
    const month = localParts(Date.now(), zone).date.slice(0, 7);
    const answer = (await (
      await page.request.get(`${server.url}/api/v1/plan/fact?org=${ORG}&period=${month}`)
    ).json()) as { items: { metric: string; message: string; behind: boolean }[] };
    const legal = answer.items.find((item) => item.metric === 'legal_share');
    expect(legal?.message).toMatch(/^Правозащита: .* при плане 15 %; /);
    await panel.getByText(legal?.message ?? '').waitFor();
    await shot(page, 'ru-plan-fact');
    // The dashboard states the year's, in the same words.
    const yearly = (await (
      await page.request.get(`${server.url}/api/v1/plan/fact?org=${ORG}&period=${year}`)
    ).json()) as { items: { metric: string; message: string }[] };
    await page.goto(`${server.url}/?org=${ORG}&period=${year}`);
    const message = yearly.items.find((item) => item.metric === 'legal_share')?.message ?? '';
    await page.getByText(message).waitFor();
    await page.close();
  }, 120_000);

  it('shows the month, the week and the phone list in ru and kk, nothing sideways at 390 px', async () => {
    const page = await signedInPage(browser, server.url, 'admin', PASSWORD);
    for (const lang of ['ru', 'kk'] as const) {
      if (lang === 'kk') await toKazakh(page);
      const words = lang === 'kk' ? kk : ru;
      await resize(page, VIEWPORTS.desktop);
      await page.goto(`${server.url}/plan?org=${ORG}`);
      await page.getByRole('grid').waitFor();
      await page.locator('[data-post]').first().waitFor();
      await shot(page, `${lang}-month`);
      await page.getByText(words['plan.week'], { exact: true }).click();
      await page.locator('.plan-grid-week').waitFor();
      await page.waitForTimeout(400);
      await shot(page, `${lang}-week`);
      await resize(page, VIEWPORTS.phone);
      await page.locator('.plan-list').waitFor();
      expect(await noSidewaysScroll(page)).toBe(true);
      await shot(page, `${lang}-phone-list`);
      await page.locator('[data-post]').first().click();
      await page.getByRole('dialog').waitFor();
      // The drawer slides in: the picture waits for it to stand.
      await page.waitForTimeout(600);
      expect(await noSidewaysScroll(page)).toBe(true);
      await shot(page, `${lang}-phone-post`);
    }
    await page.close();
  }, 180_000);
});

/** The session's CSRF token, as the web application sends it. */
async function csrfOf(page: Page, base: string): Promise<string> {
  const session = await page.request.get(`${base}/api/v1/session`);
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}
