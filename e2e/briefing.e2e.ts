// Briefing mode in a real browser at projector size: enter, step with the keys presenter remotes send, one URL per
// slide, the map flying to each place, readable type, both themes, leave with Esc.
import { loadBuiltDataset } from './dataset';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, gotoApp, mapIdle, openSession, type Session, useBrowser } from './browser';
import { EMPTY_FILTERS } from '../src/store/filters';
import { buildSlides, practiceBody, slideLayout, slideTarget } from '../src/store/slides';

const dataset = loadBuiltDataset(); // with the programmes, as the app loads it (issue 27)
const slides = buildSlides(dataset, EMPTY_FILTERS);

const slideParam = (page: Page) => new URL(page.url()).searchParams.get('slide');
const modeParam = (page: Page) => new URL(page.url()).searchParams.get('mode');

async function onSlide(page: Page, i: number): Promise<void> {
  await page.waitForFunction((i) => document.querySelector('[data-testid="briefing"]')?.getAttribute('data-slide') === String(i), i, {
    timeout: 10_000,
  });
}

/** The slide card's entrance animation has ended and the map is idle: what a screenshot should show. */
async function settled(page: Page): Promise<void> {
  await mapIdle(page);
  // The card's entrance (finite) animations; an endless one elsewhere (a spinner) must not hold the test.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await page.waitForFunction(() => !(window as any).__atlas.map.isMoving());
  await mapIdle(page);
}

async function mapCenter(page: Page): Promise<{ lng: number; lat: number; zoom: number }> {
  return page.evaluate(() => {
    const map = (window as any).__atlas.map;
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  });
}

