import { describe, expect, it } from 'vitest';
import {
  alignedColumns,
  coverageMatrix,
  distributions,
  matrixCell,
  missingProvinces,
  provinceList,
  provinceRanking,
  searchProvinces,
  shortProvinceName,
} from './compare';
import { city, createBatch, createDataset, createPractice, district, province } from '../store/test-helpers';
import { filterPractices, practicesOfRegion } from '../store/selectors';
import { createSyntheticDataset } from '../store/test-helpers';
import { measureKey } from '../store/filters';
import { EMPTY_FILTERS } from '../store/filters';
import type { Dataset, GazetteerEntry } from '../types';

const JS = 320000;
const CQ = 500000;
const SD = 370000;

/** 江苏: 2 practices under 1-1-1 (南京 city, 苏州 district), 1 under 1-2-1 (province). 重庆: 1-1-1 (itself), 1-1-2 (九龙坡).
 *  山东: 1-3-1 (潍坊). One joint 江苏 + 重庆 practice under 1-2-2. */
function createFixture(): Dataset {
  return createDataset({
    batches: [createBatch(1, [2, 2, 1])],
    practices: [
      createPractice({ id: '1-1-1-1', mech: 1, meas: 1, actors: [city(320100, '南京市')], themes: ['a'] }),
      createPractice({ id: '1-1-1-2', mech: 1, meas: 1, actors: [district(320508, '姑苏区', 320500)], themes: ['a', 'b'] }),
      createPractice({ id: '1-1-1-3', mech: 1, meas: 1, actors: [province(CQ, '重庆市')], themes: ['b'] }),
      createPractice({ id: '1-1-2-1', mech: 1, meas: 2, actors: [district(500107, '九龙坡区')] }),
      createPractice({ id: '1-2-1-1', mech: 2, meas: 1, actors: [province(JS, '江苏省')] }),
      createPractice({ id: '1-2-2-1', mech: 2, meas: 2, actors: [city(320200, '无锡市'), province(CQ, '重庆市')] }),
      createPractice({ id: '1-3-1-1', mech: 3, meas: 1, actors: [city(370700, '潍坊市')], mentions: [province(JS, '江苏省')] }),
    ],
  });
}

function createGazetteer(entries: [number, string, string][]): GazetteerEntry[] {
  return entries.map(([adcode, name, short]) => ({ adcode, name, short, level: 'province', parent: 100000, center: [0, 0] }));
}

