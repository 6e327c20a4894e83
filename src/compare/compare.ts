// Pure logic of the compare mode and the overview (issue 5): the coverage matrix, the measure-aligned columns,
// the province ranking, the provinces with no practice, and the distributions by facet. No React, no store.
//
// Counting follows docs DATA-MODEL through the store's selectors (practicesOfRegion, provinceCounts): a practice
// counts for a province when one of its actors is in it; a practice with actors in two compared provinces is in
// both columns. Mentions never count.
import type { Dataset, GazetteerEntry, Level, Practice } from '../types';
import { LEVELS, measureKey, mechanismKeyOf, measureKeyOf, mechanismKey } from '../store/filters';
import { createIndex, provinceCounts, regionsOf, type PracticeIndex } from '../store/selectors';
import { PROVINCE_NAMES } from '../store/regions';

// ---------------------------------------------------------------------------------------------------------------
// Provinces

/** A provincial unit as the compare views name it. */
export interface ProvinceRef {
  adcode: number;
  /** Full name: 江苏省, 宁夏回族自治区. */
  name: string;
  /** Short name: 江苏, 宁夏. */
  short: string;
}

// Longest first, so that 广西壮族自治区 loses 壮族自治区 and not only 自治区.
const PROVINCE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

/** 宁夏回族自治区 → 宁夏, 江苏省 → 江苏, 香港特别行政区 → 香港. */
export function shortProvinceName(name: string): string {
  for (const s of PROVINCE_SUFFIXES) if (name.endsWith(s) && name.length > s.length) return name.slice(0, -s.length);
  return name;
}

/**
 * The 34 provincial units (including 台湾, 香港, 澳门), in adcode order. Names come from the gazetteer when it
 * has the province, else from the store's fixed table, so a gazetteer that lacks one never drops it.
 */
export function provinceList(gazetteer?: Iterable<GazetteerEntry> | ReadonlyMap<number, GazetteerEntry>): ProvinceRef[] {
  const byAdcode = new Map<number, GazetteerEntry>();
  if (gazetteer) {
    const entries = gazetteer instanceof Map ? gazetteer.values() : (gazetteer as Iterable<GazetteerEntry>);
    for (const g of entries) if (g.level === 'province') byAdcode.set(g.adcode, g);
  }
  const out: ProvinceRef[] = [];
  for (const [adcode, fixed] of PROVINCE_NAMES) {
    const g = byAdcode.get(adcode);
    const name = g?.name || fixed;
    out.push({ adcode, name, short: g?.short || shortProvinceName(name) });
  }
  return out.sort((a, b) => a.adcode - b.adcode);
}

// ---------------------------------------------------------------------------------------------------------------
// Coverage matrix

export interface MatrixCell {
  province: number;
  count: number;
  /** The practices behind the count, in the order of `practices` (dataset order). */
  practiceIds: string[];
}

export interface MatrixRow {
  kind: 'mechanism' | 'measure';
  /** Mechanism key "1-2" or measure key "1-2-3" (the filter keys). */
  key: string;
  batch: number;
  /** For a measure row: its mechanism's key. */
  mechanismKey: string;
  /** As written: 一 or （一）. */
  code: string;
  title: string;
  cells: MatrixCell[];
  /** Practices of the row in any compared province, each once. */
  total: number;
}

export interface CoverageMatrix {
  provinces: number[];
  /** Mechanism rows, each followed by its measure rows, in taxonomy order. */
  rows: MatrixRow[];
  /** Per compared province, its practices (the column total), in the order of `provinces`. */
  totals: number[];
  /** Largest count among measure cells (for the colour scale); 0 when empty. */
  maxMeasure: number;
  /** Largest count among mechanism cells. */
  maxMechanism: number;
}

export interface MatrixOptions {
  /** Batches whose taxonomy gives the rows (default: every batch of the dataset). */
  batches?: readonly number[];
}

interface RowSpec {
  kind: 'mechanism' | 'measure';
  key: string;
  batch: number;
  mechanismKey: string;
  code: string;
  title: string;
}

/** A practice's taxonomy keys, read from the dataset index (no string building per practice). */
function keysOf(index: PracticeIndex, p: Practice, i: number | undefined): { mech: string; meas: string } {
  if (i === undefined) return { mech: mechanismKey(p), meas: measureKey(p) };
  return { mech: index.mechanismKeys[index.mechanismOf[i]!]!, meas: index.measureKeys[index.measureOf[i]!]! };
}

/**
 * The regions a practice counts for (DATA-MODEL), from the index the store's counting selectors use
 * (countsByRegion, practicesOfRegion), or from the rule itself for a practice not in the dataset.
 */
