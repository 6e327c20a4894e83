// The filter state and its matching rules. Everything here is pure; the fast, indexed evaluation over a whole
// dataset lives in selectors.ts and must agree with `practiceMatches` below (selectors.test.ts checks that).
import type { Dataset, Level, Practice } from '../types';
import type { Lang } from '../i18n';
import type { StringKey } from '../i18n/strings';
import { levelFilterLabel } from '../format/levels';
import { practiceProgrammes } from './programmes';

/**
 * One list facet of the filters: everything the store, the URL codec, the selectors, the filter panel and the
 * summaries need to know about it. Adding a facet is one entry in FACETS plus its label in i18n/strings.ts:
 * defaults, normal form, equality, memo keys, toggles, URL encode/decode, the indexed counting in selectors.ts,
 * the panel's checkboxes and the summary line all iterate this table (README, "Adding a filter facet").
 */
export interface FacetDef<K extends string, T extends string | number> {
  /** The field of Filters. */
  key: K;
  /** The URL parameter. Never rename one: links in reports depend on it. */
  param: string;
  /** Label of the facet (i18n key). */
  label: StringKey;
  /** Normal order of the options (the URL and the store keep lists sorted by it). */
  order: (a: T, b: T) => number;
  /** One URL item → option, or why it is not one. */
  parse: (item: string) => { ok: true; value: T } | { ok: false; reason: string };
  /**
   * The options a practice has for this facet (the reference predicate: selectors.ts indexes the same). The dataset
   * is there for facets computed from other data than the practice (programmes: from its actors and the lists).
   */
  values: (p: Practice, d: Dataset | undefined) => readonly T[];
  /** The options offered (with zero counts too), in display order. Values found only in practices come after. */
  options: (d: Dataset) => readonly T[];
  /** One option in words, for the filter panel and the summary line that travels with exports. */
  optionLabel: (value: T, d: Dataset, lang: Lang) => string;
  /**
   * How the filter panel shows it: a column of checkboxes, a two-column grid, or 'taxonomy' (mechanisms and
   * measures, drawn together as one tree by the panel itself).
   */
  panel: 'list' | 'grid' | 'taxonomy';
  /** The option labels are data in Chinese (batch titles): marked lang="zh-CN" in every interface language. */
  dataLang?: 'zh-CN';
  /** A line under the facet's title that says how its options were made (i18n key). */
  note?: StringKey;
}

const facet = <K extends string, T extends string | number>(d: FacetDef<K, T>) => d;
const byNumber = (a: number, b: number) => a - b;
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const positiveInt = (s: string) =>
  /^\d+$/.test(s) && Number(s) > 0 ? { ok: true as const, value: Number(s) } : { ok: false as const, reason: 'not a positive integer' };
const keyOf = (re: RegExp, what: string) => (s: string) =>
  re.test(s) ? { ok: true as const, value: s } : { ok: false as const, reason: `not a ${what} key` };

/** Levels in their canonical (display and URL) order. */
export const LEVELS: readonly Level[] = Object.freeze(['province', 'city', 'district'] as const);

export function isLevel(x: string): x is Level {
  return x === 'province' || x === 'city' || x === 'district';
}

export const MECHANISM_KEY_RE = /^[1-9]\d*-[1-9]\d*$/;
export const MEASURE_KEY_RE = /^[1-9]\d*-[1-9]\d*-[1-9]\d*$/;

/**
 * The list facets, in URL order. Within a facet the options are ORed, across facets ANDed; an empty facet is no
 * constraint. `mechanisms` and `measures` form ONE facet in matching, the taxonomy (see `matchesTaxonomy`).
 */