describe('briefing mode', () => {
  const b = useBrowser();
  let s: Session;
  const missing: string[] = [];

  beforeAll(async () => {
    s = await openSession(b.browser, { width: 1920, height: 1080 });
    s.page.on('response', (r) => {
      if (r.status() >= 400) missing.push(new URL(r.url()).pathname);
    });
  });

  it('builds national, then each province followed by its practices', () => {
    expect(slides[0]).toEqual({ kind: 'national' });
    expect(slides[1]?.kind).toBe('province');
    expect(slides[2]?.kind).toBe('practice');
    expect(new Set(slides.flatMap((x) => (x.kind === 'practice' ? [x.id] : []))).size).toBe(dataset.practices.length);
  });

  it('enters, steps through three slides by keyboard with one URL each, and leaves with Esc', async () => {
    const { page } = s;
    await gotoApp(s);
    await page.getByTestId('mode-briefing').click();
    await onSlide(page, 0);
    expect(modeParam(page)).toBe('briefing');
    expect(slideParam(page)).toBeNull(); // slide 0 is the default and stays out of the URL
    await expect(page.getByTestId('briefing-progress').textContent()).resolves.toBe(`1 / ${slides.length}`);
    await settled(page);
    await page.screenshot({ path: artifactPath('briefing-national.png') });
    const national = await mapCenter(page);

    const urls: string[] = [];
    for (const [key, i] of [
      ['ArrowRight', 1],
      ['PageDown', 2],
      ['Space', 3],
    ] as const) {
      await page.keyboard.press(key);
      await onSlide(page, i);
      expect(slideParam(page)).toBe(String(i));
      expect(modeParam(page)).toBe('briefing');
      await expect(page.getByTestId('briefing-progress').textContent()).resolves.toBe(`${i + 1} / ${slides.length}`);
      expect(await page.getByTestId('briefing').getAttribute('data-kind')).toBe(slides[i]!.kind);
      urls.push(page.url());
    }
    expect(new Set(urls).size).toBe(3);

    // The map flew in from the national view to the slide's place.
    await mapIdle(page);
    const there = await mapCenter(page);
    expect(there.zoom).toBeGreaterThan(national.zoom + 1);
    const target = slideTarget(slides[3]);
    expect(target).not.toBeNull();

    // Back: PageUp and Shift+Space (presenter remotes), then the browser's Back button walks the slide history.
    await page.keyboard.press('PageUp');
    await onSlide(page, 2);
    await mapIdle(page);
    await page.keyboard.press('Shift+Space');
    await onSlide(page, 1);
    await settled(page);
    await page.screenshot({ path: artifactPath('briefing-province.png') });
    await page.keyboard.press('End');
    await onSlide(page, slides.length - 1);
    await page.keyboard.press('Home');
    await onSlide(page, 0);
    await page.goBack();
    await onSlide(page, slides.length - 1);

    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="briefing"]', { state: 'detached' });
    expect(modeParam(page)).toBeNull();
    expect(slideParam(page)).toBeNull();
    await expect(page.getByTestId('mode-briefing').isVisible()).resolves.toBe(true);
  }, 180_000);

  it("has each slide's level-of-detail files before its key is pressed: fetched while the slide before is shown (1366×768)", async () => {
    // At the projector's size, where the slides of one province change levels between its cities.
    const own = await openSession(b.browser, { width: 1366, height: 768 });
    const { page } = own;
    await gotoApp(own, 'mode=briefing');
    await onSlide(page, 0);
    await settled(page);
    const late: string[] = [];
    for (let i = 1; i <= Math.min(16, slides.length - 1); i++) {
      // The presenter speaks to the slide for a moment (also after slides that do not move the map: those draw no
      // frame, and the next slide's files had waited for one).
      await page.waitForTimeout(1500);
      const before = [...own.requests];
      await page.keyboard.press('ArrowRight');
      await onSlide(page, i);
      await settled(page);
      const levels: [number, number][] = await page.evaluate(() => [...(window as any).__atlas.controller.detailLevels()]);
      for (const [province, level] of levels) {
        const file = `/geo/lod/${level}/${province}.topo.json`;
        if (!before.some((u) => u.endsWith(file))) late.push(`slide ${i}: ${file}`);
      }
    }
    await own.context.close();
    expect(late).toEqual([]);
  }, 180_000);

  it('opens a slide from its URL, with type readable from the back of the room (≥ 24 px at 1920×1080)', async () => {
    const { page } = s;
    const practiceSlide = slides.findIndex((x) => x.kind === 'practice' && (dataset.practices.find((p) => p.id === x.id)?.figures.length ?? 0) > 1);
    await gotoApp(s, `mode=briefing&slide=${practiceSlide}`);
    await onSlide(page, practiceSlide);
    await mapIdle(page);
    const small = await page.evaluate(() => {
      const out: string[] = [];
      const root = document.querySelector('[data-testid="briefing"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent?.trim() || el.closest('.visually-hidden') || !el.getClientRects().length) continue;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < 24) out.push(`${px}px: ${n.textContent.trim().slice(0, 30)}`);
      }
      return out;
    });
    expect(small).toEqual([]);
    // The card is text, not HTML: the headline is exactly the practice's headline.
    const slide = slides[practiceSlide] as Extract<(typeof slides)[number], { kind: 'practice' }>;
    const p = dataset.practices.find((x) => x.id === slide.id)!;
    await expect(page.locator('.briefing-headline').textContent()).resolves.toBe(p.headline);
    await expect(page.locator('.briefing-citation').textContent()).resolves.toContain(
      `${p.mechanism.code}${p.measure.code}${p.item}`,
    );
    await settled(page);
    await page.screenshot({ path: artifactPath('briefing-slide.png') });
  });

  it('switches to the dark theme from the overlay', async () => {
    const { page } = s;
    await gotoApp(s, 'mode=briefing&slide=1');
    await onSlide(page, 1);
    await page.getByTestId('briefing-theme').click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(new URL(page.url()).searchParams.get('theme')).toBe('dark');
    const colours = await page.evaluate(() => {
      const el = document.querySelector('.briefing-panel')!;
      const cs = getComputedStyle(el);
      return { bg: cs.backgroundColor, fg: cs.color };
    });
    expect(colours.bg).toBe('rgb(17, 26, 46)');
    expect(colours.fg).toBe('rgb(229, 231, 235)');
    // A dark briefing opened from its link, in English (the map takes the theme it starts with).
    await gotoApp(s, 'mode=briefing&slide=3&theme=dark&lang=en');
    await onSlide(page, 3);
    await expect(page.getByTestId('briefing-exit').textContent()).resolves.toBe('Leave briefing');
    await settled(page);
    await page.screenshot({ path: artifactPath('briefing-slide-dark.png') });
  });

  it('starts at the selected practice when opened from it', async () => {
    const { page } = s;
    const id = dataset.practices[7]!.id;
    const at = slides.findIndex((x) => x.kind === 'practice' && x.id === id);
    await gotoApp(s, `sel=p:${id}`);
    await page.getByTestId('mode-briefing').click();
    await onSlide(page, at);
    expect(slideParam(page)).toBe(String(at));
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="briefing"]', { state: 'detached' });
    // Back in explore mode with the selection as it was.
    expect(new URL(page.url()).searchParams.get('sel')).toBe(`p:${id}`);
  });

  it('uses the buttons as well as the keys', async () => {
    const { page } = s;
    await gotoApp(s, 'mode=briefing');
    await onSlide(page, 0);
    await expect(page.getByTestId('briefing-prev').isDisabled()).resolves.toBe(true);
    await page.getByTestId('briefing-next').click();
    await onSlide(page, 1);
    expect(slideParam(page)).toBe('1');
    // Space on the focused button is the presenter's "next", once (not the key and a click).
    await page.getByTestId('briefing-next').focus();
    await page.keyboard.press('Space');
    await onSlide(page, 2);
    // Pressed once: the next slide would have followed within the same task, so one settled map proves it.
    await mapIdle(page);
    expect(slideParam(page)).toBe('2');
    await page.getByTestId('briefing-exit').click();
    await page.waitForSelector('[data-testid="briefing"]', { state: 'detached' });
    expect(modeParam(page)).toBeNull();
    expect(s.foreign()).toEqual([]);
    // The only resource allowed to be missing is the favicon the browser asks for on its own.
    expect(missing.filter((p) => p !== '/favicon.ico')).toEqual([]);
    expect(s.consoleErrors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
  });
});

