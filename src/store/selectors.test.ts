import { describe, expect, it } from 'vitest';
import type { Practice } from '../types';
import { EMPTY_FILTERS, type Filters, measureKey, mechanismKey, practiceMatches } from './filters';
import {
  countsByRegion,
  createIndex,
  facetCounts,
  filterPractices,
  groupByCity,
  groupByTaxonomy,
  knownOptionsOf,
  markerPoints,
  practicesOfRegion,
  provinceCounts,
  regionName,
} from './selectors';
import {
  city,
  createBatch,
  createDataset,
  createPractice,
  createSyntheticDataset,
  district,
  province,
  rng,
} from './test-helpers';

const filters = (f: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...f });
const ids = (ps: readonly Practice[]) => ps.map((p) => p.id);
const CQ = () => province(500000, '重庆市');
const JLP = () => district(500107, '九龙坡区');
const WEIFANG = () => city(370700, '潍坊市');

describe('counting rules (DATA-MODEL)', () => {
  it("a province counts its own practices plus its cities' and districts' (重庆 = 4 + 1 = 5)", () => {
    const ds = createDataset({
      practices: [
        ...Array.from({ length: 4 }, () => createPractice({ actors: [CQ()] })),
        createPractice({ actors: [JLP()] }),
      ],
    });
    const counts = countsByRegion(ds, ds.practices);
    expect(counts.get(500000)).toBe(5);
    expect(counts.get(500107)).toBe(1);
  });

  it('a district under a prefecture city counts for the district, the city and the province', () => {
    const ds = createDataset({ practices: [createPractice({ actors: [district(370702, '潍城区', 370700)] })] });
    expect(countsByRegion(ds, ds.practices)).toEqual(
      new Map([
        [370000, 1],
        [370700, 1],
        [370702, 1],
      ]),
    );
  });

  it('a practice with two actors in one province counts once for that province', () => {
    const ds = createDataset({
      practices: [createPractice({ actors: [city(320100, '南京市'), city(320500, '苏州市')] })],
    });
    const counts = countsByRegion(ds, ds.practices);
    expect(counts.get(320000)).toBe(1);
    expect(counts.get(320100)).toBe(1);
    expect(counts.get(320500)).toBe(1);
  });

  it('a practice with a city and one of its districts as actors counts once for the city', () => {
    const ds = createDataset({
      practices: [createPractice({ actors: [WEIFANG(), district(370702, '潍城区', 370700)] })],
    });
    expect(countsByRegion(ds, ds.practices).get(370700)).toBe(1);
  });

  it('a practice with actors in two provinces counts once in each', () => {
    const ds = createDataset({
      practices: [createPractice({ actors: [city(320100, '南京市'), city(340100, '合肥市')] })],
    });
    const counts = provinceCounts(ds, ds.practices);
    expect(counts).toEqual(
      new Map([
        [320000, 1],
        [340000, 1],
      ]),
    );
  });

  it('mentions never count', () => {
    const ds = createDataset({ practices: [createPractice({ actors: [CQ()], mentions: [district(500105, '江北区')] })] });
    const counts = countsByRegion(ds, ds.practices);
    expect(counts.has(500105)).toBe(false);
    expect(counts.get(500000)).toBe(1);
  });

  it('lists only regions with at least one practice, in adcode order', () => {
    const ds = createDataset({
      practices: [createPractice({ actors: [JLP()] }), createPractice({ actors: [WEIFANG()] })],
    });
    expect([...countsByRegion(ds, ds.practices).keys()]).toEqual([370000, 370700, 500000, 500107]);
    expect(countsByRegion(ds, [])).toEqual(new Map());
  });

  it('counts only the given practices', () => {
    const a = createPractice({ actors: [CQ()] });
    const b = createPractice({ actors: [CQ()] });
    const ds = createDataset({ practices: [a, b] });
    expect(countsByRegion(ds, [b]).get(500000)).toBe(1);
  });

  it('provinceCounts keeps only provincial adcodes', () => {
    const ds = createDataset({ practices: [createPractice({ actors: [district(370702, '潍城区', 370700)] })] });
    expect([...provinceCounts(ds, ds.practices).keys()]).toEqual([370000]);
  });

  it('is memoised on the practice array', () => {
    const ds = createDataset({ practices: [createPractice()] });
    expect(countsByRegion(ds, ds.practices)).toBe(countsByRegion(ds, ds.practices));
  });
});

