// The officials' language (issue 15) in a real browser: 全市 for a municipality, citations as officials write
// them, suggested themes marked, English names and search, plurals, the map's controls in the interface
// language, the tooltip after a click, keyboard focus after Enter, and list bullets on the first line.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { artifactPath, mapIdle, openSession, type Session, useBrowser } from './browser';
import { chineseUiText } from './checks';
import type { Dataset } from '../src/types';

const dataset = JSON.parse(readFileSync('public/data/practices.json', 'utf8')) as Dataset;
const batch1 = dataset.practices.filter((p) => p.batch === 1);
const idsWhere = (keep: (p: Dataset['practices'][number]) => boolean) => batch1.filter(keep).map((p) => p.id).sort();

/** The practice ids the list shows (all rows: the list is short enough to be fully rendered here). */
async function listedIds(page: Page): Promise<string[]> {
  const ids = await page.locator('[data-testid="practice-list"] [data-practice]').evaluateAll((els) => els.map((e) => e.getAttribute('data-practice') ?? ''));
  return ids.sort();
}

/**
 * A page of the app without waiting for the map: for what the panels show, which does not depend on WebGL (the
 * machine's software GL can take long to settle when it is busy).
 */
async function openPanels(b: ReturnType<typeof useBrowser>, query: string, opts?: { width?: number; height?: number }): Promise<Session> {
  const s = await openSession(b.browser, opts);
  await s.page.goto(new URL(query ? `./?${query}` : './', s.base).toString());
  return s;
}

/** Types into the search box and waits until the list shows `n` rows (the box applies the query after a pause). */
async function search(page: Page, q: string, n: number): Promise<void> {
  await page.locator('[data-testid="search"]').fill(q);
  await page.waitForFunction(
    ({ q, n }) =>
      new URL(location.href).searchParams.get('q') === q &&
      document.querySelectorAll('[data-testid="practice-list"] [data-practice]').length === n,
    { q, n },
  );
}

