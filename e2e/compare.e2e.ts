// Compare mode and the overview in a real browser (issue 5): picking provinces (picker and map), the coverage
// matrix against the dataset, a cell's practices, the aligned columns, the URL round trip, the ranking and the
// "not yet represented" list. Expected numbers are computed here from public/data/practices.json with the
// counting rule of docs DATA-MODEL (a practice counts for a province when one of its actors lies in it).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, gotoApp, mapIdle, openSession, type Session, useBrowser } from './browser';
import type { Dataset, GazetteerEntry, Practice } from '../src/types';
import { PROVINCE_NAMES } from '../src/store/regions';
import { axeViolations, chineseUiText, clickAt } from './checks';

const dataset = JSON.parse(readFileSync('public/data/practices.json', 'utf8')) as Dataset;
const gazetteer = JSON.parse(readFileSync('public/geo/gazetteer.json', 'utf8')) as GazetteerEntry[];

const JIANGSU = 320000;
const CHONGQING = 500000;
const SICHUAN = 510000;

const inProvince = (p: Practice, adcode: number) => p.actors.some((a) => a.province === adcode);
const measureKey = (p: Practice) => `${p.batch}-${p.mechanism.index}-${p.measure.index}`;
const mechanismKey = (p: Practice) => `${p.batch}-${p.mechanism.index}`;

/** Expected matrix: row key → province → practice ids (dataset order). Every taxonomy row, zeros included. */
function expectedMatrix(provinces: number[], keep: (p: Practice) => boolean = () => true): Map<string, Map<number, string[]>> {
  const out = new Map<string, Map<number, string[]>>();
  for (const b of dataset.batches) {
    for (const m of b.taxonomy) {
      out.set(`${b.id}-${m.index}`, new Map(provinces.map((a) => [a, []])));
      for (const s of m.measures) out.set(`${b.id}-${m.index}-${s.index}`, new Map(provinces.map((a) => [a, []])));
    }
  }
  for (const p of dataset.practices) {
    if (!keep(p)) continue;
    for (const a of provinces) {
      if (!inProvince(p, a)) continue;
      out.get(mechanismKey(p))!.get(a)!.push(p.id);
      out.get(measureKey(p))!.get(a)!.push(p.id);
    }
  }
  return out;
}

/** The matrix as the page shows it: row key → province → count. */
async function shownMatrix(page: Page): Promise<Map<string, Map<number, number>>> {
  const rows = await page.locator('[data-testid="compare-matrix"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.getAttribute('data-row')!,
      cells: [...tr.querySelectorAll('[data-province][data-count]')].map((c) => [
        Number(c.getAttribute('data-province')),
        Number(c.getAttribute('data-count')),
      ]),
    })),
  );
  return new Map(rows.map((r) => [r.key, new Map(r.cells as [number, number][])]));
}

function counts(m: Map<string, Map<number, string[]>>): Map<string, Map<number, number>> {
  return new Map([...m].map(([k, v]) => [k, new Map([...v].map(([a, ids]) => [a, ids.length]))]));
}

/** A session whose pages let axe-core in (the app's CSP, script-src 'self', rightly refuses injected scripts). */
function axeSession(browser: Browser): Promise<Session> {
  return openSession(browser, { bypassCSP: true });
}

/** Console errors other than a missing resource (the browser's own favicon request answers 404). */
function appErrors(s: Session): string[] {
  return s.consoleErrors.filter((e) => !e.startsWith('Failed to load resource'));
}

async function chips(page: Page): Promise<number[]> {
  return page.locator('[data-testid="compare-chips"] li').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-adcode'))));
}