export const FACETS = [
  facet({
    key: 'batches',
    param: 'b',
    label: 'batch',
    order: byNumber,
    parse: positiveInt,
    values: (p) => [p.batch],
    options: (d) => d.batches.map((b) => b.id),
    optionLabel: (id, d) => d.batches.find((b) => b.id === id)?.title ?? `#${id}`,
    panel: 'list',
    dataLang: 'zh-CN',
  }),
  facet({
    key: 'mechanisms',
    param: 'm',
    label: 'mechanism',
    order: compareKeys,
    parse: keyOf(MECHANISM_KEY_RE, 'mechanism ("1-3")'),
    values: (p) => [mechanismKey(p)],
    options: (d) => d.batches.flatMap((b) => b.taxonomy.map((m) => mechanismKeyOf(b.id, m.index))),
    optionLabel: (k, d) => taxonomyWords(k, d),
    panel: 'taxonomy',
  }),
  facet({
    key: 'measures',
    param: 'ms',
    label: 'measure',
    order: compareKeys,
    parse: keyOf(MEASURE_KEY_RE, 'measure ("1-2-3")'),
    values: (p) => [measureKey(p)],
    options: (d) => d.batches.flatMap((b) => b.taxonomy.flatMap((m) => m.measures.map((s) => measureKeyOf(b.id, m.index, s.index)))),
    optionLabel: (k, d) => taxonomyWords(k, d),
    panel: 'taxonomy',
  }),
  facet({
    key: 'themes',
    param: 't',
    label: 'theme',
    order: compareStrings,
    parse: (s) => ({ ok: true, value: s }),
    values: (p) => p.themes,
    options: (d) => d.themes.map((t) => t.key),
    optionLabel: (k, d, lang) => {
      const th = d.themes.find((x) => x.key === k);
      return th ? (lang === 'en' ? th.en : th.zh) : k;
    },
    panel: 'grid',
    note: 'themesHow',
  }),
  facet({
    key: 'levels',
    param: 'lv',
    label: 'level',
    order: (a: Level, b: Level) => LEVELS.indexOf(a) - LEVELS.indexOf(b),
    parse: (s) => (isLevel(s) ? { ok: true, value: s } : { ok: false, reason: `not one of ${LEVELS.join(', ')}` }),
    values: (p) => p.actors.map((a) => a.level),
    options: () => LEVELS,
    optionLabel: (l, _d, lang) => levelFilterLabel(l, lang),
    panel: 'list',
  }),
  facet({
    // Issue 27: a practice is in a programme when one of its actors is a unit of it or lies inside one
    // (src/store/programmes.ts). Computed, never stored, so imported batches follow the same rule.
    key: 'programmes',
    param: 'prog',
    label: 'programme',
    order: compareStrings,
    parse: keyOf(/^[a-z][a-z0-9-]*$/, 'programme ("pilot-2021")'),
    values: (p, d) => practiceProgrammes(p, d?.programmes),
    options: (d) => (d.programmes ?? []).map((x) => x.id),
    optionLabel: (id, d, lang) => {
      const x = d.programmes?.find((y) => y.id === id);
      return x ? (lang === 'en' ? x.titleEn : x.title) : id;
    },
    panel: 'list',
    note: 'programmesHow',
  }),
] as const;

/** A mechanism ("1-2") or measure ("1-2-3") key as the table writes it: 二、… or 二（三）…; the key if unknown. */
export function taxonomyWords(key: string, d: Dataset): string {
  const [b, m, s] = key.split('-').map(Number);
  const mech = d.batches.find((x) => x.id === b)?.taxonomy.find((x) => x.index === m);
  if (!mech) return key;
  if (s === undefined) return `${mech.code}、${mech.title}`;
  const meas = mech.measures.find((x) => x.index === s);
  return meas ? `${mech.code}${meas.code}${meas.title}` : key;
}

type AnyFacet = (typeof FACETS)[number];
/** The facets that take a list of options (everything but `q`). */
export type ListFacet = AnyFacet['key'];
export type FacetValue<K extends ListFacet> = Extract<AnyFacet, { key: K }> extends FacetDef<K, infer T> ? T : never;

/** The filter state: one sorted list per facet, and `q`, free text (see `queryTerms`). */
export type Filters = { [K in ListFacet]: FacetValue<K>[] } & { q: string };

