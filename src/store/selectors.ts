// Memoised pure selectors over (dataset, filters). The dataset is immutable, so everything that depends on it
// alone is computed once into an index (a WeakMap keyed by the dataset); everything that depends on the filters
// is memoised on the last few filters by content, and everything that depends on a practice list is memoised on
// that list's reference (filterPractices returns the same array for equal filters, so the chain stays cached).
//
// Counting rules (docs DATA-MODEL): a practice counts for a region when one of its actors is that region or
// lies inside it; once per region however many actors it has there; mentions and sites never count.
import type { Batch, Dataset, Level, Measure, Mechanism, Practice, RegionCollection, Theme } from '../types';
import {
  FACETS,
  type FacetValue,
  type Filters,
  type ListFacet,
  compareKeys,
  filtersKey,
  mechanismKey,
  mechanismOfMeasureKey,
  mechanismsOf,
  measureKey,
  queryTerms,
  searchTextOf,
} from './filters';
import { PROVINCE_NAMES } from './regions';
import { currentNamesEn } from '../i18n/namesEn';
import { englishSearchTextOf, hasLatin, normaliseLatin, type NamesEn } from '../format/names';

import { classBreaks } from './classes';

export { classIndex, legendItems } from './classes';

const LEVEL_BIT: Record<Level, number> = { province: 1, city: 2, district: 4 };

/**
 * The facets counted the generic way: every facet of the registry but the taxonomy (mechanisms and measures,
 * one facet with its own narrowing rule, indexed below by measure). A new facet in FACETS lands here by itself.
 */
const SET_FACETS = FACETS.filter((d) => d.panel !== 'taxonomy');
type SetFacet = (typeof SET_FACETS)[number]['key'];

// Which facet a practice fails, one bit each; a practice that fails exactly one facet still counts for that
// facet's options. The set facets take the bits from 4 up (16 facets fit the Uint32 words below).
const FAIL_TAXONOMY = 1;
const FAIL_QUERY = 2;
const failBitOf = (j: number) => 4 << j;

/** One set facet indexed: its options, and per practice the options it has as a CSR slice list[start[i] .. start[i+1]). */
export interface SetFacetIndex {
  readonly key: SetFacet;
  readonly options: readonly (string | number)[];
  readonly start: Int32Array;
  readonly list: Int32Array;
}

/** Everything about a dataset that does not depend on the filters. Built once per dataset. */
export interface PracticeIndex {
  readonly dataset: Dataset;
  readonly size: number;
  /** Position of each practice in dataset.practices. */
  readonly position: ReadonlyMap<Practice, number>;
  readonly byId: ReadonlyMap<string, Practice>;
  /** Lower-cased search text per practice (see searchTextOf). */
  readonly search: readonly string[];
  /** Interned options, in option order (dataset/taxonomy order first, then any extra found in practices). */
  readonly mechanismKeys: readonly string[];
  readonly measureKeys: readonly string[];
  readonly themeKeys: readonly string[];
  /** The set facets (SET_FACETS order), each with its options and the options of every practice. */
  readonly sets: readonly SetFacetIndex[];
  /** Per practice: index into mechanismKeys / measureKeys. */
  readonly mechanismOf: Int32Array;
  readonly measureOf: Int32Array;
  /** Per measure option: index of its mechanism option. */
  readonly measureMechanism: Int32Array;
  /** Per practice: themes as a CSR slice themeList[themeStart[i] .. themeStart[i+1]) (the themes facet's slices). */
  readonly themeStart: Int32Array;
  readonly themeList: Int32Array;
  /** Per practice: bit set of its actors' levels. */
  readonly levelMask: Uint8Array;
  /** Per practice: the regions it counts for, as a CSR slice of indices into regionAdcodes. */
  readonly regionStart: Int32Array;
  readonly regionList: Int32Array;
  readonly regionAdcodes: readonly number[];
  /** Region indices sorted by adcode (so count maps come out in adcode order). */
  readonly regionOrder: Int32Array;
  /** Per practice: its own city and district actors (marker places), deduplicated, as a CSR slice of indices into regionAdcodes. */
  readonly markerStart: Int32Array;
  readonly markerList: Int32Array;
  /** Per region index: the level it has as an actor (marker places only; undefined for regions only counted into). */
  readonly markerLevel: readonly ('city' | 'district' | undefined)[];
  /** adcode → name, from every actor and mention of the dataset plus the province table. */
  readonly names: ReadonlyMap<number, string>;
}

