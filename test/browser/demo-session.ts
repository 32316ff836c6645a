/** The demo's server and a browser signed in to it as the administrator: what the browser suites start from. */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from './browser.js';
import { type DemoServer, PASSWORD, startDemoServer } from './demo-server.js';

export interface DemoSession {
  server: DemoServer;
  browser: Browser;
  admin: Page;
}

export async function openDemoSession(): Promise<DemoSession> {
  const [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  return { server, browser, admin: await signedInPage(browser, server.url, 'admin', PASSWORD) };
}

/** Closes what a suite opened, whatever of it was opened before a failure. */
export async function closeDemoSession(session: Partial<DemoSession>): Promise<void> {
  await session.browser?.close();
  await session.server?.close();
}
