// The pure URL codec (OWID Grapher style, ARCHITECTURE example 7). State → params writes only what differs from
// the defaults, so the plain app has a clean URL; params → state parses each key as valid / invalid / missing and
// reports the invalid ones instead of throwing. History glue (when to pushState) lives with the app; this module
// only says which changes deserve an entry (`historyAction`).
//
// Keys (short, readable, stable — never rename one, links in reports depend on them):
//   b      batches            b=1,2
//   m      mechanisms         m=1-1,1-3
//   ms     measures           ms=1-2-3
//   t      themes             t=组织机制,资金保障
//   lv     levels             lv=city,district
//   q      search text        q=江苏 老旧小区   (trimmed; URLSearchParams percent-encodes it, commas included)
//   sel    selection          sel=r:370700 | sel=p:1-1-1-2
//   mode   view mode          mode=compare | mode=briefing
//   cmp    compared provinces cmp=320000,500000
//   lang   language           lang=en
//   cam    camera             cam=118.7969,32.0603,7.5   (lng,lat,zoom rounded to 4/4/2 decimals: ~10 m)
//   slide  briefing slide     slide=3  (0-based)
//   theme  colour theme       theme=dark
//   cls    class breaks       cls=filtered  (classes from the filtered practices; default: the whole dataset)
// The table URL_PARAMS below holds each key with its encoder, decoder and history rule.
// List values are comma-separated; a comma or % inside an item (a theme key, say) is escaped as %2C / %25 before
// URLSearchParams encodes the whole value, so any item survives.
import { EMPTY_FILTERS, FACETS, type FacetValue, type Filters, type ListFacet, normalizeFilters } from './filters';
import { isAdcode, isProvinceAdcode } from './regions';
import type { Selection } from './selection';
import {
  type StateValues,
  type Camera,
  type ThemeName,
  DEFAULT_STATE,
  type Lang,
  MAX_COMPARE,
  type Mode,
  type BreaksScope,
  pickFields,
} from './state';
import type { AtlasState } from './store';

/** The part of the state that lives in the URL: everything but which side panel tab is open. */
export type UrlState = Omit<StateValues, 'panel'>;

const { panel: _panel, ...urlDefaults } = DEFAULT_STATE;
export const DEFAULT_URL_STATE: Readonly<UrlState> = Object.freeze(urlDefaults);

/** The URL part of the app state: the fields DEFAULT_URL_STATE has. */
export function urlStateOf(s: AtlasState | StateValues): UrlState {
  return pickFields(s as UrlState, DEFAULT_URL_STATE);
}

/** A full UrlState from a decoded partial one: every missing key takes its default (the URL is the whole state). */
export function withDefaults(partial: Partial<UrlState>): UrlState {
  return { ...DEFAULT_URL_STATE, ...partial };
}

// ---------------------------------------------------------------------------------------------------------------
// Encode

const escapeItem = (s: string) => s.replace(/%/g, '%25').replace(/,/g, '%2C');
// One pass, so an escaped "%" followed by "2C" is not read back as a comma.
const unescapeItem = (s: string) => s.replace(/%(2C|25)/gi, (m) => (m.toUpperCase() === '%2C' ? ',' : '%'));
const joinList = (xs: readonly (string | number)[]) => xs.map((x) => escapeItem(String(x))).join(',');

/** Rounds to `d` decimals and prints without trailing zeros (and never "-0"). */
function fixed(x: number, d: number): string {
  const r = Number(x.toFixed(d));
  return String(r === 0 ? 0 : r);
}

export function encodeCamera(c: Camera): string {
  return `${fixed(c.lng, 4)},${fixed(c.lat, 4)},${fixed(c.zoom, 2)}`;
}