/**
 * How many recent filter states each filter-dependent memo keeps. More than one because several views ask at
 * once with different filters (the map with the current ones, compare or briefing slides with their own);
 * a single slot would make them evict each other on every render. Each entry of the biggest memo is one byte
 * per practice (100 KB at 100,000 practices).
 */
const MEMO_SIZE = 8;

/** A tiny least-recently-used map (Map keeps insertion order; a hit is moved to the end). */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
}

interface IndexCaches {
  /** The last filters object seen and its content key: the same object skips even building the key. */
  lastKey: { filters: Filters; key: string; names: NamesEn | null } | null;
  query: Lru<Uint8Array>;
  fail: Lru<Uint32Array>;
  filtered: Lru<Practice[]>;
  facets: Lru<FacetCounts>;
  counts: WeakMap<readonly Practice[], Map<number, number>>;
  provinces: WeakMap<readonly Practice[], Map<number, number>>;
  markers: WeakMap<readonly Practice[], MarkerPoint[]>;
}

const indexes = new WeakMap<Dataset, { index: PracticeIndex; caches: IndexCaches }>();

/** The regions a practice counts for: each actor, its province and (for a district under a prefecture) its city. */
export function regionsOf(p: Practice): Set<number> {
  const out = new Set<number>();
  for (const a of p.actors) {
    out.add(a.adcode);
    out.add(a.province);
    if (a.city !== undefined) out.add(a.city);
  }
  return out;
}

function intern<K>(keys: K[], ids: Map<K, number>, k: K): number {
  let i = ids.get(k);
  if (i === undefined) {
    i = keys.length;
    keys.push(k);
    ids.set(k, i);
  }
  return i;
}