function forEachRegionOf(index: PracticeIndex, p: Practice, i: number | undefined, fn: (adcode: number) => void): void {
  if (i === undefined) {
    for (const r of regionsOf(p)) fn(r);
    return;
  }
  for (let j = index.regionStart[i]!, e = index.regionStart[i + 1]!; j < e; j++) fn(index.regionAdcodes[index.regionList[j]!]!);
}

/** One practice per measure key found among `practices` (for rows the taxonomy does not list). */
function measureSamples(index: PracticeIndex, practices: readonly Practice[]): Map<string, Practice> {
  const out = new Map<string, Practice>();
  for (const p of practices) {
    const { meas } = keysOf(index, p, index.position.get(p));
    if (!out.has(meas)) out.set(meas, p);
  }
  return out;
}

/** The row skeleton: each batch's mechanisms and measures, then any found only in the practices. */
function rowSpecs(dataset: Dataset, samples: ReadonlyMap<string, Practice>, batches?: readonly number[]): RowSpec[] {
  const wanted = batches && batches.length > 0 ? new Set(batches) : null;
  const out: RowSpec[] = [];
  const seen = new Set<string>();
  for (const b of dataset.batches) {
    if (wanted && !wanted.has(b.id)) continue;
    for (const m of [...b.taxonomy].sort((x, y) => x.index - y.index)) {
      const mk = mechanismKeyOf(b.id, m.index);
      if (seen.has(mk)) continue;
      seen.add(mk);
      out.push({ kind: 'mechanism', key: mk, batch: b.id, mechanismKey: mk, code: m.code, title: m.title });
      for (const s of [...m.measures].sort((x, y) => x.index - y.index)) {
        const sk = measureKeyOf(b.id, m.index, s.index);
        if (seen.has(sk)) continue;
        seen.add(sk);
        out.push({ kind: 'measure', key: sk, batch: b.id, mechanismKey: mk, code: s.code, title: s.title });
      }
    }
  }
  // A practice whose mechanism or measure its batch's taxonomy does not list still gets a row (after its
  // mechanism's known measures, or at the end), so no counted practice is invisible in the matrix.
  for (const [sk, p] of samples) {
    if (wanted && !wanted.has(p.batch)) continue;
    if (seen.has(sk)) continue;
    const mk = mechanismKey(p);
    if (!seen.has(mk)) {
      seen.add(mk);
      out.push({ kind: 'mechanism', key: mk, batch: p.batch, mechanismKey: mk, code: p.mechanism.code, title: p.mechanism.title });
    }
    seen.add(sk);
    let at = out.length;
    for (let i = out.length - 1; i >= 0; i--) {
      if (out[i]!.mechanismKey === mk) {
        at = i + 1;
        break;
      }
    }
    out.splice(at, 0, { kind: 'measure', key: sk, batch: p.batch, mechanismKey: mk, code: p.measure.code, title: p.measure.title });
  }
  return out;
}

/**
 * Rows = the taxonomy's mechanisms and measures, columns = the compared provinces, cells = the practices (among
 * `practices`, usually the filtered ones) that count for the province under that row. Every row of the taxonomy
 * is listed, zeros included: the gaps are the point.
 */
export function coverageMatrix(
  dataset: Dataset,
  practices: readonly Practice[],
  provinces: readonly number[],
  opts: MatrixOptions = {},
): CoverageMatrix {
  const index = createIndex(dataset);
  const specs = rowSpecs(dataset, measureSamples(index, practices), opts.batches);
  // One pass: per compared province, the ids under each mechanism and measure key.
  const column = new Map(provinces.map((a, c) => [a, c]));
  const perProvince = provinces.map((adcode) => ({ adcode, byKey: new Map<string, string[]>(), total: 0 }));
  const add = (byKey: Map<string, string[]>, k: string, id: string) => {
    const list = byKey.get(k);
    if (list) list.push(id);
    else byKey.set(k, [id]);
  };
  const hit: number[] = [];
  for (const p of practices) {
    const i = index.position.get(p);
    hit.length = 0;
    forEachRegionOf(index, p, i, (r) => {
      const c = column.get(r);
      if (c !== undefined) hit.push(c);
    });
    if (hit.length === 0) continue;
    const keys = keysOf(index, p, i);
    for (const c of hit) {
      const col = perProvince[c]!;
      add(col.byKey, keys.mech, p.id);
      add(col.byKey, keys.meas, p.id);
      col.total++;
    }
  }
  let maxMeasure = 0;
  let maxMechanism = 0;
  const rows: MatrixRow[] = specs.map((s) => {
    const ids = new Set<string>();
    const cells = perProvince.map(({ adcode, byKey }) => {
      const practiceIds = byKey.get(s.key) ?? [];
      for (const id of practiceIds) ids.add(id);
      if (s.kind === 'measure') maxMeasure = Math.max(maxMeasure, practiceIds.length);
      else maxMechanism = Math.max(maxMechanism, practiceIds.length);
      return { province: adcode, count: practiceIds.length, practiceIds: [...practiceIds] };
    });
    return { ...s, cells, total: ids.size };
  });
  return { provinces: [...provinces], rows, totals: perProvince.map((p) => p.total), maxMeasure, maxMechanism };
}

