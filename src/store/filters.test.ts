import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  type Filters,
  compareKeys,
  filtersEqual,
  filtersKey,
  isEmptyFilters,
  matchesTaxonomy,
  measureKey,
  mechanismKey,
  mechanismOfMeasureKey,
  normalizeFilters,
  practiceMatches,
  queryTerms,
  searchTextOf,
} from './filters';
import { city, createPractice, district, province } from './test-helpers';

const filters = (f: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...f });

describe('keys', () => {
  it('builds mechanism and measure keys from batch and indices', () => {
    const p = createPractice({ batch: 2, mech: 3, meas: 4 });
    expect(mechanismKey(p)).toBe('2-3');
    expect(measureKey(p)).toBe('2-3-4');
    expect(mechanismOfMeasureKey('2-3-4')).toBe('2-3');
  });

  it('orders keys numerically part by part', () => {
    expect(['1-10', '1-9', '2-1', '1-2-3', '1-2'].sort(compareKeys)).toEqual(['1-2', '1-2-3', '1-9', '1-10', '2-1']);
  });
});

describe('EMPTY_FILTERS and isEmptyFilters', () => {
  it('the empty filters are empty and frozen', () => {
    expect(isEmptyFilters(EMPTY_FILTERS)).toBe(true);
    expect(Object.isFrozen(EMPTY_FILTERS)).toBe(true);
    expect(Object.isFrozen(EMPTY_FILTERS.batches)).toBe(true);
  });

  it('a whitespace-only query constrains nothing', () => {
    expect(isEmptyFilters(filters({ q: ' \u3000 ' }))).toBe(true);
  });

  it('any option makes the filters non-empty', () => {
    expect(isEmptyFilters(filters({ levels: ['city'] }))).toBe(false);
    expect(isEmptyFilters(filters({ q: '江苏' }))).toBe(false);
  });
});

describe('normalizeFilters / filtersEqual / filtersKey', () => {
  it('sorts and deduplicates every list; levels in province → city → district order', () => {
    const n = normalizeFilters({
      ...EMPTY_FILTERS,
      batches: [2, 1, 2],
      mechanisms: ['1-10', '1-2'],
      measures: ['1-2-3', '1-2-1'],
      themes: ['b', 'a', 'b'],
      levels: ['district', 'province'],
      q: ' 江苏 ',
    });
    expect(n).toEqual({
      ...EMPTY_FILTERS,
      batches: [1, 2],
      mechanisms: ['1-2', '1-10'],
      measures: ['1-2-1', '1-2-3'],
      themes: ['a', 'b'],
      levels: ['province', 'district'],
      q: ' 江苏 ',
    });
  });

  it('filters with the same options in another order are equal', () => {
    expect(filtersEqual(filters({ batches: [1, 2] }), filters({ batches: [2, 1] }))).toBe(true);
    expect(filtersEqual(filters({ batches: [1, 2] }), filters({ batches: [1] }))).toBe(false);
  });

  it('the memo key ignores spacing and case of the query', () => {
    expect(filtersKey(filters({ q: ' REITs  江苏' }))).toBe(filtersKey(filters({ q: 'reits 江苏 ' })));
    expect(filtersKey(filters({ q: 'a b' }))).not.toBe(filtersKey(filters({ q: 'ab' })));
  });
});

