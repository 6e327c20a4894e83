// Related practices and the documents / key-figures indexes in a real browser (issue 10): open a practice, follow
// a related one (panel, URL and map move), find 《辽宁省城市更新条例》 and 800亿元, and see the tabs follow filters.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { artifactPath, gotoApp, mapIdle, openSession, type Session, useBrowser } from './browser';
import type { Dataset, GazetteerEntry } from '../src/types';
import { axeViolations, chineseUiText } from './checks';

const dataset = JSON.parse(readFileSync('public/data/practices.json', 'utf8')) as Dataset;
const gazetteer = JSON.parse(readFileSync('public/geo/gazetteer.json', 'utf8')) as GazetteerEntry[];
const seat = (adcode: number) => gazetteer.find((g) => g.adcode === adcode)!.center;
const byId = (id: string) => dataset.practices.find((p) => p.id === id)!;

describe('related practices and indexes', () => {
  const b = useBrowser();
  let s: Session;

  async function fresh(query = ''): Promise<Session> {
    s = await b.open(query);
    return s;
  }

  it('opens a practice, follows a related one, and the panel, URL and map move to it', async () => {
    const from = byId('1-1-3-1'); // 上海市 城市体检评估
    const { page } = await fresh(`sel=p:${from.id}`);
    const panel = page.locator(`[data-testid="detail-panel"][data-practice="${from.id}"]`);
    await panel.waitFor();
    const related = panel.locator('[data-testid="related-practices"]');
    await expect(related.locator('.related-title').textContent()).resolves.toContain('相似做法');
    const shown = await related.locator('[data-related]').evaluateAll((els) => els.map((e) => e.getAttribute('data-related')));
    expect(shown).toEqual(from.related!.map((r) => r.id));
    // Follow the first related practice with a city actor (the map flies to its seat).
    const target = from.related!.map((r) => byId(r.id)).find((p) => p.actors[0]!.level === 'city')!;
    expect(target.id).toBe('1-1-3-3'); // 湖南省长沙市 把城市体检作为片区更新前置要素
    await expect(related.locator(`[data-related="${target.id}"]`).textContent()).resolves.toContain('湖南省长沙市');
    await related.locator(`[data-related="${target.id}"]`).click();
    await page.waitForSelector(`[data-testid="detail-panel"][data-practice="${target.id}"]`);
    await expect(page.locator('[data-testid="detail-panel"] .practice-headline').first().textContent()).resolves.toBe(target.headline);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(`p:${target.id}`);
    // The map flies there (the flight starts after the panel renders; wait for it rather than for one idle).
    const [lng, lat] = seat(target.actors[0]!.adcode);
    await page.waitForFunction(
      ([lng, lat]) => {
        const map = (window as any).__atlas.map;
        const [x, y] = map.getCenter().toArray() as [number, number];
        return Math.hypot(x - lng!, y - lat!) < 2 && !map.isMoving();
      },
      [lng, lat],
      { timeout: 20_000 },
    );
    await mapIdle(page);
    // The related list of the new practice leads back to 上海.
    await expect(page.locator(`[data-testid="detail-panel"] [data-testid="related-practices"] [data-related="${from.id}"]`).count()).resolves.toBe(1);
    await page.screenshot({ path: artifactPath('related.png') });
    // Back returns to the first practice.
    await page.goBack();
    await page.waitForSelector(`[data-testid="detail-panel"][data-practice="${from.id}"]`);
    expect(s.foreign()).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('finds 《辽宁省城市更新条例》 in the documents index and opens the practice citing it', async () => {
    const { page } = await fresh();
    await page.locator('[data-testid="tab-documents"]').click();
    const index = page.locator('[data-testid="documents-index"]');
    await index.waitFor();
    const all = new Set(dataset.practices.flatMap((p) => p.documents)).size;
    await expect(index.locator('[data-document]').count()).resolves.toBe(all);
    await index.locator('[data-testid="documents-search"]').fill('辽宁省城市更新条例');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="documents-index"] [data-document]').length === 1);
    const entry = index.locator('[data-document="辽宁省城市更新条例"]');
    await expect(entry.textContent()).resolves.toContain('《辽宁省城市更新条例》');
    await page.screenshot({ path: artifactPath('related-documents.png') });
    await entry.locator('[data-practice="1-1-2-1"]').click();
    await page.waitForSelector('[data-testid="detail-panel"][data-practice="1-1-2-1"]');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('p:1-1-2-1');
    await s.context.close();
  });

  it('finds 800亿元 in the key-figures index, largest money first, sortable, linked to 上海’s fund', async () => {
    const { page } = await fresh();
    await page.locator('[data-testid="tab-figures"]').click();
    const index = page.locator('[data-testid="figures-index"]');
    await index.waitFor();
    const money = index.locator('[data-kind="money"] tbody tr');
    await expect(money.first().getAttribute('data-figure')).resolves.toBe('800亿元');
    await expect(money.first().textContent()).resolves.toContain('上海市');
    await page.screenshot({ path: artifactPath('related-figures.png') });
    await index.locator('[data-testid="figures-sort"]').click();
    await expect(money.last().getAttribute('data-figure')).resolves.toBe('800亿元');
    await money.last().locator('button').click();
    await page.waitForSelector('[data-testid="detail-panel"][data-practice="1-2-3-3"]');
    await s.context.close();
  });

  it('the indexes follow the filters', async () => {
    const { page } = await fresh('t=checkup');
    await page.locator('[data-testid="tab-figures"]').click();
    const figures = page.locator('[data-testid="figures-index"]');
    await figures.waitFor();
    await expect(figures.locator('[data-figure="800亿元"]').count()).resolves.toBe(0);
    await page.locator('[data-testid="tab-documents"]').click();
    // Wait for the (lazily loaded) index itself, so that the absence below is a real answer.
    await page.locator('[data-testid="documents-index"]').waitFor();
    await expect(page.locator('[data-testid="documents-index"] [data-document="辽宁省城市更新条例"]').count()).resolves.toBe(0);
    await s.context.close();
  });

  const views: [string, string, string][] = [
    ['related practices', `sel=p:1-1-3-1`, '[data-testid="detail-panel"] [data-testid="related-practices"]'],
    ['documents index', '', '[data-testid="documents-index"]'],
    ['figures index', '', '[data-testid="figures-index"]'],
  ];
  for (const [name, query, selector] of views) {
    it(`the ${name}: no serious axe violation, and no Chinese interface text in English`, async () => {
      s = await openSession(b.browser, { bypassCSP: true });
      await gotoApp(s, query ? `${query}&lang=en` : 'lang=en');
      const { page } = s;
      if (name === 'documents index') await page.locator('[data-testid="tab-documents"]').click();
      if (name === 'figures index') await page.locator('[data-testid="tab-figures"]').click();
      await page.locator(selector).waitFor();
      expect(await chineseUiText(page, selector)).toEqual([]);
      expect(await axeViolations(page, selector)).toEqual([]);
      await s.context.close();
    });
  }
});