describe('createIndex', () => {
  it('is built once per dataset', () => {
    const ds = createDataset({ practices: [createPractice()] });
    expect(createIndex(ds)).toBe(createIndex(ds));
  });

  it('names regions from actors, mentions and the province table', () => {
    const ds = createDataset({ practices: [createPractice({ actors: [WEIFANG()], mentions: [JLP()] })] });
    expect(regionName(ds, 370700)).toBe('潍坊市');
    expect(regionName(ds, 500107)).toBe('九龙坡区');
    expect(regionName(ds, 370000)).toBe('山东省');
  });
});

describe('filterPractices', () => {
  const sample = () =>
    createDataset({
      practices: [
        createPractice({ batch: 1, mech: 1, meas: 1, actors: [CQ()], themes: ['组织机制'] }),
        createPractice({ batch: 1, mech: 1, meas: 2, actors: [WEIFANG()], themes: ['资金保障'] }),
        createPractice({ batch: 1, mech: 2, meas: 1, actors: [JLP()], themes: ['组织机制', '资金保障'] }),
        createPractice({ batch: 2, mech: 1, meas: 1, actors: [city(320100, '南京市')], text: '南京市发行REITs。' }),
      ],
    });

  it('returns every practice, in dataset order, for empty filters', () => {
    const ds = sample();
    expect(ids(filterPractices(ds, EMPTY_FILTERS))).toEqual(ids(ds.practices));
  });

  it('returns the same array for equal filters, even as new objects in another order', () => {
    const ds = sample();
    const a = filterPractices(ds, filters({ batches: [1, 2], themes: ['资金保障'] }));
    const b = filterPractices(ds, filters({ batches: [2, 1], themes: ['资金保障'] }));
    expect(b).toBe(a);
  });

  it('keeps recent results when two views alternate between filters', () => {
    const ds = sample();
    const a = filterPractices(ds, filters({ batches: [1] }));
    const b = filterPractices(ds, filters({ batches: [2] }));
    expect(filterPractices(ds, filters({ batches: [1] }))).toBe(a);
    expect(filterPractices(ds, filters({ batches: [2] }))).toBe(b);
  });

  it('returns a new array when the filters change', () => {
    const ds = sample();
    const a = filterPractices(ds, filters({ batches: [1] }));
    const b = filterPractices(ds, filters({ batches: [2] }));
    expect(b).not.toBe(a);
    expect(ids(b)).toEqual([ds.practices[3]!.id]);
  });

  it('narrows a mechanism by one of its measures', () => {
    const ds = sample();
    const got = filterPractices(ds, filters({ mechanisms: ['1-1'], measures: ['1-1-2'] }));
    expect(ids(got)).toEqual([ds.practices[1]!.id]);
  });

  it('matches levels by any actor', () => {
    const ds = sample();
    expect(ids(filterPractices(ds, filters({ levels: ['province', 'district'] })))).toEqual(
      ids([ds.practices[0]!, ds.practices[2]!]),
    );
  });

  it('finds practices by province name through their actors', () => {
    const ds = sample();
    expect(ids(filterPractices(ds, filters({ q: '江苏' })))).toEqual([ds.practices[3]!.id]);
  });

  it('ANDs query terms, case-insensitively', () => {
    const ds = sample();
    expect(ids(filterPractices(ds, filters({ q: 'reits 南京' })))).toEqual([ds.practices[3]!.id]);
    expect(filterPractices(ds, filters({ q: 'reits 重庆' }))).toEqual([]);
  });

  it('agrees with the reference predicate on a random dataset and random filters', () => {
    const ds = createSyntheticDataset(600, 7);
    const names = createIndex(ds).names;
    const r = rng(99);
    const some = <T>(xs: readonly T[], p: number) => xs.filter(() => r() < p);
    const mechs = ds.batches.flatMap((b) => b.taxonomy.map((m) => `${b.id}-${m.index}`));
    const meas = ds.batches.flatMap((b) => b.taxonomy.flatMap((m) => m.measures.map((s) => `${b.id}-${m.index}-${s.index}`)));
    for (let trial = 0; trial < 60; trial++) {
      const f: Filters = {
        ...EMPTY_FILTERS,
        batches: some([1, 2, 3], 0.3),
        mechanisms: some(mechs, 0.1),
        measures: some(meas, 0.05),
        themes: some(ds.themes.map((t) => t.key), 0.2),
        levels: some(['province', 'city', 'district'] as const, 0.3),
        q: r() < 0.4 ? (r() < 0.5 ? '资金' : '江苏 片区') : '',
      };
      const expected = ds.practices.filter((p) => practiceMatches(p, f, (a) => names.get(a)));
      expect(ids(filterPractices(ds, f))).toEqual(ids(expected));
    }
  });
});

