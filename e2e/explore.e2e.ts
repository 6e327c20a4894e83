// The explore screen in a real browser: choropleth, markers, panels, filters, search, URL and offline promise.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { artifactPath, mapIdle, type Session, useBrowser } from './browser';
import type { Dataset, GazetteerEntry } from '../src/types';
import { colouredProvinces, clickAt } from './checks';

const dataset = JSON.parse(readFileSync('public/data/practices.json', 'utf8')) as Dataset;
const gazetteer = JSON.parse(readFileSync('public/geo/gazetteer.json', 'utf8')) as GazetteerEntry[];
const seat = (adcode: number) => gazetteer.find((g) => g.adcode === adcode)!.center;

/**
 * The colour drawn inside a province, read back from the canvas at a spot of its fill that no label, marker or
 * border covers.
 */
async function fillColourOf(page: Page, adcode: number): Promise<string> {
  return page.evaluate(async (adcode) => {
    const w = window as unknown as { __atlas: { map: any } };
    const map = w.__atlas.map;
    const canvas: HTMLCanvasElement = map.getCanvas();
    const ratio = canvas.width / canvas.clientWidth;
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.canvas.width = canvas.width;
    ctx.canvas.height = canvas.height;
    // The map runs without preserveDrawingBuffer: its canvas is read in the frame that drew it.
    await new Promise<void>((resolve) => {
      map.once('render', () => {
        ctx.drawImage(canvas, 0, 0);
        resolve();
      });
      map.triggerRepaint();
    });
    const others = ['province-labels', 'markers', 'marker-labels', 'province-outline', 'city-outline'];
    for (let y = 0; y < canvas.clientHeight; y += 3) {
      for (let x = 0; x < canvas.clientWidth; x += 3) {
        const hit = map.queryRenderedFeatures([x, y], { layers: ['province-fill'] });
        if (!hit.length || Number(hit[0].properties.adcode) !== adcode) continue;
        const near = map.queryRenderedFeatures(
          [
            [x - 4, y - 4],
            [x + 4, y + 4],
          ],
          { layers: others },
        );
        if (near.length) continue;
        const [r, g, b] = ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
        return `rgb(${r},${g},${b})`;
      }
    }
    throw new Error(`no clear pixel inside ${adcode}`);
  }, adcode);
}

