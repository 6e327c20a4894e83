import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { topology as toTopology } from 'topojson-server';
import { gzipSync } from 'node:zlib';
import { buildGazetteer } from '../../src/ingest/gazetteer';
import { loadSource } from '../load-source';
import { gazetteerIndex } from '../build-core';
import { cleanPartition, finestUnits, type FinestUnit } from '../partition';
import { presimplifyDP } from '../dp-weights';
const cache = '/tmp/proto/cleaned.json';
let units: FinestUnit[];
if (existsSync(cache)) units = JSON.parse(readFileSync(cache, 'utf8'));
else {
  const src = loadSource();
  const index = gazetteerIndex(buildGazetteer(src.location));
  const t0 = Date.now();
  units = await cleanPartition(finestUnits(src, index, []));
  console.log('clean', (Date.now() - t0) / 1000);
  writeFileSync(cache, JSON.stringify(units));
}
const topo = toTopology({ d: { type: 'FeatureCollection', features: units } } as never, 1e7) as any;
console.log('arcs', topo.arcs.length);
const t1 = Date.now();
const w = presimplifyDP(topo.arcs.map((a: number[][]) => a.map((p) => [p[0]! * topo.transform.scale[0] + topo.transform.translate[0], p[1]! * topo.transform.scale[1] + topo.transform.translate[1]])) as never);
console.log('dp', (Date.now() - t1) / 1000);
// arcs used by province borders only (arc used by units of two different provinces or once)
const use = new Map<number, Set<number>>(); const useCity = new Map<number, Set<number>>();
topo.objects.d.geometries.forEach((g: any) => { const arcs = (g.type === 'Polygon' ? [g.arcs] : g.arcs).flat(2); for (const a of arcs) { const i = a < 0 ? ~a : a; (use.get(i) ?? use.set(i, new Set()).get(i)!).add(g.properties.province); (useCity.get(i) ?? useCity.set(i, new Set()).get(i)!).add(g.properties.city); } });
const counts = topo.objects.d.geometries.map(() => 0);
const arcUses = new Map<number, number>(); topo.objects.d.geometries.forEach((g: any) => { for (const a of (g.type === 'Polygon' ? [g.arcs] : g.arcs).flat(2)) { const i = a < 0 ? ~a : a; arcUses.set(i, (arcUses.get(i) ?? 0) + 1); } });
const isCityBorder = (i: number) => (useCity.get(i)!.size > 1) || arcUses.get(i) === 1;
let total = 0, cityTotal = 0; w.forEach((a, i) => { total += a.length; if (isCityBorder(i)) cityTotal += a.length; });
console.log('vertices all', total, 'city borders', cityTotal);
for (const z of [3, 4, 5, 6, 7, 8, 9, 10]) {
  const t = 1 / 2 ** z;
  let all = 0, city = 0;
  w.forEach((a, i) => { const k = a.filter((p) => p[2]! >= t).length; all += k; if (isCityBorder(i)) city += k; });
  console.log(`z${z} τ=1px: all ${all}, city-border ${city}`);
}
void counts; void gzipSync;
