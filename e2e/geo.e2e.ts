// Boundaries hold up when zoomed in: reached by URL alone (no click), the map loads the level of detail for its
// zoom, and the border it draws follows the source (DataV, geo/sources/datav) within 2 px.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Position } from 'geojson';
import { artifactPath, mapIdle, useBrowser } from './browser';

const SOURCE = 'geo/sources/datav';
/** The finest level of detail (drawn at zoom 9–10): the last of lod/index.json. */
const FINEST = (JSON.parse(readFileSync('public/geo/lod/index.json', 'utf8')) as { levels: { level: number }[] }).levels.at(-1)!.level;

/**
 * Every vertex of the finest source units: the districts of citys/*.json, and the province-file units that have
 * no citys file (municipality districts, 香港, 澳门, 台湾, Hainan's counties …). That is the "source border".
 */
function sourceVertices(): Float64Array {
  const out: number[] = [];
  const push = (fc: FeatureCollection) => {
    for (const f of fc.features) {
      const g = f.geometry;
      if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const p of polys) for (const r of p) for (const q of r as Position[]) out.push(q[0]!, q[1]!);
    }
  };
  const citys = new Set(readdirSync(join(SOURCE, 'citys')).map((n) => Number(n.slice(0, 6))));
  for (const n of readdirSync(join(SOURCE, 'citys'))) push(JSON.parse(readFileSync(join(SOURCE, 'citys', n), 'utf8')) as FeatureCollection);
  for (const n of readdirSync(join(SOURCE, 'province'))) {
    const fc = JSON.parse(readFileSync(join(SOURCE, 'province', n), 'utf8')) as FeatureCollection;
    push({ ...fc, features: fc.features.filter((f) => !citys.has(Number(f.properties?.adcode))) });
  }
  return Float64Array.from(out);
}

const PLACES: { name: string; lng: number; lat: number }[] = [
  { name: '深圳', lng: 114.06, lat: 22.6 },
  { name: '南京', lng: 118.8, lat: 32.06 },
  { name: '九龙坡', lng: 106.45, lat: 29.45 },
];

