// Exports in a real browser: the PNG (size, legend drawn), CSV and JSON of the filtered practices, print to PDF.
import { loadBuiltDataset } from './dataset';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { artifactPath, gotoApp, mapIdle, openSession, type Session, useBrowser } from './browser';
import { parseDataset } from '../src/ingest/schema';
import { EMPTY_FILTERS } from '../src/store/filters';
import { filterPractices } from '../src/store/selectors';
import { CSV_COLUMNS, unescapeCsvFormula } from '../src/format/csv';

const dataset = loadBuiltDataset(); // with the programmes, as the app loads it (issue 27)

async function readDownload(d: Download): Promise<Buffer> {
  const path = await d.path();
  return readFileSync(path);
}

async function exportVia(page: Page, item: 'png' | 'png-portrait' | 'csv' | 'json'): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('export-button').click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(`export-${item}`).click()]);
  return { name: download.suggestedFilename(), bytes: await readDownload(download) };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('exports', () => {
  const b = useBrowser();
  let s: Session;

  beforeAll(async () => {
    s = await openSession(b.browser, { width: 1440, height: 900 });
    await gotoApp(s);
  });

  it('opens the menu of exports from the top bar, by mouse and keyboard', async () => {
    const { page } = s;
    await page.getByTestId('export-button').click();
    const items = page.getByRole('menuitem');
    await expect(items.allTextContents()).resolves.toEqual([
      '导出图片（横版 16:9）',
      '导出图片（竖版）',
      '打印/PDF',
      '汇报幻灯片 PPTX',
      '材料 Word DOCX',
      '导出 CSV',
      '导出 JSON',
    ]);
    await page.screenshot({ path: artifactPath('export-menu.png'), clip: { x: 700, y: 0, width: 740, height: 240 } });
    // Focus starts on the first item; arrows move, Esc closes and gives focus back to the button.
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('export-png-portrait');
    await page.keyboard.press('Escape');
    await expect(items.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('export-button');
  });

  it('exports a 16:9 PNG at 2× (1920 × 1080) with a legend that is drawn', async () => {
    const { page } = s;
    // Watch for the progress indicator from inside the page (it may come and go between two polls from here).
    await page.evaluate(() => {
      const w = window as any;
      w.__progress = { seen: false, delay: '', opacityAtOnce: '' };
      new MutationObserver(() => {
        const el = document.querySelector('.export-status.busy');
        if (!w.__progress.seen && el) {
          const cs = getComputedStyle(el);
          w.__progress = { seen: true, delay: cs.animationDelay, opacityAtOnce: cs.opacity };
        }
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    const t0 = Date.now();
    const { name, bytes } = await exportVia(page, 'png');
    const took = Date.now() - t0;
    expect(name).toMatch(/^城市更新实践地图-全国-\d{4}-\d{2}-\d{2}\.png$/);
    // The indicator is on the page from the start but stays transparent for 300 ms (quick exports never show it).
    const progress = await page.evaluate(() => (window as any).__progress as { seen: boolean; delay: string; opacityAtOnce: string });
    expect(progress).toEqual({ seen: true, delay: '0.3s', opacityAtOnce: '0' });
    expect(took).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="export-progress"]', { state: 'detached' });
    writeFileSync(artifactPath('export.png'), bytes);
    expect(pngSize(bytes)).toEqual({ width: 1920, height: 1080 });

    // Decode the file itself in the page and look inside the legend box the composer reports.
    const legend = (await page.getByTestId('export-result').getAttribute('data-legend'))!.split(',').map(Number);
    const swatches = await page.$$eval('[data-testid="legend"] .swatch', (els) => els.map((e) => getComputedStyle(e).backgroundColor));
    const stats = await page.evaluate(
      async ({ b64, rect, swatches }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const [x, y, w, h] = rect as [number, number, number, number];
        const data = ctx.getImageData(x, y, w, h).data;
        const colours = new Set<string>();
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) {
          colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
          if (data[i]! + data[i + 1]! + data[i + 2]! < 200) dark++;
        }
        const rgb = (s: string) => s.match(/\d+/g)!.slice(0, 3).map(Number);
        const found = swatches.map((sw) => {
          const [r, g, b] = rgb(sw);
          for (let i = 0; i < data.length; i += 4) {
            if (Math.abs(data[i]! - r!) <= 2 && Math.abs(data[i + 1]! - g!) <= 2 && Math.abs(data[i + 2]! - b!) <= 2) return true;
          }
          return false;
        });
        return { distinct: colours.size, dark, found, size: [img.naturalWidth, img.naturalHeight] };
      },
      { b64: bytes.toString('base64'), rect: legend, swatches },
    );
    expect(stats.distinct).toBeGreaterThan(20); // text antialiasing and swatches, not a flat box
    expect(stats.dark).toBeGreaterThan(200); // the legend's text
    expect(swatches.length).toBeGreaterThan(2);
    expect(stats.found).toEqual(swatches.map(() => true)); // every class colour of the on-screen legend
  });

  it('titles the PNG with its subject, filters and count, names the file by subject and date, and cuts nothing', async () => {
    const { page } = s;
    // 苏州 selected, one filter on: the title says where, the subtitle what and how many.
    const filters = { ...EMPTY_FILTERS, levels: ['city' as const] };
    const expected = filterPractices(dataset, filters).filter((p) => p.actors.some((a) => a.adcode === 320500 || a.city === 320500));
    expect(expected.length).toBeGreaterThan(0);
    await gotoApp(s, 'sel=r:320500&lv=city');
    const { name } = await exportVia(page, 'png');
    const out = page.getByTestId('export-result');
    expect(await out.getAttribute('data-title')).toBe('城市更新实践地图 · 江苏省苏州市');
    expect(await out.getAttribute('data-subtitle')).toBe(`${expected.length} 项做法 · 层级：地市级`);
    expect(name).toMatch(/^城市更新实践地图-江苏省苏州市-\d{4}-\d{2}-\d{2}\.png$/);

    // Portrait, national: the map (with its southern dash line) is framed above the footer band and clear of the
    // title, legend and inset boxes.
    await gotoApp(s);
    const portrait = await exportVia(page, 'png-portrait');
    expect(pngSize(portrait.bytes)).toEqual({ width: 1440, height: 1920 });
    writeFileSync(artifactPath('export-portrait.png'), portrait.bytes);
    expect(await out.getAttribute('data-title')).toBe('城市更新实践地图 · 全国');
    const rect = async (attr: string) => {
      const [x, y, w, h] = (await out.getAttribute(attr))!.split(',').map(Number) as [number, number, number, number];
      return { x, y, w, h };
    };
    const frame = await rect('data-map-frame');
    const footer = await rect('data-footer');
    expect(frame.y + frame.h).toBeLessThanOrEqual(footer.y);
    for (const box of [await rect('data-title-box'), await rect('data-legend'), await rect('data-inset')]) {
      const apart = box.x >= frame.x + frame.w || box.x + box.w <= frame.x || box.y >= frame.y + frame.h || box.y + box.h <= frame.y;
      expect(apart).toBe(true);
    }
  });

  it('draws the approval number (审图号) under the map when one is configured', async () => {
    const { page } = s;
    const footerHeight = async () => Number((await page.getByTestId('export-result').getAttribute('data-footer'))!.split(',')[3]);
    const without = await footerHeight();
    await page.route('**/config.json', (r) => r.fulfill({ contentType: 'application/json', body: '{"approvalNumber":"GS(2024)0650号"}' }));
    await gotoApp(s);
    const { bytes } = await exportVia(page, 'png');
    writeFileSync(artifactPath('export-approval.png'), bytes);
    // One more footer line (17 CSS px at 2×).
    expect((await footerHeight()) - without).toBe(34);
    await page.unroute('**/config.json');
    await gotoApp(s);
  });

  it('exports the practices as CSV with BOM, a header row and one row per practice', async () => {
    const { bytes, name } = await exportVia(s.page, 'csv');
    expect(name).toMatch(/\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    writeFileSync(artifactPath('export.csv'), bytes);
    const text = bytes.toString('utf8').slice(1);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(filterPractices(dataset, EMPTY_FILTERS).length);
    // Province and level in words, filled for every row.
    for (const r of rows) {
      expect(r[CSV_COLUMNS.indexOf('省份')]).not.toBe('');
      expect(r[CSV_COLUMNS.indexOf('层级')]).not.toBe('');
    }
    const byId = new Map(dataset.practices.map((p) => [p.id, p]));
    for (const r of rows) expect(unescapeCsvFormula(r[CSV_COLUMNS.indexOf('全文')]!)).toBe(byId.get(r[0]!)!.text);
    // And back again: unparse → parse gives the same table.
    expect(Papa.parse<string[]>(Papa.unparse(parsed.data), { skipEmptyLines: true }).data).toEqual(parsed.data);
  });

  it('exports only the filtered practices, as CSV and as JSON in the dataset schema', async () => {
    const { page } = s;
    await gotoApp(s, 'q=重庆');
    const expected = filterPractices(dataset, { ...EMPTY_FILTERS, q: '重庆' }).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(30);
    const csv = await exportVia(page, 'csv');
    const rows = Papa.parse<string[]>(csv.bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => r[0])).toEqual(expected);
    const json = await exportVia(page, 'json');
    const back = parseDataset(JSON.parse(json.bytes.toString('utf8')));
    expect(back.practices.map((p) => p.id)).toEqual(expected);
  });

  it('prints an A4 landscape page with the map, then the selected practices as cards', async () => {
    const { page } = s;
    await gotoApp(s, 'sel=r:500000');
    // Headless chromium cannot open a print dialog (and would stay "printing"): count the call instead.
    await page.evaluate(() => {
      (window as any).__printed = 0;
      window.print = () => void (window as any).__printed++;
    });
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-print').click();
    await page.waitForFunction(() => (window as any).__printed === 1, null, { timeout: 60_000 });
    expect(await page.locator('.print-figure img').count()).toBe(1);
    await mapIdle(page);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const path = artifactPath('print.pdf');
    writeFileSync(path, pdf);
    // The menu's 2× image was printed (not replaced by a screen copy), and the cards only exist while printing.
    expect(await page.locator('.print-figure img').count()).toBe(1);
    expect(await page.locator('.print-cards').count()).toBe(0);
    expect(pdf.subarray(0, 5).toString('ascii')).toBe('%PDF-');
    // A4 landscape: 842 × 595 pt.
    const boxes = [...pdf.toString('latin1').matchAll(/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThanOrEqual(2); // the map page, then the cards
    for (const [w, h] of boxes) {
      expect(Math.round(w!)).toBe(842);
      expect(Math.round(h!)).toBe(595);
    }
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', path, artifactPath('print')]);
    } catch {
      // poppler-utils missing: the PDF itself is the artefact.
    }
  });

  it('prints with Ctrl+P too: the map image is drawn from the geometry (not read from the WebGL canvas) before printing', async () => {
    const { page } = s;
    await gotoApp(s);
    expect(await page.locator('.print-figure canvas, .print-figure img').count()).toBe(0);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(artifactPath('print-ctrl-p.pdf'), pdf);
    const size = await page.evaluate(() => {
      const c = document.querySelector('.print-figure canvas') as HTMLCanvasElement | null;
      const map = document.querySelector('[data-testid="map"]') as HTMLElement;
      return c && { width: c.width, height: c.height, css: [map.clientWidth, map.clientHeight] };
    });
    expect(size).not.toBeNull();
    // The map's size on screen at 2×, like the menu's print image.
    expect(size!.width).toBe(2 * size!.css[0]!);
    expect(size!.height).toBe(2 * size!.css[1]!);
  });
});