/** The registry entry of a facet, typed for its values. */
export function facetOf<K extends ListFacet>(key: K): FacetDef<K, FacetValue<K>> {
  return FACETS.find((f) => f.key === key) as unknown as FacetDef<K, FacetValue<K>>;
}

/** No filter at all. Frozen, including its arrays, because it is shared as a default everywhere. */
export const EMPTY_FILTERS: Filters = Object.freeze({
  ...(Object.fromEntries(FACETS.map((f) => [f.key, Object.freeze([])])) as unknown as { [K in ListFacet]: FacetValue<K>[] }),
  q: '',
});

/** True when the filters constrain nothing (a q of only whitespace constrains nothing). */
export function isEmptyFilters(f: Filters): boolean {
  return FACETS.every((d) => f[d.key].length === 0) && f.q.trim() === '';
}

// ---------------------------------------------------------------------------------------------------------------
// Taxonomy keys

export function mechanismKeyOf(batch: number, mechIndex: number): string {
  return `${batch}-${mechIndex}`;
}

export function measureKeyOf(batch: number, mechIndex: number, measureIndex: number): string {
  return `${batch}-${mechIndex}-${measureIndex}`;
}

/** `"<batch>-<mechIndex>"` of a practice, e.g. "1-3". */
export function mechanismKey(p: Practice): string {
  return mechanismKeyOf(p.batch, p.mechanism.index);
}

/** `"<batch>-<mechIndex>-<measureIndex>"` of a practice, e.g. "1-2-3". */
export function measureKey(p: Practice): string {
  return measureKeyOf(p.batch, p.mechanism.index, p.measure.index);
}

/** The mechanism key a measure key belongs to: "1-2-3" → "1-2". */
export function mechanismOfMeasureKey(key: string): string {
  const i = key.lastIndexOf('-');
  return i < 0 ? key : key.slice(0, i);
}

/** Orders taxonomy keys numerically part by part ("1-10" after "1-9"); a shorter key first on a tie. */
export function compareKeys(a: string, b: string): number {
  const pa = a.split('-');
  const pb = b.split('-');
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0 && !Number.isNaN(d)) return d;
    if (Number.isNaN(d) && pa[i] !== pb[i]) return (pa[i] as string) < (pb[i] as string) ? -1 : 1;
  }
  return pa.length - pb.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Normal form

function uniqSorted<T>(xs: readonly T[], cmp: (a: T, b: T) => number): T[] {
  const out = [...new Set(xs)];
  out.sort(cmp);
  return out;
}

/**
 * The normal form the store keeps: every list deduplicated and sorted (batches numerically, taxonomy keys part by
 * part, themes by code unit, levels province → city → district). So the same choice always gives the same URL.
 * `q` is kept as typed (trimming it would fight the cursor in the search box).
 */
export function normalizeFilters(f: Filters): Filters {
  const out = { q: f.q } as Filters;
  for (const d of FACETS) (out as Record<string, unknown>)[d.key] = uniqSorted<never>(f[d.key] as never[], d.order as never);
  return out;
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size !== sb.size) return false;
  for (const x of sa) if (!sb.has(x)) return false;
  return true;
}

/** Equal as choices: list facets compared as sets, q exactly. */
export function filtersEqual(a: Filters, b: Filters): boolean {
  return a === b || (FACETS.every((d) => sameSet<string | number>(a[d.key], b[d.key])) && a.q === b.q);
}

/** Adds the option if absent, removes it if present; returns a new array in normal order. */
export function toggleIn<T>(xs: readonly T[], x: T, cmp: (a: T, b: T) => number): T[] {
  return xs.includes(x) ? xs.filter((y) => y !== x) : uniqSorted([...xs, x], cmp);
}

/**
 * A string that is equal for two filters exactly when they select the same practices (list facets as sets,
 * q as its normalised terms). Used by the selectors' memo.
 */
