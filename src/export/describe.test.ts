import { describe, expect, it } from 'vitest';
import { city, createDataset, createPractice, district, province } from '../store/test-helpers';
import { EMPTY_FILTERS } from '../store/filters';
import type { GazetteerEntry } from '../types';
import type { GeoBundle } from '../data/load';
import { exportSubject, exportSubtitle } from './describe';

const entry = (adcode: number, name: string, level: GazetteerEntry['level'], parent: number): GazetteerEntry => ({
  adcode,
  name,
  short: name,
  level,
  parent,
  center: [0, 0],
});
const geo = {
  gazetteer: new Map(
    [entry(320000, '江苏省', 'province', 100000), entry(320500, '苏州市', 'city', 320000), entry(320508, '姑苏区', 'district', 320500), entry(110000, '北京市', 'province', 100000)].map((g) => [g.adcode, g]),
  ),
} as unknown as GeoBundle;

describe('exportSubject', () => {
  const ds = createDataset({
    practices: [
      createPractice({ id: '1-1-1-1', actors: [city(320500, '苏州市')] }),
      createPractice({ id: '1-1-1-2', actors: [district(320508, '姑苏区', 320500)] }),
      createPractice({ id: '1-1-1-3', actors: [province(110000, '北京市')] }),
    ],
  });
  const base = { dataset: ds, geo, filtered: ds.practices, lang: 'zh' as const };

  it('is the whole country with nothing selected', () => {
    expect(exportSubject({ ...base, selection: { kind: 'none' } })).toMatchObject({ adcode: null, name: '全国' });
    expect(exportSubject({ ...base, selection: { kind: 'none' } }).practices).toHaveLength(3);
  });

  it('is the selected region, by its full name, with the practices that count there', () => {
    const s = exportSubject({ ...base, selection: { kind: 'region', adcode: 320500 } });
    expect(s.name).toBe('江苏省苏州市');
    expect(s.practices.map((p) => p.id)).toEqual(['1-1-1-1', '1-1-1-2']);
  });

  it("is a selected practice's place", () => {
    expect(exportSubject({ ...base, selection: { kind: 'practice', id: '1-1-1-3' } }).name).toBe('北京市');
  });

  it('says the count and the filters in words', () => {
    expect(exportSubtitle({ dataset: ds, filters: EMPTY_FILTERS, lang: 'zh' }, 2)).toBe('2 项做法 · 全部做法');
    expect(exportSubtitle({ dataset: ds, filters: { ...EMPTY_FILTERS, q: '苏州' }, lang: 'zh' }, 2)).toBe('2 项做法 · 搜索“苏州”');
  });
});
