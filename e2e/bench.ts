// npm run bench — browser benchmark of the production build in headless Debian chromium (software WebGL, 1366×768,
// the screen of the office PCs issue 25 is about). Not a test: it prints medians and can write them as JSON
// (--json file). It exits 1 and names each budget a median misses.
//   npm run bench -- [--runs 3] [--json bench.json] [--query "dataset=synthetic-100k"] [--no-build]
//                    [--profile dir] [--reduced-motion]
// Times of the map (briefing slides, a click, a camera move, navigation → interactive) are budgeted as ratios
// against a reference page measured in the same run, interleaved with ours (e2e/bench-echarts.html: the same
// provinces and counts drawn by ECharts, as such maps are usually made; navigation → its first drawn frame):
// absolute times move with the machine and with whatever else runs on it, the ratio much less.
// "Settled" is the last frame the map draws after the action (followed by 600 ms without a frame, the camera still,
// every level-of-detail file on the map).
// --profile dir: one extra briefing walk with a Chrome CPU profile (dir/briefing.cpuprofile, top self times
// printed) and a count of the vertices drawn per frame (WebGL draw calls wrapped), to see where the time goes.
// --reduced-motion: the pages ask for reduced motion (the map then jumps instead of flying).
// --import: also a 100-page PDF dropped onto the app, read in the import worker (e2e/bench-import.ts, issue 23.8).
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';
import { runImportBench } from './bench-import';
import { INPUT_TIMES_SCRIPT, installSettle, waitInteractive } from './bench-page';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const runs = Number(arg('runs', '3'));
const query = arg('query', '') ?? '';
const jsonOut = arg('json');
const profileDir = arg('profile');
const reducedMotion = process.argv.includes('--reduced-motion') ? 'reduce' : 'no-preference';
const VIEWPORT = { width: 1366, height: 768 };
const atScale = /synthetic/.test(query);
/** Slides stepped through in the briefing (1 → 16). */
const LAST_SLIDE = 16;
/** 江苏 (a click in explore) and a camera move into 四川 at zoom 7. */
const CLICK_AT: [number, number] = [119.4, 33.0];
const MOVE_TO = { center: [103.8, 30.4] as [number, number], zoom: 7 };

if (!process.argv.includes('--no-build')) execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
{
  // The reference page is served by the same preview server as the app, so both pay the same for every byte.
  const require = createRequire(import.meta.url);
  const dir = 'dist/bench-echarts';
  mkdirSync(dir, { recursive: true });
  copyFileSync('e2e/bench-echarts.html', join(dir, 'index.html'));
  copyFileSync(join(dirname(require.resolve('echarts/package.json')), 'dist/echarts.min.js'), join(dir, 'echarts.min.js'));
  copyFileSync(join(dirname(require.resolve('topojson-client/package.json')), 'dist/topojson-client.min.js'), join(dir, 'topojson-client.min.js'));
}