describe('facetCounts', () => {
  const sample = () =>
    createDataset({
      batches: [createBatch(1, [2, 2]), createBatch(2, [1])],
      themes: [
        { key: '组织机制', zh: '组织机制', en: 'Organisation' },
        { key: '资金保障', zh: '资金保障', en: 'Funding' },
        { key: '公众参与', zh: '公众参与', en: 'Participation' },
      ],
      practices: [
        createPractice({ batch: 1, mech: 1, meas: 1, actors: [CQ()], themes: ['组织机制'] }),
        createPractice({ batch: 1, mech: 1, meas: 2, actors: [WEIFANG()], themes: ['资金保障'] }),
        createPractice({ batch: 1, mech: 2, meas: 1, actors: [JLP()], themes: ['组织机制', '资金保障'] }),
        createPractice({ batch: 2, mech: 1, meas: 1, actors: [city(320100, '南京市'), CQ()], themes: ['组织机制'] }),
      ],
    });

  it('lists every option of the dataset, zero counts included, in taxonomy order', () => {
    const fc = facetCounts(sample(), EMPTY_FILTERS);
    expect([...fc.batches]).toEqual([
      [1, 3],
      [2, 1],
    ]);
    expect([...fc.mechanisms.keys()]).toEqual(['1-1', '1-2', '2-1']);
    expect([...fc.measures]).toEqual([
      ['1-1-1', 1],
      ['1-1-2', 1],
      ['1-2-1', 1],
      ['1-2-2', 0],
      ['2-1-1', 1],
    ]);
    expect(fc.themes.get('公众参与')).toBe(0);
  });

  it("ignores a facet's own selection when counting its options", () => {
    const fc = facetCounts(sample(), filters({ batches: [1] }));
    expect(fc.batches.get(2)).toBe(1);
    expect(fc.batches.get(1)).toBe(3);
  });

  it('applies every other facet', () => {
    const fc = facetCounts(sample(), filters({ batches: [1] }));
    expect(fc.themes.get('组织机制')).toBe(2);
    expect(fc.mechanisms.get('2-1')).toBe(0);
    expect(fc.levels.get('city')).toBe(1);
  });

  it('counts mechanisms and measures without the taxonomy selection (one facet)', () => {
    const fc = facetCounts(sample(), filters({ mechanisms: ['1-1'], measures: ['1-1-2'] }));
    expect(fc.mechanisms.get('1-2')).toBe(1);
    expect(fc.measures.get('1-1-1')).toBe(1);
    // …while the other facets do see the taxonomy selection:
    expect(fc.batches.get(1)).toBe(1);
    expect(fc.themes.get('资金保障')).toBe(1);
  });

  it('counts a practice once per level even with two actors of that level, and under each level it has', () => {
    const fc = facetCounts(sample(), EMPTY_FILTERS);
    expect(fc.levels).toEqual(
      new Map([
        ['province', 2],
        ['city', 2],
        ['district', 1],
      ]),
    );
  });

  it('applies the query to every facet', () => {
    const fc = facetCounts(sample(), filters({ q: '九龙坡' }));
    expect([...fc.batches.values()]).toEqual([1, 0]);
  });

  it('agrees with counting by brute force on a random dataset', () => {
    const ds = createSyntheticDataset(400, 3);
    const names = createIndex(ds).names;
    const nameOf = (a: number) => names.get(a);
    const f = filters({ batches: [1, 2], themes: ['资金保障', '历史保护'], levels: ['city', 'district'], mechanisms: ['1-2'], q: '片区' });
    const fc = facetCounts(ds, f);
    const count = (g: Filters, pred: (p: Practice) => boolean) =>
      ds.practices.filter((p) => pred(p) && practiceMatches(p, g, nameOf)).length;
    for (const [b, c] of fc.batches) expect(c).toBe(count({ ...f, batches: [] }, (p) => p.batch === b));
    for (const [m, c] of fc.mechanisms)
      expect(c).toBe(count({ ...f, mechanisms: [], measures: [] }, (p) => mechanismKey(p) === m));
    for (const [m, c] of fc.measures)
      expect(c).toBe(count({ ...f, mechanisms: [], measures: [] }, (p) => measureKey(p) === m));
    for (const [t, c] of fc.themes) expect(c).toBe(count({ ...f, themes: [] }, (p) => p.themes.includes(t)));
    for (const [l, c] of fc.levels)
      expect(c).toBe(count({ ...f, levels: [] }, (p) => p.actors.some((a) => a.level === l)));
  });

  it('returns the same object for equal filters', () => {
    const ds = sample();
    expect(facetCounts(ds, filters({ batches: [1] }))).toBe(facetCounts(ds, filters({ batches: [1] })));
  });
});

