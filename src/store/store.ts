// The app state: filters, selection and view, as zustand slices (ARCHITECTURE example 6). The dataset is not
// here: it is immutable, loaded once and handed out by src/data/dataset-context; derived data comes from the
// memoised selectors in ./selectors. Hover is map-local and not here either.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { type StateCreator, createStore } from 'zustand/vanilla';
import type { Level } from '../types';
import {
  EMPTY_FILTERS,
  type FacetValue,
  type Filters,
  type ListFacet,
  facetOf,
  normalizeFilters,
  toggleIn,
} from './filters';
import { NONE, type Selection, selectionEquals } from './selection';
import {
  type StateValues,
  type Camera,
  type ThemeName,
  DEFAULT_STATE,
  type Lang,
  MAX_COMPARE,
  type Mode,
  type Panel,
  type BreaksScope,
  pickFields,
} from './state';

export { type StateValues, type Camera, type ThemeName, DEFAULT_STATE, type Lang, MAX_COMPARE, type Mode, type Panel, type BreaksScope };

// ---------------------------------------------------------------------------------------------------------------
// Slices

export interface FiltersSlice {
  /** Always in normal form (see normalizeFilters): same choice → same arrays order → same URL. */
  filters: Filters;
  toggleBatch: (id: number) => void;
  toggleMechanism: (key: string) => void;
  toggleMeasure: (key: string) => void;
  toggleTheme: (key: string) => void;
  /** Adds the option to the facet, or removes it (any facet of the registry in filters.ts). */
  toggleFacet: <K extends ListFacet>(key: K, value: FacetValue<K>) => void;
  toggleLevel: (level: Level) => void;
  setQuery: (q: string) => void;
  clearFilters: () => void;
  /** Merges the given facets into the current filters (pass a whole Filters to replace them). */
  setFilters: (f: Partial<Filters>) => void;
}

export interface SelectionSlice {
  selection: Selection;
  select: (sel: Selection) => void;
  clearSelection: () => void;
}

/** The view's fields (documented in state.ts) and their setters. */
export interface ViewSlice extends Omit<StateValues, 'filters' | 'selection'> {
  setMode: (mode: Mode) => void;
  /** Adds or removes a province; adding a fifth drops the oldest, so the newest choice always shows. */
  toggleCompare: (adcode: number) => void;
  /** Replaces the list (deduplicated, first MAX_COMPARE kept). */
  setCompare: (adcodes: number[]) => void;
  setLang: (lang: Lang) => void;
  setCamera: (camera: Camera | null) => void;
  setSlide: (slide: number) => void;
  setTheme: (theme: ThemeName) => void;
  setPanel: (panel: Panel) => void;
  setBreaksScope: (scope: BreaksScope) => void;
  /**
   * The map outlines programme units (issue 27), toggled from the legend. Not in the URL (a view preference, like
   * the open panel); a `prog` filter or a programme slide shows them anyway.
   */
  showProgrammes: boolean;
  setShowProgrammes: (on: boolean) => void;
  /** The map is drawn without a GPU (software WebGL): framed moves then jump by default (store/motion.ts). */
  softwareMap: boolean;
  setSoftwareMap: (on: boolean) => void;
}

/** Changes of several fields that must land together (one state change, one history entry). */
export interface NavigationSlice {
  /** Opens the briefing at a slide (the caller picks it, e.g. the selection's slide). */
  enterBriefing: (slide: number) => void;
  /** Back to exploring; the slide number leaves the URL with it. */
  leaveBriefing: () => void;
  /** 回到全国: no selection and no camera, so the map frames China. */
  showNational: () => void;
  /** Replaces the data part of the state, e.g. with a decoded URL (already in normal form). */
  applyData: (data: Partial<StateValues>) => void;
}

export type AtlasState = FiltersSlice & SelectionSlice & ViewSlice & NavigationSlice;

type Slice<T> = StateCreator<AtlasState, [], [], T>;


export const createFiltersSlice: Slice<FiltersSlice> = (set) => {
  const toggleFacet = <K extends ListFacet>(key: K, value: FacetValue<K>) =>
    set((s) => ({ filters: { ...s.filters, [key]: toggleIn<FacetValue<K>>(s.filters[key] as unknown as readonly FacetValue<K>[], value, facetOf(key).order) } }));
  return {
    filters: EMPTY_FILTERS,
    toggleFacet,
    toggleBatch: (id) => toggleFacet('batches', id),
    toggleMechanism: (key) => toggleFacet('mechanisms', key),
    toggleMeasure: (key) => toggleFacet('measures', key),
    toggleTheme: (key) => toggleFacet('themes', key),
    toggleLevel: (level) => toggleFacet('levels', level),
    setQuery: (q) => set((s) => (s.filters.q === q ? s : { filters: { ...s.filters, q } })),
    clearFilters: () => set({ filters: EMPTY_FILTERS }),
    setFilters: (patch) => set((s) => ({ filters: normalizeFilters({ ...s.filters, ...patch }) })),
  };
};

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  selection: NONE,
  // Keeps the old object when equal, so subscribers comparing by reference do not fire.
  select: (sel) => set((s) => (selectionEquals(s.selection, sel) ? s : { selection: sel })),
  clearSelection: () => set((s) => (s.selection.kind === 'none' ? s : { selection: NONE })),
});