function buildIndex(dataset: Dataset): PracticeIndex {
  const practices = dataset.practices;
  const n = practices.length;

  const names = new Map<number, string>(PROVINCE_NAMES);
  for (const p of practices) {
    for (const a of p.actors) names.set(a.adcode, a.name);
    for (const m of p.mentions) if (!names.has(m.adcode)) names.set(m.adcode, m.name);
  }
  const nameOf = (adcode: number) => names.get(adcode);

  const mechanismKeys: string[] = [];
  const mechIdx = new Map<string, number>();
  const measureKeys: string[] = [];
  const measIdx = new Map<string, number>();
  // Options of the taxonomy first, so that facet maps come out in taxonomy order and list zero-count options.
  for (const b of dataset.batches) {
    for (const m of b.taxonomy) {
      intern(mechanismKeys, mechIdx, `${b.id}-${m.index}`);
      for (const s of m.measures) intern(measureKeys, measIdx, `${b.id}-${m.index}-${s.index}`);
    }
  }
  const sets = SET_FACETS.map((d) => buildSetFacet(d.key, dataset));
  const themes = sets.find((x) => x.key === 'themes')!;

  const regionAdcodes: number[] = [];
  const regionIdx = new Map<number, number>();

  const position = new Map<Practice, number>();
  const byId = new Map<string, Practice>();
  const search: string[] = new Array(n);
  const mechanismOf = new Int32Array(n);
  const measureOf = new Int32Array(n);
  const levelMask = new Uint8Array(n);
  const regionStart = new Int32Array(n + 1);
  const regionListA: number[] = [];
  const markerStart = new Int32Array(n + 1);
  const markerListA: number[] = [];
  const markerLevel: ('city' | 'district' | undefined)[] = [];

  for (let i = 0; i < n; i++) {
    const p = practices[i] as Practice;
    position.set(p, i);
    byId.set(p.id, p);
    search[i] = searchTextOf(p, nameOf);
    mechanismOf[i] = intern(mechanismKeys, mechIdx, mechanismKey(p));
    measureOf[i] = intern(measureKeys, measIdx, measureKey(p));
    let mask = 0;
    for (const a of p.actors) mask |= LEVEL_BIT[a.level];
    levelMask[i] = mask;
    regionStart[i] = regionListA.length;
    for (const r of regionsOf(p)) regionListA.push(intern(regionAdcodes, regionIdx, r));
    markerStart[i] = markerListA.length;
    for (const a of p.actors) {
      if (a.level === 'province') continue;
      const r = intern(regionAdcodes, regionIdx, a.adcode);
      markerLevel[r] ??= a.level;
      // Two actors of one practice at the same place count once.
      if (!markerListA.includes(r, markerStart[i])) markerListA.push(r);
    }
  }
  regionStart[n] = regionListA.length;
  markerStart[n] = markerListA.length;

  const measureMechanism = new Int32Array(measureKeys.length);
  measureKeys.forEach((k, i) => {
    measureMechanism[i] = intern(mechanismKeys, mechIdx, mechanismOfMeasureKey(k));
  });
  const regionOrder = Int32Array.from(regionAdcodes.keys()).sort(
    (a, b) => (regionAdcodes[a] as number) - (regionAdcodes[b] as number),
  );

  return {
    dataset,
    size: n,
    position,
    byId,
    search,
    mechanismKeys,
    measureKeys,
    themeKeys: themes.options as string[],
    sets,
    mechanismOf,
    measureOf,
    measureMechanism,
    themeStart: themes.start,
    themeList: themes.list,
    levelMask,
    regionStart,
    regionList: Int32Array.from(regionListA),
    regionAdcodes,
    regionOrder,
    markerStart,
    markerList: Int32Array.from(markerListA),
    markerLevel,
    names,
  };
}

/** A set facet's options (the registry's, then any other value a practice has) and each practice's slice of them. */
function buildSetFacet(key: SetFacet, dataset: Dataset): SetFacetIndex {
  const d = SET_FACETS.find((x) => x.key === key)!;
  const values = d.values as (p: Practice, ds: Dataset) => readonly (string | number)[];
  const options: (string | number)[] = [];
  const ids = new Map<string | number, number>();
  for (const o of (d.options as (ds: Dataset) => readonly (string | number)[])(dataset)) intern(options, ids, o);
  const n = dataset.practices.length;
  const start = new Int32Array(n + 1);
  const list: number[] = [];
  for (let i = 0; i < n; i++) {
    start[i] = list.length;
    // A practice with two actors of one level counts once for it.
    for (const v of new Set(values(dataset.practices[i] as Practice, dataset))) list.push(intern(options, ids, v));
  }
  start[n] = list.length;
  return { key, options, start, list: Int32Array.from(list) };
}

function entry(dataset: Dataset): { index: PracticeIndex; caches: IndexCaches } {
  let e = indexes.get(dataset);
  if (!e) {
    e = {
      index: buildIndex(dataset),
      caches: {
        lastKey: null,
        query: new Lru(MEMO_SIZE),
        fail: new Lru(MEMO_SIZE),
        filtered: new Lru(MEMO_SIZE),
        facets: new Lru(MEMO_SIZE),
        counts: new WeakMap(),
        provinces: new WeakMap(),
        markers: new WeakMap(),
      },
    };
    indexes.set(dataset, e);
  }
  return e;
}

/** The dataset's index, built on first use and kept as long as the dataset lives. */
export function createIndex(dataset: Dataset): PracticeIndex {
  return entry(dataset).index;
}

/** A practice by id (through the index). */
export function practiceById(dataset: Dataset, id: string): Practice | undefined {
  return createIndex(dataset).byId.get(id);
}

