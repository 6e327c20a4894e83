// Accessibility, keyboard-only use, the English interface, and the map without WebGL.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { artifactPath, gotoApp, mapIdle, openSession, settled, type Session, useBrowser } from './browser';
import type { Dataset } from '../src/types';
import { axeViolations, chineseUiText } from './checks';

const dataset = JSON.parse(readFileSync('public/data/practices.json', 'utf8')) as Dataset;

describe('accessibility and fallbacks', () => {
  const b = useBrowser();
  let s: Session;

  async function fresh(query = '', opts: { bypassCSP?: boolean; width?: number; height?: number } = {}): Promise<Session> {
    s = await b.open(query, opts);
    return s;
  }

  const views: [string, string][] = [
    ['map', ''],
    ['panel', 'sel=r:370700'],
    ['compare', 'mode=compare&cmp=320000,500000'],
    ['briefing', 'mode=briefing&slide=1'],
  ];

  for (const [name, query] of views) {
    it(`axe finds no serious or critical violation on the ${name} view`, async () => {
      const { page } = await fresh(query, { bypassCSP: true });
      await settled(page);
      expect(await axeViolations(page)).toEqual([]);
      await s.context.close();
    });
  }

  for (const [name, query] of views) {
    it(`shows no Chinese interface text in English on the ${name} view (data aside)`, async () => {
      const { page } = await fresh(query ? `${query}&lang=en` : 'lang=en');
      await settled(page);
      expect(await chineseUiText(page)).toEqual([]);
      await s.context.close();
    });
  }

  it('search → open a practice → copy its link, by keyboard alone', async () => {
    const { page, context } = await fresh();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // Tab from the top of the page to the search box.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'search-input')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('老菜场');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="practice-list"] [role="option"]').length === 1);
    // Tab on to the list and open its first practice.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'practice-list')) break;
    }
    await page.keyboard.press('Enter');
    const target = dataset.practices.find((p) => p.text.includes('老菜场'))!;
    await page.waitForSelector(`[data-testid="detail-panel"][data-practice="${target.id}"]`);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('copy-link'))) break;
    }
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('已复制'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).searchParams.get('sel')).toBe(`p:${target.id}`);
    // Esc closes the panel.
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="detail-panel"]', { state: 'detached' });
    await s.context.close();
  });
});

describe('regions without the map', () => {
  const b = useBrowser();

  it('opens any region with practices from the region picker, by keyboard', async () => {
    const s = await openSession(b.browser);
    await gotoApp(s);
    const picker = s.page.locator('[data-testid="region-picker"]');
    const values = await picker.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    // The national view, the 34 provincial units, and every place that is an actor of some practice.
    const actors = new Set(dataset.practices.flatMap((p) => p.actors.filter((a) => a.level !== 'province').map((a) => a.adcode)));
    expect(values.length).toBe(1 + 34 + actors.size);
    await picker.focus();
    await picker.selectOption('370700');
    await s.page.waitForSelector('[data-testid="detail-panel"][data-region="370700"]');
    expect(new URL(s.page.url()).searchParams.get('sel')).toBe('r:370700');
    await s.context.close();
  });

  it('opens the filters as a drawer on a narrower screen', async () => {
    const s = await openSession(b.browser, { width: 1024, height: 768 });
    await gotoApp(s);
    await expect(s.page.locator('#filters-column').isVisible()).resolves.toBe(false);
    await s.page.locator('.filters-toggle').click();
    await expect(s.page.locator('#filters-column').isVisible()).resolves.toBe(true);
    await s.page.locator('[data-testid="mechanism-1-3"] input').check();
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('m') === '1-3');
    await s.context.close();
  });

  it('falls back to the SVG map when the WebGL context is lost, and returns when it is restored', async () => {
    const s = await openSession(b.browser);
    await gotoApp(s);
    await s.page.evaluate(() => {
      const canvas = (window as any).__atlas.map.getCanvas() as HTMLCanvasElement;
      const ext = (canvas.getContext('webgl2') as WebGL2RenderingContext).getExtension('WEBGL_lose_context')!;
      (window as any).__loseExt = ext;
      ext.loseContext();
    });
    await s.page.waitForSelector('[data-testid="svg-map"] path[data-adcode]');
    await expect(s.page.locator('[data-testid="svg-map"]').textContent()).resolves.toContain('WebGL');
    await s.page.evaluate(() => (window as any).__loseExt.restoreContext());
    await s.page.waitForSelector('[data-testid="svg-map"]', { state: 'detached' });
    await mapIdle(s.page);
    await expect(s.page.locator('[data-testid="map"]').isVisible()).resolves.toBe(true);
    await s.context.close();
  });
});

describe('without WebGL', () => {
  const b = useBrowser(['--disable-webgl', '--disable-webgl2']);

  it('shows the SVG map with the 13 coloured provinces, and its panels work', async () => {
    const s = await openSession(b.browser);
    await s.page.goto(s.base);
    await s.page.waitForSelector('[data-testid="svg-map"] path[data-adcode]');
    const counts = await s.page.$$eval('[data-testid="svg-map"] path[data-adcode]', (els) =>
      els.map((e) => [Number(e.getAttribute('data-adcode')), Number(e.getAttribute('data-count')), e.getAttribute('fill')] as const),
    );
    expect(counts).toHaveLength(34);
    const coloured = counts.filter(([, n]) => n > 0);
    expect(coloured).toHaveLength(13);
    const noneFill = counts.find(([, n]) => n === 0)![2];
    expect(coloured.every(([, , fill]) => fill !== noneFill)).toBe(true);
    await s.page.screenshot({ path: artifactPath('no-webgl.png') });
    await s.page.locator('[data-testid="svg-map"] path[data-adcode="320000"]').click();
    await s.page.waitForSelector('[data-testid="detail-panel"][data-region="320000"]');
    await s.page.locator('[data-testid="mechanism-1-3"] input').check();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="svg-map"] path[data-adcode="110000"]')?.getAttribute('data-count') === '1');
    expect(s.foreign()).toEqual([]);
    await s.context.close();
  });
});