export function normalizeCompare(adcodes: readonly number[]): number[] {
  return [...new Set(adcodes)].slice(0, MAX_COMPARE);
}

export const createViewSlice: Slice<ViewSlice> = (set) => ({
  mode: DEFAULT_STATE.mode,
  compare: DEFAULT_STATE.compare,
  lang: DEFAULT_STATE.lang,
  camera: DEFAULT_STATE.camera,
  slide: DEFAULT_STATE.slide,
  theme: DEFAULT_STATE.theme,
  panel: DEFAULT_STATE.panel,
  breaksScope: DEFAULT_STATE.breaksScope,
  setMode: (mode) => set({ mode }),
  toggleCompare: (adcode) =>
    set((s) => ({
      compare: s.compare.includes(adcode)
        ? s.compare.filter((a) => a !== adcode)
        : [...s.compare, adcode].slice(-MAX_COMPARE),
    })),
  setCompare: (adcodes) => set({ compare: normalizeCompare(adcodes) }),
  setLang: (lang) => set({ lang }),
  setCamera: (camera) =>
    set((s) =>
      s.camera === camera ||
      (s.camera && camera && s.camera.lng === camera.lng && s.camera.lat === camera.lat && s.camera.zoom === camera.zoom)
        ? s
        : { camera },
    ),
  setSlide: (slide) => set({ slide: Math.max(0, Math.floor(slide)) }),
  setTheme: (theme) => set({ theme }),
  setPanel: (panel) => set({ panel }),
  setBreaksScope: (breaksScope) => set({ breaksScope }),
  showProgrammes: false,
  setShowProgrammes: (showProgrammes) => set({ showProgrammes }),
  softwareMap: false,
  setSoftwareMap: (softwareMap) => set({ softwareMap }),
});

export const createNavigationSlice: Slice<NavigationSlice> = (set) => ({
  enterBriefing: (slide) => set({ mode: 'briefing', slide: Math.max(0, Math.floor(slide)) }),
  leaveBriefing: () => set({ mode: 'explore', slide: 0 }),
  showNational: () => set({ selection: NONE, camera: null }),
  applyData: (data) => set(data),
});

// ---------------------------------------------------------------------------------------------------------------
// Store

/**
 * A new store. `initial` overrides defaults (typically the state decoded from the URL); filters and compare are
 * normalised. No middleware: subscribers (URL sync, the map commands) compare the previous and next state.
 */
export function createAtlasStore(initial?: Partial<AtlasState>) {
  return createStore<AtlasState>()((...a) => {
    // Explicitly undefined entries ({camera: undefined}) must not wipe a default.
    const given = Object.fromEntries(Object.entries(initial ?? {}).filter(([, v]) => v !== undefined));
    const state: AtlasState = {
      ...createFiltersSlice(...a),
      ...createSelectionSlice(...a),
      ...createViewSlice(...a),
      ...createNavigationSlice(...a),
      ...given,
    };
    if (initial?.filters) state.filters = normalizeFilters(initial.filters);
    if (initial?.compare) state.compare = normalizeCompare(initial.compare);
    return state;
  });
}

export type AtlasStore = ReturnType<typeof createAtlasStore>;

/** The app's store: App hands it to the tree through AtlasStoreContext. Tests make their own (createAtlasStore). */
export const atlasStore: AtlasStore = createAtlasStore();

/**
 * The store a component works with. Components reach the store only through this context (never the module's
 * `atlasStore`), so a test renders them with a store of its own and no test shares state with another.
 */
export const AtlasStoreContext = createContext<AtlasStore>(atlasStore);

export function useAtlasStore(): AtlasStore {
  return useContext(AtlasStoreContext);
}

/** React hook on the context's store. Select narrowly; wrap array or object results in `useShallow`. */
export function useAtlas<T>(selector: (s: AtlasState) => T): T {
  return useStore(useAtlasStore(), selector);
}

/**
 * React hook for a selector that builds an array or object (e.g. `s => [s.mode, s.lang]`): compared shallowly,
 * so the component re-renders only when an element changes, not on every new array.
 */
export function useAtlasShallow<T>(selector: (s: AtlasState) => T): T {
  return useStore(useAtlasStore(), useShallow(selector));
}

/** The data part of a state (drops the actions), e.g. for the URL codec or a snapshot: the fields DEFAULT_STATE has. */
export function dataOf(s: AtlasState): StateValues {
  return pickFields(s, DEFAULT_STATE);
}