describe('officials’ wording', () => {
  const b = useBrowser();
  let s: Session;

  it('says 全市 for 北京 as a whole and 全省 for 江苏 as a whole', async () => {
    s = await openPanels(b, 'sel=r:110000');
    const group = s.page.locator('[data-testid="detail-panel"][data-region="110000"] [data-testid="province-level-group"]');
    await expect(group.textContent()).resolves.toMatch(/^全市/);
    await expect(s.page.locator('[data-testid="detail-panel"] .panel-subtitle').textContent()).resolves.toContain('直辖市');
    await s.page.goto(new URL('./?sel=r:320000', s.base).toString());
    await expect(s.page.locator('[data-testid="detail-panel"][data-region="320000"] [data-testid="province-level-group"]').textContent()).resolves.toMatch(/^全省/);
    // The level filter spans every kind of unit.
    await expect(s.page.locator('[data-testid="level-province"]').textContent()).resolves.toContain('省级（全省/全区/全市）');
    await s.context.close();
  });

  it('cites a practice as officials do, with one source line as 原文第 63 行', async () => {
    s = await openPanels(b, 'sel=p:1-2-4-1');
    const citation = await s.page.locator('[data-testid="detail-panel"] [data-testid="citation"]').textContent();
    expect(citation).toContain('住房和城乡建设部办公厅《实施城市更新行动可复制经验做法清单（第一批）》（2022年11月），序号 二（四）1');
    expect(citation).toContain('原文第 63 行');
    expect(citation).not.toMatch(/(\d+)–\1 行/);
    await s.context.close();
  });

  it('marks themes the keyword rules suggested apart from reviewed ones, and says how themes are made', async () => {
    s = await openPanels(b, 'sel=p:1-1-1-1');
    await s.page.locator('[data-testid="detail-panel"] .practice-themes').waitFor();
    const p = dataset.practices.find((x) => x.id === '1-1-1-1')!;
    const chips = s.page.locator('[data-testid="detail-panel"] .practice-themes .chip.theme');
    await expect(chips.count()).resolves.toBe(p.themes.length);
    const texts = await chips.allTextContents();
    if (p.themeSource === 'reviewed') for (const t of texts) expect(t).not.toContain('自动');
    else for (const t of texts) expect(t).toContain('自动');
    await expect(s.page.locator('[data-testid="themes-how"]').textContent()).resolves.toContain('关键词');
    await s.context.close();
  });

  it('labels the map controls in the interface language, and follows a language switch', async () => {
    s = await openPanels(b, '');
    const zoomIn = s.page.locator('.maplibregl-ctrl-zoom-in');
    await zoomIn.waitFor({ timeout: 90_000 });
    await expect(zoomIn.getAttribute('title')).resolves.toBe('放大');
    await expect(s.page.locator('.maplibregl-ctrl-zoom-out').getAttribute('aria-label')).resolves.toBe('缩小');
    await s.page.evaluate(() => (window as any).__atlas.store.getState().setLang('en'));
    await s.page.waitForFunction(() => document.querySelector('.maplibregl-ctrl-zoom-in')?.getAttribute('title') === 'Zoom in');
    // The map's own labels follow: provinces and the places with markers, in English, once the names have loaded.
    await s.page.waitForFunction(() => JSON.stringify((window as any).__atlas.map.getLayoutProperty('province-labels', 'text-field')).includes('"Sichuan"'));
    const markerField = JSON.stringify(await s.page.evaluate(() => (window as any).__atlas.map.getLayoutProperty('marker-labels', 'text-field')));
    expect(markerField).toContain('"Chengdu"');
    expect(markerField).toContain('"Jiulongpo District"');
    await mapIdle(s.page);
    await s.page.screenshot({ path: artifactPath('map-labels-en.png') });
    await s.page.getByRole('button', { name: '中文', exact: true }).click();
    await s.page.waitForFunction(() => JSON.stringify((window as any).__atlas.map.getLayoutProperty('province-labels', 'text-field')) === '["get","short"]');
    await s.context.close();
  });

  it('tells screen readers the result as officials count it: 省（区、市） of the mainland (batch 1)', async () => {
    s = await openPanels(b, 'b=1');
    const announce = s.page.getByTestId('results-announce');
    await expect(announce.textContent()).resolves.toBe('筛选结果：30 项做法，涉及 13 个省（区、市）');
    await s.page.getByRole('button', { name: 'English', exact: true }).click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="results-announce"]')?.textContent?.startsWith('Filtered'));
    await expect(announce.textContent()).resolves.toBe('Filtered: 30 practices in 13 provinces, regions and municipalities');
    await s.context.close();
  });

  it('hides the hover tooltip after a click', async () => {
    s = await openPanels(b, '');
    const { page } = s;
    await mapIdle(page, 90_000);
    // Inside 青海, away from markers.
    const p = await page.evaluate(() => (window as any).__atlas.controller.project([96.0, 35.6]));
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await page.locator('.map-tooltip:not([hidden])').waitFor();
    await expect(page.locator('.map-tooltip').textContent()).resolves.toContain('青海');
    await page.mouse.down();
    await page.mouse.up();
    await page.locator('[data-testid="detail-panel"][data-region="630000"]').waitFor();
    await expect(page.locator('.map-tooltip').isHidden()).resolves.toBe(true);
    await s.context.close();
  });

  it('moves keyboard focus into the opened panel after Enter opens a practice', async () => {
    s = await openPanels(b, '');
    const { page } = s;
    await page.locator('[data-testid="practice-list"] [data-practice]').first().waitFor();
    await page.locator('[data-testid="practice-list"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="detail-panel"][data-practice]').waitFor();
    const where = await page.evaluate(() => {
      const a = document.activeElement;
      return { inPanel: Boolean(a?.closest('[data-testid="detail-panel"]')), tag: a?.tagName ?? '' };
    });
    expect(where).toEqual({ inPanel: true, tag: 'H2' });
    // Tab carries on inside the panel.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="detail-panel"]')))).resolves.toBe(true);
    await s.context.close();
  });

  it('keeps the bullet of a wrapped headline on its first line in a province list', async () => {
    s = await openPanels(b, 'sel=r:500000', { width: 390, height: 844 });
    const { page } = s;
    await page.locator('[data-testid="detail-panel"][data-region="500000"] .headline-list li').first().waitFor();
    // A zero-width probe at the start of each item sits where the list marker sits (the item's first line box).
    const rows = await page.locator('[data-testid="detail-panel"] .headline-list li').evaluateAll((lis) =>
      lis.map((li) => {
        const probe = document.createElement('span');
        probe.textContent = '\u200b';
        li.prepend(probe);
        const pr = probe.getBoundingClientRect();
        const button = li.querySelector('button')!.getBoundingClientRect();
        probe.remove();
        const lineHeight = parseFloat(getComputedStyle(li.querySelector('button')!).lineHeight) || 20;
        return { wrapped: button.height > lineHeight * 1.5, offset: pr.top - button.top, lineHeight };
      }),
    );
    const wrapped = rows.filter((r) => r.wrapped);
    expect(wrapped.length).toBeGreaterThan(0);
    for (const r of wrapped) expect(r.offset).toBeLessThan(r.lineHeight);
    await s.context.close();
  });
});