describe('compare provinces', () => {
  const b = useBrowser();
  let s: Session;

  async function fresh(query = '', opts?: { width?: number; height?: number }): Promise<Session> {
    s = await b.open(query, opts);
    return s;
  }

  /** Enters compare mode from the top bar and picks 江苏 (typed + Enter) and 重庆 (clicked) in the picker. */
  async function pickJiangsuChongqing(page: Page): Promise<void> {
    await page.locator('[data-testid="mode-compare"]').click();
    await page.locator('[data-testid="compare-panel"]').waitFor();
    await page.locator('[data-testid="compare-search"]').fill('江苏');
    await page.locator('[data-testid="compare-search"]').press('Enter');
    await page.locator(`[data-testid="compare-chip-${JIANGSU}"]`).waitFor();
    await page.locator(`[data-testid="compare-option-${CHONGQING}"]`).click();
    await page.locator(`[data-testid="compare-chip-${CHONGQING}"]`).waitFor();
  }

  it('comparing 江苏 and 重庆 shows per-mechanism and per-measure counts equal to the dataset’s', async () => {
    const { page } = await fresh();
    await pickJiangsuChongqing(page);
    expect(await chips(page)).toEqual([JIANGSU, CHONGQING]);
    const expected = counts(expectedMatrix([JIANGSU, CHONGQING]));
    expect(await shownMatrix(page)).toEqual(expected);
    // The column totals are each province's practices (江苏 5, 重庆 5 in batch 1 per the choropleth test).
    const totals = await page.locator('[data-testid="compare-matrix"] thead .cmp-coltotal').allTextContents();
    const perProvince = [JIANGSU, CHONGQING].map((a) => dataset.practices.filter((p) => inProvince(p, a)).length);
    expect(totals.map((t) => Number(t.replace(/\D/g, '')))).toEqual(perProvince);
    // Accessible table: one column header per province plus the row-header column, a row header per row.
    await expect(page.locator('[data-testid="compare-matrix"] th[scope="col"]').count()).resolves.toBe(3);
    await expect(page.locator('[data-testid="compare-matrix"] th[scope="row"]').count()).resolves.toBe(expected.size);
    const url = new URL(page.url());
    expect(url.searchParams.get('mode')).toBe('compare');
    expect(url.searchParams.get('cmp')).toBe(`${JIANGSU},${CHONGQING}`);
    await mapIdle(page);
    await page.screenshot({ path: artifactPath('compare.png') });
    expect(appErrors(s)).toEqual([]);
    expect(s.foreign()).toEqual([]);
    await s.context.close();
  });

  it('a cell click lists exactly that cell’s practices, and a practice opens in the detail panel', async () => {
    const { page } = await fresh();
    await pickJiangsuChongqing(page);
    const m = expectedMatrix([JIANGSU, CHONGQING]);
    // The measure cell of 江苏 with the most practices (first in taxonomy order on a tie).
    const [rowKey, ids] = [...m]
      .filter(([k]) => k.split('-').length === 3)
      .map(([k, v]) => [k, v.get(JIANGSU)!] as const)
      .reduce((best, cur) => (cur[1].length > best[1].length ? cur : best));
    expect(ids.length).toBeGreaterThan(0);
    await page.locator(`[data-testid="compare-matrix"] tr[data-row="${rowKey}"] button[data-province="${JIANGSU}"]`).click();
    const list = page.locator('[data-testid="compare-cell-list"]');
    await expect(list.getAttribute('data-row')).resolves.toBe(rowKey);
    const shown = await list.locator('li[data-practice]').evaluateAll((els) => els.map((e) => e.getAttribute('data-practice')));
    expect(shown).toEqual(ids);
    await page.screenshot({ path: artifactPath('compare-cell.png') });

    // A mechanism cell lists the union of its measures.
    const mechKey = rowKey.split('-').slice(0, 2).join('-');
    await page.locator(`[data-testid="compare-matrix"] tr[data-row="${mechKey}"] button[data-province="${JIANGSU}"]`).click();
    await expect(list.getAttribute('data-row')).resolves.toBe(mechKey);
    const mechIds = await list.locator('li[data-practice]').evaluateAll((els) => els.map((e) => e.getAttribute('data-practice')));
    expect(mechIds).toEqual(m.get(mechKey)!.get(JIANGSU));

    await list.locator('li[data-practice] button').first().click();
    await page.locator(`[data-testid="detail-panel"][data-practice="${mechIds[0]}"]`).waitFor();
    expect(new URL(page.url()).searchParams.get('mode')).toBeNull();
    await s.context.close();
  });

  it('aligns the practices by measure and marks what only one province has', async () => {
    const { page } = await fresh();
    await pickJiangsuChongqing(page);
    const m = expectedMatrix([JIANGSU, CHONGQING]);
    const measures = [...m].filter(([k, v]) => k.split('-').length === 3 && [...v.values()].some((ids) => ids.length > 0));
    const shown = await page.locator('[data-testid="compare-aligned"] section[data-measure]').evaluateAll((els) =>
      els.map((e) => ({
        key: e.getAttribute('data-measure')!,
        only: e.getAttribute('data-only'),
        columns: [...e.querySelectorAll('.cmp-column')].map((c) => ({
          province: Number(c.getAttribute('data-province')),
          ids: [...c.querySelectorAll('[data-practice]')].map((a) => a.getAttribute('data-practice')),
          marker: c.querySelector('[data-testid="only-marker"]')?.textContent ?? null,
        })),
      })),
    );
    expect(shown.map((x) => x.key)).toEqual(measures.map(([k]) => k));
    for (const [key, v] of measures) {
      const got = shown.find((x) => x.key === key)!;
      const covered = [...v].filter(([, ids]) => ids.length > 0).map(([a]) => a);
      const only = covered.length === 1 ? covered[0]! : null;
      expect(got.only === null ? null : Number(got.only), key).toBe(only);
      for (const c of got.columns) {
        expect(c.ids, `${key} ${c.province}`).toEqual(v.get(c.province));
        expect(c.marker, `${key} ${c.province}`).toBe(c.province === only ? `仅${c.province === JIANGSU ? '江苏' : '重庆'}有` : null);
      }
    }
    // The full text is there, as text.
    const first = dataset.practices.find((p) => p.id === shown[0]!.columns.find((c) => c.ids.length)!.ids[0])!;
    const article = page.locator(`[data-testid="compare-aligned"] article[data-practice="${first.id}"]`).first();
    const text = (await article.textContent())!;
    expect(text).toContain(first.headline);
    expect(text.replace(/\s/g, '')).toContain(first.text.slice(first.headline.length).replace(/\s/g, ''));
    await page.locator('[data-testid="compare-aligned"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('compare-aligned.png') });
    await s.context.close();
  });

  it('the comparison survives a reload (mode and provinces in the URL)', async () => {
    const { page } = await fresh();
    await pickJiangsuChongqing(page);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cmp') === '320000,500000');
    const before = await shownMatrix(page);
    await page.reload();
    await mapIdle(page);
    await page.locator('[data-testid="compare-panel"]').waitFor();
    expect(await chips(page)).toEqual([JIANGSU, CHONGQING]);
    expect(await shownMatrix(page)).toEqual(before);
    await s.context.close();
  });

  it('a click on the map adds a province in compare mode; a chip removes one', async () => {
    const { page } = await fresh(`mode=compare&cmp=${JIANGSU},${CHONGQING}`);
    await page.locator('[data-testid="compare-panel"]').waitFor();
    const seat = gazetteer.find((g) => g.adcode === SICHUAN)!.center;
    await clickAt(page, seat);
    await page.locator(`[data-testid="compare-chip-${SICHUAN}"]`).waitFor();
    expect(await chips(page)).toEqual([JIANGSU, CHONGQING, SICHUAN]);
    await expect(page.locator('[data-testid="compare-matrix"] th[scope="col"]').count()).resolves.toBe(4);
    expect(await shownMatrix(page)).toEqual(counts(expectedMatrix([JIANGSU, CHONGQING, SICHUAN])));
    await page.locator(`[data-testid="compare-chip-${JIANGSU}"] button`).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cmp') === '500000,510000');
    expect(await chips(page)).toEqual([CHONGQING, SICHUAN]);
    await s.context.close();
  });

  it('follows the filters: mechanism 三 leaves only its rows counted', async () => {
    const { page } = await fresh(`mode=compare&cmp=${JIANGSU},${CHONGQING}`);
    await page.locator('[data-testid="mechanism-1-3"] input').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('m') === '1-3');
    expect(await shownMatrix(page)).toEqual(counts(expectedMatrix([JIANGSU, CHONGQING], (p) => p.mechanism.index === 3)));
    await s.context.close();
  });

  it('four provinces in the dark theme: coloured cells keep 4.5:1 text contrast', async () => {
    const four = [JIANGSU, CHONGQING, SICHUAN, 110000];
    const { page } = await fresh(`mode=compare&cmp=${four.join(',')}&theme=dark`);
    await page.locator('[data-testid="compare-matrix"]').waitFor();
    expect(await shownMatrix(page)).toEqual(counts(expectedMatrix(four)));
    const ratios = await page.locator('[data-testid="compare-matrix"] button.cmp-cell').evaluateAll((els) => {
      const lum = (c: string) => {
        const [r, g, b] = c.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((v) => {
          const x = v / 255;
          return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return els.map((el) => {
        const st = getComputedStyle(el);
        let bg = st.backgroundColor;
        // A transparent button (mechanism subtotal) shows its cell's background.
        for (let p: Element | null = el; p && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); p = p.parentElement) bg = getComputedStyle(p).backgroundColor;
        const [a, b] = [lum(st.color), lum(bg)];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
    });
    expect(ratios.length).toBeGreaterThan(0);
    for (const r of ratios) expect(r).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: artifactPath('compare-dark.png') });
    await page.locator('[data-testid="compare-aligned"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('compare-dark-aligned.png') });
    await s.context.close();
  });

  it('has no WCAG A/AA violations (axe) in the compare panel, with a cell open, in both themes', async () => {
    s = await axeSession(b.browser);
    await gotoApp(s, `mode=compare&cmp=${JIANGSU},${CHONGQING}`);
    const { page } = s;
    await page.locator('[data-testid="compare-matrix"] button.cmp-cell').first().click();
    await page.locator('[data-testid="compare-cell-list"]').waitFor();
    expect(await axeViolations(page, '[data-testid="compare-panel"]', { all: true })).toEqual([]);
    await page.goto(new URL(`./?mode=compare&cmp=${JIANGSU},${CHONGQING}&theme=dark`, s.base).toString());
    await mapIdle(page);
    expect(await axeViolations(page, '[data-testid="compare-panel"]', { all: true })).toEqual([]);
    await s.context.close();
  });

  it('is readable on a 1366×768 laptop screen, in English too', async () => {
    const { page } = await fresh(`mode=compare&cmp=${JIANGSU},${CHONGQING},${SICHUAN}`, { width: 1366, height: 768 });
    await page.locator('[data-testid="compare-matrix"]').waitFor();
    // No horizontal scrolling of the matrix at this size.
    const overflow = await page.locator('.cmp-table-wrap').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    // With two or more chosen the list of 34 folds away, so the matrix starts on the first screen.
    await expect(page.locator('[data-testid="compare-option-110000"]').count()).resolves.toBe(0);
    const top = await page.locator('[data-testid="compare-matrix"]').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(768 / 2);
    await page.locator('[data-testid="compare-show-all"]').click();
    await expect(page.locator('[data-testid="compare-option-110000"]').count()).resolves.toBe(1);
    await page.locator('[data-testid="compare-show-all"]').click();
    await page.screenshot({ path: artifactPath('compare-laptop.png') });
    await page.goto(new URL(`./?mode=compare&cmp=${JIANGSU},${CHONGQING}&lang=en`, s.base).toString());
    await mapIdle(page);
    await expect(page.locator('[data-testid="compare-panel"] h3').first().textContent()).resolves.toContain('Provinces compared');
    await page.screenshot({ path: artifactPath('compare-en.png') });
    await s.context.close();
  });
});

describe('overview', () => {
  const b = useBrowser();
  let s: Session;

  const provinceCounts = (keep: (p: Practice) => boolean = () => true) => {
    const out = new Map<number, number>();
    for (const p of dataset.practices) {
      if (!keep(p)) continue;
      for (const a of new Set(p.actors.map((x) => x.province))) out.set(a, (out.get(a) ?? 0) + 1);
    }
    return out;
  };

  async function ranking(page: Page): Promise<Map<number, number>> {
    const rows = await page
      .locator('[data-testid="overview-ranking"] button[data-adcode]')
      .evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-adcode')), Number(e.getAttribute('data-count'))]));
    return new Map(rows as [number, number][]);
  }

  it('ranks the 13 represented provinces and lists the 18 of the 31 省（区、市） without practices in batch 1, 港澳台 apart', async () => {
    s = await openSession(b.browser);
    await gotoApp(s, 'b=1');
    const { page } = s;
    await page.locator('[data-testid="tab-overview"]').click();
    // The overview is a lazily loaded chunk: wait for its ranking before reading it.
    await page.locator('[data-testid="overview-ranking"] button[data-adcode]').first().waitFor();
    await page.locator('[data-testid="overview-panel"]').waitFor();
    const expected = provinceCounts((p) => p.batch === 1);
    const shown = await ranking(page);
    expect(shown.size).toBe(13);
    expect(new Map([...shown].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...expected].sort((a, b) => a[0] - b[0])));
    // Ranked: counts never increase down the list.
    const order = [...shown.values()];
    expect(order).toEqual([...order].sort((a, b) => b - a));

    // Officials count the 31 省（区、市）: 18 of them have no practice in batch 1; 港澳台 are named apart.
    const missing = page.locator('[data-testid="missing-provinces"]');
    await expect(missing.getAttribute('data-count')).resolves.toBe('18');
    const names = await missing.locator('[data-adcode]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-adcode'))));
    expect(names).toHaveLength(18);
    const apartUnits = [810000, 820000, 710000];
    // Represented and not represented together are the 31 mainland units; 港澳台 are in neither list.
    const mainland = [...PROVINCE_NAMES.keys()].filter((a) => !apartUnits.includes(a));
    expect(new Set([...names, ...shown.keys()])).toEqual(new Set(mainland));
    expect(mainland).toHaveLength(31);
    for (const a of apartUnits) expect(names).not.toContain(a);
    await expect(missing.textContent()).resolves.toContain('31 个省（区、市）中，18 个尚无做法');
    const apart = page.locator('[data-testid="apart-units"]');
    await expect(apart.locator('[data-testid="apart-none"]').getAttribute('data-adcodes')).resolves.toBe('810000,820000,710000');
    await expect(apart.textContent()).resolves.toContain('香港、澳门、台湾尚无做法');

    // The bars count the filtered practices by mechanism.
    const mech = await page
      .locator('[data-testid="overview-mechanisms"] button[data-key]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-count'))]));
    const expMech = dataset.batches.flatMap((b) =>
      b.taxonomy.map((m) => [`${b.id}-${m.index}`, dataset.practices.filter((p) => p.batch === b.id && p.mechanism.index === m.index).length]),
    );
    expect(mech).toEqual(expMech);
    await page.screenshot({ path: artifactPath('overview.png') });
    await page.locator('.side-column').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.screenshot({ path: artifactPath('overview-bars.png') });
    expect(appErrors(s)).toEqual([]);
    await s.context.close();
  });

  it('has no WCAG A/AA violations (axe) in the overview, in both themes', async () => {
    for (const theme of ['light', 'dark']) {
      s = await axeSession(b.browser);
      await gotoApp(s, `theme=${theme}`);
      await s.page.locator('[data-testid="tab-overview"]').click();
      await s.page.locator('[data-testid="overview-panel"]').waitFor();
      expect(await axeViolations(s.page, '[data-testid="overview-panel"]', { all: true }), theme).toEqual([]);
      await s.context.close();
    }
  });

  it('in English, every Chinese text in the overview and the compare panel is data marked lang="zh-CN"', async () => {
    s = await openSession(b.browser);
    await gotoApp(s, 'lang=en');
    await s.page.locator('[data-testid="tab-overview"]').click();
    await s.page.locator('[data-testid="overview-panel"]').waitFor();
    expect(await chineseUiText(s.page, '[data-testid="overview-panel"]')).toEqual([]);
    await s.page.goto(new URL(`./?lang=en&mode=compare&cmp=${JIANGSU},${CHONGQING}`, s.base).toString());
    await mapIdle(s.page);
    await s.page.locator('[data-testid="compare-matrix"] button.cmp-cell').first().click();
    await s.page.locator('[data-testid="compare-show-all"]').click();
    expect(await chineseUiText(s.page, '[data-testid="compare-panel"]')).toEqual([]);
    await s.context.close();
  });

  it('follows the filters and opens a province from its bar', async () => {
    s = await openSession(b.browser);
    await gotoApp(s, 'm=1-3');
    const { page } = s;
    await page.locator('[data-testid="tab-overview"]').click();
    // The overview is a lazily loaded chunk: wait for its ranking before reading it.
    await page.locator('[data-testid="overview-ranking"] button[data-adcode]').first().waitFor();
    const expected = provinceCounts((p) => p.mechanism.index === 3);
    const shown = await ranking(page);
    expect(new Map([...shown].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...expected].sort((a, b) => a[0] - b[0])));
    await expect(page.locator('[data-testid="missing-provinces"]').getAttribute('data-count')).resolves.toBe(String(31 - expected.size));
    // A bar is also a filter switch: the theme bar adds its theme to the filters (and the URL).
    const theme = dataset.themes[0]!.key;
    await page.locator(`[data-testid="overview-themes"] button[data-key="${theme}"]`).click();
    await page.waitForFunction((k) => new URL(location.href).searchParams.get('t') === k, theme);
    await expect(page.locator(`[data-testid="overview-themes"] button[data-key="${theme}"]`).getAttribute('aria-pressed')).resolves.toBe('true');
    const both = provinceCounts((p) => p.mechanism.index === 3 && p.themes.includes(theme));
    expect(new Map([...(await ranking(page))].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...both].sort((a, b) => a[0] - b[0])));
    await page.locator(`[data-testid="overview-themes"] button[data-key="${theme}"]`).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('t'));
    const [top] = shown.keys();
    await page.locator(`[data-testid="overview-ranking"] button[data-adcode="${top}"]`).click();
    await page.locator(`[data-testid="detail-panel"][data-region="${top}"]`).waitFor();
    await s.context.close();
  });
});