describe('markerPoints', () => {
  it('makes one marker per city or district actor, never for province-level practices', () => {
    const ds = createDataset({
      practices: [createPractice({ actors: [CQ()] }), createPractice({ actors: [JLP()] }), createPractice({ actors: [WEIFANG()] })],
    });
    expect(markerPoints(ds, ds.practices).map((m) => [m.adcode, m.level, m.count])).toEqual([
      [370700, 'city', 1],
      [500107, 'district', 1],
    ]);
  });

  it("counts only practices whose actor is exactly the place (a city's marker excludes its districts')", () => {
    const a = createPractice({ actors: [WEIFANG()] });
    const b = createPractice({ actors: [WEIFANG()] });
    const c = createPractice({ actors: [district(370702, '潍城区', 370700)] });
    const ds = createDataset({ practices: [a, b, c] });
    const wf = markerPoints(ds, ds.practices).find((m) => m.adcode === 370700);
    expect(wf).toEqual({ adcode: 370700, name: '潍坊市', level: 'city', count: 2, practiceIds: [a.id, b.id] });
  });

  it('counts a practice once even if it names the same actor twice', () => {
    const ds = createDataset({ practices: [createPractice({ actors: [WEIFANG(), WEIFANG()] })] });
    expect(markerPoints(ds, ds.practices)[0]!.count).toBe(1);
  });
});

describe('practicesOfRegion', () => {
  it("returns the practices that count for a region: a province's includes its districts'", () => {
    const a = createPractice({ actors: [CQ()] });
    const b = createPractice({ actors: [JLP()] });
    const c = createPractice({ actors: [WEIFANG()], mentions: [CQ()] });
    const ds = createDataset({ practices: [a, b, c] });
    expect(ids(practicesOfRegion(ds, ds.practices, 500000))).toEqual([a.id, b.id]);
    expect(ids(practicesOfRegion(ds, ds.practices, 500107))).toEqual([b.id]);
  });
});

