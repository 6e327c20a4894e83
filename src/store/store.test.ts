import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTERS } from './filters';
import { NONE, practiceSelection, regionSelection } from './selection';
import { DEFAULT_STATE, MAX_COMPARE, atlasStore, createAtlasStore, dataOf, useAtlas, useAtlasShallow } from './store';

describe('createAtlasStore', () => {
  it('starts from the defaults', () => {
    expect(dataOf(createAtlasStore().getState())).toEqual(DEFAULT_STATE);
  });

  it('takes initial values and normalises filters and compare', () => {
    const s = createAtlasStore({
      mode: 'compare',
      filters: { ...EMPTY_FILTERS, batches: [2, 1, 2] },
      compare: [320000, 320000, 500000],
    });
    expect(s.getState().mode).toBe('compare');
    expect(s.getState().filters.batches).toEqual([1, 2]);
    expect(s.getState().compare).toEqual([320000, 500000]);
  });

  it('ignores explicitly undefined initial values', () => {
    expect(createAtlasStore({ camera: undefined, mode: undefined }).getState().mode).toBe('explore');
  });

  it('gives every store its own state', () => {
    const a = createAtlasStore();
    const b = createAtlasStore();
    a.getState().toggleBatch(1);
    expect(b.getState().filters.batches).toEqual([]);
    expect(atlasStore.getState().filters.batches).toEqual([]);
  });
});

describe('filters slice', () => {
  it('toggles options on and off, keeping lists sorted', () => {
    const s = createAtlasStore();
    s.getState().toggleBatch(2);
    s.getState().toggleBatch(1);
    s.getState().toggleMechanism('1-10');
    s.getState().toggleMechanism('1-2');
    s.getState().toggleLevel('district');
    s.getState().toggleLevel('province');
    expect(s.getState().filters).toMatchObject({
      batches: [1, 2],
      mechanisms: ['1-2', '1-10'],
      levels: ['province', 'district'],
    });
    s.getState().toggleBatch(2);
    expect(s.getState().filters.batches).toEqual([1]);
  });

  it('toggles measures and themes', () => {
    const s = createAtlasStore();
    s.getState().toggleMeasure('1-1-2');
    s.getState().toggleTheme('资金保障');
    s.getState().toggleTheme('组织机制');
    s.getState().toggleTheme('资金保障');
    expect(s.getState().filters.measures).toEqual(['1-1-2']);
    expect(s.getState().filters.themes).toEqual(['组织机制']);
  });

  it('sets the query as typed', () => {
    const s = createAtlasStore();
    s.getState().setQuery('江苏 ');
    expect(s.getState().filters.q).toBe('江苏 ');
  });

  it('does not notify when the query is set to its current value', () => {
    const s = createAtlasStore();
    const listener = vi.fn();
    s.subscribe(listener);
    s.getState().setQuery('');
    expect(listener).not.toHaveBeenCalled();
  });

  it('merges setFilters into the current filters and clears them all', () => {
    const s = createAtlasStore();
    s.getState().toggleBatch(1);
    s.getState().setFilters({ themes: ['b', 'a'] });
    expect(s.getState().filters).toMatchObject({ batches: [1], themes: ['a', 'b'] });
    s.getState().clearFilters();
    expect(s.getState().filters).toBe(EMPTY_FILTERS);
  });
});

describe('selection slice', () => {
  it('selects and clears', () => {
    const s = createAtlasStore();
    s.getState().select(regionSelection(370700));
    expect(s.getState().selection).toEqual({ kind: 'region', adcode: 370700 });
    s.getState().clearSelection();
    expect(s.getState().selection).toBe(NONE);
  });

  it('keeps the same object when an equal selection is made', () => {
    const s = createAtlasStore();
    s.getState().select(practiceSelection('1-1-1-2'));
    const before = s.getState().selection;
    s.getState().select(practiceSelection('1-1-1-2'));
    expect(s.getState().selection).toBe(before);
  });
});

describe('view slice', () => {
  it('adds and removes compared provinces', () => {
    const s = createAtlasStore();
    s.getState().toggleCompare(320000);
    s.getState().toggleCompare(500000);
    s.getState().toggleCompare(320000);
    expect(s.getState().compare).toEqual([500000]);
  });

  it(`keeps at most ${MAX_COMPARE} compared provinces, dropping the oldest`, () => {
    const s = createAtlasStore();
    for (const a of [110000, 120000, 130000, 140000, 150000]) s.getState().toggleCompare(a);
    expect(s.getState().compare).toEqual([120000, 130000, 140000, 150000]);
  });

  it('setCompare deduplicates and truncates', () => {
    const s = createAtlasStore();
    s.getState().setCompare([110000, 110000, 120000, 130000, 140000, 150000]);
    expect(s.getState().compare).toEqual([110000, 120000, 130000, 140000]);
  });

  it('sets mode, language, theme, panel and slide (never negative)', () => {
    const s = createAtlasStore();
    const { setMode, setLang, setTheme, setPanel, setSlide } = s.getState();
    setMode('briefing');
    setLang('en');
    setTheme('dark');
    setPanel('list');
    setSlide(-3);
    expect(dataOf(s.getState())).toMatchObject({ mode: 'briefing', lang: 'en', theme: 'dark', panel: 'list', slide: 0 });
    setSlide(2);
    expect(s.getState().slide).toBe(2);
  });

  it('ignores a camera equal to the current one', () => {
    const s = createAtlasStore();
    s.getState().setCamera({ lng: 118, lat: 32, zoom: 6 });
    const before = s.getState().camera;
    s.getState().setCamera({ lng: 118, lat: 32, zoom: 6 });
    expect(s.getState().camera).toBe(before);
  });
});

describe('useAtlas / useAtlasShallow', () => {
  it('read the module store from a component', () => {
    function View() {
      const lang = useAtlas((s) => s.lang);
      const [mode, n] = useAtlasShallow((s) => [s.mode, s.compare.length]);
      return createElement('p', null, `${lang} ${mode} ${n}`);
    }
    expect(renderToString(createElement(View))).toBe('<p>zh explore 0</p>');
  });
});
