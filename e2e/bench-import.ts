// The import's part of `npm run bench -- --import` (issue 23.8): a 100-page PDF (batch 1's table repeated, made
// by data/fixtures/make-ingest-fixtures.ts --bench with LibreOffice) dropped onto the app is read in the import
// worker; measured: time from drop to preview, the progress bar's steps, and the main thread's longest task
// (PerformanceObserver 'longtask') from the drop until the preview is painted — budget 200 ms. Not a test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

export interface ImportBench {
  pages: number;
  practices: number;
  dropToPreviewMs: number;
  progressSteps: number;
  longestTaskMs: number;
}

/** Six pages per copy of batch 1 in the ministry's portrait layout: 17 copies ≈ 100 pages. */
export function makeBenchPdf(copies = 17): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const out = execFileSync('npx', ['tsx', 'data/fixtures/make-ingest-fixtures.ts', '--bench', String(copies), dir], { encoding: 'utf8' });
  return out.trim().split('\n').pop()!;
}

export async function benchImport(browser: Browser, base: string, pdfPath: string): Promise<ImportBench> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-state') === 'idle', null, { timeout: 120_000 });
  const bytes = readFileSync(pdfPath).toString('base64');
  const r = await page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const tasks: number[] = [];
    const t0 = performance.now();
    const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => e.startTime >= t0 && tasks.push(e.duration)));
    obs.observe({ type: 'longtask', buffered: false });
    const steps = new Set<string>();
    const poll = setInterval(() => {
      const v = document.querySelector<HTMLProgressElement>('#import-progress-bar')?.value;
      if (v !== undefined) steps.add(String(v));
    }, 20);
    const dt = new DataTransfer();
    dt.items.add(new File([data], 'bench.pdf', { type: 'application/pdf' }));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
    while (!document.querySelector('[data-testid="import-preview"], [data-testid="import-problems"]')) await new Promise((res) => setTimeout(res, 20));
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    const ms = performance.now() - t0;
    clearInterval(poll);
    obs.disconnect();
    const summary = document.querySelector('[data-testid="import-summary"]')?.textContent ?? document.querySelector('[data-testid="import-problems"]')?.textContent ?? '';
    return { ms, tasks, steps: steps.size, summary };
  }, bytes);
  await context.close();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1] ?? 0);
  return {
    pages,
    practices: Number(/(\d+) 项做法/.exec(r.summary)?.[1] ?? 0),
    dropToPreviewMs: Math.round(r.ms),
    progressSteps: r.steps,
    longestTaskMs: Math.round(Math.max(0, ...r.tasks)),
  };
}

/** The hook `npm run bench -- --import` calls: up to three drops of one generated PDF, into the bench's samples. */
export async function runImportBench(browser: Browser, base: string, samples: Record<string, number[]>, runs: number): Promise<void> {
  const pdf = makeBenchPdf();
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const r = await benchImport(browser, base, pdf);
    console.log(`import: ${r.pages}-page PDF → ${r.practices} practices in ${r.dropToPreviewMs} ms, ${r.progressSteps} progress steps, longest main-thread task ${r.longestTaskMs} ms`);
    (samples.importDropToPreviewMs ??= []).push(r.dropToPreviewMs);
    (samples.importLongestTaskMs ??= []).push(r.longestTaskMs);
  }
}