/** The cell of a row and province, if both are in the matrix. */
export function matrixCell(matrix: CoverageMatrix, rowKey: string, province: number): MatrixCell | undefined {
  return matrix.rows.find((r) => r.key === rowKey)?.cells.find((c) => c.province === province);
}

// ---------------------------------------------------------------------------------------------------------------
// Columns aligned by measure

export interface AlignedColumn {
  province: number;
  practices: Practice[];
  /** This province is the only compared one with practices under the measure (and there are ≥ 2 compared). */
  only: boolean;
}

export interface AlignedMeasure {
  /** Measure key "1-2-3". */
  key: string;
  batch: number;
  mechanism: { key: string; code: string; title: string };
  measure: { code: string; title: string };
  /** One per compared province, in their order. */
  columns: AlignedColumn[];
  /** The province that alone has practices here, or null. */
  onlyProvince: number | null;
}

/**
 * Per measure (taxonomy order), the practices of each compared province side by side. Measures where none of the
 * compared provinces has a practice are left out. `only` marks a measure covered by exactly one of two or more
 * compared provinces: what that province does and the others (so far) do not.
 */
export function alignedColumns(
  dataset: Dataset,
  practices: readonly Practice[],
  provinces: readonly number[],
  opts: MatrixOptions = {},
): AlignedMeasure[] {
  return alignMatrix(coverageMatrix(dataset, practices, provinces, opts), practices);
}

