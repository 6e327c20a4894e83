// Checks shared by the browser tests: what the map shows, accessibility (axe-core) and language of the interface.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** Provinces whose `count` feature-state is above zero, from the live map. */
export async function colouredProvinces(page: Page): Promise<Record<number, number>> {
  return page.evaluate(async () => {
    const map = (window as unknown as { __atlas: { map: any } }).__atlas.map;
    // getData: the whole source, also after the levels of detail changed it with updateData (MapLibre then keeps
    // the features by id, no longer as one collection).
    const feats = (await map.getSource('provinces').getData()).features;
    const out: Record<number, number> = {};
    for (const f of feats) {
      const id = Number(f.properties.adcode);
      const st = map.getFeatureState({ source: 'provinces', id });
      if ((st.count ?? 0) > 0) out[id] = st.count;
    }
    return out;
  });
}

/** Clicks the map where a place (lng, lat) is drawn. */
export async function clickAt(page: Page, lngLat: [number, number]): Promise<void> {
  const p = await page.evaluate((ll) => (window as any).__atlas.controller.project(ll), lngLat);
  const box = (await page.locator('[data-testid="map"]').boundingBox())!;
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2 A/AA violations inside `selector`, as "impact rule: targets" lines; by default only serious
 * and critical ones (`all: true` for every impact). The session must bypass CSP: the app's script-src 'self'
 * rightly refuses injected scripts. An empty run (nothing checked) is reported, never passed as clean.
 */
export async function axeViolations(page: Page, selector = 'body', opts: { all?: boolean } = {}): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
    return axe.run(document.querySelector(sel), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
  }, selector);
  if (result.passes.length === 0) return ['axe checked nothing'];
  return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => opts.all || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Visible text with Chinese characters inside `selector` that is not in an element marked as Chinese data
 * (lang="zh…"): in the English interface this must be empty.
 */
export async function chineseUiText(page: Page, selector = 'body'): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return [`(no ${sel})`];
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      if (!/[\u4e00-\u9fff]/.test(text)) continue;
      const el = n.parentElement;
      if (!el || el.closest('[lang^="zh"]') || el.closest('[hidden]')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      out.push(text.trim().slice(0, 40));
    }
    return out;
  }, selector);
}
