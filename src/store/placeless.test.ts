// Issue 16: a practice whose text names no place is kept with `actors: []` — listed, counted nationally, on no
// region of the map. The selectors the panels, map and briefing use must take it without throwing.
import { describe, expect, it } from 'vitest';
import { slidesOf } from './slides';
import { EMPTY_FILTERS } from './filters';
import {
  countsByRegion,
  createIndex,
  facetCounts,
  filterPractices,
  groupByCity,
  groupByTaxonomy,
  markerPoints,
  practicesOfRegion,
  provinceCounts,
} from './selectors';
import { city, createDataset, createPractice } from './test-helpers';

function createCase() {
  const placed = createPractice({ item: 1, actors: [city(370700, '潍坊市')] });
  const placeless = createPractice({ item: 2, actors: [], headline: '各地建立城市更新项目库。' });
  return { dataset: createDataset({ practices: [placed, placeless] }), placed, placeless };
}

describe('a practice without a place', () => {
  it('is listed and filtered, counted nowhere on the map, and has no marker or slide of its own', () => {
    const { dataset, placeless } = createCase();
    const all = filterPractices(dataset, EMPTY_FILTERS);
    expect(all.map((p) => p.id)).toContain(placeless.id);
    expect(filterPractices(dataset, { ...EMPTY_FILTERS, q: '项目库' }).map((p) => p.id)).toContain(placeless.id);
    expect(() => facetCounts(dataset, EMPTY_FILTERS)).not.toThrow();
    expect([...provinceCounts(dataset, all)]).toEqual([[370000, 1]]);
    expect(countsByRegion(dataset, all).get(370700)).toBe(1);
    expect(markerPoints(dataset, all)).toHaveLength(1);
    expect(practicesOfRegion(dataset, all, 370000).map((p) => p.id)).not.toContain(placeless.id);
    expect(JSON.stringify(groupByTaxonomy(dataset, all))).toContain(placeless.id);
    expect(() => groupByCity(dataset, all, 370000)).not.toThrow();
    expect(() => createIndex(dataset)).not.toThrow();
    // The briefing has slides per province: a practice with no place has none (it stays in the lists).
    expect(slidesOf(dataset, all).filter((s) => s.kind === 'practice').map((s) => (s as { id: string }).id)).not.toContain(placeless.id);
  });
});
