// One framing rule everywhere (issue 13.1): whenever the map moves to a subject — the briefing entered from any
// state, a briefing slide, compare mode, a selected region, a reload — the subject's whole bounds are drawn inside
// the unobstructed map: the map minus legend, inset, attribution, zoom buttons and panels. Checked at the three
// desktop sizes by projecting the corners of each subject region's bounding box and comparing with the rectangles
// of everything drawn over the map.
import { loadBuiltDataset } from './dataset';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, gotoApp, type Session, useBrowser } from './browser';
import { EMPTY_FILTERS } from '../src/store/filters';
import { buildSlides } from '../src/store/slides';

const dataset = loadBuiltDataset(); // with the programmes, as the app loads it (issue 27)
const slides = buildSlides(dataset, EMPTY_FILTERS);
/** Every province with a practice (each has a province slide). */
const PROVINCES = slides.flatMap((s) => (s.kind === 'province' ? [s.adcode] : []));
const JIANGSU = 320000;
const CHONGQING = 500000;
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

interface Problem {
  adcode: number;
  what: string;
}

/**
 * Where each region's bounding box is drawn, against the map's box and every visible overlay on it. Returns the
 * problems (empty when every region is whole and clear).
 */
async function framingProblems(page: Page, adcodes: number[]): Promise<Problem[]> {
  return page.evaluate((adcodes) => {
    const atlas = (window as any).__atlas;
    const mapEl = document.querySelector('[data-testid="map"]') as HTMLElement;
    const m = mapEl.getBoundingClientRect();
    const overlays = [
      '.legend',
      '.scs-inset',
      '.provenance',
      '.maplibregl-ctrl-group',
      '.briefing-panel',
      '.briefing-credits',
      '.side-column',
      '.filters-column',
    ];
    const rects: { name: string; r: DOMRect }[] = [];
    for (const sel of overlays) {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
        const cs = getComputedStyle(el);
        if (cs.display === 'none' || cs.visibility === 'hidden') continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) rects.push({ name: sel, r });
      }
    }
    const out: { adcode: number; what: string }[] = [];
    for (const adcode of adcodes) {
      const b = atlas.controller.regionBounds(adcode) as [number, number, number, number] | null;
      if (!b) {
        out.push({ adcode, what: 'no bounds' });
        continue;
      }
      const nw = atlas.map.project([b[0], b[3]]);
      const se = atlas.map.project([b[2], b[1]]);
      const box = { left: m.left + nw.x, top: m.top + nw.y, right: m.left + se.x, bottom: m.top + se.y };
      const f = (n: number) => Math.round(n);
      const where = `[${f(box.left)},${f(box.top)} – ${f(box.right)},${f(box.bottom)}]`;
      if (box.left < m.left - 1 || box.top < m.top - 1 || box.right > m.right + 1 || box.bottom > m.bottom + 1) {
        out.push({ adcode, what: `${where} leaves the map [${f(m.left)},${f(m.top)} – ${f(m.right)},${f(m.bottom)}]` });
      }
      for (const { name, r } of rects) {
        if (box.left < r.right - 1 && r.left < box.right - 1 && box.top < r.bottom - 1 && r.top < box.bottom - 1) {
          out.push({ adcode, what: `${where} under ${name} [${f(r.left)},${f(r.top)} – ${f(r.right)},${f(r.bottom)}]` });
        }
      }
    }
    return out;
  }, adcodes);
}

/** Waits until the map has stopped (no animation, idle) with the subject framed; fails with what is wrong. */
async function expectFramed(page: Page, adcodes: number[], shot?: string): Promise<void> {
  const settled = () =>
    page.waitForFunction(
      () => {
        const atlas = (window as any).__atlas;
        return (
          !!atlas &&
          document.querySelector('[data-testid="map"]')?.getAttribute('data-state') === 'idle' &&
          !atlas.map.isMoving()
        );
      },
      null,
      { timeout: 30_000 },
    );
  // A frame can follow a state change a frame or two later (after the new layout, or the lazily loaded slide
  // panel): let those frames pass, then wait for the map to stop again.
  await settled();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await settled();
  if (shot) await page.screenshot({ path: artifactPath(shot) });
  expect(await framingProblems(page, adcodes)).toEqual([]);
}

/** The labels MapLibre placed on screen, with their size in px at the current zoom. */
async function labelsDrawn(page: Page): Promise<{ adcode: number; name: string; size: number }[]> {
  return page.evaluate(() => {
    const map = (window as any).__atlas.map;
    const z = map.getZoom();
    const sizeOf = (layer: string): number => {
      const v = map.getLayoutProperty(layer, 'text-size');
      if (typeof v === 'number') return v;
      // ['interpolate', ['linear'], ['zoom'], z0, s0, z1, s1, …]
      const stops: number[] = v.slice(3);
      if (z <= stops[0]!) return stops[1]!;
      for (let i = 2; i < stops.length; i += 2) {
        if (z <= stops[i]!) {
          const t = (z - stops[i - 2]!) / (stops[i]! - stops[i - 2]!);
          return stops[i - 1]! + t * (stops[i + 1]! - stops[i - 1]!);
        }
      }
      return stops[stops.length - 1]!;
    };
    return map
      .queryRenderedFeatures({ layers: ['province-labels', 'marker-labels'] })
      .map((f: any) => ({ adcode: Number(f.properties.adcode), name: String(f.properties.short), size: sizeOf(f.layer.id) }));
  });
}