describe('boundaries at city zoom, by URL', () => {
  const b = useBrowser();
  const vertices = sourceVertices();

  for (const place of PLACES) {
    for (const zoom of [9, 10]) {
      it(`${place.name} at zoom ${zoom}: ≥ 95 % of the source's border points in view lie within 2 px of the drawn border`, async () => {
        const s = await b.open(`cam=${place.lng},${place.lat},${zoom}`);
        await s.page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-detail') === 'ready', null, { timeout: 60_000 });
        await mapIdle(s.page);
        // The detail files of this zoom were fetched by the camera alone (no click happened).
        expect(s.requests.some((u) => new RegExp(`/geo/lod/${FINEST}/\\d{6}\\.topo\\.json$`).test(u))).toBe(true);
        const bounds = await s.page.evaluate(() => {
          const map = (window as unknown as { __atlas: { map: { getBounds(): { toArray(): number[][] } } } }).__atlas.map;
          return map.getBounds().toArray();
        });
        const [[w, sth], [e, n]] = bounds as [[number, number], [number, number]];
        // A margin of 2 % of the view so that points at the edge are not judged on a line cut by the viewport.
        const mx = (e - w) * 0.02, my = (n - sth) * 0.02;
        const pts: [number, number][] = [];
        for (let i = 0; i < vertices.length; i += 2) {
          const x = vertices[i]!, y = vertices[i + 1]!;
          if (x > w + mx && x < e - mx && y > sth + my && y < n - my) pts.push([x, y]);
        }
        expect(pts.length).toBeGreaterThan(200);
        const result = await s.page.evaluate(async (pts) => {
          const map = (window as any).__atlas.map;
          // The layers that draw borders must actually draw here.
          const drawn = map.queryRenderedFeatures({ layers: ['province-outline', 'city-outline', 'district-outline'] }).length;
          const segs: number[] = [];
          const size = 16;
          const grid = new Map<number, number[]>();
          const canvas = map.getCanvas();
          const W = canvas.clientWidth, H = canvas.clientHeight;
          for (const id of ['provinces', 'cities', 'districts']) {
            const data = await map.getSource(id).getData();
            for (const f of data.features) {
              const g = f.geometry;
              const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
              for (const p of polys) for (const r of p) {
                let prev: { x: number; y: number } | null = null;
                for (const q of r) {
                  const c = map.project(q);
                  if (prev && !(Math.max(prev.x, c.x) < -50 || Math.min(prev.x, c.x) > W + 50 || Math.max(prev.y, c.y) < -50 || Math.min(prev.y, c.y) > H + 50)) {
                    const k = segs.length;
                    segs.push(prev.x, prev.y, c.x, c.y);
                    const x0 = Math.floor(Math.min(prev.x, c.x) / size) - 1, x1 = Math.floor(Math.max(prev.x, c.x) / size) + 1;
                    const y0 = Math.floor(Math.min(prev.y, c.y) / size) - 1, y1 = Math.floor(Math.max(prev.y, c.y) / size) + 1;
                    if ((x1 - x0) * (y1 - y0) < 4000) {
                      for (let gx = x0; gx <= x1; gx++) for (let gy = y0; gy <= y1; gy++) {
                        const key = gx * 10007 + gy;
                        const list = grid.get(key);
                        if (list) list.push(k);
                        else grid.set(key, [k]);
                      }
                    }
                  }
                  prev = c;
                }
              }
            }
          }
          const dist = (px: number, py: number, k: number) => {
            const ax = segs[k]!, ay = segs[k + 1]!, bx = segs[k + 2]!, by = segs[k + 3]!;
            const dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
            const t = len ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
            return Math.hypot(ax + t * dx - px, ay + t * dy - py);
          };
          let within = 0;
          const far: number[] = [];
          for (const q of pts) {
            const c = map.project(q);
            const list = grid.get(Math.floor(c.x / size) * 10007 + Math.floor(c.y / size)) ?? [];
            let best = Infinity;
            for (const k of list) best = Math.min(best, dist(c.x, c.y, k));
            if (best <= 2) within++;
            else far.push(best);
          }
          far.sort((a, b) => a - b);
          return { n: pts.length, within, drawn, far: far.slice(-5) };
        }, pts);
        console.log(`${place.name} z${zoom}: ${result.within}/${result.n} = ${((100 * result.within) / result.n).toFixed(1)} % within 2 px`);
        expect(result.drawn).toBeGreaterThan(0);
        expect(result.within / result.n).toBeGreaterThanOrEqual(0.95);
        if (zoom === 9) await s.page.screenshot({ path: artifactPath(`geo-${place.name}-z${zoom}.png`) });
        await s.context.close();
      });
    }
  }

  it('on the finest level, hovering a district names it and a click selects it (南京 玄武区 at zoom 10, 江苏 focused); zoomed out, only 江苏 keeps its detail', async () => {
    const s = await b.open('sel=r:320000&cam=118.7922,32.0507,10');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-detail') === 'ready', null, { timeout: 60_000 });
    await mapIdle(s.page);
    const at = await s.page.evaluate(() => {
      const atlas = (window as any).__atlas;
      // 玄武区's seat (gazetteer 320102), and the level 江苏 is drawn from.
      const p = atlas.map.project([118.792199, 32.050678]);
      return { x: p.x, y: p.y, level: atlas.controller.detailLevels().get(320000) ?? null };
    });
    expect(at.level).toBe(FINEST);
    const box = (await s.page.locator('[data-testid="map"] canvas').boundingBox())!;
    await s.page.mouse.move(box.x + at.x, box.y + at.y);
    await expect.poll(() => s.page.locator('.map-tooltip').textContent()).toContain('玄武区');
    await s.page.mouse.click(box.x + at.x, box.y + at.y);
    await s.page.waitForSelector('[data-testid="detail-panel"][data-region="320102"]');
    // Back out to the national view: only the focused province keeps a level of detail in the map's sources (the
    // others go back to the national level; their files stay cached).
    await s.page.evaluate(() => (window as any).__atlas.map.jumpTo({ center: [105, 35], zoom: 4 }));
    await expect.poll(() => s.page.evaluate(() => [...(window as any).__atlas.controller.detailLevels().keys()]), { timeout: 30_000 }).toEqual([320000]);
    await s.context.close();
  });
});