/** alignedColumns from a matrix already computed over `practices` (the panel shows both; count once). */
export function alignMatrix(matrix: CoverageMatrix, practices: readonly Practice[]): AlignedMeasure[] {
  const provinces = matrix.provinces;
  const byId = new Map<string, Practice>();
  for (const p of practices) byId.set(p.id, p);
  const mechanisms = new Map<string, MatrixRow>();
  const out: AlignedMeasure[] = [];
  for (const row of matrix.rows) {
    if (row.kind === 'mechanism') {
      mechanisms.set(row.key, row);
      continue;
    }
    if (row.total === 0) continue;
    const covered = row.cells.filter((c) => c.count > 0);
    const onlyProvince = provinces.length >= 2 && covered.length === 1 ? covered[0]!.province : null;
    const mech = mechanisms.get(row.mechanismKey);
    out.push({
      key: row.key,
      batch: row.batch,
      mechanism: { key: row.mechanismKey, code: mech?.code ?? '', title: mech?.title ?? '' },
      measure: { code: row.code, title: row.title },
      columns: row.cells.map((c) => ({
        province: c.province,
        practices: c.practiceIds.map((id) => byId.get(id)).filter((p): p is Practice => p !== undefined),
        only: c.province === onlyProvince,
      })),
      onlyProvince,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Ranking and gaps

export interface RankedProvince extends ProvinceRef {
  count: number;
  /** Competition rank (1, 2, 2, 4): equal counts share a rank. */
  rank: number;
}

/**
 * Provinces by number of practices (descending; ties by adcode). Those with none are left out unless
 * `includeZero` (missingProvinces lists them).
 */
export function provinceRanking(
  dataset: Dataset,
  practices: readonly Practice[],
  provinces: readonly ProvinceRef[],
  opts: { includeZero?: boolean } = {},
): RankedProvince[] {
  const counts = provinceCounts(dataset, practices);
  const rows = provinces
    .map((p) => ({ ...p, count: counts.get(p.adcode) ?? 0, rank: 0 }))
    .filter((p) => opts.includeZero || p.count > 0)
    .sort((a, b) => b.count - a.count || a.adcode - b.adcode);
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    r.rank = prev && prev.count === r.count ? prev.rank : i + 1;
  });
  return rows;
}

/** The provincial units (of `provinces`, in their order) with no practice among `practices`. */
export function missingProvinces(
  dataset: Dataset,
  practices: readonly Practice[],
  provinces: readonly ProvinceRef[],
): ProvinceRef[] {
  const counts = provinceCounts(dataset, practices);
  return provinces.filter((p) => (counts.get(p.adcode) ?? 0) === 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Distributions for the overview

export interface Bar {
  key: string;
  /** Code as written (一, （一）) for taxonomy bars; '' otherwise. */
  code: string;
  /** zh label (taxonomy titles are data and stay Chinese); themes carry `en` too. */
  label: string;
  en?: string;
  /** For a measure: its mechanism key. */
  parent?: string;
  count: number;
}

export interface Distributions {
  mechanisms: Bar[];
  measures: Bar[];
  themes: Bar[];
  levels: Bar[];
}

/**
 * How `practices` (usually the filtered ones) spread over mechanisms, measures, themes and actor levels. Every
 * option of the dataset is listed (zeros included) in taxonomy / dataset order. A practice counts once per theme
 * it has and once per level among its actors (so the level bars can add up to more than the practices).
 */
export function distributions(dataset: Dataset, practices: readonly Practice[], opts: MatrixOptions = {}): Distributions {
  const index = createIndex(dataset);
  const specs = rowSpecs(dataset, measureSamples(index, practices), opts.batches);
  const byKey = new Map<string, number>();
  const themes = new Map<string, number>();
  const levels = new Map<Level, number>();
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  const levelBit: Record<Level, number> = { province: 1, city: 2, district: 4 };
  // Counted through the dataset index (interned keys, deduplicated themes, level bit sets): 100,000 practices in
  // tens of milliseconds rather than building strings and sets per practice.
  const themeCount = new Int32Array(index.themeKeys.length);
  const levelCount = new Int32Array(8);
  for (const p of practices) {
    const i = index.position.get(p);
    const { mech, meas } = keysOf(index, p, i);
    bump(byKey, mech);
    bump(byKey, meas);
    if (i === undefined) {
      for (const t of new Set(p.themes)) bump(themes, t);
      for (const l of new Set(p.actors.map((a) => a.level))) bump(levels, l);
      continue;
    }
    for (let j = index.themeStart[i]!, e = index.themeStart[i + 1]!; j < e; j++) themeCount[index.themeList[j]!]!++;
    levelCount[index.levelMask[i]!]!++;
  }
  index.themeKeys.forEach((k, t) => {
    if (themeCount[t]! > 0) themes.set(k, (themes.get(k) ?? 0) + themeCount[t]!);
  });
  for (const l of LEVELS) {
    let c = 0;
    for (let m = 0; m < 8; m++) if (m & levelBit[l]) c += levelCount[m]!;
    if (c > 0) levels.set(l, (levels.get(l) ?? 0) + c);
  }
  const multiBatch = new Set(specs.map((s) => s.batch)).size > 1;
  const tax = (kind: RowSpec['kind']): Bar[] =>
    specs
      .filter((s) => s.kind === kind)
      .map((s) => ({
        key: s.key,
        code: multiBatch && kind === 'mechanism' ? `[${s.batch}] ${s.code}` : s.code,
        label: s.title,
        ...(kind === 'measure' ? { parent: s.mechanismKey } : {}),
        count: byKey.get(s.key) ?? 0,
      }));
  const themeBars: Bar[] = dataset.themes.map((t) => ({ key: t.key, code: '', label: t.zh, en: t.en, count: themes.get(t.key) ?? 0 }));
  // Themes used by practices but missing from the dictionary still show, under their key.
  for (const [k, c] of themes) if (!dataset.themes.some((t) => t.key === k)) themeBars.push({ key: k, code: '', label: k, count: c });
  return {
    mechanisms: tax('mechanism'),
    measures: tax('measure'),
    themes: themeBars,
    levels: LEVELS.map((l) => ({ key: l, code: '', label: l, count: levels.get(l) ?? 0 })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Picker

/**
 * Provinces whose name or short name contains the query, or whose adcode starts with it (trimmed, case-insensitive); all when empty.
 * Those whose name starts with the query come first (江 → 江苏, 江西, then 黑龙江, 浙江), otherwise in the given order.
 */
export function searchProvinces<T extends ProvinceRef>(provinces: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...provinces];
  const hits = provinces.filter(
    (p) => p.name.toLowerCase().includes(q) || p.short.toLowerCase().includes(q) || String(p.adcode).startsWith(q),
  );
  const starts = (p: T) => p.name.toLowerCase().startsWith(q) || String(p.adcode).startsWith(q);
  return [...hits.filter(starts), ...hits.filter((p) => !starts(p))];
}