export function filtersKey(f: Filters): string {
  const n = normalizeFilters(f);
  return JSON.stringify([...FACETS.map((d) => n[d.key]), queryTerms(f.q)]);
}

// ---------------------------------------------------------------------------------------------------------------
// Matching rules

/**
 * The search terms of a query: trimmed, lower-cased (for Latin letters), split on any whitespace (including the
 * ideographic space U+3000). All terms must occur (AND); each is a plain substring, no syntax.
 */
export function queryTerms(q: string): string[] {
  const t = q.trim().toLowerCase();
  return t === '' ? [] : t.split(/\s+/u);
}

/**
 * The taxonomy facet (mechanisms and measures together). A practice matches when
 *   (no mechanism and no measure is selected)
 *   OR its measure key is selected
 *   OR (its mechanism key is selected AND no measure of that mechanism is selected).
 * So a measure narrows its own mechanism (mechanism 1-1 + measure 1-1-2 → only 1-1-2), while a measure under an
 * unselected mechanism simply adds its practices (mechanism 1-1 + measure 1-2-3 → all of 1-1 plus 1-2-3).
 */
export function matchesTaxonomy(
  mechKey: string,
  measKey: string,
  mechanisms: ReadonlySet<string>,
  measures: ReadonlySet<string>,
  mechanismsWithSelectedMeasure: ReadonlySet<string> = mechanismsOf(measures),
): boolean {
  if (mechanisms.size === 0 && measures.size === 0) return true;
  if (measures.has(measKey)) return true;
  return mechanisms.has(mechKey) && !mechanismsWithSelectedMeasure.has(mechKey);
}

/** The mechanism keys that have at least one selected measure. */
export function mechanismsOf(measures: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const m of measures) out.add(mechanismOfMeasureKey(m));
  return out;
}

/**
 * The text the query searches, built once per practice: text (with the headline when the text does not start
 * with it), each actor's name plus the names of the province and city it lies in (so 江苏 finds a 南京市
 * practice even when the text says only 南京), mention names, sites and documents. Fields are joined by a newline
 * so that a term (which never contains whitespace) cannot match across two fields. Lower-cased.
 */
export function searchTextOf(p: Practice, nameOf: (adcode: number) => string | undefined = () => undefined): string {
  const parts: string[] = [];
  if (!p.text.startsWith(p.headline)) parts.push(p.headline);
  parts.push(p.text);
  for (const a of p.actors) {
    parts.push(a.name);
    if (a.province !== a.adcode) {
      const pn = nameOf(a.province);
      if (pn) parts.push(pn);
    }
    if (a.city !== undefined && a.city !== a.adcode) {
      const cn = nameOf(a.city);
      if (cn) parts.push(cn);
    }
  }
  for (const m of p.mentions) parts.push(m.name);
  for (const s of p.sites) parts.push(s);
  for (const d of p.documents) parts.push(d);
  return parts.join('\n').toLowerCase();
}

/**
 * The reference predicate: does one practice pass the filters? Slow (builds sets and the search text per call);
 * the selectors use an index instead and are tested to agree with this.
 */
export function practiceMatches(
  p: Practice,
  f: Filters,
  nameOf?: (adcode: number) => string | undefined,
  /** For facets computed with other data (programmes); without it a practice is in no programme. */
  dataset?: Dataset,
): boolean {
  if (!matchesTaxonomy(mechanismKey(p), measureKey(p), new Set(f.mechanisms), new Set(f.measures))) return false;
  for (const d of FACETS) {
    if (d.key === 'mechanisms' || d.key === 'measures') continue; // one facet, the taxonomy, just above
    const selected: readonly (string | number)[] = f[d.key];
    if (selected.length > 0 && !(d.values as (p: Practice, ds: Dataset | undefined) => readonly (string | number)[])(p, dataset).some((v) => selected.includes(v))) return false;
  }
  const terms = queryTerms(f.q);
  if (terms.length > 0) {
    const s = searchTextOf(p, nameOf);
    if (!terms.every((t) => s.includes(t))) return false;
  }
  return true;
}
