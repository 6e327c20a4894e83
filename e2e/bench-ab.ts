// npm run bench:ab -- --against <git ref> [--loads 6] [--no-walk]
// Paired runs of two builds: this working tree and another commit, each page load alternating between them, in
// the same software-GL chromium at 1366×768. Not a test, and not a budget: `npm run bench` holds the budgets. This is
// for telling one step's effect from the machine's: on the shared 2-core machine the ECharts reference itself moved
// between 446 and 789 ms from one page load to the next (2026-12-03), so two bench runs of two builds compare the
// machine as much as the code. Prints, per build, the median of each figure and every sample:
//   nav      navigation → the WebGL map ready and idle;
//   hover    the pointer moved onto 江苏 → the map settled (its highlight drawn);
//   click    a click on 江苏 → settled (as `npm run bench` times it, after the hover has settled);
//   province / city   each briefing slide (1 → 16) that redraws the map, by kind (skipped with --no-walk).
// The other commit is checked out into a temporary git worktree (node_modules linked) and built there.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';
import { INPUT_TIMES_SCRIPT, installSettle, waitInteractive } from './bench-page';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const against = arg('against');
if (!against) throw new Error('usage: npm run bench:ab -- --against <git ref> [--loads 6] [--no-walk]');
const loads = Number(arg('loads', '6'));
const walk = !process.argv.includes('--no-walk');

const other = mkdtempSync(join(tmpdir(), 'atlas-ab-'));
execSync(`git worktree add --detach ${other} ${against}`, { stdio: 'inherit' });
symlinkSync(resolve('node_modules'), join(other, 'node_modules'));
execSync('npx vite build --logLevel warn', { stdio: 'inherit', cwd: other });
execSync('npx vite build --logLevel warn', { stdio: 'inherit' });

const servers: PreviewServer[] = [];
for (const root of [other, process.cwd()]) {
  servers.push(await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' }));
}
const names = [against, 'this tree'];
const bases = servers.map((s) => s.resolvedUrls!.local[0]!);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.addInitScript(INPUT_TIMES_SCRIPT);
  return context.newPage();
}
const settle = (page: Page, from: 'now' | 'key' | 'down' | number): Promise<number> =>
  page.evaluate((f) => {
    const w = window as unknown as { __settle: (t: number) => Promise<number>; __keyAt: number; __downAt: number };
    return w.__settle(f === 'now' ? performance.now() : f === 'key' ? w.__keyAt : f === 'down' ? w.__downAt : f);
  }, from);

const samples: Record<string, number[]>[] = [{}, {}];
const push = (i: number, k: string, v: number) => (samples[i]![k] ??= []).push(v);

async function explore(i: number): Promise<void> {
  const page = await newPage();
  const t0 = Date.now();
  await page.goto(bases[i]!);
  await waitInteractive(page);
  push(i, 'nav', Date.now() - t0);
  await installSettle(page);
  await settle(page, 'now');
  const p = await page.evaluate((ll) => (window as unknown as { __atlas: { controller: { project: (l: number[]) => { x: number; y: number } } } }).__atlas.controller.project(ll), [119.4, 33.0]);
  const box = (await page.locator('[data-testid="map"] canvas').boundingBox())!;
  const before = await page.evaluate(() => performance.now());
  await page.mouse.move(box.x + p.x, box.y + p.y);
  push(i, 'hover', await settle(page, before));
  await page.mouse.click(box.x + p.x, box.y + p.y);
  push(i, 'click', await settle(page, 'down'));
  await page.context().close();
}

async function briefing(i: number): Promise<void> {
  const page = await newPage();
  await page.goto(`${bases[i]}?mode=briefing`);
  await waitInteractive(page);
  await installSettle(page);
  await settle(page, 'now');
  for (let s = 1; s <= 16; s++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => document.querySelector('[data-testid="briefing"]')?.getAttribute('data-slide') === String(n), s);
    const ms = await settle(page, 'key');
    const kind = await page.getByTestId('briefing').getAttribute('data-kind');
    if (ms > 0) push(i, kind === 'province' ? 'province' : 'city', ms);
  }
  await page.context().close();
}

try {
  for (let n = 0; n < loads; n++) {
    for (const i of n % 2 ? [1, 0] : [0, 1]) {
      await explore(i);
      if (walk) await briefing(i);
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
  execSync(`git worktree remove --force ${other}`);
  rmSync(other, { recursive: true, force: true });
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
console.log(`\n| figure (ms) | ${names[0]} | ${names[1]} |\n| --- | ---: | ---: |`);
for (const k of Object.keys(samples[0]!)) {
  console.log(`| ${k} | ${Math.round(median(samples[0]![k]!))} | ${Math.round(median(samples[1]![k] ?? []))} |`);
}
for (const [i, name] of names.entries()) {
  console.log(`\n${name}:`);
  for (const [k, v] of Object.entries(samples[i]!)) console.log(`  ${k.padEnd(8)} ${v.map(Math.round).join(' ')}`);
}