describe('matchesTaxonomy', () => {
  const set = (...xs: string[]) => new Set(xs);

  it('matches everything when nothing is selected', () => {
    expect(matchesTaxonomy('1-1', '1-1-1', set(), set())).toBe(true);
  });

  it('a selected mechanism matches all its measures', () => {
    expect(matchesTaxonomy('1-1', '1-1-3', set('1-1'), set())).toBe(true);
    expect(matchesTaxonomy('1-2', '1-2-1', set('1-1'), set())).toBe(false);
  });

  it('a measure of a selected mechanism narrows that mechanism to the measure', () => {
    expect(matchesTaxonomy('1-1', '1-1-2', set('1-1'), set('1-1-2'))).toBe(true);
    expect(matchesTaxonomy('1-1', '1-1-1', set('1-1'), set('1-1-2'))).toBe(false);
  });

  it('a measure under an unselected mechanism adds its practices', () => {
    expect(matchesTaxonomy('1-2', '1-2-3', set('1-1'), set('1-2-3'))).toBe(true);
    expect(matchesTaxonomy('1-1', '1-1-1', set('1-1'), set('1-2-3'))).toBe(true);
    expect(matchesTaxonomy('1-2', '1-2-1', set('1-1'), set('1-2-3'))).toBe(false);
  });
});

describe('queryTerms', () => {
  it('trims, lower-cases and splits on any whitespace, including the ideographic space', () => {
    expect(queryTerms('  REITs\u3000江苏  南京 ')).toEqual(['reits', '江苏', '南京']);
  });

  it('an empty or blank query has no terms', () => {
    expect(queryTerms('')).toEqual([]);
    expect(queryTerms(' \t ')).toEqual([]);
  });
});

describe('searchTextOf', () => {
  it('adds the province and city names of actors that lie inside them', () => {
    const p = createPractice({ actors: [district(320106, '鼓楼区', 320100)], text: '鼓楼区开展更新。' });
    const names = new Map([[320000, '江苏省'], [320100, '南京市']]);
    const s = searchTextOf(p, (a) => names.get(a));
    expect(s).toContain('江苏省');
    expect(s).toContain('南京市');
  });

  it('does not let a term match across two fields', () => {
    const p = createPractice({ text: '甲乙', sites: ['丙丁'] });
    expect(searchTextOf(p).includes('乙丙')).toBe(false);
  });
});

describe('practiceMatches', () => {
  it('ORs options within a facet', () => {
    const p = createPractice({ batch: 2 });
    expect(practiceMatches(p, filters({ batches: [1, 2] }))).toBe(true);
    expect(practiceMatches(p, filters({ batches: [1] }))).toBe(false);
  });

  it('ANDs facets', () => {
    const p = createPractice({ batch: 1, themes: ['资金保障'] });
    expect(practiceMatches(p, filters({ batches: [1], themes: ['资金保障'] }))).toBe(true);
    expect(practiceMatches(p, filters({ batches: [1], themes: ['组织机制'] }))).toBe(false);
  });

  it('matches a level when any actor has it', () => {
    const p = createPractice({ actors: [province(500000, '重庆市'), district(500107, '九龙坡区')] });
    expect(practiceMatches(p, filters({ levels: ['district'] }))).toBe(true);
    expect(practiceMatches(p, filters({ levels: ['city'] }))).toBe(false);
  });

  it('finds a city practice by its province name', () => {
    const p = createPractice({ actors: [city(320100, '南京市')], headline: '南京市推进更新。', text: '南京市推进更新。' });
    expect(practiceMatches(p, filters({ q: '江苏' }), (a) => (a === 320000 ? '江苏省' : undefined))).toBe(true);
  });

  it('requires every query term (AND), case-insensitively', () => {
    const p = createPractice({ text: '潍坊市发行REITs筹集资金。' });
    expect(practiceMatches(p, filters({ q: 'reits 资金' }))).toBe(true);
    expect(practiceMatches(p, filters({ q: 'reits 管网' }))).toBe(false);
  });

  it('searches mentions, sites and documents', () => {
    const p = createPractice({
      mentions: [district(500105, '江北区')],
      sites: ['十八梯街区'],
      documents: ['重庆市城市更新管理办法'],
    });
    expect(practiceMatches(p, filters({ q: '江北' }))).toBe(true);
    expect(practiceMatches(p, filters({ q: '十八梯' }))).toBe(true);
    expect(practiceMatches(p, filters({ q: '管理办法' }))).toBe(true);
  });
});