/** A region's name as the dataset (or the province table) knows it. */
export function regionName(dataset: Dataset, adcode: number): string | undefined {
  return createIndex(dataset).names.get(adcode);
}

// ---------------------------------------------------------------------------------------------------------------
// Filter evaluation

function keyOf(caches: IndexCaches, f: Filters): string {
  // A Latin-letter query also searches the English names once they are loaded: the same filters then mean more.
  const names = currentNamesEn();
  if (caches.lastKey?.filters === f && caches.lastKey.names === names) return caches.lastKey.key;
  const key = names && hasLatin(f.q) ? `${filtersKey(f)}|en` : filtersKey(f);
  caches.lastKey = { filters: f, key, names };
  return key;
}

/** Per practice: the English search text (englishSearchTextOf), built once per dataset and names table. */
const englishTexts = new WeakMap<PracticeIndex, { names: NamesEn; texts: string[] }>();
function englishSearch(index: PracticeIndex, names: NamesEn): string[] {
  const hit = englishTexts.get(index);
  if (hit?.names === names) return hit.texts;
  const themes = new Map(index.dataset.themes.map((t) => [t.key, t]));
  const texts = index.dataset.practices.map((p) => englishSearchTextOf(p, names, themes));
  englishTexts.set(index, { names, texts });
  return texts;
}

/**
 * Per practice: 1 when every query term occurs in its search text — or, for a term in Latin letters once the
 * English names are loaded, in its English search text (Chengdu → 成都市, land → 完善土地政策). Memoised.
 */
function queryBits(index: PracticeIndex, caches: IndexCaches, q: string): Uint8Array | null {
  const terms = queryTerms(q);
  if (terms.length === 0) return null;
  const names = currentNamesEn();
  const english = names && terms.some(hasLatin) ? englishSearch(index, names) : null;
  const latin = terms.map((t) => (english && hasLatin(t) ? normaliseLatin(t) : null));
  const key = JSON.stringify(terms) + (english ? '|en' : '');
  const hit = caches.query.get(key);
  if (hit) return hit;
  const bits = new Uint8Array(index.size);
  const search = index.search;
  outer: for (let i = 0; i < index.size; i++) {
    const s = search[i] as string;
    for (let k = 0; k < terms.length; k++) {
      if (s.includes(terms[k] as string)) continue;
      const l = latin[k];
      const e = english?.[i];
      if (l == null || e === undefined || !e.includes(l)) continue outer;
    }
    bits[i] = 1;
  }
  caches.query.set(key, bits);
  return bits;
}

function selectionMask<K>(options: readonly K[], selected: readonly K[]): Uint8Array | null {
  if (selected.length === 0) return null;
  const set = new Set(selected);
  const mask = new Uint8Array(options.length);
  options.forEach((o, i) => {
    if (set.has(o)) mask[i] = 1;
  });
  return mask;
}

/** Per measure option: does it pass the taxonomy facet (see filters.matchesTaxonomy)? null = no constraint. */
function taxonomyMask(index: PracticeIndex, f: Filters): Uint8Array | null {
  if (f.mechanisms.length === 0 && f.measures.length === 0) return null;
  const mechs = new Set(f.mechanisms);
  const meas = new Set(f.measures);
  const narrowed = mechanismsOf(meas);
  const mask = new Uint8Array(index.measureKeys.length);
  index.measureKeys.forEach((k, i) => {
    const mech = index.mechanismKeys[index.measureMechanism[i] as number] as string;
    if (meas.has(k) || (mechs.has(mech) && !narrowed.has(mech))) mask[i] = 1;
  });
  return mask;
}