describe('groupByTaxonomy', () => {
  it('nests practices by mechanism and measure in taxonomy order, skipping empty groups', () => {
    const p1 = createPractice({ mech: 2, meas: 1 });
    const p2 = createPractice({ mech: 1, meas: 3 });
    const p3 = createPractice({ mech: 1, meas: 1 });
    const p4 = createPractice({ mech: 1, meas: 3 });
    const ds = createDataset({ practices: [p1, p2, p3, p4] });
    const groups = groupByTaxonomy(ds, ds.practices);
    expect(groups.map((g) => [g.key, g.count, g.measures.map((m) => [m.key, ids(m.practices)])])).toEqual([
      ['1-1', 3, [['1-1-1', [p3.id]], ['1-1-3', [p2.id, p4.id]]]],
      ['1-2', 1, [['1-2-1', [p1.id]]]],
    ]);
    expect(groups[0]!.mechanism.title).toBe('机制1');
    expect(groups[0]!.batch.id).toBe(1);
  });

  it('keeps a practice whose measure is missing from the taxonomy, after the known ones', () => {
    const odd = createPractice({ mech: 9, meas: 9 });
    const ok = createPractice({ mech: 1, meas: 1 });
    const ds = createDataset({ practices: [odd, ok] });
    expect(groupByTaxonomy(ds, ds.practices).map((g) => g.key)).toEqual(['1-1', '1-9']);
  });
});

describe('groupByCity', () => {
  it("puts the province's own practices first, then cities by count; districts go to their city", () => {
    const own = createPractice({ actors: [province(370000, '山东省')] });
    const wf1 = createPractice({ actors: [WEIFANG()] });
    const wf2 = createPractice({ actors: [district(370702, '潍城区', 370700)] });
    const jn = createPractice({ actors: [city(370100, '济南市')] });
    const ds = createDataset({ practices: [jn, wf1, own, wf2] });
    const groups = groupByCity(ds, ds.practices, 370000);
    expect(groups.map((g) => [g.adcode, g.name, ids(g.practices)])).toEqual([
      [null, '山东省', [own.id]],
      [370700, '潍坊市', [wf1.id, wf2.id]],
      [370100, '济南市', [jn.id]],
    ]);
  });

  it("groups a municipality's districts as themselves and ignores other provinces' actors", () => {
    const p = createPractice({ actors: [JLP(), WEIFANG()] });
    const ds = createDataset({ practices: [p] });
    expect(groupByCity(ds, ds.practices, 500000).map((g) => g.adcode)).toEqual([500107]);
  });

  it('names a city the dataset does not know from nameOf, else by adcode', () => {
    const p = createPractice({ actors: [district(320106, '鼓楼区', 320100)] });
    const ds = createDataset({ practices: [p] });
    expect(groupByCity(ds, ds.practices, 320000)[0]!.name).toBe('320100');
    expect(groupByCity(ds, ds.practices, 320000, (a) => (a === 320100 ? '南京市' : undefined))[0]!.name).toBe('南京市');
  });
});

describe('knownOptionsOf', () => {
  it("lists the dataset's batches, taxonomy keys, themes and practice ids", () => {
    const p = createPractice({ batch: 1, mech: 2, meas: 3, themes: ['资金保障'] });
    const ds = createDataset({ practices: [p], batches: [createBatch(1, [1, 3])] });
    const known = knownOptionsOf(ds);
    expect(known.batches).toEqual(new Set([1]));
    expect(known.mechanisms).toEqual(new Set(['1-1', '1-2']));
    expect(known.measures).toEqual(new Set(['1-1-1', '1-2-1', '1-2-2', '1-2-3']));
    expect(known.themes).toEqual(new Set(['资金保障']));
    expect(known.practices).toEqual(new Set([p.id]));
  });
});
