/**
 * A channel's access token in a real browser: the administrator pastes it on the channel's page and sees only
 * "set on …" (the field emptied, the page holding no copy of it); the branch's viewer sees the status and no
 * field. The token stored is the one pasted (tokenOf). Screenshots in ru.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenOf } from '../../src/services/channel-token.js';
import { REGION_FACEBOOK } from '../../src/services/demo/abai.facts.js';
import { createUser } from '../../src/services/user.service.js';
import { ru } from '../../web/src/i18n/ru.js';
import { skippedBecause } from '../helpers/real-files.js';
import { NO_BROWSER, screenshots, signedInPage } from './browser.js';
import { type DemoServer, PASSWORD } from './demo-server.js';
import { closeDemoSession, openDemoSession } from './demo-session.js';

const TOKEN = `EAAB-browser-${randomBytes(12).toString('hex')}`;

describe.skipIf(NO_BROWSER !== undefined)(skippedBecause("a channel's token on its page", NO_BROWSER), () => {
  let server: DemoServer;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => ({ server, browser, admin } = await openDemoSession()), 300_000);
  afterAll(() => closeDemoSession({ server, browser }));

  it('sets the token from the channel’s page and shows only when it was set', async () => {
    const channelUrl = `${server.url}/channels/${REGION_FACEBOOK.code}?org=abai&period=2023`;
    await admin.goto(channelUrl);
    const status = admin.getByTestId('channel-token-status');
    await expect.poll(() => status.innerText()).toBe(ru['channel.tokenNotSet']);
    const field = admin.getByLabel(ru['channel.token'], { exact: true });
    await field.fill(TOKEN);
    await admin.getByRole('button', { name: ru['channel.tokenSave'] }).click();
    await expect.poll(() => status.innerText()).toMatch(/^Токен задан \d\d\.\d\d\.\d{4}/);
    // The field is emptied once the status has been asked again (the mutation's own step comes first).
    await expect.poll(() => admin.getByLabel(ru['channel.tokenReplace']).inputValue()).toBe('');
    expect(await admin.content()).not.toContain(TOKEN);
    await screenshots(admin, 'channel-token-ru');

    const channel = await server.ctx.db.kysely
      .selectFrom('channel')
      .select('id')
      .where('code', '=', REGION_FACEBOOK.code)
      .executeTakeFirstOrThrow();
    expect(await tokenOf(server.ctx, channel.id)).toBe(TOKEN);

    // A viewer of the region sees the status, and nothing to change it with.
    await createUser(server.ctx, { login: 'regionViewer', role: 'viewer', org: 'abai', password: PASSWORD });
    const viewer = await signedInPage(browser, server.url, 'regionViewer', PASSWORD);
    await viewer.goto(channelUrl);
    const seen = viewer.getByTestId('channel-token-status');
    await expect.poll(() => seen.innerText()).toMatch(/^Токен задан \d\d\.\d\d\.\d{4}/);
    expect(await viewer.getByRole('button', { name: ru['channel.tokenSave'] }).count()).toBe(0);
    expect(await viewer.content()).not.toContain(TOKEN);
  }, 300_000);
});