/** Per practice: the bit set of facets it fails (0 = passes all). Memoised on the filters' content. */
function failBits(index: PracticeIndex, caches: IndexCaches, f: Filters, key: string): Uint32Array {
  const hit = caches.fail.get(key);
  if (hit) return hit;
  const n = index.size;
  const bits = new Uint32Array(n);
  const tax = taxonomyMask(index, f);
  if (tax) for (let i = 0; i < n; i++) if (!tax[index.measureOf[i] as number]) bits[i]! |= FAIL_TAXONOMY;
  const q = queryBits(index, caches, f.q);
  if (q) for (let i = 0; i < n; i++) if (!q[i]) bits[i]! |= FAIL_QUERY;
  index.sets.forEach((x, j) => {
    const chosen = selectionMask<string | number>(x.options, f[x.key]);
    if (!chosen) return;
    const bit = failBitOf(j);
    const { start, list } = x;
    for (let i = 0; i < n; i++) {
      let pass = false;
      for (let k = start[i] as number, e = start[i + 1] as number; k < e; k++) {
        if (chosen[list[k] as number]) {
          pass = true;
          break;
        }
      }
      if (!pass) bits[i]! |= bit;
    }
  });
  caches.fail.set(key, bits);
  return bits;
}

/**
 * The practices that pass the filters, in dataset order. Memoised on the last filters (a few, see MEMO_SIZE) by
 * content: equal filters (even as new objects, or with lists in another order) return the same array.
 * The array is shared by every caller: never sort or mutate it (copy first).
 */
