// Issue 26's smaller points, each checked as a user meets it, in one page load (a 1366×768 laptop; the phone check
// narrows the same page to 390 px): the phone's 更多 menu, 转到地区 following the open practice, the English region
// menu and search placeholder, a region without practices, the CSV's 来源文件, copy-link for any view, Esc leaving
// the zoom, the PNG's dash line clear of its footer, the 关于 panel, the selection outline's casing, and every
// province with practices named on the national map.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { artifactPath, gotoApp, mapIdle, openSession, settled, type Session, useBrowser } from './browser';
import { parseDataset } from '../src/ingest/schema';
import { buildSlides, slideLayout } from '../src/store/slides';
import { EMPTY_FILTERS } from '../src/store/filters';
import { loadBuiltDataset } from './dataset';
import { paletteOf, selectionContrast } from '../src/theme/palette';

const dataset = parseDataset(JSON.parse(readFileSync('public/data/practices.json', 'utf8')));
const store = (page: Page, f: string) => page.evaluate(`(() => { const s = window.__atlas.store.getState(); ${f} })()`);

async function exportVia(page: Page, item: 'png' | 'csv'): Promise<Buffer> {
  await page.getByTestId('export-button').click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(`export-${item}`).click()]);
  return readFileSync(await download.path());
}

/**
 * What is wrong with the map's furniture in the current view: two of inset, legend, boundary line, zoom buttons,
 * briefing panel and credits overlapping, or a province drawn under the 南海诸岛 inset (north of 18° N: the islands
 * of the South China Sea may lie under their own inset).
 */
async function furnitureProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const cs = getComputedStyle(el);
      return cs.display !== 'none' && cs.visibility !== 'hidden' && el.getClientRects().length > 0;
    };
    const boxes = ['.scs-inset', '.legend', '.provenance', '.maplibregl-ctrl-group', '.briefing-panel', '.briefing-credits'].flatMap((sel) =>
      Array.from(document.querySelectorAll(sel))
        .filter(shown)
        .map((el) => ({ sel, r: el.getBoundingClientRect() })),
    );
    const out: string[] = [];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5 && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5)
          out.push(`${a.sel} × ${b.sel}`);
    const inset = boxes.find((b) => b.sel === '.scs-inset');
    if (inset) {
      const { map } = (window as any).__atlas;
      const m = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
      const under = new Set<string>();
      for (let x = Math.ceil(inset.r.left); x < inset.r.right; x += 4)
        for (let y = Math.ceil(inset.r.top); y < inset.r.bottom; y += 4) {
          const p: [number, number] = [x - m.left, y - m.top];
          if (p[0] < 0 || p[1] < 0 || p[0] > m.width || p[1] > m.height || map.unproject(p).lat < 18) continue;
          for (const f of map.queryRenderedFeatures(p, { layers: ['province-fill'] })) under.add(String(f.properties.short ?? f.properties.adcode));
        }
      if (under.size) out.push(`under the inset: ${[...under].join('、')}`);
    }
    return out;
  });
}