export function encodeSelection(sel: Selection): string | null {
  switch (sel.kind) {
    case 'none':
      return null;
    case 'region':
      return `r:${sel.adcode}`;
    case 'practice':
      return `p:${sel.id}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Decode

/** What the dataset offers; options outside these sets are reported as invalid. Each set is optional. */
export type KnownOptions = { [K in ListFacet]?: ReadonlySet<FacetValue<K>> } & {
  /** Practice ids, to check sel=p:… */
  practices?: ReadonlySet<string>;
  /** Region adcodes, to check sel=r:… and cmp. */
  regions?: ReadonlySet<number>;
};

/** The reason given for compared provinces beyond MAX_COMPARE: valid, but over the limit (the notice says so). */
export const COMPARE_LIMIT_REASON = `at most ${MAX_COMPARE} provinces`;

export interface InvalidParam {
  key: string;
  /** The offending value: the single item for lists, the whole value otherwise. */
  value: string;
  reason: string;
}

export interface Decoded {
  state: Partial<UrlState>;
  invalid: InvalidParam[];
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const INT_RE = /^\d+$/;
const PRACTICE_ID_RE = /^[1-9]\d*-[1-9]\d*-[1-9]\d*-[1-9]\d*$/;
const MODES: readonly Mode[] = ['explore', 'compare', 'briefing'];
const LANGS: readonly Lang[] = ['zh', 'en'];
const THEMES: readonly ThemeName[] = ['light', 'dark'];
const BREAKS_SCOPES: readonly BreaksScope[] = ['all', 'filtered'];
/** A briefing has a handful of slides; a bigger number is a typo, not a position. */
const MAX_SLIDE = 999;
/** MapLibre's zoom range. */
const MAX_ZOOM = 24;

/** What a parameter's decoder gets: the raw params, the dataset's options and a way to report a bad value. */
interface DecodeContext {
  params: URLSearchParams;
  known?: KnownOptions;
  report: (key: string, value: string, reason: string) => void;
  /** The value of a single-valued key; null when missing or empty. */
  value: (key: string) => string | null;
  /** A list key checked item by item (see decodeState); null when no item is valid. */
  list: <T>(key: string, parse: (s: string) => Parsed<T>, known?: ReadonlySet<T>) => T[] | null;
}

/**
 * One URL parameter: its key (short, readable, stable — never rename one), whether a change deserves a history
 * entry, and its encoder and decoder. encodeState, decodeState and historyAction iterate this table, so a new
 * URL field is one entry here and its field in state.ts.
 */
interface UrlParam {
  key: string;
  /**
   * 'push': what the user would want Back to undo (a filter choice, a selection, a mode, the compared set, a
   * slide). 'replace': the camera (every pan would flood the history), the search text (every keystroke would),
   * preferences (language, colours).
   */
  history: 'push' | 'replace';
  /** The value to write, or null to leave the key out (the default). */
  encode: (s: UrlState) => string | null;
  /** Reads the key into `state` (filters into `filters`), reporting what is invalid. */
  decode: (ctx: DecodeContext, state: Partial<UrlState>, filters: Partial<Filters>) => void;
}

const oneOf =
  <K extends 'mode' | 'lang' | 'theme' | 'breaksScope'>(key: string, field: K, options: readonly UrlState[K][]): UrlParam =>
  ({
    key,
    history: field === 'mode' ? 'push' : 'replace',
    encode: (s) => (s[field] !== DEFAULT_URL_STATE[field] ? String(s[field]) : null),
    decode: (ctx, state) => {
      const v = ctx.value(key);
      if (v === null) return;
      if ((options as readonly string[]).includes(v)) (state as Record<string, unknown>)[field] = v;
      else ctx.report(key, v, `not one of ${options.join(', ')}`);
    },
  });

const facetParams: UrlParam[] = FACETS.map((d) => ({
  key: d.param,
  history: 'push',
  encode: (s) => (s.filters[d.key].length ? joinList(s.filters[d.key]) : null),
  decode: (ctx, _state, filters) => {
    const known = ctx.known?.[d.key] as ReadonlySet<string | number> | undefined;
    const v = ctx.list(d.param, d.parse as (s: string) => Parsed<string | number>, known);
    if (v) (filters as Record<string, unknown>)[d.key] = v;
  },
}));

/** Every parameter, in the order the URL lists them. */
export const URL_PARAMS: readonly UrlParam[] = [
  ...facetParams,
  {
    key: 'q',
    history: 'replace',
    encode: (s) => s.filters.q.trim() || null,
    decode: (ctx, _state, filters) => {
      const q = ctx.value('q');
      if (q !== null && q.trim() !== '') filters.q = q.trim();
    },
  },
  {
    key: 'sel',
    history: 'push',
    encode: (s) => encodeSelection(s.selection),
    decode: (ctx, state) => {
      const sel = ctx.value('sel');
      if (sel !== null) decodeSelection(ctx, sel, state);
    },
  },
  oneOf('mode', 'mode', MODES),
  {
    key: 'cmp',
    history: 'push',
    encode: (s) => (s.compare.length ? joinList(s.compare) : null),
    decode: (ctx, state) => {
      const cmp = ctx.list<number>(
        'cmp',
        (s) => (/^\d{6}$/.test(s) && isProvinceAdcode(Number(s)) ? ok(Number(s)) : bad('not a province adcode (320000)')),
        ctx.known?.regions,
      );
      if (!cmp) return;
      for (const extra of cmp.slice(MAX_COMPARE)) ctx.report('cmp', String(extra), COMPARE_LIMIT_REASON);
      state.compare = cmp.slice(0, MAX_COMPARE);
    },
  },
  oneOf('lang', 'lang', LANGS),
  {
    key: 'cam',
    history: 'replace',
    encode: (s) => (s.camera ? encodeCamera(s.camera) : null),
    decode: (ctx, state) => {
      const cam = ctx.value('cam');
      if (cam === null) return;
      const parts = cam.split(',');
      const nums = parts.map((s) => (/^-?\d+(\.\d+)?$/.test(s.trim()) ? Number(s) : NaN));
      const [lng, lat, zoom] = nums as [number, number, number];
      if (parts.length !== 3 || nums.some((x) => !Number.isFinite(x))) ctx.report('cam', cam, 'expected lng,lat,zoom');
      else if (Math.abs(lng) > 180) ctx.report('cam', cam, 'longitude outside −180…180');
      else if (Math.abs(lat) > 90) ctx.report('cam', cam, 'latitude outside −90…90');
      else if (zoom < 0 || zoom > MAX_ZOOM) ctx.report('cam', cam, `zoom outside 0…${MAX_ZOOM}`);
      else state.camera = { lng, lat, zoom };
    },
  },
  {
    key: 'slide',
    history: 'push',
    encode: (s) => (s.slide !== DEFAULT_URL_STATE.slide ? String(s.slide) : null),
    decode: (ctx, state) => {
      const slide = ctx.value('slide');
      if (slide === null) return;
      if (!INT_RE.test(slide) || Number(slide) > MAX_SLIDE) ctx.report('slide', slide, `not an integer 0…${MAX_SLIDE}`);
      else state.slide = Number(slide);
    },
  },
  oneOf('theme', 'theme', THEMES),
  oneOf('cls', 'breaksScope', BREAKS_SCOPES),
];

export const URL_KEYS: readonly string[] = URL_PARAMS.map((p) => p.key);
/** Params whose change deserves a history entry (pushState). */
export const HISTORY_PUSH_KEYS: readonly string[] = URL_PARAMS.filter((p) => p.history === 'push').map((p) => p.key);

function decodeSelection(ctx: DecodeContext, sel: string, state: Partial<UrlState>): void {
  const region = /^r:(.*)$/.exec(sel);
  const practice = /^p:(.*)$/.exec(sel);
  if (region) {
    const s = region[1] as string;
    const adcode = Number(s);
    if (!/^\d{6}$/.test(s) || !isAdcode(adcode)) ctx.report('sel', sel, 'not a region adcode (r:370700)');
    else if (ctx.known?.regions && !ctx.known.regions.has(adcode)) ctx.report('sel', sel, 'not in the dataset');
    else state.selection = { kind: 'region', adcode };
  } else if (practice) {
    const id = practice[1] as string;
    if (!PRACTICE_ID_RE.test(id)) ctx.report('sel', sel, 'not a practice id (p:1-1-1-2)');
    else if (ctx.known?.practices && !ctx.known.practices.has(id)) ctx.report('sel', sel, 'not in the dataset');
    else state.selection = { kind: 'practice', id };
  } else ctx.report('sel', sel, 'expected r:<adcode> or p:<practice id>');
}

/** State → params, writing only values that differ from the defaults, in the order of URL_PARAMS. */
export function encodeState(state: UrlState): URLSearchParams {
  const p = new URLSearchParams();
  for (const param of URL_PARAMS) {
    const v = param.encode(state);
    if (v !== null) p.set(param.key, v);
  }
  return p;
}

/**
 * Params → state. Each key is valid (in `state`), invalid (in `invalid`, and left out of `state`) or missing.
 * - List keys (the facets, cmp) are checked item by item: valid items are kept, each invalid or unknown item is
 *   reported; if none is valid the key is treated as missing. Duplicates are dropped silently; repeated keys
 *   (b=1&b=2) are merged.
 * - Any filter key present and valid yields a whole `filters` (the other facets empty), in normal form (lists
 *   sorted as the store keeps them, see normalizeFilters), so decode(encode(s)) == s holds for every state the
 *   store can hold. `compare` keeps the URL's order (it is the order provinces were added).
 * - Unknown keys (utm_source, a host page's own params) are ignored and NOT reported: the app may live inside
 *   pages that add their own parameters, and warning about those would be noise.
 * - Empty values (b=, q=) count as missing.
 */
export function decodeState(params: URLSearchParams, known?: KnownOptions): Decoded {
  const invalid: InvalidParam[] = [];
  const state: Partial<UrlState> = {};
  const filters: Partial<Filters> = {};
  const report = (key: string, value: string, reason: string) => invalid.push({ key, value, reason });
  const items = (key: string): string[] =>
    params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((s) => unescapeItem(s.trim()))
      .filter((s) => s !== '');
  const ctx: DecodeContext = {
    params,
    known,
    report,
    value: (key) => {
      const v = params.get(key);
      return v === null || v === '' ? null : v;
    },
    list: <T>(key: string, parse: (s: string) => Parsed<T>, isKnown?: ReadonlySet<T>): T[] | null => {
      const out: T[] = [];
      for (const raw of items(key)) {
        const r = parse(raw);
        if (!r.ok) report(key, raw, r.reason);
        else if (isKnown && !isKnown.has(r.value)) report(key, raw, 'not in the dataset');
        else if (!out.includes(r.value)) out.push(r.value);
      }
      return out.length ? out : null;
    },
  };
  for (const param of URL_PARAMS) param.decode(ctx, state, filters);
  // In the store's normal form, so that a URL applied with a plain setState keeps the store's invariant.
  if (Object.keys(filters).length > 0) state.filters = normalizeFilters({ ...EMPTY_FILTERS, ...filters });
  return { state, invalid };
}

/** decodeState on a query string ("?b=1" or "b=1"), for convenience. */
export function decodeSearch(search: string, known?: KnownOptions): Decoded {
  return decodeState(new URLSearchParams(search), known);
}

// ---------------------------------------------------------------------------------------------------------------
// History guidance

/**
 * How to record a change from `prev` to `next` in the browser history: 'push' when any HISTORY_PUSH_KEYS param
 * changed, 'replace' when only others did, 'none' when the URL is the same. Compares encoded params, so it
 * agrees with what the address bar shows (e.g. a camera move below the rounding is 'none').
 */
export function historyAction(prev: UrlState, next: UrlState): 'push' | 'replace' | 'none' {
  const a = encodeState(prev);
  const b = encodeState(next);
  let changed = false;
  for (const k of URL_KEYS) {
    if (a.get(k) === b.get(k)) continue;
    if (HISTORY_PUSH_KEYS.includes(k)) return 'push';
    changed = true;
  }
  return changed ? 'replace' : 'none';
}

let replaceHint = false;
/**
 * The next URL write replaces the current history entry even if it would push: a correction (a slide number out
 * of range set right) is not a step that Back should undo, and Back to it would only be corrected again.
 */
export function replaceNextUrlWrite(): void {
  replaceHint = true;
}
/** Reads and clears the hint (the URL sync calls this on every state change). */
export function takeReplaceHint(): boolean {
  const h = replaceHint;
  replaceHint = false;
  return h;
}

/** The query string for a state ("" or "?b=1&…"), for history.pushState / replaceState. */
export function searchOf(state: UrlState): string {
  const s = encodeState(state).toString();
  return s ? `?${s}` : '';
}
