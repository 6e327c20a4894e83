// npm run bench — browser benchmark of the production build in headless Debian chromium (software WebGL).
// Not a test: it prints medians and can write them as JSON (--json file). Budgets are compared in the table.
//   npm run bench -- [--runs 7] [--json bench.json] [--query "dataset=synthetic-100k"] [--no-build]
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const runs = Number(arg('runs', '7'));
const query = arg('query', '') ?? '';
const jsonOut = arg('json');
if (!process.argv.includes('--no-build')) execSync('npx vite build --logLevel warn', { stdio: 'inherit' });

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
  firstViewKB: [],
  firstViewGzipKB: [],
  heapMB: [],
};

try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Performance.enable');
    let encoded = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      encoded += e.encodedDataLength;
    });
    let raw = 0;
    page.on('response', async (r) => {
      try {
        raw += (await r.body()).length;
      } catch {
        /* redirects have no body */
      }
    });
    const t0 = Date.now();
    await page.goto(`${base}${query ? `?${query}` : ''}`);
    // First meaningful paint: the choropleth has counts (data-ready) and the map rendered once.
    await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-ready') === 'true', null, {
      timeout: 120_000,
      polling: 10,
    });
    samples.navToFirstPaint!.push(Date.now() - t0);
    await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-state') === 'idle', null, {
      timeout: 120_000,
      polling: 10,
    });
    samples.navToInteractive!.push(Date.now() - t0);
    await page.waitForTimeout(300);
    samples.firstViewGzipKB!.push(encoded / 1024);
    samples.firstViewKB!.push(raw / 1024);

    // Filter change → map idle, measured inside the page (toggle a mechanism on, then off again).
    const times: number[] = await page.evaluate(async () => {
      const w = window as unknown as { __atlas: { map: any; store: any } };
      const { map, store } = w.__atlas;
      const mech = store.getState().filters;
      void mech;
      const out: number[] = [];
      const keys = ['1-3', '1-3', '1-1', '1-1', '1-2', '1-2'];
      for (const k of keys) {
        const t = performance.now();
        const idle = new Promise((r) => map.once('idle', r));
        store.getState().toggleMechanism(k);
        await idle;
        out.push(performance.now() - t);
      }
      return out;
    });
    samples.filterToIdle!.push(median(times));
    const metrics = await cdp.send('Performance.getMetrics');
    const heap = metrics.metrics.find((m: { name: string }) => m.name === 'JSHeapUsedSize');
    samples.heapMB!.push((heap?.value ?? 0) / 1024 / 1024);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const budgets: Record<string, string> = {
  navToFirstPaint: '',
  navToInteractive: '≤ 1500 ms',
  filterToIdle: '≤ 60 ms (batch 1), ≤ 150 ms (100k)',
  firstViewKB: '',
  firstViewGzipKB: '≤ 600 KB',
  heapMB: '≤ 250 MB (100k)',
};
const units: Record<string, string> = {
  navToFirstPaint: 'ms',
  navToInteractive: 'ms',
  filterToIdle: 'ms',
  firstViewKB: 'KB',
  firstViewGzipKB: 'KB',
  heapMB: 'MB',
};
const result = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]));
console.log(`\nrenewal-atlas bench — ${query || 'batch 1'} — median of ${runs} runs (headless chromium, software GL)\n`);
console.log('| metric | median | unit | budget |\n| --- | ---: | --- | --- |');
for (const [k, v] of Object.entries(result)) console.log(`| ${k} | ${v} | ${units[k]} | ${budgets[k]} |`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ query, runs, result, samples }, null, 2));