describe('presenting: the smaller points of issue 26', () => {
  const b = useBrowser();
  let s: Session;

  beforeAll(async () => {
    s = await openSession(b.browser, { width: 1366, height: 768, reducedMotion: 'reduce' });
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoApp(s, '', 60_000);
  });

  it('names every province with practices on the national map at 1366×768', async () => {
    const missing = await s.page.evaluate((withPractices) => {
      const map = (window as any).__atlas.map;
      const shown = new Set(map.queryRenderedFeatures({ layers: ['province-labels'] }).map((f: any) => f.properties.adcode));
      return withPractices.filter((a) => !shown.has(a));
    }, [...new Set(dataset.practices.flatMap((p) => p.actors.map((a) => a.province)))]);
    expect(missing).toEqual([]);
  });

  it('in the briefing every province with practices is named on the national slide (1366×768 and 1920×1080), province slides name their neighbours, and no name is cut at the edge or under an overlay', async () => {
    const { page } = s;
    const withPractices = [...new Set(dataset.practices.flatMap((p) => p.actors.map((a) => a.province)))];
    const slides = buildSlides(dataset, EMPTY_FILTERS, slideLayout(1366, 768));
    const slideOf = (adcode: number) => slides.findIndex((x) => x.kind === 'province' && x.adcode === adcode);
    // What the province-label layer shows, each name's box (labelPlacement's estimate) checked against the map's box
    // and every overlay on it.
    type Shown = { labelsAboveMarkers: boolean; labels: { adcode: number; short: string; cut: boolean; under: boolean }[] };
    const shown = () =>
      page.evaluate((): Shown => {
        const map = (window as any).__atlas.map;
        const m = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
        const overlays = ['.legend', '.scs-inset', '.provenance', '.maplibregl-ctrl-group', '.briefing-panel', '.briefing-credits']
          .flatMap((sel) => Array.from(document.querySelectorAll<HTMLElement>(sel)))
          .filter((el) => getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).display !== 'none')
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width > 0 && r.height > 0);
        const size = map.getZoom() < 6 ? 20 + ((Math.max(3, map.getZoom()) - 3) / 3) * 6 : 26;
        const layers = map.getStyle().layers.map((l: any) => l.id);
        return {
          labelsAboveMarkers: layers.indexOf('province-labels') > layers.indexOf('markers'),
          labels: map.queryRenderedFeatures({ layers: ['province-labels'] }).map((f: any) => {
            const p = map.project(f.geometry.coordinates);
            const half = (String(f.properties.short).length * size) / 2;
            const box = { left: m.left + p.x - half, right: m.left + p.x + half, top: m.top + p.y - size / 2, bottom: m.top + p.y + size / 2 };
            const cut = box.left < m.left || box.right > m.right || box.top < m.top || box.bottom > m.bottom;
            const under = overlays.some((r) => box.left < r.right && r.left < box.right && box.top < r.bottom && r.top < box.bottom);
            return { adcode: Number(f.properties.adcode), short: String(f.properties.short), cut, under };
          }),
        };
      });
    const bad = (labels: { short: string; cut: boolean; under: boolean }[]) => labels.filter((l) => l.cut || l.under).map((l) => l.short);

    await gotoApp(s, 'mode=briefing');
    await settled(page);
    let r = await shown();
    expect(r.labelsAboveMarkers).toBe(true);
    expect(withPractices.filter((a) => !r.labels.some((l) => l.adcode === a))).toEqual([]);
    expect(bad(r.labels)).toEqual([]);

    for (const province of [320000, 510000]) {
      await gotoApp(s, `mode=briefing&slide=${slideOf(province)}`);
      await settled(page);
      r = await shown();
      expect(r.labels.some((l) => l.adcode === province)).toBe(true);
      // 江苏: 山东, 安徽, 上海, 浙江 …; 四川: 重庆, 贵州, 云南, 西藏, 青海, 甘肃, 陕西.
      expect(r.labels.filter((l) => l.adcode !== province).length).toBeGreaterThanOrEqual(3);
      expect(bad(r.labels)).toEqual([]);
    }

    await page.setViewportSize({ width: 1920, height: 1080 });
    await gotoApp(s, 'mode=briefing');
    await settled(page);
    r = await shown();
    expect(withPractices.filter((a) => !r.labels.some((l) => l.adcode === a))).toEqual([]);
    expect(bad(r.labels)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('the programme slides hold their lists whole at 1366×768 in Chinese and English, in Chinese at ≥ 2.8 % of the height (issue 26.3), with the key to their outlines', async () => {
    const { page } = s;
    const withProgrammes = loadBuiltDataset();
    const slides = buildSlides(withProgrammes, EMPTY_FILTERS, slideLayout(1366, 768));
    const programmeSlides = slides.flatMap((x, i) => (x.kind === 'programme' ? [i] : []));
    expect(programmeSlides.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const lang of ['zh', 'en']) {
      for (const i of programmeSlides) {
        await page.evaluate(({ i, lang }) => (window as any).__atlas.store.getState().applyData({ mode: 'briefing', slide: i, lang }), { i, lang });
        await page.waitForFunction((i) => document.querySelector('[data-testid="briefing"]')?.getAttribute('data-slide') === String(i), i);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await page.getByTestId('briefing-legend-programme').waitFor();
        const m = await page.evaluate(() => {
          const card = document.querySelector('[data-testid="briefing-card"]') as HTMLElement;
          const units = card.querySelector('.programme-units') as HTMLElement;
          return { over: card.scrollHeight - card.clientHeight, size: (100 * parseFloat(getComputedStyle(units).fontSize)) / innerHeight };
        });
        if (m.over > 1) problems.push(`${lang} slide ${i}: ${m.over} px past the card`);
        // 2.9 %: the body size, for the 20 units of the 2025 list too since the kicker, status and sources went a
        // step smaller (the list had been fitted to 0.9 of it, 2.61 %). At a fixed 0.75 em they were 2.18 %.
        if (lang === 'zh' && m.size < 2.8) problems.push(`zh slide ${i}: units at ${m.size.toFixed(2)} % of the height`);
      }
    }
    await page.evaluate(() => (window as any).__atlas.store.getState().applyData({ mode: 'explore', slide: 0, lang: 'zh' }));
    expect(problems).toEqual([]);
  });

  it('in English the fullest slides hold their text at 1366×768 and 1280×800 (the app name beside three buttons wrapped onto four lines and pushed 20 cards past their foot; the national slide ran 92 px past its card)', async () => {
    const { page } = s;
    const over: string[] = [];
    for (const [width, height] of [[1366, 768], [1280, 800]] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => (window as any).__atlas.store.getState().applyData({ mode: 'briefing', slide: 0, lang: 'en' }));
      await page.getByTestId('briefing-card').waitFor();
      // The fullest cards (light on CI): the national slide, every programme slide, and the ten practice slides with
      // the most text for this window's card.
      const deck = buildSlides(loadBuiltDataset(), EMPTY_FILTERS, slideLayout(width, height));
      const textOf = (x: (typeof deck)[number]) => {
        if (x.kind !== 'practice') return 0;
        const p = dataset.practices.find((q) => q.id === x.id)!;
        return x.to !== undefined ? x.to - x.from! : p.text.length;
      };
      const fullest = deck.map((x, i) => [i, textOf(x)] as const).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([i]) => i);
      const picks = [0, ...deck.flatMap((x, i) => (x.kind === 'programme' ? [i] : [])), ...fullest];
      const found = await page.evaluate(async (picks) => {
        const store = (window as any).__atlas.store;
        const out: string[] = [];
        for (const i of picks) {
          store.getState().setSlide(i);
          for (let tries = 0; document.querySelector('[data-testid="briefing"]')?.getAttribute('data-slide') !== String(i); tries++) {
            if (tries > 200) throw new Error(`slide ${i} never showed`);
            await new Promise((r) => setTimeout(r, 5));
          }
          // The card is fitted in a layout effect, before the slide number shows: measured at once.
          const card = document.querySelector('[data-testid="briefing-card"]') as HTMLElement;
          if (card.scrollHeight > card.clientHeight + 1) out.push(`slide ${i}: ${card.scrollHeight - card.clientHeight} px past the card`);
        }
        return out;
      }, picks);
      for (const f of found) over.push(`${width}×${height} ${f}`);
    }
    await page.evaluate(() => (window as any).__atlas.store.getState().applyData({ mode: 'explore', slide: 0, lang: 'zh' }));
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(over).toEqual([]);
  });

  it('in the dark theme the selected province is outlined in the palette’s line and casing, which reach 3:1 against every class fill', async () => {
    const { page } = s;
    await page.evaluate(() => (window as any).__atlas.store.getState().applyData({ mode: 'explore', theme: 'dark', selection: { kind: 'region', adcode: 320000 } }));
    await settled(page);
    await expect
      .poll(() => page.evaluate(() => (window as any).__atlas.map.queryRenderedFeatures({ layers: ['selection-outline'] }).length), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const drawn = await page.evaluate(() => {
      const map = (window as any).__atlas.map;
      const layers = map.getStyle().layers.map((l: any) => l.id);
      return {
        line: map.getPaintProperty('selection-outline', 'line-color'),
        casing: map.getPaintProperty('selection-casing', 'line-color'),
        casingBelow: layers.indexOf('selection-casing') < layers.indexOf('selection-outline'),
      };
    });
    const dark = paletteOf('dark');
    expect(drawn).toEqual({ line: dark.selected, casing: dark.selectedCasing, casingBelow: true });
    for (const fill of [dark.noData, ...dark.classes]) expect(selectionContrast(dark, fill), fill).toBeGreaterThanOrEqual(3);
    await page.evaluate(() => (window as any).__atlas.store.getState().applyData({ theme: 'light', selection: { kind: 'none' }, camera: null }));
  });

  it('copies a link to any view, not only to a practice: the filters and the mode travel with it', async () => {
    const { page } = s;
    await gotoApp(s, 'mode=compare&cmp=320000,500000');
    await page.getByTestId('copy-view-link').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(new URL(copied).searchParams.get('mode')).toBe('compare');
    expect(new URL(copied).searchParams.get('cmp')).toBe('320000,500000');
  });

  it('at 1366×768 and 1920×1080, in explore, 省际比较 (2 and 4 provinces) and the briefing: no map furniture overlaps another, no province lies under the 南海诸岛 inset, and the matrix names each programme on one line', async () => {
    const { page } = s;
    const views: [string, Record<string, unknown>][] = [
      ['explore', { mode: 'explore', compare: [], slide: 0 }],
      ['compare 2', { mode: 'compare', compare: [320000, 500000] }],
      ['compare 4', { mode: 'compare', compare: [320000, 500000, 370000, 510000] }],
      ['briefing', { mode: 'briefing', slide: 0 }],
    ];
    const problems: string[] = [];
    for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      for (const [name, state] of views) {
        await page.evaluate((d) => (window as any).__atlas.store.getState().applyData({ selection: { kind: 'none' }, camera: null, ...d }), state);
        if (name.startsWith('compare')) await page.getByTestId('compare-matrix').waitFor();
        await settled(page);
        for (const p of await furnitureProblems(page)) problems.push(`${width}×${height} ${name}: ${p}`);
        if (name === 'compare 4') {
          // "◆2021年试点" on one line: the marks broke into "◆2021年 / 试点" (and "◆20 / 24 funding" in English).
          const broken = await page.evaluate(() =>
            Array.from(document.querySelectorAll('.cmp-colprog .cmp-programme'))
              .map((el) => {
                const range = document.createRange();
                range.selectNodeContents(el);
                const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
                return lines.size > 1 ? el.textContent : null;
              })
              .filter(Boolean),
          );
          for (const b of broken) problems.push(`${width}×${height} ${name}: matrix mark broken over lines: ${b}`);
        }
      }
    }
    await page.evaluate(() => (window as any).__atlas.store.getState().applyData({ mode: 'explore', compare: [], slide: 0 }));
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(problems).toEqual([]);
  });

  it('转到地区 shows the place of the open practice; in English the regions are named in English', async () => {
    const { page } = s;
    await gotoApp(s);
    const suzhou = dataset.practices.find((p) => p.actors[0]?.adcode === 320500)!;
    await store(page, `s.select({ kind: 'practice', id: '${suzhou.id}' })`);
    await expect.poll(() => page.getByTestId('region-picker').inputValue(), { timeout: 10_000 }).toBe('320500');
    await store(page, `s.setLang('en')`);
    // The English names load on demand.
    await expect.poll(() => page.locator('#region-picker optgroup[label^="Jiangsu"]').count(), { timeout: 15_000 }).toBe(1);
    const option = await page.locator('#region-picker option[value="320500"]').textContent();
    expect(option).toContain('Suzhou');
    // The search field shows its whole English placeholder.
    const fit = await page.evaluate(() => {
      const input = document.querySelector('#search-input') as HTMLInputElement;
      const cs = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
      return { text: ctx.measureText(input.placeholder).width, room: input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) };
    });
    expect(fit.text).toBeLessThanOrEqual(fit.room);
    await store(page, `s.setLang('zh')`);
  });

  it('浙江 with no filter says the lists hold no practice there, not that none matches', async () => {
    const { page } = s;
    await store(page, `s.select({ kind: 'region', adcode: 330000 })`);
    const empty = page.getByTestId('region-empty');
    await expect.poll(() => empty.textContent(), { timeout: 10_000 }).toBe('本图收录的清单中暂无该地区的做法。');
    expect(await empty.textContent()).not.toContain('没有符合条件的做法');
  });

  it('Esc leaves the selection and the zoom: back to the national view', async () => {
    const { page } = s;
    await gotoApp(s);
    const national = await page.evaluate(() => (window as any).__atlas.map.getZoom());
    await store(page, `s.select({ kind: 'region', adcode: 320000 })`);
    await mapIdle(page);
    await expect.poll(() => page.evaluate(() => (window as any).__atlas.map.getZoom())).toBeGreaterThan(national + 1);
    await page.locator('body').press('Escape');
    await expect.poll(() => page.evaluate(() => (window as any).__atlas.store.getState().selection.kind)).toBe('none');
    await settled(page);
    await expect.poll(() => page.evaluate(() => (window as any).__atlas.map.getZoom())).toBeCloseTo(national, 1);
  });

  it('the CSV names the published list as 来源文件, never a path of the repository', async () => {
    const csv = (await exportVia(s.page, 'csv')).toString('utf8');
    const [header, first] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const col = header!.split(',').indexOf('来源文件');
    expect(col).toBeGreaterThan(-1);
    expect(csv).not.toContain('data/sources');
    expect(first).toContain('住房和城乡建设部办公厅《实施城市更新行动可复制经验做法清单（第一批）》（2022年11月）');
  });

  it('the PNG keeps the dash line clear of its footer band', async () => {
    const { page } = s;
    const bytes = await exportVia(page, 'png');
    writeFileSync(artifactPath('presenting-export.png'), bytes);
    const attr = async (a: string) => (await page.getByTestId('export-result').getAttribute(a))!.split(',').map(Number);
    const [, footerY] = await attr('data-footer');
    const legend = await attr('data-legend');
    const inset = await attr('data-inset');
    const dashPixels = await page.evaluate(
      async ({ b64, footerY, boxes }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        // The band of 8 CSS px (16 device px) just above the footer, outside the legend and the inset.
        const y0 = footerY! - 16;
        const data = ctx.getImageData(0, y0, c.width, 16).data;
        let n = 0;
        for (let y = 0; y < 16; y++)
          for (let x = 0; x < c.width; x++) {
            if (boxes.some(([bx, by, bw, bh]) => x >= bx! && x < bx! + bw! && y0 + y >= by! && y0 + y < by! + bh!)) continue;
            const i = (y * c.width + x) * 4;
            // The light theme's dash colour, #4b5563.
            if (Math.abs(data[i]! - 0x4b) < 8 && Math.abs(data[i + 1]! - 0x55) < 8 && Math.abs(data[i + 2]! - 0x63) < 8) n++;
          }
        return n;
      },
      { b64: bytes.toString('base64'), footerY, boxes: [legend, inset] },
    );
    expect(dashPixels).toBe(0);
  });

  it('the 关于 panel says what the atlas holds, its sources, how to cite it and where the boundaries come from', async () => {
    const { page } = s;
    await page.getByTestId('about-open').click();
    const panel = page.getByTestId('about-panel');
    await panel.waitFor();
    const text = (await panel.textContent())!;
    for (const words of ['收录内容', '数据来源', '如何引用', '边界数据出处', 'DataV.GeoAtlas', 'Natural Earth', `共 ${dataset.practices.length} 项`])
      expect(text).toContain(words);
    expect(await page.getByTestId('about-citation').textContent()).toContain('住房和城乡建设部办公厅《实施城市更新行动可复制经验做法清单（第一批）》');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('on a phone (390 px) 汇报模式 and 省际比较 are in the top bar’s 更多 menu', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId('mode-briefing').isVisible()).resolves.toBe(false);
    await page.getByTestId('more-menu').click();
    await page.getByTestId('menu-compare').click();
    await expect.poll(() => page.evaluate(() => (window as any).__atlas.store.getState().mode)).toBe('compare');
    // China is framed above the sheet the compare panel opens in (it was framed for the panel's short placeholder,
    // and the grown sheet left little more than 黑龙江 in sight): its far corners — 漠河 in the north, 三亚 in the
    // south, the western tip of 新疆, 抚远 in the east — all between the top of the map and the sheet.
    await page.getByTestId('compare-panel').waitFor();
    await settled(page);
    const corners: Record<string, [number, number]> = { 漠河: [122.5, 53.3], 三亚: [109.5, 18.3], 新疆西端: [73.6, 39.4], 抚远: [134.3, 48.3] };
    const hidden = await page.evaluate((corners) => {
      const { map } = (window as any).__atlas;
      const m = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
      const sheet = document.querySelector('.side-column')!.getBoundingClientRect().top;
      return Object.entries(corners)
        .filter(([, ll]) => {
          const p = map.project(ll);
          return p.x < 0 || p.x > m.width || p.y < 0 || m.top + p.y > sheet;
        })
        .map(([name]) => name);
    }, corners);
    expect(hidden).toEqual([]);
    await page.getByTestId('more-menu').click();
    await page.getByTestId('menu-briefing').click();
    await page.getByTestId('briefing').waitFor();
    await page.getByTestId('briefing-exit').click();
    // In English the labels are longer: at 360 px every button of the top bar is still on the screen (the row ran
    // 80 px past the edge, taking 更多 and 中文 with it).
    await page.setViewportSize({ width: 360, height: 740 });
    await store(page, `s.setLang('en')`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    const off = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.topbar button, .topbar input'))
        .filter((el) => el.getClientRects().length > 0)
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.left < 0 || r.right > innerWidth;
        })
        .map((el) => el.textContent || el.getAttribute('placeholder')),
    );
    expect(off).toEqual([]);
    await store(page, `s.setLang('zh')`);
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});