/** Room for a first view on a machine shared by several test runs (see gotoApp). */
const LOAD_TIMEOUT = 90_000;

async function onSlide(page: Page, i: number): Promise<void> {
  await page.waitForFunction((i) => document.querySelector('[data-testid="briefing"]')?.getAttribute('data-slide') === String(i), i, {
    timeout: 15_000,
  });
}

describe.each(SIZES)('framing at $width×$height', ({ width, height }) => {
  const b = useBrowser();
  const open = (query = ''): Promise<Session> => b.open(query, { width, height }, LOAD_TIMEOUT);
  const tag = `${width}x${height}`;

  it('entering the briefing from the normal screen frames every province with practices, then a province slide', async () => {
    const s = await open();
    const { page } = s;
    await page.getByTestId('mode-briefing').click();
    await onSlide(page, 0);
    await expectFramed(page, PROVINCES, `framing-briefing-national-${tag}.png`);
    await page.keyboard.press('ArrowRight');
    await onSlide(page, 1);
    const first = slides[1] as Extract<(typeof slides)[number], { kind: 'province' }>;
    await expectFramed(page, [first.adcode], `framing-briefing-province-${tag}.png`);
    if (width === 1920) {
      // Projector legibility (issue 13.2): the province's name and its places' names are drawn, at ≥ 20 px.
      const labels = await labelsDrawn(page);
      const here = labels.filter((l) => Math.floor(l.adcode / 10000) * 10000 === first.adcode);
      expect(here.some((l) => l.adcode === first.adcode)).toBe(true);
      expect(here.filter((l) => l.adcode !== first.adcode).length).toBeGreaterThan(0);
      expect(here.filter((l) => l.size < 20)).toEqual([]);
    }
    await s.context.close();
  }, 240_000);

  it('entering the briefing with 江苏 selected frames its slide whole', async () => {
    const s = await open(`sel=r:${JIANGSU}`);
    const { page } = s;
    await page.getByTestId('mode-briefing').click();
    const at = slides.findIndex((x) => x.kind === 'province' && x.adcode === JIANGSU);
    await onSlide(page, at);
    await expectFramed(page, [JIANGSU], `framing-briefing-jiangsu-${tag}.png`);
    await s.context.close();
  }, 240_000);

  it('compare mode frames China with the compared provinces, a reload drops a stale camera, and the briefing from there frames China', async () => {
    const s = await open(`mode=compare&cmp=${JIANGSU},${CHONGQING}`);
    const { page } = s;
    // Every compared province whole, and every province with practices in view (to be added with a click).
    await expectFramed(page, [JIANGSU, CHONGQING, ...PROVINCES], `framing-compare-${tag}.png`);
    // The camera of issue 13 (87–122°E), reloaded: compare frames its provinces anyway.
    await gotoApp(s, `mode=compare&cmp=${JIANGSU},${CHONGQING}&cam=104.5,35,4.2`, LOAD_TIMEOUT);
    await expectFramed(page, [JIANGSU, CHONGQING, ...PROVINCES]);
    await page.getByTestId('mode-briefing').click();
    await onSlide(page, 0);
    await expectFramed(page, PROVINCES);
    await s.context.close();
  }, 240_000);

  it('selecting 重庆 keeps its south-west clear of the legend', async () => {
    const s = await open();
    const { page } = s;
    await page.evaluate((a) => (window as any).__atlas.store.getState().select({ kind: 'region', adcode: a }), CHONGQING);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('sel'));
    await expectFramed(page, [CHONGQING], `framing-chongqing-${tag}.png`);
    await s.context.close();
  }, 240_000);
});

describe('framing on a phone (390×844)', () => {
  const b = useBrowser();

  it('the briefing frames China clear of the inset and the panel, and a province slide', async () => {
    const s = await b.open('mode=briefing', { width: 390, height: 844, deviceScaleFactor: 2 }, LOAD_TIMEOUT);
    const { page } = s;
    await onSlide(page, 0);
    await expectFramed(page, PROVINCES, 'framing-phone-briefing-national.png');
    await page.getByTestId('briefing-next').click();
    await onSlide(page, 1);
    const first = slides[1] as Extract<(typeof slides)[number], { kind: 'province' }>;
    await expectFramed(page, [first.adcode], 'framing-phone-briefing-province.png');
    await s.context.close();
  }, 240_000);

  it('the national view keeps the 南海诸岛 inset off every province with practices', async () => {
    const s = await b.open('', { width: 390, height: 844, deviceScaleFactor: 2 }, LOAD_TIMEOUT);
    await expectFramed(s.page, PROVINCES, 'framing-phone-national.png');
    await s.context.close();
  }, 240_000);
});