const median = (xs: readonly number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const base = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

const samples: Record<string, number[]> = {
  echartsDrawn: [],
  navToFirstPaint: [],
  navToInteractive: [],
  filterToIdle: [],
  filterToSettled: [],
  firstViewGzipKB: [],
  interactiveGzipKB: [],
  heapMB: [],
};
/**
 * Per run: each slide's settle time (ms), with its kind; as the app moves by default (it jumps where WebGL is drawn
 * in software, as here: store/motion.ts) and flying, as a presenter may choose (the briefing's 跳转 toggle off).
 */
const slideRuns: { kind: string; ms: number }[][] = [];
const flyRuns: { kind: string; ms: number }[][] = [];

async function newPage(b: Browser, motion: 'reduce' | 'no-preference' = reducedMotion): Promise<Page> {
  const context = await b.newContext({ viewport: VIEWPORT, locale: 'zh-CN', reducedMotion: motion });
  await context.addInitScript(INPUT_TIMES_SCRIPT);
  return context.newPage();
}

async function echartsRun(): Promise<void> {
  const page = await newPage(browser);
  const t0 = Date.now();
  await page.goto(`${base}bench-echarts/`);
  await page.waitForFunction(() => (window as unknown as { __finished?: number }).__finished !== undefined, null, { timeout: 120_000, polling: 10 });
  samples.echartsDrawn!.push(Date.now() - t0);
  await page.context().close();
}

async function exploreRun(): Promise<void> {
  const page = await newPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  // Bytes as an intranet server with gzip would send them: each response body gzipped (level 6), summed.
  // Counted at first paint and at interactive; responses still in flight are counted when they land. Only the time
  // of each response is taken during the load: its body is read and gzipped after the timings (doing it as responses
  // landed took the CPU from the page on 2 cores — the reference page pays nothing of the kind).
  const landed: { at: number; response: Response }[] = [];
  const t0 = Date.now();
  page.on('response', (response) => void landed.push({ at: Date.now() - t0, response }));
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
  await waitInteractive(page);
  const interactive = Date.now() - t0;
  samples.navToInteractive!.push(interactive);
  await page.waitForTimeout(300);
  const bodies = await Promise.all(
    landed.map(async ({ at, response }) => {
      try {
        return { at, gz: gzipSync(await response.body()).length };
      } catch {
        return { at, gz: 0 }; // redirects and aborted requests have no body
      }
    }),
  );
  const kb = (until: number) => bodies.filter((b) => b.at <= until).reduce((n, b) => n + b.gz, 0) / 1024;
  samples.firstViewGzipKB!.push(kb(firstPaint));
  samples.interactiveGzipKB!.push(kb(interactive));

  // Filter change → map idle, measured inside the page (toggle a mechanism on, then off again).
  const [times = [], settledTimes = []]: number[][] = await page.evaluate(async () => {
    const { map, store } = (window as any).__atlas;
    const out: number[] = [];
    const settled: number[] = [];
    for (const k of ['1-3', '1-3', '1-1', '1-1', '1-2', '1-2']) {
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

  if (!atScale) {
    await installSettle(page);
    // A click on 江苏 in the national view → the map settled on it (selection, districts, the flight).
    await page.evaluate(() => (window as any).__atlas.store.getState().setCamera(null));
    await page.waitForTimeout(200);
    await page.evaluate(() => (window as any).__settle(performance.now()));
    const p = await page.evaluate((ll) => (window as any).__atlas.controller.project(ll), CLICK_AT);
    const box = (await page.locator('[data-testid="map"] canvas').boundingBox())!;
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await page.mouse.click(box.x + p.x, box.y + p.y);
    (samples.clickProvinceSettled ??= []).push(await page.evaluate(() => (window as any).__settle((window as any).__downAt)));
    // Back to the national view, then a camera move into 四川 at zoom 7 → idle with its level of detail.
    await page.evaluate(() => (window as any).__atlas.store.getState().select({ kind: 'none' }));
    await page.evaluate(() => (window as any).__atlas.map.jumpTo({ center: [105, 35], zoom: 3.5 }));
    await page.evaluate(() => (window as any).__settle(performance.now()));
    (samples.moveIntoProvinceIdle ??= []).push(
      await page.evaluate((to) => {
        const t = performance.now();
        (window as any).__atlas.map.jumpTo(to);
        return (window as any).__settle(t);
      }, MOVE_TO),
    );
  }
  await page.context().close();
}

/** Steps slides 1 → LAST_SLIDE with the keyboard; returns each slide's settle time. */
async function briefingRun(page: Page): Promise<{ kind: string; ms: number }[]> {
  await page.goto(`${base}?mode=briefing`);
  await waitInteractive(page);
  await installSettle(page);
  await page.evaluate(() => (window as any).__settle(performance.now()));
  const out: { kind: string; ms: number }[] = [];
  for (let i = 1; i <= LAST_SLIDE; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((i) => document.querySelector('[data-testid="briefing"]')?.getAttribute('data-slide') === String(i), i);
    const kind = (await page.getByTestId('briefing').getAttribute('data-kind')) ?? '?';
    const ms: number = await page.evaluate(() => (window as any).__settle((window as any).__keyAt));
    out.push({ kind, ms });
  }
  return out;
}

try {
  for (let i = 0; i < runs; i++) {
    // Interleaved, so that the reference and the app share whatever else the machine is doing.
    await echartsRun();
    await exploreRun();
    if (!atScale) {
      const page = await newPage(browser);
      slideRuns.push(await briefingRun(page));
      await page.context().close();
      // The same walk for a presenter who chose flights (the 跳转 toggle off, kept in localStorage).
      const fly = await newPage(browser);
      await fly.addInitScript(() => localStorage.setItem('renewal-atlas.briefing-jump', '0'));
      flyRuns.push(await briefingRun(fly));
      await fly.context().close();
    }
  }
  if (profileDir && !atScale) await profileRun(profileDir);
  // --import: a 100-page PDF dropped onto the app (issue 23.8; e2e/bench-import.ts).
  if (process.argv.includes('--import')) await runImportBench(browser, base, samples, runs);
} finally {
  await browser.close();
  await server.close();
}

async function profileRun(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const page = await newPage(browser);
  // Vertices per drawn frame: every WebGL draw call's vertex count, summed per animation frame.
  await page.addInitScript(`
    window.__frames = [];
    let n = 0, scheduled = false;
    const flush = () => { if (n) window.__frames.push(n); n = 0; scheduled = false; };
    const count = (k) => { n += k; if (!scheduled) { scheduled = true; requestAnimationFrame(flush); } };
    for (const C of [WebGLRenderingContext, WebGL2RenderingContext]) {
      const de = C.prototype.drawElements, da = C.prototype.drawArrays;
      C.prototype.drawElements = function (mode, k, type, offset) { count(k); return de.call(this, mode, k, type, offset); };
      C.prototype.drawArrays = function (mode, first, k) { count(k); return da.call(this, mode, first, k); };
    }
  `);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await page.goto(`${base}?mode=briefing`);
  await waitInteractive(page);
  await installSettle(page);
  await page.evaluate(() => (window as any).__settle(performance.now()));
  await page.evaluate(() => ((window as any).__frames.length = 0));
  await cdp.send('Profiler.start');
  const perSlide: { kind: string; frames: number; vertices: number; maxFrame: number }[] = [];
  for (let i = 1; i <= LAST_SLIDE; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((i) => document.querySelector('[data-testid="briefing"]')?.getAttribute('data-slide') === String(i), i);
    const kind = (await page.getByTestId('briefing').getAttribute('data-kind')) ?? '?';
    await page.evaluate(() => (window as any).__settle((window as any).__keyAt));
    const frames: number[] = await page.evaluate(() => (window as any).__frames.splice(0));
    perSlide.push({ kind, frames: frames.length, vertices: frames.reduce((a, b) => a + b, 0), maxFrame: Math.max(0, ...frames) });
  }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(join(dir, 'briefing.cpuprofile'), JSON.stringify(profile));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  profile.samples?.forEach((id, k) => {
    const n = byId.get(id)!;
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}`.trim();
    self.set(name, (self.get(name) ?? 0) + (dt[k] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nCPU profile of the briefing walk (${(total / 1000).toFixed(1)} s sampled), top self times:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${Math.round(ms)} ms  ${name}`);
  }
  console.log('\nVertices drawn per slide (frames, vertices in all, the largest frame):');
  perSlide.forEach((s, i) => console.log(`  slide ${i + 1} ${s.kind}: ${s.frames} frames, ${s.vertices} vertices, ≤ ${s.maxFrame} per frame`));
  writeFileSync(join(dir, 'vertices.json'), JSON.stringify(perSlide, null, 2));
  await page.context().close();
}

// ——— figures and budgets ———
const ref = median(samples.echartsDrawn!);
const ratio = (ms: number) => ms / ref;
// Per run: the median province slide, the slowest slide, the median city/practice slide; then the median of runs.
type Walk = { kind: string; ms: number }[];
const provinceMs = (w: Walk) => w.filter((x) => x.kind === 'province').map((x) => x.ms);
const practiceMs = (w: Walk) => w.filter((x) => x.kind !== 'province').map((x) => x.ms);
for (const [prefix, walks] of [['slide', slideRuns], ['flySlide', flyRuns]] as const) {
  if (!walks.length) continue;
  samples[`${prefix}ProvinceMedian`] = walks.map((w) => median(provinceMs(w)));
  samples[`${prefix}Slowest`] = walks.map((w) => Math.max(...w.map((x) => x.ms)));
  samples[`${prefix}PracticeMedian`] = walks.map((w) => median(practiceMs(w)));
  samples[`${prefix}PracticeSlowest`] = walks.map((w) => Math.max(...practiceMs(w)));
  // City slides: the practice slides that redraw the map at all (a new place); the others draw no frame.
  samples[`${prefix}CityMedian`] = walks.map((w) => median(practiceMs(w).filter((ms) => ms > 0)));
}

/** Absolute budgets: at batch size (the default run) and at scale (a synthetic dataset in --query). */
const budgets: Record<string, { batch?: number; scale?: number }> = {
  filterToIdle: { batch: 60, scale: 150 },
  firstViewGzipKB: { batch: 600 },
  heapMB: { scale: 250 },
  importLongestTaskMs: { batch: 200, scale: 200 },
};
/** Budgets as ratios to the reference page's draw time (issue 25), at batch size. */
const ratioBudgets: Record<string, number> = {
  navToInteractive: 1.0,
  clickProvinceSettled: 0.6,
  moveIntoProvinceIdle: 0.6,
  slideProvinceMedian: 0.6,
  slideSlowest: 1.0,
  slidePracticeMedian: 0.4,
  slideCityMedian: 0.4,
};
const units: Record<string, string> = { firstViewGzipKB: 'KB', interactiveGzipKB: 'KB', heapMB: 'MB' };
const result = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]));
console.log(
  `\nrenewal-atlas bench — ${query || 'batch 1'} — median of ${runs} runs (headless chromium, software GL, ${VIEWPORT.width}×${VIEWPORT.height}` +
    `${reducedMotion === 'reduce' ? ', reduced motion' : ''})\n`,
);
console.log('| metric | median | unit | × reference | budget |\n| --- | ---: | --- | ---: | --- |');
const missed: string[] = [];
for (const [k, v] of Object.entries(result)) {
  const unit = units[k] ?? 'ms';
  const abs = atScale ? budgets[k]?.scale : budgets[k]?.batch;
  const rb = atScale ? undefined : ratioBudgets[k];
  const r = unit === 'ms' && k !== 'echartsDrawn' ? ratio(v) : undefined;
  let budget = '';
  if (abs !== undefined) {
    const miss = v > abs;
    if (miss) missed.push(`${k}: ${v} ${unit} > ${abs} ${unit}`);
    budget = `≤ ${abs} ${unit}${miss ? ' **MISSED**' : ''}`;
  } else if (rb !== undefined && r !== undefined) {
    const miss = !(r <= rb);
    if (miss) missed.push(`${k}: ${r.toFixed(2)}× > ${rb}× the reference (${v} ms against ${ref} ms)`);
    budget = `≤ ${rb}×${miss ? ' **MISSED**' : ''}`;
  }
  console.log(`| ${k} | ${v} | ${unit} | ${r === undefined ? '' : `${r.toFixed(2)}×`} | ${budget} |`);
}
if (slideRuns.length) {
  console.log('\nSlides (ms to settle in each run, as the app moves here | flying by the presenter’s choice):');
  slideRuns[0]!.forEach((s, i) =>
    console.log(
      `  ${String(i + 1).padStart(2)} ${s.kind.padEnd(8)} ${slideRuns.map((r) => Math.round(r[i]!.ms)).join(' / ')} | ${flyRuns.map((r) => Math.round(r[i]!.ms)).join(' / ')}`,
    ),
  );
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ query, runs, reducedMotion, viewport: VIEWPORT, result, samples, slideRuns, flyRuns }, null, 2));
if (missed.length) {
  console.error(`\nBudgets missed:\n${missed.map((m) => `- ${m}`).join('\n')}`);
  process.exitCode = 1;
} else console.log('\nEvery budget met.');
