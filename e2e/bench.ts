// npm run bench — browser benchmark of the production build in headless Debian chromium (software WebGL).
// Not a test: it prints medians and can write them as JSON (--json file). It exits 1 and names each budget a
// median misses.
//   npm run bench -- [--runs 7] [--json bench.json] [--query "dataset=synthetic-100k"] [--no-build] [--echarts] [--import]
// --import also drops a 100-page PDF onto the app (e2e/bench-import.ts, issue 23.8).
// --echarts also times a reference page (e2e/bench-echarts.html: the same provinces and counts drawn by ECharts,
// as such maps are usually made) from navigation to its first drawn frame, and prints how our time to interactive
// compares (issue 14: "aim to be ahead of it").
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';
import { benchImport, makeBenchPdf } from './bench-import';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const runs = Number(arg('runs', '7'));
const query = arg('query', '') ?? '';
const jsonOut = arg('json');
if (!process.argv.includes('--no-build')) execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
const withEcharts = process.argv.includes('--echarts');
if (withEcharts) {
  // Served by the same preview server as the app, so both pay the same for every byte.
  const require = createRequire(import.meta.url);
  const dir = 'dist/bench-echarts';
  mkdirSync(dir, { recursive: true });
  copyFileSync('e2e/bench-echarts.html', join(dir, 'index.html'));
  copyFileSync(join(dirname(require.resolve('echarts/package.json')), 'dist/echarts.min.js'), join(dir, 'echarts.min.js'));
  copyFileSync(join(dirname(require.resolve('topojson-client/package.json')), 'dist/topojson-client.min.js'), join(dir, 'topojson-client.min.js'));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const base = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

const samples: Record<string, number[]> = {
  navToFirstPaint: [],
  navToInteractive: [],
  filterToIdle: [],
  filterToSettled: [],
  firstViewGzipKB: [],
  interactiveGzipKB: [],
  heapMB: [],
};

try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // Bytes as an intranet server with gzip would send them: each response body gzipped (level 6), summed.
    // Counted at first paint and at interactive; responses still in flight are counted when they land.
    const bodies: { at: number; gz: number }[] = [];
    const t0 = Date.now();
    page.on('response', async (r) => {
      const at = Date.now() - t0;
      try {
        bodies.push({ at, gz: gzipSync(await r.body()).length });
      } catch {
        /* redirects and aborted requests have no body */
      }
    });
    await page.goto(`${base}${query ? `?${query}` : ''}`);
    // First meaningful paint: the choropleth on screen — the SVG first view or the WebGL map, whichever is first.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="svg-map"] path[data-count]') !== null ||
        document.querySelector('[data-testid="map"]')?.getAttribute('data-ready') === 'true',
      null,
      { timeout: 120_000, polling: 10 },
    );
    const firstPaint = Date.now() - t0;
    samples.navToFirstPaint!.push(firstPaint);
    // Interactive: the WebGL map idle with counts and markers.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="map"]')?.getAttribute('data-ready') === 'true' &&
        document.querySelector('[data-testid="map"]')?.getAttribute('data-state') === 'idle',
      null,
      { timeout: 120_000, polling: 10 },
    );
    const interactive = Date.now() - t0;
    samples.navToInteractive!.push(interactive);
    await page.waitForTimeout(300);
    const kb = (until: number) => bodies.filter((b) => b.at <= until).reduce((n, b) => n + b.gz, 0) / 1024;
    samples.firstViewGzipKB!.push(kb(firstPaint));
    samples.interactiveGzipKB!.push(kb(interactive));

    // Filter change → map idle, measured inside the page (toggle a mechanism on, then off again).
    const [times = [], settledTimes = []]: number[][] = await page.evaluate(async () => {
      const w = window as unknown as { __atlas: { map: any; store: any } };
      const { map, store } = w.__atlas;
      const mech = store.getState().filters;
      void mech;
      const out: number[] = [];
      const settled: number[] = [];
      const keys = ['1-3', '1-3', '1-1', '1-1', '1-2', '1-2'];
      for (const k of keys) {
        // Clicks are at least this far apart; the pause lets the previous change's panels finish, so that each
        // sample measures one change.
        await new Promise((r) => setTimeout(r, 150));
        const t = performance.now();
        const idle = new Promise((r) => map.once('idle', r));
        store.getState().toggleMechanism(k);
        await idle;
        out.push(performance.now() - t);
        // Settled: the map is idle and the panels have painted too (two frames after idle).
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        settled.push(performance.now() - t);
      }
      return [out, settled];
    });
    samples.filterToIdle!.push(median(times));
    samples.filterToSettled!.push(median(settledTimes));
    const metrics = await cdp.send('Performance.getMetrics');
    const heap = metrics.metrics.find((m: { name: string }) => m.name === 'JSHeapUsedSize');
    samples.heapMB!.push((heap?.value ?? 0) / 1024 / 1024);
    await context.close();
  }
  if (withEcharts) {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`${base}bench-echarts/`);
      await page.waitForFunction(() => (window as unknown as { __finished?: number }).__finished !== undefined, null, { timeout: 120_000, polling: 10 });
      (samples.echartsDrawn ??= []).push(Date.now() - t0);
      await context.close();
    }
  }
  if (process.argv.includes('--import')) {
    const pdf = makeBenchPdf();
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const r = await benchImport(browser, base, pdf);
      console.log(`import: ${r.pages}-page PDF → ${r.practices} practices in ${r.dropToPreviewMs} ms, ${r.progressSteps} progress steps, longest main-thread task ${r.longestTaskMs} ms`);
      (samples.importDropToPreviewMs ??= []).push(r.dropToPreviewMs);
      (samples.importLongestTaskMs ??= []).push(r.longestTaskMs);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

/** Budgets: at batch size (the default run) and at scale (a synthetic dataset in --query). */
const budgets: Record<string, { batch?: number; scale?: number }> = {
  navToFirstPaint: {},
  navToInteractive: { batch: 1500 },
  filterToIdle: { batch: 60, scale: 150 },
  filterToSettled: {},
  firstViewGzipKB: { batch: 600 },
  interactiveGzipKB: {},
  heapMB: { scale: 250 },
  importDropToPreviewMs: {},
  importLongestTaskMs: { batch: 200, scale: 200 },
};
const atScale = /synthetic/.test(query);
const budgetOf = (k: string) => (atScale ? budgets[k]?.scale : budgets[k]?.batch);
const units: Record<string, string> = {
  navToFirstPaint: 'ms',
  navToInteractive: 'ms',
  filterToIdle: 'ms',
  filterToSettled: 'ms',
  firstViewGzipKB: 'KB',
  interactiveGzipKB: 'KB',
  heapMB: 'MB',
  echartsDrawn: 'ms',
  importDropToPreviewMs: 'ms',
  importLongestTaskMs: 'ms',
};
const result = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]));
console.log(`\nrenewal-atlas bench — ${query || 'batch 1'} — median of ${runs} runs (headless chromium, software GL)\n`);
console.log('| metric | median | unit | budget |\n| --- | ---: | --- | --- |');
const missed: string[] = [];
for (const [k, v] of Object.entries(result)) {
  const budget = budgetOf(k);
  const miss = budget !== undefined && v > budget;
  if (miss) missed.push(`${k}: ${v} ${units[k]} > ${budget} ${units[k]}`);
  console.log(`| ${k} | ${v} | ${units[k]} | ${budget === undefined ? '' : `≤ ${budget} ${units[k]}${miss ? ' **MISSED**' : ''}`} |`);
}
if (withEcharts) {
  const ratio = result.navToInteractive! / result.echartsDrawn!;
  console.log(`\ninteractive / ECharts drawn = ${ratio.toFixed(2)} (${ratio <= 1 ? 'ahead of' : 'behind'} the ECharts page)`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ query, runs, result, samples }, null, 2));
if (missed.length) {
  console.error(`\nBudgets missed:\n${missed.map((m) => `- ${m}`).join('\n')}`);
  process.exitCode = 1;
} else console.log('\nEvery budget met.');
