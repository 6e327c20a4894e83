// The plain data of the app state: its types and defaults, with no zustand or React import, so that pure modules
// (the URL codec, scripts) can use them.
import { EMPTY_FILTERS, type Filters } from './filters';
import { NONE, type Selection } from './selection';
import type { Camera } from '../types';
import type { Lang } from '../i18n';
import type { ThemeName } from '../theme/palette';

export type { Camera, Lang, ThemeName };

export type Mode = 'explore' | 'compare' | 'briefing';
export type BreaksScope = 'all' | 'filtered';
export type Panel = 'filters' | 'list' | 'overview' | 'documents' | 'figures';


/** Compare mode shows at most this many provinces side by side. */
export const MAX_COMPARE = 4;

/** The data part of the state (no actions), with its defaults. */
export interface StateValues {
  filters: Filters;
  selection: Selection;
  mode: Mode;
  /** Province adcodes being compared, in the order they were added; at most MAX_COMPARE. */
  compare: number[];
  lang: Lang;
  /** Last settled camera (the map reports it on moveend); null = the map's default view. */
  camera: Camera | null;
  /** Briefing slide, 0-based. */
  slide: number;
  theme: ThemeName;
  /** Which side panel is open. */
  panel: Panel;
  /** Class breaks from the whole dataset ('all': maps under different filters compare) or the filtered practices. */
  breaksScope: BreaksScope;
}

export const DEFAULT_STATE: Readonly<StateValues> = Object.freeze({
  filters: EMPTY_FILTERS,
  selection: NONE,
  mode: 'explore',
  compare: Object.freeze([]) as unknown as number[],
  lang: 'zh',
  camera: null,
  slide: 0,
  theme: 'light',
  panel: 'filters',
  breaksScope: 'all',
});


/** The fields of `shape` (a defaults object), taken from `s`: one list of fields, the defaults', for every view of the state. */
export function pickFields<T extends object>(s: T | Record<keyof T, unknown>, shape: Readonly<T>): T {
  const out = {} as T;
  for (const k of Object.keys(shape) as (keyof T)[]) out[k] = (s as T)[k];
  return out;
}
