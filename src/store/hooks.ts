// Hooks that join the store with the immutable dataset through the memoised pure selectors. Every view uses these
// (never the app shell), so features depend on the store, not on each other.
import { useMemo } from 'react';
import { useAtlasData } from '../data/context';
import { filterPractices, provinceBreaks } from './selectors';
import { useAtlas } from './store';
import { tFor, type Translate } from '../i18n';
import type { Practice } from '../types';

export function useFiltered(): Practice[] {
  const { dataset } = useAtlasData();
  const filters = useAtlas((s) => s.filters);
  return useMemo(() => filterPractices(dataset, filters), [dataset, filters]);
}

export function useT(): Translate {
  const lang = useAtlas((s) => s.lang);
  return tFor(lang);
}

/**
 * The choropleth's class breaks, read by the map, legend, SVG fallback, exports, briefing and compare alike.
 * Computed from the whole dataset (so that maps under different filters share one legend and can be laid side by
 * side), or from the filtered practices when the user asks for per-filter classes.
 */
export function useProvinceBreaks(): { breaks: number[]; max: number } {
  const { dataset, geo } = useAtlasData();
  const scope = useAtlas((s) => s.breaksScope);
  const practices = useFiltered();
  return useMemo(
    () => provinceBreaks(dataset, geo.provinces, scope === 'filtered' ? practices : dataset.practices),
    [dataset, geo, practices, scope],
  );
}