describe('explore map', () => {
  const b = useBrowser();
  let s: Session;

  async function fresh(query = '', opts?: { width?: number; height?: number }): Promise<Session> {
    s = await b.open(query, opts);
    return s;
  }

  it('colours exactly the 13 provinces of batch 1, with counts from the dataset, and saves the national view', async () => {
    // Filtered to batch 1, so that a later batch added to the dataset does not change what is checked.
    const { page } = await fresh('b=1');
    const coloured = await colouredProvinces(page);
    const expected = new Map<number, number>();
    for (const p of dataset.practices.filter((x) => x.batch === 1)) for (const prov of new Set(p.actors.map((a) => a.province))) expected.set(prov, (expected.get(prov) ?? 0) + 1);
    expect(Object.keys(coloured).length).toBe(13);
    expect(new Map(Object.entries(coloured).map(([k, v]) => [Number(k), v]))).toEqual(expected);
    expect(coloured[500000]).toBe(5);
    await expect(page.locator('[data-testid="legend"] li').count()).resolves.toBeGreaterThan(1);
    await expect(page.locator('[data-testid="scs-inset"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-testid="provenance"]').textContent()).resolves.toContain('DataV');
    await page.screenshot({ path: artifactPath('national.png') });
    expect(s.foreign()).toEqual([]);
    await s.context.close();
  });

  it('opens 潍坊 with its two practices when its marker is clicked on the map', async () => {
    const { page } = await fresh();
    await clickAt(page, seat(370700));
    const panel = page.locator('[data-testid="detail-panel"]');
    await expect(panel.getAttribute('data-region')).resolves.toBe('370700');
    const ids = await panel.locator('article.practice-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-practice')));
    const expected = dataset.practices.filter((p) => p.actors.some((a) => a.adcode === 370700)).map((p) => p.id);
    expect(expected.length).toBe(2);
    expect(ids.sort()).toEqual(expected.sort());
    await mapIdle(page);
    await page.screenshot({ path: artifactPath('detail-weifang.png') });
    // Zoomed into a city the South China Sea inset steps aside (it belongs to the national view).
    await page.waitForFunction(() => new URL(location.href).searchParams.has('cam'));
    await expect(page.locator('[data-testid="scs-inset"]').count()).resolves.toBe(0);
    await s.context.close();
  });

  it('filtering to mechanism 三 recounts and recolours (北京 3 → 1), and leaves the province names where they are', async () => {
    // Close enough to Beijing that its fill has pixels clear of labels and borders.
    const { page } = await fresh('cam=116.4,40.2,6.5');
    expect((await colouredProvinces(page))[110000]).toBe(3);
    const before = await fillColourOf(page, 110000);
    const names = () =>
      page.evaluate(async () => {
        const data = await (window as any).__atlas.map.getSource('province-labels').getData();
        return data.features.map((f: any) => `${f.properties.adcode}@${f.geometry.coordinates.map((v: number) => v.toFixed(3))}`).sort();
      });
    const namesBefore = await names();
    await page.evaluate(() => {
      const w = window as any;
      w.__namesReloaded = 0;
      w.__atlas.map.on('sourcedata', (e: any) => e.sourceId === 'province-labels' && w.__namesReloaded++);
    });
    await page.locator('[data-testid="mechanism-1-3"] input').check();
    await mapIdle(page);
    expect(await page.evaluate(() => (window as any).__namesReloaded)).toBe(0);
    // A filter never moves or drops a name (they avoid every marker the dataset can show): nothing jumps, and the
    // names' source is not re-tiled on every click (issue 9's filter → idle budget).
    expect(await names()).toEqual(namesBefore);
    const after = await colouredProvinces(page);
    expect(after[110000]).toBe(1);
    const expected = new Set(dataset.practices.filter((p) => p.mechanism.index === 3).flatMap((p) => p.actors.map((a) => a.province)));
    expect(new Set(Object.keys(after).map(Number))).toEqual(expected);
    expect(await fillColourOf(page, 110000)).not.toBe(before);
    expect(new URL(page.url()).searchParams.get('m')).toBe('1-3');
    await s.context.close();
  });

  it('searching 老菜场 leaves the one practice from 苏州', async () => {
    const { page } = await fresh();
    await page.locator('[data-testid="search"]').fill('老菜场');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="practice-list"] [role="option"]').length === 1);
    const place = await page.locator('[data-testid="practice-list"] [role="option"]').first().textContent();
    expect(place).toContain('苏州市');
    await mapIdle(page);
    expect(Object.keys(await colouredProvinces(page))).toEqual(['320000']);
    await s.context.close();
  });

  it('restores filters, selection and camera after a reload', async () => {
    const { page } = await fresh();
    await page.locator('[data-testid="level-city"] input').check();
    await clickAt(page, seat(370700));
    await page.waitForSelector('[data-testid="detail-panel"][data-region="370700"]');
    await mapIdle(page);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('cam'));
    // The camera is reported when each move ends: the panel opening beside the map frames 潍坊 once more.
    let url = '';
    await expect.poll(async () => {
      const now = page.url();
      const same = now === url;
      url = now;
      await page.waitForTimeout(400);
      return same && page.url() === now;
    }).toBe(true);
    const cam = new URL(url).searchParams.get('cam');
    await page.reload();
    await mapIdle(page);
    expect(page.url()).toBe(url);
    await expect(page.locator('[data-testid="detail-panel"]').getAttribute('data-region')).resolves.toBe('370700');
    await expect(page.locator('[data-testid="level-city"] input').isChecked()).resolves.toBe(true);
    const zoom = await page.evaluate(() => (window as any).__atlas.map.getZoom());
    expect(zoom).toBeCloseTo(Number(cam!.split(',')[2]), 1);
    await s.context.close();
  });

  it('goes back to the previous selection with the browser back button', async () => {
    const { page } = await fresh();
    await clickAt(page, seat(370700));
    await page.waitForSelector('[data-testid="detail-panel"][data-region="370700"]');
    await mapIdle(page);
    await page.locator('[data-testid="detail-panel"] article').first().locator('.practice-headline button').click();
    await page.waitForSelector('[data-testid="detail-panel"][data-practice]');
    await page.goBack();
    await page.waitForSelector('[data-testid="detail-panel"][data-region="370700"]');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('r:370700');
    await s.context.close();
  });

  it('opens a practice from the list by keyboard', async () => {
    const { page } = await fresh();
    await page.locator('[data-testid="practice-list"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const second = dataset.practices[1]!;
    await page.waitForSelector(`[data-testid="detail-panel"][data-practice="${second.id}"]`);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(`p:${second.id}`);
    await s.context.close();
  });

  it('ignores invalid link parameters with a visible notice and still shows the map', async () => {
    const { page } = await fresh('sel=r:abc&lv=planet&m=1-3');
    await expect(page.locator('[data-testid="url-notice"]').textContent()).resolves.toContain('lv=planet');
    expect((await colouredProvinces(page))[110000]).toBe(1);
    await s.context.close();
  });

  it('uses a bottom sheet on a phone', async () => {
    const { page } = await fresh('sel=r:370700', { width: 390, height: 844 });
    const side = (await page.locator('.side-column').boundingBox())!;
    expect(side.y).toBeGreaterThan(844 / 3);
    expect(side.y + side.height).toBeCloseTo(844, -1);
    expect(side.width).toBeCloseTo(390, -1);
    // The sheet has room to read: it once collapsed to its 30 px of padding (size containment), showing nothing.
    expect(side.height).toBeGreaterThan(844 / 4);
    const heading = (await page.getByRole('heading', { name: /潍坊/ }).first().boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(side.y);
    expect(heading.y + heading.height).toBeLessThanOrEqual(side.y + side.height);
    await page.screenshot({ path: artifactPath('phone.png') });
    await s.context.close();
  });

  it('outlines the compared provinces on the map in their column order', async () => {
    const { page } = await fresh('mode=compare&cmp=320000,500000');
    const states = await page.evaluate(() =>
      [320000, 500000, 110000].map((id) => (window as any).__atlas.map.getFeatureState({ source: 'provinces', id }).compare ?? 0),
    );
    expect(states).toEqual([1, 2, 0]);
    await s.context.close();
  });

  it('never asks another origin for anything and declares a same-origin CSP', async () => {
    const { page } = await fresh('sel=r:320000');
    await mapIdle(page);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect(s.requests.some((u) => /\/geo\/(lod\/\d|districts)\/320000\.topo\.json/.test(u))).toBe(true);
    expect(s.foreign()).toEqual([]);
    expect(s.consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    await s.context.close();
  });
});
