// Search in Latin letters: English and pinyin place names and English taxonomy titles, once the names are loaded.
import { afterEach, describe, expect, it } from 'vitest';
import { facetCounts, filterPractices } from './selectors';
import { EMPTY_FILTERS } from './filters';
import { city, createDataset, createPractice, district, province } from './test-helpers';
import { setNamesEnForTest } from '../i18n/namesEn';
import type { NamesEn } from '../format/names';

function createNames(): NamesEn {
  return {
    places: { '510000': 'Sichuan', '510100': 'Chengdu', '320000': 'Jiangsu', '320500': 'Suzhou', '500000': 'Chongqing', '500107': 'Jiulongpo District', '610100': "Xi'an" },
    taxonomy: { '完善土地政策': 'Improve land policy', '机制1': 'Mechanism one' },
  };
}

function createSearchDataset() {
  return createDataset({
    practices: [
      createPractice({ id: 'cd', actors: [city(510100, '成都市')] }),
      createPractice({ id: 'sz', actors: [city(320500, '苏州市')], themes: ['finance'] }),
      createPractice({ id: 'js', actors: [province(320000, '江苏省')] }),
      createPractice({ id: 'jlp', actors: [district(500107, '九龙坡区')] }),
      createPractice({ id: 'xa', actors: [city(610100, '西安市')] }),
    ],
    themes: [{ key: 'finance', zh: '资金与金融', en: 'Finance & funding' }],
  });
}

const ids = (ps: { id: string }[]) => ps.map((p) => p.id);

describe('search in Latin letters', () => {
  afterEach(() => setNamesEnForTest(null));

  it('finds nothing by English names until they are loaded, then finds the place', () => {
    const ds = createSearchDataset();
    const f = { ...EMPTY_FILTERS, q: 'Chengdu' };
    expect(filterPractices(ds, f)).toEqual([]);
    setNamesEnForTest(createNames());
    expect(ids(filterPractices(ds, f))).toEqual(['cd']);
  });

  it('finds a province by its English name, its cities included (jiangsu → 江苏)', () => {
    setNamesEnForTest(createNames());
    expect(ids(filterPractices(createSearchDataset(), { ...EMPTY_FILTERS, q: 'jiangsu' }))).toEqual(['sz', 'js']);
  });

  it('finds a district by its pinyin name and unit word', () => {
    setNamesEnForTest(createNames());
    expect(ids(filterPractices(createSearchDataset(), { ...EMPTY_FILTERS, q: 'jiulongpo district' }))).toEqual(['jlp']);
  });

  it("ignores apostrophes and hyphens (xian finds Xi'an)", () => {
    setNamesEnForTest(createNames());
    expect(ids(filterPractices(createSearchDataset(), { ...EMPTY_FILTERS, q: 'xian' }))).toEqual(['xa']);
  });

  it('finds English taxonomy and theme titles (mechanism, fund)', () => {
    setNamesEnForTest(createNames());
    const ds = createSearchDataset();
    expect(ids(filterPractices(ds, { ...EMPTY_FILTERS, q: 'fund' }))).toEqual(['sz']);
    expect(filterPractices(ds, { ...EMPTY_FILTERS, q: 'mechanism one' })).toHaveLength(5);
  });

  it('still requires every term (Chengdu + Chinese text term)', () => {
    setNamesEnForTest(createNames());
    const ds = createSearchDataset();
    expect(ids(filterPractices(ds, { ...EMPTY_FILTERS, q: 'Chengdu 具体做法' }))).toEqual(['cd']);
    expect(filterPractices(ds, { ...EMPTY_FILTERS, q: 'Chengdu 江苏' })).toEqual([]);
  });

  it('counts facets with the same matches', () => {
    setNamesEnForTest(createNames());
    const counts = facetCounts(createSearchDataset(), { ...EMPTY_FILTERS, q: 'suzhou' });
    expect(counts.themes.get('finance')).toBe(1);
  });
});
