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
// List values are comma-separated; a comma or % inside an item (a theme key, say) is escaped as %2C / %25 before
// URLSearchParams encodes the whole value, so any item survives.
import type { Level } from '../types';
import {
  LEVELS,
  MEASURE_KEY_RE,
  MECHANISM_KEY_RE,
  isLevel,
  normalizeFilters,
} from './filters';
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
} from './state';
import type { AtlasState } from './store';

/** The part of the state that lives in the URL: everything but which side panel tab is open. */
export type UrlState = Omit<StateValues, 'panel'>;

const { panel: _panel, ...urlDefaults } = DEFAULT_STATE;
export const DEFAULT_URL_STATE: Readonly<UrlState> = Object.freeze(urlDefaults);

export const URL_KEYS = ['b', 'm', 'ms', 't', 'lv', 'q', 'sel', 'mode', 'cmp', 'lang', 'cam', 'slide', 'theme', 'cls'] as const;
export type UrlKey = (typeof URL_KEYS)[number];

/** The URL part of the app state. */
export function urlStateOf(s: AtlasState | StateValues): UrlState {
  return {
    filters: s.filters,
    selection: s.selection,
    mode: s.mode,
    compare: s.compare,
    lang: s.lang,
    camera: s.camera,
    slide: s.slide,
    theme: s.theme,
    breaksScope: s.breaksScope,
  };
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

/** State → params, writing only values that differ from the defaults, in the fixed key order of URL_KEYS. */
export function encodeState(state: UrlState): URLSearchParams {
  const p = new URLSearchParams();
  const f = state.filters;
  if (f.batches.length) p.set('b', joinList(f.batches));
  if (f.mechanisms.length) p.set('m', joinList(f.mechanisms));
  if (f.measures.length) p.set('ms', joinList(f.measures));
  if (f.themes.length) p.set('t', joinList(f.themes));
  if (f.levels.length) p.set('lv', joinList(f.levels));
  const q = f.q.trim();
  if (q) p.set('q', q);
  const sel = encodeSelection(state.selection);
  if (sel) p.set('sel', sel);
  if (state.mode !== DEFAULT_URL_STATE.mode) p.set('mode', state.mode);
  if (state.compare.length) p.set('cmp', joinList(state.compare));
  if (state.lang !== DEFAULT_URL_STATE.lang) p.set('lang', state.lang);
  if (state.camera) p.set('cam', encodeCamera(state.camera));
  if (state.slide !== DEFAULT_URL_STATE.slide) p.set('slide', String(state.slide));
  if (state.theme !== DEFAULT_URL_STATE.theme) p.set('theme', state.theme);
  if (state.breaksScope !== DEFAULT_URL_STATE.breaksScope) p.set('cls', state.breaksScope);
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
// Decode

/** What the dataset offers; options outside these sets are reported as invalid. Each set is optional. */
export interface KnownOptions {
  batches?: ReadonlySet<number>;
  mechanisms?: ReadonlySet<string>;
  measures?: ReadonlySet<string>;
  themes?: ReadonlySet<string>;
  /** Practice ids, to check sel=p:… */
  practices?: ReadonlySet<string>;
  /** Region adcodes, to check sel=r:… and cmp. */
  regions?: ReadonlySet<number>;
}

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
/** A briefing has a handful of slides; a bigger number is a typo, not a position. */
const MAX_SLIDE = 999;
/** MapLibre's zoom range. */
const MAX_ZOOM = 24;

/**
 * Params → state. Each key is valid (in `state`), invalid (in `invalid`, and left out of `state`) or missing.
 * - List keys (b, m, ms, t, lv, cmp) are checked item by item: valid items are kept, each invalid or unknown item
 *   is reported; if none is valid the key is treated as missing. Duplicates are dropped silently; repeated keys
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
  const report = (key: string, value: string, reason: string) => invalid.push({ key, value, reason });

  const items = (key: string): string[] =>
    params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((s) => unescapeItem(s.trim()))
      .filter((s) => s !== '');

  function list<T>(key: string, parse: (s: string) => Parsed<T>, isKnown?: (x: T) => boolean): T[] | null {
    const out: T[] = [];
    for (const raw of items(key)) {
      const r = parse(raw);
      if (!r.ok) {
        report(key, raw, r.reason);
        continue;
      }
      const v = r.value;
      if (isKnown && !isKnown(v)) {
        report(key, raw, 'not in the dataset');
        continue;
      }
      if (!out.includes(v)) out.push(v);
    }
    return out.length ? out : null;
  }

  const positiveInt = (s: string): Parsed<number> =>
    INT_RE.test(s) && Number(s) > 0 ? ok(Number(s)) : bad('not a positive integer');
  const keyOf =
    (re: RegExp, what: string) =>
    (s: string): Parsed<string> =>
      re.test(s) ? ok(s) : bad(`not a ${what} key`);

  const batches = list<number>('b', positiveInt, known?.batches && ((x) => known.batches!.has(x)));
  const mechanisms = list<string>(
    'm',
    keyOf(MECHANISM_KEY_RE, 'mechanism ("1-3")'),
    known?.mechanisms && ((x) => known.mechanisms!.has(x)),
  );
  const measures = list<string>(
    'ms',
    keyOf(MEASURE_KEY_RE, 'measure ("1-2-3")'),
    known?.measures && ((x) => known.measures!.has(x)),
  );
  const themes = list<string>('t', ok, known?.themes && ((x) => known.themes!.has(x)));
  const levels = list<Level>('lv', (s) => (isLevel(s) ? ok(s) : bad(`not one of ${LEVELS.join(', ')}`)));
  const qRaw = params.get('q');
  const q = qRaw !== null && qRaw.trim() !== '' ? qRaw.trim() : null;
  if (batches || mechanisms || measures || themes || levels || q !== null) {
    // In the store's normal form, so that a URL applied with a plain setState keeps the store's invariant.
    state.filters = normalizeFilters({
      batches: batches ?? [],
      mechanisms: mechanisms ?? [],
      measures: measures ?? [],
      themes: themes ?? [],
      levels: levels ?? [],
      q: q ?? '',
    });
  }

  const sel = params.get('sel');
  if (sel !== null && sel !== '') {
    const region = /^r:(.*)$/.exec(sel);
    const practice = /^p:(.*)$/.exec(sel);
    if (region) {
      const s = region[1] as string;
      const adcode = Number(s);
      if (!/^\d{6}$/.test(s) || !isAdcode(adcode)) report('sel', sel, 'not a region adcode (r:370700)');
      else if (known?.regions && !known.regions.has(adcode)) report('sel', sel, 'not in the dataset');
      else state.selection = { kind: 'region', adcode };
    } else if (practice) {
      const id = practice[1] as string;
      if (!PRACTICE_ID_RE.test(id)) report('sel', sel, 'not a practice id (p:1-1-1-2)');
      else if (known?.practices && !known.practices.has(id)) report('sel', sel, 'not in the dataset');
      else state.selection = { kind: 'practice', id };
    } else report('sel', sel, 'expected r:<adcode> or p:<practice id>');
  }

  const oneOf = <T extends string>(key: string, options: readonly T[]): T | null => {
    const v = params.get(key);
    if (v === null || v === '') return null;
    if ((options as readonly string[]).includes(v)) return v as T;
    report(key, v, `not one of ${options.join(', ')}`);
    return null;
  };
  const mode = oneOf('mode', MODES);
  if (mode) state.mode = mode;

  const cmp = list<number>(
    'cmp',
    (s) => (/^\d{6}$/.test(s) && isProvinceAdcode(Number(s)) ? ok(Number(s)) : bad('not a province adcode (320000)')),
    known?.regions && ((x) => known.regions!.has(x)),
  );
  if (cmp) {
    for (const extra of cmp.slice(MAX_COMPARE)) report('cmp', String(extra), `at most ${MAX_COMPARE} provinces`);
    state.compare = cmp.slice(0, MAX_COMPARE);
  }

  const lang = oneOf('lang', LANGS);
  if (lang) state.lang = lang;

  const cam = params.get('cam');
  if (cam !== null && cam !== '') {
    const parts = cam.split(',');
    const nums = parts.map((s) => (/^-?\d+(\.\d+)?$/.test(s.trim()) ? Number(s) : NaN));
    const [lng, lat, zoom] = nums as [number, number, number];
    if (parts.length !== 3 || nums.some((x) => !Number.isFinite(x))) report('cam', cam, 'expected lng,lat,zoom');
    else if (Math.abs(lng) > 180) report('cam', cam, 'longitude outside −180…180');
    else if (Math.abs(lat) > 90) report('cam', cam, 'latitude outside −90…90');
    else if (zoom < 0 || zoom > MAX_ZOOM) report('cam', cam, `zoom outside 0…${MAX_ZOOM}`);
    else state.camera = { lng, lat, zoom };
  }

  const slide = params.get('slide');
  if (slide !== null && slide !== '') {
    if (!INT_RE.test(slide) || Number(slide) > MAX_SLIDE) report('slide', slide, `not an integer 0…${MAX_SLIDE}`);
    else state.slide = Number(slide);
  }

  const theme = oneOf('theme', THEMES);
  if (theme) state.theme = theme;

  const cls = oneOf('cls', ['all', 'filtered'] as const);
  if (cls) state.breaksScope = cls;

  return { state, invalid };
}

/** decodeState on a query string ("?b=1" or "b=1"), for convenience. */
export function decodeSearch(search: string, known?: KnownOptions): Decoded {
  return decodeState(new URLSearchParams(search), known);
}

// ---------------------------------------------------------------------------------------------------------------
// History guidance

/**
 * Params whose change deserves a history entry (pushState): what the user would want Back to undo — a filter
 * choice, a selection, a mode, the compared set, a briefing slide.
 */
export const HISTORY_PUSH_KEYS: readonly UrlKey[] = ['b', 'm', 'ms', 't', 'lv', 'sel', 'mode', 'cmp', 'slide'];
/**
 * Params whose change only replaces the current entry (replaceState): the camera (every pan would flood the
 * history), the search text (every keystroke would), language and colour theme (preferences, not places).
 */
export const HISTORY_REPLACE_KEYS: readonly UrlKey[] = ['q', 'cam', 'lang', 'theme', 'cls'];

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

/** The query string for a state ("" or "?b=1&…"), for history.pushState / replaceState. */
export function searchOf(state: UrlState): string {
  const s = encodeState(state).toString();
  return s ? `?${s}` : '';
}
