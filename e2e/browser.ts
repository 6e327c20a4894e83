// Shared browser plumbing for the e2e tests: Debian's chromium through playwright-core, and a record of every
// request so that a test can prove the app never leaves its own origin.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Measured on this machine: these flags give WebGL2 through SwiftShader and no background traffic.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  base: string;
  /** Every URL the page asked for. */
  requests: string[];
  /** Requests to any origin other than the app's. */
  foreign: () => string[];
  consoleErrors: string[];
}

export async function openSession(
  browser: Browser,
  opts: {
    width?: number;
    height?: number;
    deviceScaleFactor?: number;
    bypassCSP?: boolean;
    /**
     * 'reduce': the user asked for less motion, so the map jumps instead of easing (MapLibre skips non-essential
     * animations then). For tests that read what a view ends up showing, not how it gets there.
     */
    reducedMotion?: 'reduce' | 'no-preference';
  } = {},
): Promise<Session> {
  const base = inject('baseUrl');
  const origin = new URL(base).origin;
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    locale: 'zh-CN',
    bypassCSP: opts.bypassCSP ?? false,
    reducedMotion: opts.reducedMotion ?? 'no-preference',
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const foreign = () =>
    requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('about:'));
  return { context, page, base, requests, foreign, consoleErrors };
}

/** Waits until the map has rendered everything asked of it (the container's data-state seam). */
export async function mapIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-state') === 'idle', null, {
    timeout,
  });
}

/**
 * Loads a page of the app and waits for the map to settle. A first view in software WebGL takes 8–20 s when several
 * test runs share the machine: long walkthroughs pass a larger `timeout`.
 */
export async function gotoApp(s: Session, query = '', timeout?: number): Promise<void> {
  await s.page.goto(new URL(query ? `./?${query}` : './', s.base).toString());
  await mapIdle(s.page, timeout);
}

/**
 * Waits until the map is idle and the page has painted twice since (lazy panels mount in the frame after their
 * chunk arrives): a state to wait on instead of a fixed sleep.
 */
export async function settled(page: Page): Promise<void> {
  await mapIdle(page);
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  await mapIdle(page);
}

export const ARTIFACTS = 'e2e/artifacts';
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return `${ARTIFACTS}/${name}`;
}

/**
 * One browser for a describe block: launched before its tests, closed after them. `open` starts a fresh session
 * (its own context, so no state leaks between tests) on a page of the app, with the map settled.
 */
export function useBrowser(extraArgs: string[] = []) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('useBrowser: the browser is not launched yet (use it inside a test or hook)');
      return browser;
    },
    async open(query = '', opts: Parameters<typeof openSession>[1] = {}, timeout?: number): Promise<Session> {
      const s = await openSession(this.browser, opts);
      await gotoApp(s, query, timeout);
      return s;
    },
  };
}
