// Component tests render into happy-dom with a store and data of their own (never the app's singleton), through
// the same contexts the app uses. Put `// @vitest-environment happy-dom` at the top of the test file.
import type { ReactNode } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { AtlasDataContext, type AtlasData } from '../data/context';
import type { GeoBundle } from '../data/load';
import { AtlasStoreContext, createAtlasStore, type AtlasState, type AtlasStore } from '../store/store';
import type { Dataset } from '../types';

// Cleanup after each test: src/test-utils/setup.ts.

/** Data for a component test: the dataset given, no boundary geometry (panels don't draw it). */
export function createTestData(dataset: Dataset, geo: Partial<GeoBundle> = {}): AtlasData {
  const empty = { type: 'FeatureCollection', features: [] };
  return {
    dataset,
    geo: {
      provinces: empty,
      cities: empty,
      dash: empty,
      inset: empty,
      meta: { attribution: { zh: '', en: '' }, nationalBounds: [73, 18, 135, 54] },
      gazetteer: new Map(),
      districtProvinces: new Set(),
      ...geo,
    } as unknown as GeoBundle,
  };
}

/** Renders `node` with its own store (returned, to act on and inspect) and data. */
export function renderWithAtlas(
  node: ReactNode,
  { data, state }: { data: AtlasData; state?: Partial<AtlasState> },
): RenderResult & { store: AtlasStore } {
  const store = createAtlasStore(state);
  const result = render(
    <AtlasStoreContext.Provider value={store}>
      <AtlasDataContext.Provider value={data}>{node}</AtlasDataContext.Provider>
    </AtlasStoreContext.Provider>,
  );
  return { ...result, store };
}
