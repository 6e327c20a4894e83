// The plain data of the app state: its types and defaults, with no zustand or React import, so that pure modules
// (the URL codec, scripts) can use them.
import { EMPTY_FILTERS, type Filters } from './filters';
import { NONE, type Selection } from './selection';

export type Mode = 'explore' | 'compare' | 'briefing';
export type Lang = 'zh' | 'en';
export type ColorTheme = 'light' | 'dark';
export type Panel = 'filters' | 'list' | 'overview' | 'documents' | 'figures';

export interface Camera {
  lng: number;
  lat: number;
  zoom: number;
}

/** Compare mode shows at most this many provinces side by side. */
export const MAX_COMPARE = 4;

/** The data part of the state (no actions), with its defaults. */
export interface AtlasData {
  filters: Filters;
  selection: Selection;
  mode: Mode;
  compare: number[];
  lang: Lang;
  camera: Camera | null;
  slide: number;
  theme: ColorTheme;
  panel: Panel;
}

export const DEFAULT_STATE: Readonly<AtlasData> = Object.freeze({
  filters: EMPTY_FILTERS,
  selection: NONE,
  mode: 'explore',
  compare: Object.freeze([]) as unknown as number[],
  lang: 'zh',
  camera: null,
  slide: 0,
  theme: 'light',
  panel: 'filters',
});