describe('coverageMatrix', () => {
  it('lists every mechanism and measure of the taxonomy as rows, each mechanism before its measures', () => {
    const ds = createFixture();
    const m = coverageMatrix(ds, ds.practices, [JS, CQ]);
    expect(m.rows.map((r) => `${r.kind[1]}:${r.key}`)).toEqual([
      'e:1-1', 'e:1-1-1', 'e:1-1-2', 'e:1-2', 'e:1-2-1', 'e:1-2-2', 'e:1-3', 'e:1-3-1',
    ]);
    expect(m.rows.filter((r) => r.kind === 'mechanism').map((r) => r.key)).toEqual(['1-1', '1-2', '1-3']);
  });

  it('counts a practice for a province when an actor lies in it, with the practice ids', () => {
    const ds = createFixture();
    const m = coverageMatrix(ds, ds.practices, [JS, CQ]);
    expect(matrixCell(m, '1-1-1', JS)).toEqual({ province: JS, count: 2, practiceIds: ['1-1-1-1', '1-1-1-2'] });
    expect(matrixCell(m, '1-1-1', CQ)).toEqual({ province: CQ, count: 1, practiceIds: ['1-1-1-3'] });
    expect(matrixCell(m, '1-1-2', CQ)?.count).toBe(1);
    expect(matrixCell(m, '1-1-2', JS)?.count).toBe(0);
  });

  it('sums mechanism rows over their measures', () => {
    const ds = createFixture();
    const m = coverageMatrix(ds, ds.practices, [JS, CQ]);
    expect(matrixCell(m, '1-1', JS)?.count).toBe(2);
    expect(matrixCell(m, '1-1', CQ)?.practiceIds).toEqual(['1-1-1-3', '1-1-2-1']);
    expect(matrixCell(m, '1-2', JS)?.count).toBe(2);
  });

  it('counts a practice with actors in two compared provinces in both columns but once in the row total', () => {
    const ds = createFixture();
    const m = coverageMatrix(ds, ds.practices, [JS, CQ]);
    const row = m.rows.find((r) => r.key === '1-2-2')!;
    expect(row.cells.map((c) => c.count)).toEqual([1, 1]);
    expect(row.total).toBe(1);
  });

  it('never counts mentions', () => {
    const ds = createFixture();
    const m = coverageMatrix(ds, ds.practices, [JS]);
    expect(matrixCell(m, '1-3-1', JS)?.count).toBe(0);
  });

  it('gives column totals and the maxima for the colour scales', () => {
    const ds = createFixture();
    const m = coverageMatrix(ds, ds.practices, [JS, CQ, SD]);
    expect(m.totals).toEqual([4, 3, 1]);
    expect(m.maxMeasure).toBe(2);
    expect(m.maxMechanism).toBe(2);
  });

  it('follows the practices it is given (the filtered ones)', () => {
    const ds = createFixture();
    const filtered = filterPractices(ds, { ...EMPTY_FILTERS, themes: ['a'] });
    const m = coverageMatrix(ds, filtered, [JS, CQ]);
    expect(matrixCell(m, '1-1-1', JS)?.practiceIds).toEqual(['1-1-1-1', '1-1-1-2']);
    expect(matrixCell(m, '1-1-1', CQ)?.count).toBe(0);
    expect(m.totals).toEqual([2, 0]);
  });

  it('keeps the columns in the order the provinces were chosen', () => {
    const ds = createFixture();
    const m = coverageMatrix(ds, ds.practices, [CQ, JS]);
    expect(m.provinces).toEqual([CQ, JS]);
    expect(m.rows[1]!.cells.map((c) => c.province)).toEqual([CQ, JS]);
  });

  it('restricts rows to the given batches', () => {
    const ds = createDataset({
      batches: [createBatch(1, [1]), createBatch(2, [2])],
      practices: [createPractice({ batch: 2, mech: 1, meas: 2, actors: [province(JS, '江苏省')] })],
    });
    const m = coverageMatrix(ds, ds.practices, [JS], { batches: [2] });
    expect(m.rows.map((r) => r.key)).toEqual(['2-1', '2-1-1', '2-1-2']);
  });

  it('gives a row to a practice whose measure the taxonomy does not list, under its mechanism', () => {
    const ds = createDataset({
      batches: [createBatch(1, [1, 1])],
      practices: [createPractice({ id: 'x', mech: 1, meas: 5, actors: [province(JS, '江苏省')] })],
    });
    const m = coverageMatrix(ds, ds.practices, [JS]);
    expect(m.rows.map((r) => r.key)).toEqual(['1-1', '1-1-1', '1-1-5', '1-2', '1-2-1']);
    expect(matrixCell(m, '1-1-5', JS)?.practiceIds).toEqual(['x']);
  });

  it('has empty columns for no province', () => {
    const ds = createFixture();
    const m = coverageMatrix(ds, ds.practices, []);
    expect(m.rows.every((r) => r.cells.length === 0 && r.total === 0)).toBe(true);
    expect(m.maxMeasure).toBe(0);
  });
});