describe('English names and search', () => {
  const b = useBrowser();
  let s: Session;

  it('finds the two 成都 practices by "Chengdu" and the five 江苏 practices by "Jiangsu" (batch 1)', async () => {
    s = await openPanels(b, 'lang=en&b=1');
    const { page } = s;
    const chengdu = idsWhere((p) => p.actors.some((a) => a.adcode === 510100));
    const jiangsu = idsWhere((p) => p.actors.some((a) => a.province === 320000));
    expect(chengdu).toHaveLength(2);
    expect(jiangsu).toHaveLength(5);
    await search(page, 'Chengdu', 2);
    expect(await listedIds(page)).toEqual(chengdu);
    await search(page, 'Jiangsu', 5);
    expect(await listedIds(page)).toEqual(jiangsu);
    // English taxonomy titles too: "land" finds the land-policy measure's practices.
    await search(page, 'land', idsWhere((p) => p.measure.title === '完善土地政策' || p.themes.includes('land')).length);
    await s.context.close();
  });

  it('finds pinyin place names from the Chinese interface too (the names load on a Latin-letter search)', async () => {
    s = await openPanels(b, 'b=1');
    await search(s.page, 'suzhou', idsWhere((p) => p.actors.some((a) => a.adcode === 320500)).length);
    await s.context.close();
  });

  it('reads "1 practice" for a count of one', async () => {
    s = await openPanels(b, 'lang=en&b=1');
    await search(s.page, 'Tangshan', 1);
    await expect(s.page.locator('.list-panel h2 .count').textContent()).resolves.toBe('1 practice');
    await s.context.close();
  });

  it('keeps the search field usable and every top button on one line at 1100 px (the buttons move to a second line)', async () => {
    s = await openPanels(b, 'lang=en', { width: 1100, height: 720 });
    await s.page.locator('[data-testid="search"]').waitFor();
    const bar = await s.page.evaluate(() => ({
      search: document.querySelector('.search')!.getBoundingClientRect().width,
      cut: Array.from(document.querySelectorAll('.top-actions .text-button'))
        .filter((e) => e.getClientRects().length > 1 || e.scrollWidth > e.clientWidth + 1 || (e as HTMLElement).offsetHeight > 40)
        .map((e) => e.textContent),
    }));
    // It was squeezed to 26 px, with "Compare provinces" and "Back to national view" broken over two lines.
    expect(bar.search).toBeGreaterThanOrEqual(180);
    expect(bar.cut).toEqual([]);
    await s.context.close();
  });

  for (const [w, h] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    it(`shows English names with the Chinese beside them, national view and detail panel (${w}×${h})`, async () => {
      s = await openPanels(b, 'lang=en', { width: w, height: h });
      const { page } = s;
      await mapIdle(page, 90_000);
      await page.screenshot({ path: artifactPath(`words-en-national-${w}.png`) });
      await page.goto(new URL('./?lang=en&sel=p:1-2-2-1', s.base).toString());
      await mapIdle(page, 90_000);
      const panel = page.locator('[data-testid="detail-panel"][data-practice="1-2-2-1"]');
      await panel.locator('[lang="en"]', { hasText: 'Chengdu, Sichuan' }).first().waitFor();
      await expect(panel.locator('[data-testid="panel-title"]').textContent()).resolves.toBe('Chengdu, Sichuan 四川省成都市');
      await expect(panel.locator('.panel-subtitle').textContent()).resolves.toContain('Balance the investment in renewal with long-term operating income');
      await expect(panel.locator('[data-testid="citation"]').textContent()).resolves.toContain('item 二（二）1 · source line 46');
      expect(await chineseUiText(page, '[data-testid="detail-panel"]')).toEqual([]);
      await page.screenshot({ path: artifactPath(`words-en-detail-${w}.png`) });
      await s.context.close();
    });
  }
});
