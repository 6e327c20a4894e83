// One partition of China into its finest units (districts and counties; a prefecture unit or a municipality
// district where the source has nothing finer), with neighbours sharing their borders exactly.
//
// DataV digitised every citys/<city>.json (and every province file) on its own, so two neighbouring units of
// different files draw their common border twice, ~150 m apart: thin gaps and overlaps all along every city and
// province border. mapshaper's -clean (a well-kept tool made for this) builds one topology of all the units,
// gives each overlap to one side (overlap-rule max-area: the larger unit) and fills each gap narrower than
// GAP_WIDTH into its neighbour (the one with the longest shared border). Cities and provinces are then unions of
// these units, so every level shares the same borders.
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GazetteerEntry } from '../src/types';
import { entry, polygonal, toAdcode, unitProps, type GeoSource, type Repair, type UnitProps } from './build-core';

// mapshaper ships CommonJS without types; only applyCommands is used.
const mapshaper = createRequire(import.meta.url)('mapshaper') as {
  applyCommands(commands: string, input: Record<string, string>): Promise<Record<string, string>>;
};

/**
 * Gaps narrower than this are filled. The slivers between separately digitised borders are 0.1–1 km wide; three
 * holes in Xinjiang (4.6–7.3 km², near 双河/博乐 and 昆玉, ~3 km across) are covered by no unit of the source
 * although china.json's 新疆 covers them. China's union has no real hole, so everything is filled.
 */
export const GAP_WIDTH = '5km';

/**
 * Degrees (≈ 10 m, a tenth of a pixel at zoom 10): wider than the coarsest quantization step (the national level's
 * ≈ 6e-5°), so that no two vertices of the partition fall on one grid point at any level. Measured at full detail on
 * each level's grid: 2e-5 left 23 self-touching borders at the national grid and islets of 舟山 merging; 1e-4
 * leaves none.
 */
export const SNAP_INTERVAL = 0.0001;

export type FinestProps = UnitProps & { city: number };
export type FinestUnit = Feature<MultiPolygon, FinestProps>;

/**
 * Every finest unit, sorted by adcode: the districts of each citys/<city>.json, and each province-file unit that
 * has no citys file (municipality districts, 东莞, 中山, 济源, Hainan's counties, 香港/澳门 districts, 台湾).
 * `city` is the prefecture-level unit it belongs to (its own adcode when it has no citys file).
 */
export function finestUnits(src: GeoSource, index: Map<number, GazetteerEntry>, repairs: Repair[]): FinestUnit[] {
  const out: FinestUnit[] = [];
  for (const [prov, file] of [...src.provinces].sort((a, b) => a[0] - b[0])) {
    file.features.forEach((pf, i) => {
      const where = `province/${prov}.json feature ${i}`;
      const cityCode = toAdcode(pf.properties?.adcode, where);
      const citys = src.citys.get(cityCode);
      if (!citys) {
        out.push({ type: 'Feature', properties: { ...unitProps(entry(index, cityCode, where)), city: cityCode }, geometry: polygonal(pf, where, repairs) });
        return;
      }
      citys.features.forEach((f, j) => {
        const w = `citys/${cityCode}.json feature ${j}`;
        const adcode = toAdcode(f.properties?.adcode, w);
        const e = entry(index, adcode, w);
        if (adcode !== cityCode && e.parent !== cityCode) throw new Error(`${w}: ${adcode} has parent ${e.parent}, not ${cityCode}`);
        out.push({ type: 'Feature', properties: { ...unitProps(e), city: cityCode }, geometry: polygonal(f, w, repairs) });
      });
    });
  }
  out.sort((a, b) => a.properties.adcode - b.properties.adcode);
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.properties.adcode === out[i - 1]!.properties.adcode) throw new Error(`finest units: adcode ${out[i]!.properties.adcode} appears twice`);
  }
  return out;
}

/**
 * The units after mapshaper -clean: no overlaps, no gaps, shared borders with identical coordinates. Same input →
 * same output (mapshaper is deterministic; features are re-sorted by adcode and properties rebuilt in a fixed
 * key order). A unit that -clean leaves empty is an error.
 */
export async function cleanPartition(units: FinestUnit[]): Promise<FinestUnit[]> {
  const input = JSON.stringify({ type: 'FeatureCollection', features: units.map((u) => ({ type: 'Feature', properties: { adcode: u.properties.adcode }, geometry: u.geometry })) });
  // The second -clean snaps vertices closer than SNAP_INTERVAL: the first leaves ~1 m spikes on some borders (a point
  // off the line and straight back, e.g. 通州/廊坊 at 116.8783°E 39.8452°N) and vertices a metre apart that every
  // quantization grid turns into a border folding back on itself (measured: 247 such self-touches in the national
  // cities at the national grid, 101 even at 1e7; after the snap none). Those made the
  // simplifier's checks chase defects that full detail cannot fix, pass after pass, without end.
  const out = await mapshaper.applyCommands(`-i units.json -clean gap-width=${GAP_WIDTH} allow-empty -clean snap-interval=${SNAP_INTERVAL} allow-empty -o units.json format=geojson`, { 'units.json': input });
  const text = out['units.json'];
  if (!text) throw new Error('mapshaper -clean wrote nothing');
  const fc = JSON.parse(text) as FeatureCollection<Polygon | MultiPolygon | null, { adcode: number }>;
  const byCode = new Map(units.map((u) => [u.properties.adcode, u]));
  const cleaned: FinestUnit[] = [];
  for (const f of fc.features) {
    const u = byCode.get(f.properties.adcode);
    if (!u) throw new Error(`mapshaper -clean: unknown adcode ${f.properties.adcode}`);
    if (!f.geometry) throw new Error(`mapshaper -clean: ${f.properties.adcode} ${u.properties.name} left without area`);
    byCode.delete(f.properties.adcode);
    const polys: Position[][][] = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    cleaned.push({ type: 'Feature', properties: u.properties, geometry: { type: 'MultiPolygon', coordinates: polys.map((p) => p.map(windRing)) } });
  }
  if (byCode.size) throw new Error(`mapshaper -clean dropped ${[...byCode.keys()].join(', ')}`);
  return cleaned.sort((a, b) => a.properties.adcode - b.properties.adcode);
}

// mapshaper writes RFC 7946 winding for GeoJSON already; kept as a guard so that topojson's merge (which stitches
// one winding only) never sees a mix.
function windRing(ring: Position[], i: number): Position[] {
  let s = 0;
  for (let k = 0; k + 1 < ring.length; k++) s += ring[k]![0]! * ring[k + 1]![1]! - ring[k + 1]![0]! * ring[k]![1]!;
  return (s > 0) === (i === 0) ? ring : ring.slice().reverse();
}