describe('coverageMatrix against the store’s counting', () => {
  it('agrees with practicesOfRegion on a synthetic dataset, filtered or not', () => {
    const ds = createSyntheticDataset(3000, 11, 2);
    const provinces = [110000, 320000, 500000, 640000];
    for (const filters of [EMPTY_FILTERS, { ...EMPTY_FILTERS, levels: ['city' as const] }, { ...EMPTY_FILTERS, q: '片区' }]) {
      const practices = filterPractices(ds, filters);
      const m = coverageMatrix(ds, practices, provinces);
      provinces.forEach((a, c) => {
        const mine = practicesOfRegion(ds, practices, a);
        expect(m.totals[c]).toBe(mine.length);
        for (const row of m.rows.filter((r) => r.kind === 'measure')) {
          expect(row.cells[c]!.practiceIds).toEqual(mine.filter((p) => measureKey(p) === row.key).map((p) => p.id));
        }
      });
    }
  });
});

describe('alignedColumns', () => {
  it('lists the measures with practices in any compared province, in taxonomy order', () => {
    const ds = createFixture();
    const a = alignedColumns(ds, ds.practices, [JS, CQ]);
    expect(a.map((m) => m.key)).toEqual(['1-1-1', '1-1-2', '1-2-1', '1-2-2']);
    expect(a[0]!.mechanism).toEqual({ key: '1-1', code: '一', title: '机制1' });
    expect(a[0]!.measure).toEqual({ code: '（一）', title: '举措1.1' });
  });

  it('puts each province’s practices in its column', () => {
    const ds = createFixture();
    const m = alignedColumns(ds, ds.practices, [JS, CQ]).find((x) => x.key === '1-1-1')!;
    expect(m.columns.map((c) => [c.province, c.practices.map((p) => p.id)])).toEqual([
      [JS, ['1-1-1-1', '1-1-1-2']],
      [CQ, ['1-1-1-3']],
    ]);
    expect(m.onlyProvince).toBeNull();
  });

  it('marks a measure only one compared province has', () => {
    const ds = createFixture();
    const a = alignedColumns(ds, ds.practices, [JS, CQ]);
    const m112 = a.find((x) => x.key === '1-1-2')!;
    expect(m112.onlyProvince).toBe(CQ);
    expect(m112.columns.map((c) => c.only)).toEqual([false, true]);
    expect(a.find((x) => x.key === '1-2-1')!.onlyProvince).toBe(JS);
    // Shared by both through one joint practice: not "only".
    expect(a.find((x) => x.key === '1-2-2')!.onlyProvince).toBeNull();
  });

  it('marks nothing "only" when a single province is compared', () => {
    const ds = createFixture();
    const a = alignedColumns(ds, ds.practices, [JS]);
    expect(a.every((m) => m.onlyProvince === null && m.columns.every((c) => !c.only))).toBe(true);
  });
});

describe('provinceRanking', () => {
  it('ranks provinces by count, ties by adcode sharing a rank, and leaves out those with none', () => {
    const ds = createFixture();
    const provinces = provinceList();
    const r = provinceRanking(ds, ds.practices, provinces);
    expect(r.map((p) => [p.short, p.count, p.rank])).toEqual([
      ['江苏', 4, 1],
      ['重庆', 3, 2],
      ['山东', 1, 3],
    ]);
  });

  it('gives equal counts the same competition rank', () => {
    const ds = createDataset({
      practices: [
        createPractice({ actors: [province(JS, '江苏省')] }),
        createPractice({ actors: [province(CQ, '重庆市')] }),
        createPractice({ actors: [province(SD, '山东省')] }),
        createPractice({ actors: [province(SD, '山东省')] }),
      ],
    });
    const r = provinceRanking(ds, ds.practices, provinceList());
    expect(r.map((p) => [p.adcode, p.rank])).toEqual([
      [SD, 1],
      [JS, 2],
      [CQ, 2],
    ]);
  });

  it('lists every province with includeZero', () => {
    const ds = createFixture();
    expect(provinceRanking(ds, ds.practices, provinceList(), { includeZero: true })).toHaveLength(34);
  });
});