interface SlideSeen {
  /** Content cut by the card, text outside the viewport, an ellipsis or a line clamp. */
  problems: string[];
  text: string;
  headline: string | null;
  citation: string | null;
  continued: string | null;
}

/**
 * Every slide as a viewer sees it, walked inside the page in one call: slide i is set through the store, and once
 * the overlay shows it the card is measured. One round trip for the whole deck instead of seven a slide, each of
 * which waited behind a software-WebGL frame (the walk took 35–60 s a viewport; stepping by keys is tested above).
 */
async function walkSlides(page: Page, count: number): Promise<SlideSeen[]> {
  return page.evaluate(async (count) => {
    const store = (window as any).__atlas.store;
    const shown = (i: number) => document.querySelector('[data-testid="briefing"]')?.getAttribute('data-slide') === String(i);
    const seen: SlideSeen[] = [];
    for (let i = 0; i < count; i++) {
      store.getState().setSlide(i);
      for (let tries = 0; !shown(i); tries++) {
        if (tries > 200) throw new Error(`slide ${i} never showed`);
        await new Promise((r) => setTimeout(r, 5));
      }
      const out: string[] = [];
      const card = document.querySelector('[data-testid="briefing-card"]') as HTMLElement;
      for (const a of card.getAnimations()) a.finish();
      if (card.scrollHeight > card.clientHeight + 1) out.push(`card scrolls: ${card.scrollHeight} > ${card.clientHeight}`);
      const c = card.getBoundingClientRect();
      const walker = document.createTreeWalker(document.querySelector('[data-testid="briefing"]')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent?.trim() || el.closest('.visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const text = n.textContent.trim().slice(0, 20);
        for (const r of Array.from(range.getClientRects())) {
          if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1 || r.top < -1 || r.left < -1) out.push(`off screen: ${text}`);
        }
        // Inside the card, the element's own box (a glyph's content area may stand a few px above a tight line box).
        const e = el.getBoundingClientRect();
        if (card.contains(el) && (e.bottom > c.bottom + 1 || e.top < c.top - 1)) out.push(`cut by the card: ${text}`);
        // An ellipsis or a line clamp would hide text.
        const cs = getComputedStyle(el);
        if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) out.push(`ellipsis: ${text}`);
        if (cs.webkitLineClamp && cs.webkitLineClamp !== 'none') out.push(`line clamp: ${text}`);
      }
      const textOf = (sel: string) => document.querySelector(sel)?.textContent ?? null;
      seen.push({
        problems: out,
        text: textOf('[data-testid="briefing-text"]') ?? '',
        headline: textOf('.briefing-headline'),
        citation: textOf('.briefing-citation'),
        continued: textOf('[data-testid="briefing-continued"]'),
      });
    }
    return seen;
  }, count);
}