export function filterPractices(dataset: Dataset, filters: Filters): Practice[] {
  const { index, caches } = entry(dataset);
  const key = keyOf(caches, filters);
  const hit = caches.filtered.get(key);
  if (hit) return hit;
  const bits = failBits(index, caches, filters, key);
  const out: Practice[] = [];
  const ps = dataset.practices;
  for (let i = 0; i < index.size; i++) if (bits[i] === 0) out.push(ps[i] as Practice);
  caches.filtered.set(key, out);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Facet counts

/** Per facet of the registry: option → count, every option listed (zero counts too), in option order. */
export type FacetCounts = { [K in ListFacet]: Map<FacetValue<K>, number> };

/**
 * Live counts for every option of every facet, each computed with all OTHER facets applied (standard faceted
 * search): the number next to an option is how many practices you would see with that option as the facet's
 * only choice. Mechanisms and measures are one facet (the taxonomy), so their counts ignore both. Every option
 * of the dataset is listed (zero counts included), in dataset/taxonomy order. One pass over the practices.
 */
export function facetCounts(dataset: Dataset, filters: Filters): FacetCounts {
  const { index, caches } = entry(dataset);
  const key = keyOf(caches, filters);
  const hit = caches.facets.get(key);
  if (hit) return hit;
  const bits = failBits(index, caches, filters, key);
  const nm = new Int32Array(index.mechanismKeys.length);
  const ns = new Int32Array(index.measureKeys.length);
  const setCounts = index.sets.map((x) => new Int32Array(x.options.length));
  const { mechanismOf, measureOf, sets } = index;
  for (let i = 0; i < index.size; i++) {
    const fail = bits[i] as number;
    // A practice failing two or more facets counts nowhere; failing one, only for that facet's options.
    if (fail & (fail - 1)) continue;
    if (fail === 0 || fail === FAIL_TAXONOMY) {
      nm[mechanismOf[i] as number]!++;
      ns[measureOf[i] as number]!++;
    }
    // Every set facet when it passes all; else only the one set facet it fails (its bit's position, see failBitOf).
    if (fail !== 0 && fail < failBitOf(0)) continue;
    const last = fail === 0 ? sets.length - 1 : 29 - Math.clz32(fail);
    for (let j = fail === 0 ? 0 : last; j <= last; j++) {
      const { start, list } = sets[j] as SetFacetIndex;
      const c = setCounts[j] as Int32Array;
      for (let k = start[i] as number, e = start[i + 1] as number; k < e; k++) c[list[k] as number]!++;
    }
  }
  const toMap = <K>(keys: readonly K[], counts: Int32Array) => new Map(keys.map((k, i) => [k, counts[i] as number]));
  const result = {
    mechanisms: toMap(index.mechanismKeys, nm),
    measures: toMap(index.measureKeys, ns),
    ...Object.fromEntries(sets.map((x, j) => [x.key, toMap(x.options, setCounts[j] as Int32Array)])),
  } as FacetCounts;
  caches.facets.set(key, result);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Counts per region and markers

function forEachRegion(index: PracticeIndex, p: Practice, fn: (regionIdxOrAdcode: number, isAdcode: boolean) => void) {
  const i = index.position.get(p);
  if (i === undefined) {
    // Not from this dataset (should not happen): fall back to the rule itself.
    for (const r of regionsOf(p)) fn(r, true);
    return;
  }
  for (let j = index.regionStart[i] as number, e = index.regionStart[i + 1] as number; j < e; j++) {
    fn(index.regionList[j] as number, false);
  }
}

/**
 * Practices per region, for every province, city and district adcode with at least one practice among
 * `practices` (usually filterPractices' result). Keys in ascending adcode order. Memoised on the array.
 */
export function countsByRegion(dataset: Dataset, practices: readonly Practice[]): Map<number, number> {
  const { index, caches } = entry(dataset);
  const hit = caches.counts.get(practices);
  if (hit) return hit;
  const counts = new Int32Array(index.regionAdcodes.length);
  const extra = new Map<number, number>();
  for (const p of practices) {
    forEachRegion(index, p, (r, isAdcode) => {
      if (isAdcode) extra.set(r, (extra.get(r) ?? 0) + 1);
      else counts[r]!++;
    });
  }
  const out = new Map<number, number>();
  for (const r of index.regionOrder) {
    const c = counts[r] as number;
    if (c > 0) out.set(index.regionAdcodes[r] as number, c);
  }
  if (extra.size > 0) {
    for (const [a, c] of extra) out.set(a, (out.get(a) ?? 0) + c);
    const sorted = new Map([...out].sort((x, y) => x[0] - y[0]));
    caches.counts.set(practices, sorted);
    return sorted;
  }
  caches.counts.set(practices, out);
  return out;
}

const breaksMemo = new WeakMap<readonly Practice[], { breaks: number[]; max: number }>();

/**
 * The choropleth's class breaks over the provincial units for `practices`, and the largest count. One function for
 * the map, the legend, the SVG map, exports, the briefing and compare. Memoised on the array.
 */
export function provinceBreaks(
  dataset: Dataset,
  provinces: RegionCollection,
  practices: readonly Practice[],
): { breaks: number[]; max: number } {
  const hit = breaksMemo.get(practices);
  if (hit) return hit;
  const counts = countsByRegion(dataset, practices);
  const values = provinces.features.map((f) => counts.get(f.properties.adcode) ?? 0);
  const out = { breaks: classBreaks(values), max: Math.max(0, ...values) };
  breaksMemo.set(practices, out);
  return out;
}

/** countsByRegion restricted to provincial units (adcode % 10000 === 0). Memoised on the array. */
export function provinceCounts(dataset: Dataset, practices: readonly Practice[]): Map<number, number> {
  const { caches } = entry(dataset);
  const hit = caches.provinces.get(practices);
  if (hit) return hit;
  const out = new Map<number, number>();
  for (const [a, c] of countsByRegion(dataset, practices)) if (a % 10000 === 0) out.set(a, c);
  caches.provinces.set(practices, out);
  return out;
}

export interface MarkerPoint {
  adcode: number;
  name: string;
  level: 'city' | 'district';
  /** Practices whose actor is exactly this city or district (not its districts). */
  count: number;
  practiceIds: string[];
}

/**
 * One marker per city or district actor, aggregating the practices that have it as an actor (each once).
 * Province-level practices are not markers (they show on the province itself). Sorted by adcode; memoised on
 * the array. The map joins adcodes with the gazetteer's seats.
 */
export function markerPoints(dataset: Dataset, practices: readonly Practice[]): MarkerPoint[] {
  const { index, caches } = entry(dataset);
  const hit = caches.markers.get(practices);
  if (hit) return hit;
  const groups: (MarkerPoint | undefined)[] = new Array(index.regionAdcodes.length);
  const extra = new Map<number, MarkerPoint>();
  const add = (adcode: number, name: string, level: 'city' | 'district', p: Practice, slot: number | null) => {
    let m = slot === null ? extra.get(adcode) : groups[slot];
    if (!m) {
      m = { adcode, name, level, count: 0, practiceIds: [] };
      if (slot === null) extra.set(adcode, m);
      else groups[slot] = m;
    }
    if (m.practiceIds[m.practiceIds.length - 1] !== p.id) {
      m.practiceIds.push(p.id);
      m.count++;
    }
  };
  for (const p of practices) {
    const i = index.position.get(p);
    if (i === undefined) {
      // Not from this dataset (should not happen): straight from its actors.
      for (const a of p.actors) if (a.level !== 'province') add(a.adcode, a.name, a.level, p, null);
      continue;
    }
    for (let j = index.markerStart[i] as number, e = index.markerStart[i + 1] as number; j < e; j++) {
      const r = index.markerList[j] as number;
      const adcode = index.regionAdcodes[r] as number;
      add(adcode, index.names.get(adcode) ?? String(adcode), index.markerLevel[r] as 'city' | 'district', p, r);
    }
  }
  const out: MarkerPoint[] = [];
  for (const r of index.regionOrder) {
    const m = groups[r];
    if (m) out.push(m);
  }
  if (extra.size > 0) {
    out.push(...extra.values());
    out.sort((x, y) => x.adcode - y.adcode);
  }
  caches.markers.set(practices, out);
  return out;
}

/** The practices (among `practices`, in their order) that count for a region. */
export function practicesOfRegion(dataset: Dataset, practices: readonly Practice[], adcode: number): Practice[] {
  const index = createIndex(dataset);
  const out: Practice[] = [];
  for (const p of practices) {
    let counts = false;
    forEachRegion(index, p, (r, isAdcode) => {
      if ((isAdcode ? r : index.regionAdcodes[r]) === adcode) counts = true;
    });
    if (counts) out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Grouping for the panels

export interface MeasureGroup {
  /** Measure key, e.g. "1-2-3". */
  key: string;
  measure: Measure;
  practices: Practice[];
}

export interface TaxonomyGroup {
  batch: Batch;
  /** Mechanism key, e.g. "1-2". */
  key: string;
  mechanism: Mechanism;
  /** Number of practices in all its measures. */
  count: number;
  measures: MeasureGroup[];
}

/**
 * Practices nested as 批次 → 政策机制 → 主要举措, in taxonomy order (batches as in the dataset, mechanisms and
 * measures by index), practices in their given order. Only groups with practices are listed. A practice whose
 * mechanism or measure is missing from its batch's taxonomy still appears, after the known ones, under a group
 * made from its own fields.
 */
export function groupByTaxonomy(dataset: Dataset, practices: readonly Practice[]): TaxonomyGroup[] {
  const byMeasure = new Map<string, Practice[]>();
  for (const p of practices) {
    const k = measureKey(p);
    const list = byMeasure.get(k);
    if (list) list.push(p);
    else byMeasure.set(k, [p]);
  }
  const out: TaxonomyGroup[] = [];
  const used = new Set<string>();
  const batches = new Map<number, Batch>();
  for (const b of dataset.batches) {
    batches.set(b.id, b);
    for (const mech of [...b.taxonomy].sort((x, y) => x.index - y.index)) {
      const measures: MeasureGroup[] = [];
      for (const measure of [...mech.measures].sort((x, y) => x.index - y.index)) {
        const key = `${b.id}-${mech.index}-${measure.index}`;
        const ps = byMeasure.get(key);
        if (!ps || used.has(key)) continue;
        used.add(key);
        measures.push({ key, measure, practices: ps });
      }
      if (measures.length > 0) out.push(taxonomyGroup(b, `${b.id}-${mech.index}`, mech, measures));
    }
  }
  // Anything the taxonomy does not list, grouped by the practice's own mechanism and measure fields.
  const leftovers = [...byMeasure.keys()].filter((k) => !used.has(k)).sort(compareKeys);
  let current: TaxonomyGroup | null = null;
  for (const key of leftovers) {
    const ps = byMeasure.get(key) as Practice[];
    const p = ps[0] as Practice;
    const mechKey = mechanismKey(p);
    if (!current || current.key !== mechKey) {
      const batch = batches.get(p.batch) ?? {
        id: p.batch,
        title: '',
        issuer: '',
        date: '',
        file: p.source.file,
        taxonomy: [],
      };
      current = taxonomyGroup(batch, mechKey, { ...p.mechanism, measures: [] }, []);
      out.push(current);
    }
    current.measures.push({ key, measure: { ...p.measure }, practices: ps });
    current.count += ps.length;
  }
  return out;
}

function taxonomyGroup(batch: Batch, key: string, mechanism: Mechanism, measures: MeasureGroup[]): TaxonomyGroup {
  return { batch, key, mechanism, count: measures.reduce((s, m) => s + m.practices.length, 0), measures };
}

export interface CityGroup {
  /** The city (or, in a municipality or for a province-administered county, the district); null = the province itself. */
  adcode: number | null;
  name: string;
  practices: Practice[];
}

/**
 * The practices of a province, grouped by the city they count for: the province's own practices first
 * (adcode null), then cities by number of practices (descending), then adcode. A district's practice goes to its
 * prefecture city; in a municipality (or for a county-level unit directly under the province, with no `city`)
 * the district is its own group. A practice with actors in two cities appears in both. Names come from
 * `nameOf` when given (the gazetteer), else from the dataset, else the adcode.
 */
export function groupByCity(
  dataset: Dataset,
  practices: readonly Practice[],
  provinceAdcode: number,
  nameOf?: (adcode: number) => string | undefined,
): CityGroup[] {
  const names = createIndex(dataset).names;
  const groups = new Map<number | null, CityGroup>();
  for (const p of practices) {
    const keys = new Set<number | null>();
    for (const a of p.actors) {
      if (a.province !== provinceAdcode) continue;
      keys.add(a.level === 'province' ? null : a.level === 'city' ? a.adcode : (a.city ?? a.adcode));
    }
    for (const k of keys) {
      let g = groups.get(k);
      if (!g) {
        const name =
          k === null
            ? (nameOf?.(provinceAdcode) ?? names.get(provinceAdcode) ?? String(provinceAdcode))
            : (nameOf?.(k) ?? names.get(k) ?? String(k));
        g = { adcode: k, name, practices: [] };
        groups.set(k, g);
      }
      g.practices.push(p);
    }
  }
  return [...groups.values()].sort((x, y) => {
    if (x.adcode === null) return -1;
    if (y.adcode === null) return 1;
    return y.practices.length - x.practices.length || x.adcode - y.adcode;
  });
}

/** Themes of the dataset by key (for labels). */
export function themeByKey(dataset: Dataset, key: string): Theme | undefined {
  return dataset.themes.find((t) => t.key === key);
}

/**
 * The options the dataset offers, for decodeState's `known` (so stale links report unknown batches, keys,
 * themes or practice ids). Regions are left out: selecting a region without practices is legitimate; pass the
 * gazetteer's adcodes as `regions` if they should be checked.
 */
export function knownOptionsOf(dataset: Dataset): { [K in ListFacet]: Set<FacetValue<K>> } & { practices: Set<string> } {
  const index = createIndex(dataset);
  return {
    mechanisms: new Set(index.mechanismKeys),
    measures: new Set(index.measureKeys),
    ...Object.fromEntries(index.sets.map((x) => [x.key, new Set(x.options)])),
    practices: new Set(index.byId.keys()),
  } as { [K in ListFacet]: Set<FacetValue<K>> } & { practices: Set<string> };
}
