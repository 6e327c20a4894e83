// The programme rule (issue 27) against a hand-made dataset: a practice is in a programme when one of its actors is a
// unit or lies inside one. Counts here are of this dataset, not of batch 1.
import { describe, expect, it } from 'vitest';
import type { Dataset, Place, Programme } from '../types';
import { city, createDataset, createPractice, district, province } from './test-helpers';
import { EMPTY_FILTERS, practiceMatches } from './filters';
import { facetCounts, filterPractices } from './selectors';
import { decodeSearch } from './url';
import { knownOptionsOf } from './selectors';
import { liesIn, practiceProgrammes, programmeCoverage, programmesOfRegion, programmeUnitsInProvince } from './programmes';

const unit = (p: Place, published = p.name) => ({ ...p, published });
const programme = (id: string, units: Place[]): Programme => ({
  id,
  title: id,
  titleEn: id,
  issuer: '测试',
  date: '2024-01-01',
  status: '公示',
  sources: [{ title: 't', publisher: 'p', date: '2024-01-01', url: 'https://example.org/' }],
  file: `data/programmes/${id}.json`,
  units: units.map((u) => unit(u)),
});

const 重庆 = province(500000, '重庆市');
const 渝中 = district(500103, '渝中区');
const 九龙坡 = district(500107, '九龙坡区');
const 江北 = district(500105, '江北区');
const 成都 = city(510100, '成都市');
const 锦江 = district(510104, '锦江区', 510100);
const 四川 = province(510000, '四川省');
const 潍坊 = city(370700, '潍坊市');

// pilot: two 重庆 districts and 成都; fund: the whole 重庆市; other: 潍坊 only.
const pilot = programme('pilot', [渝中, 九龙坡, 成都]);
const fund = programme('fund', [重庆]);
const other = programme('other', [潍坊]);

function dataset(): Dataset {
  const d = createDataset({
    practices: [
      createPractice({ id: '1-1-1-1', item: 1, actors: [九龙坡] }), // pilot + fund
      createPractice({ id: '1-1-1-2', item: 2, actors: [重庆] }), // fund only: 重庆市-wide is not inside a pilot district
      createPractice({ id: '1-1-1-3', item: 3, actors: [江北] }), // fund only: 江北区 is not a pilot
      createPractice({ id: '1-1-1-4', item: 4, actors: [锦江] }), // pilot: lies inside 成都市
      createPractice({ id: '1-1-1-5', item: 5, actors: [四川] }), // none: the province is not inside 成都市
      createPractice({ id: '1-1-1-6', item: 6, actors: [四川, 九龙坡] }), // pilot + fund through its second actor
      createPractice({ id: '1-1-1-7', item: 7, actors: [], mentions: [九龙坡] }), // none: mentions never count
    ],
  });
  return { ...d, programmes: [pilot, fund, other] };
}

describe('the programme rule', () => {
  it('liesIn: a unit contains itself, a city its districts, a province everything in it; a district only itself', () => {
    expect(liesIn(九龙坡, 九龙坡)).toBe(true);
    expect(liesIn(锦江, 成都)).toBe(true);
    expect(liesIn(九龙坡, 重庆)).toBe(true);
    expect(liesIn(重庆, 九龙坡)).toBe(false);
    expect(liesIn(四川, 成都)).toBe(false);
    expect(liesIn(江北, 渝中)).toBe(false);
  });

  it('gives each practice its programmes from its actors', () => {
    const d = dataset();
    expect(Object.fromEntries(d.practices.map((p) => [p.id, practiceProgrammes(p, d.programmes)]))).toEqual({
      '1-1-1-1': ['pilot', 'fund'],
      '1-1-1-2': ['fund'],
      '1-1-1-3': ['fund'],
      '1-1-1-4': ['pilot'],
      '1-1-1-5': [],
      '1-1-1-6': ['pilot', 'fund'],
      '1-1-1-7': [],
    });
  });

  it('counts units with and without practices ("N 个城市（区）中 M 个有做法入选")', () => {
    const d = dataset();
    const c = programmeCoverage(pilot, d.practices);
    expect(c.units).toHaveLength(3);
    expect(c.withPractices.map((u) => [u.unit.name, u.practices.map((p) => p.id)])).toEqual([
      ['九龙坡区', ['1-1-1-1', '1-1-1-6']],
      ['成都市', ['1-1-1-4']],
    ]);
    expect(c.without.map((u) => u.unit.name)).toEqual(['渝中区']);
    expect(c.practiceCount).toBe(3);
    expect(programmeCoverage(fund, d.practices).practiceCount).toBe(4);
    expect(programmeCoverage(other, d.practices)).toMatchObject({ withPractices: [], practiceCount: 0 });
  });

  it('the prog facet: live counts, filtering, and the reference predicate agree', () => {
    const d = dataset();
    expect(Object.fromEntries(facetCounts(d, EMPTY_FILTERS).programmes)).toEqual({ pilot: 3, fund: 4, other: 0 });
    const f = { ...EMPTY_FILTERS, programmes: ['pilot'] };
    const ids = filterPractices(d, f).map((p) => p.id);
    expect(ids).toEqual(['1-1-1-1', '1-1-1-4', '1-1-1-6']);
    expect(d.practices.filter((p) => practiceMatches(p, f, undefined, d)).map((p) => p.id)).toEqual(ids);
    // Two programmes are ORed, like any facet's options.
    expect(filterPractices(d, { ...EMPTY_FILTERS, programmes: ['other', 'pilot'] }).map((p) => p.id)).toEqual(ids);
  });

  it('an imported practice follows the same rule (nothing is stored per practice)', () => {
    const d = dataset();
    const imported = createPractice({ id: '1000-1-1-1', batch: 1000, item: 1, actors: [渝中] });
    const merged = { ...d, batches: [...d.batches, { ...d.batches[0]!, id: 1000 }], practices: [...d.practices, imported] };
    expect(Object.fromEntries(facetCounts(merged, EMPTY_FILTERS).programmes)).toEqual({ pilot: 4, fund: 5, other: 0 });
  });

  it('reads ?prog= and reports an unknown programme like any bad parameter', () => {
    const known = knownOptionsOf(dataset());
    expect(decodeSearch('prog=pilot,fund', known).state.filters?.programmes).toEqual(['fund', 'pilot']);
    expect(decodeSearch('prog=pilot,fund-2099', known).invalid).toEqual([{ key: 'prog', value: 'fund-2099', reason: 'not in the dataset' }]);
    expect(decodeSearch('prog=Pilot!', known).invalid).toEqual([{ key: 'prog', value: 'Pilot!', reason: expect.stringContaining('programme') }]);
  });

  it('a region says which programmes it is a unit of, or lies inside', () => {
    const d = dataset();
    expect(programmesOfRegion(d, 九龙坡).unitOf.map((p) => p.id)).toEqual(['pilot']);
    expect(programmesOfRegion(d, 九龙坡).inside.map((x) => [x.programme.id, x.unit.name])).toEqual([['fund', '重庆市']]);
    expect(programmesOfRegion(d, 锦江).inside.map((x) => x.programme.id)).toEqual(['pilot']);
    expect(programmeUnitsInProvince(d, 500000).map((x) => [x.programme.id, x.units.length])).toEqual([
      ['pilot', 2],
      ['fund', 1],
    ]);
    expect(programmeUnitsInProvince(d, 510000).map((x) => x.programme.id)).toEqual(['pilot']);
  });
});