describe('missingProvinces', () => {
  it('lists the provincial units with no practice, in adcode order', () => {
    const ds = createFixture();
    const missing = missingProvinces(ds, ds.practices, provinceList());
    expect(missing).toHaveLength(31);
    expect(missing.map((p) => p.adcode)).not.toContain(JS);
    expect(missing.map((p) => p.short).slice(-3)).toEqual(['台湾', '香港', '澳门']);
  });

  it('follows the filters: a province drops out of the ranking into the gaps', () => {
    const ds = createFixture();
    const filtered = filterPractices(ds, { ...EMPTY_FILTERS, themes: ['a'] });
    const missing = missingProvinces(ds, filtered, provinceList()).map((p) => p.adcode);
    expect(missing).toContain(CQ);
    expect(missing).not.toContain(JS);
    expect(missing).toHaveLength(33);
  });

  it('lists all 34 when nothing matches', () => {
    const ds = createFixture();
    expect(missingProvinces(ds, [], provinceList())).toHaveLength(34);
  });
});

describe('provinceList', () => {
  it('has the 34 provincial units with short names', () => {
    const ps = provinceList();
    expect(ps).toHaveLength(34);
    expect(ps.find((p) => p.adcode === 640000)).toEqual({ adcode: 640000, name: '宁夏回族自治区', short: '宁夏' });
    expect(ps.find((p) => p.adcode === 450000)!.short).toBe('广西');
    expect(ps.find((p) => p.adcode === 650000)!.short).toBe('新疆');
    expect(ps.find((p) => p.adcode === 810000)!.short).toBe('香港');
  });

  it('takes names from the gazetteer when it has them, ignoring its other levels', () => {
    const gaz = [
      ...createGazetteer([[320000, '江苏省', '苏']]),
      { adcode: 320100, name: '南京市', short: '南京', level: 'city' as const, parent: 320000, center: [0, 0] as [number, number] },
    ];
    const ps = provinceList(new Map(gaz.map((g) => [g.adcode, g])));
    expect(ps).toHaveLength(34);
    expect(ps.find((p) => p.adcode === JS)!.short).toBe('苏');
  });

  it('shortens province names', () => {
    expect(shortProvinceName('内蒙古自治区')).toBe('内蒙古');
    expect(shortProvinceName('北京市')).toBe('北京');
    expect(shortProvinceName('澳门特别行政区')).toBe('澳门');
  });
});

describe('distributions', () => {
  it('counts by mechanism, measure, theme and level, listing zeros', () => {
    const ds = createFixture();
    const d = distributions(ds, ds.practices);
    expect(d.mechanisms.map((b) => [b.key, b.count])).toEqual([
      ['1-1', 4],
      ['1-2', 2],
      ['1-3', 1],
    ]);
    expect(d.measures.map((b) => b.count)).toEqual([3, 1, 1, 1, 1]);
    expect(d.measures[0]).toMatchObject({ key: '1-1-1', code: '（一）', label: '举措1.1', parent: '1-1' });
    expect(d.themes.map((b) => [b.key, b.count])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
    // The joint practice has a city and a province actor: it counts for both levels.
    expect(d.levels.map((b) => [b.key, b.count])).toEqual([
      ['province', 3],
      ['city', 3],
      ['district', 2],
    ]);
  });

  it('follows the practices it is given', () => {
    const ds = createFixture();
    const d = distributions(ds, []);
    expect(d.mechanisms.every((b) => b.count === 0)).toBe(true);
    expect(d.mechanisms).toHaveLength(3);
  });
});

describe('searchProvinces', () => {
  it('matches full name, short name and adcode, names that start with the query first', () => {
    const ps = provinceList();
    expect(searchProvinces(ps, '江').map((p) => p.short)).toEqual(['江苏', '江西', '黑龙江', '浙江']);
    expect(searchProvinces(ps, ' 自治区 ')).toHaveLength(5);
    expect(searchProvinces(ps, '5000').map((p) => p.short)).toEqual(['重庆']);
    expect(searchProvinces(ps, '')).toHaveLength(34);
  });
});