// Projectors and laptops, and two phones (issue 26.1): the 续 split is computed for the window in use.
describe.each([
  // 1920×1080 has the same card as 1366×768 in lines and characters (slideLayout; slides.test).
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
  { width: 360, height: 740 },
])('every slide whole at $width×$height', ({ width, height }) => {
  const b = useBrowser();

  it("shows each practice's full text (over 续 slides when needed), its citation, and nothing cut", async () => {
    // Reduced motion: the map jumps to each slide's place instead of easing there for 800 ms of software-WebGL
    // frames; this test reads the cards (the flights are tested above).
    const s = await b.open('mode=briefing', { width, height, reducedMotion: 'reduce' }, 90_000);
    const { page } = s;
    await onSlide(page, 0);
    const slides = buildSlides(dataset, EMPTY_FILTERS, slideLayout(width, height));
    await expect(page.getByTestId('briefing-progress').textContent()).resolves.toBe(`1 / ${slides.length}`);
    const seen = await walkSlides(page, slides.length);
    const shown = new Map<string, string>();
    const problems: string[] = [];
    seen.forEach((v, i) => {
      const slide = slides[i]!;
      for (const p of v.problems) problems.push(`slide ${i} (${slide.kind}): ${p}`);
      if (slide.kind !== 'practice') return;
      shown.set(slide.id, (shown.get(slide.id) ?? '') + v.text);
      const p = dataset.practices.find((x) => x.id === slide.id)!;
      expect(v.headline, `slide ${i}`).toBe(p.headline);
      expect(v.citation, `slide ${i}`).toContain(`${p.mechanism.code}${p.measure.code}${p.item}`);
      if ((slide.part ?? 0) > 0) expect(v.continued, `slide ${i}`).toBe('（续）');
    });
    expect(problems).toEqual([]);
    // Every character of every practice was on a slide, in order.
    for (const p of dataset.practices) expect(shown.get(p.id), p.id).toBe(practiceBody(p));
    await s.context.close();
  }, 400_000);
});

describe('briefing screenshots (looked at by a person)', () => {
  const b = useBrowser();
  const practiceWithFigures = slides.findIndex(
    (x) => x.kind === 'practice' && (dataset.practices.find((p) => p.id === x.id)?.figures.length ?? 0) > 2,
  );
  const continued = slides.findIndex((x) => x.kind === 'practice' && (x.part ?? 0) > 0);
  const picks: [string, number][] = [
    ['national', 0],
    ['province', 1],
    ['practice', practiceWithFigures],
    ...(continued > 0 ? ([['continued', continued]] as [string, number][]) : []),
  ];

  it.each(['light', 'dark'])('1920×1080 %s', async (theme) => {
    const s = await b.open(`mode=briefing&theme=${theme}`, { width: 1920, height: 1080 }, 90_000);
    for (const [name, i] of picks) {
      await s.page.evaluate((i) => (window as any).__atlas.store.getState().setSlide(i), i);
      await onSlide(s.page, i);
      await settled(s.page);
      await s.page.screenshot({ path: artifactPath(`briefing-1920-${theme}-${name}.png`) });
    }
    await s.context.close();
  }, 300_000);

  it('a phone (390×844): the title reads on one line, the buttons are whole, the slides step', async () => {
    const s = await b.open('mode=briefing', { width: 390, height: 844, deviceScaleFactor: 2 }, 90_000);
    const { page } = s;
    await onSlide(page, 0);
    await settled(page);
    await page.screenshot({ path: artifactPath('briefing-phone-national.png') });
    const layout = await page.evaluate(() => {
      const title = document.querySelector('.briefing-title')!.getBoundingClientRect();
      const lineHeight = parseFloat(getComputedStyle(document.querySelector('.briefing-title')!).lineHeight);
      const buttons = Array.from(document.querySelectorAll('.briefing-button')).map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent, whole: r.left >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && el.scrollWidth <= el.clientWidth + 1 };
      });
      return { titleLines: Math.round(title.height / lineHeight), titleWidth: title.width, buttons };
    });
    expect(layout.titleLines).toBeLessThanOrEqual(2);
    expect(layout.titleWidth).toBeGreaterThan(200);
    expect(layout.buttons.filter((x) => !x.whole)).toEqual([]);
    await page.getByTestId('briefing-next').click();
    await onSlide(page, 1);
    await page.getByTestId('briefing-next').click();
    await onSlide(page, 2);
    await settled(page);
    await page.screenshot({ path: artifactPath('briefing-phone-practice.png') });
    await s.context.close();
  }, 240_000);
});
