import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parseDataset } from '../ingest/schema';
import { EMPTY_FILTERS } from '../store/filters';
import { filterPractices } from '../store/selectors';
import { city, createDataset, createPractice, district, province } from '../store/test-helpers';
import type { GazetteerEntry } from '../types';
import { BOM, CSV_COLUMNS, CSV_COLUMNS_EN, csvRecord, practicesCsv, practicesDataset, practicesJson, unescapeCsvFormula } from './csv';

function readBack(csv: string): string[][] {
  const r = Papa.parse<string[]>(csv.slice(BOM.length), { skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
}

function createTrickyDataset() {
  return createDataset({
    practices: [
      createPractice({
        id: '1-1-1-1',
        item: 1,
        actors: [city(370700, '潍坊市'), province(110000, '北京市')],
        headline: 'A headline, with a comma and "quotes".',
        text: '第一行，含逗号, comma\n第二行 "引号" 与\r\n第三行',
        documents: ['关于推进城市更新的意见'],
        figures: [{ value: 19, unit: '个', raw: '19个', phrase: '19个市直部门' }],
        themes: ['finance'],
      }),
      createPractice({ id: '1-1-1-2', actors: [city(320500, '苏州市')] }),
    ],
  });
}

const realDataset = () => parseDataset(JSON.parse(readFileSync('public/data/practices.json', 'utf8')));

describe('practicesCsv', () => {
  it('starts with a byte-order mark so Excel reads UTF-8', () => {
    const csv = practicesCsv(createTrickyDataset(), createTrickyDataset().practices);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('has a header row and one row per practice', () => {
    const ds = createTrickyDataset();
    const rows = readBack(practicesCsv(ds, ds.practices));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + ds.practices.length);
  });

  it('round-trips commas, quotes and line breaks through papaparse', () => {
    const ds = createTrickyDataset();
    const [header, ...rows] = readBack(practicesCsv(ds, ds.practices));
    const back = rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
    expect(back).toEqual(ds.practices.map((p) => csvRecord(ds, p)));
    expect(back[0]!['全文']).toBe('第一行，含逗号, comma\n第二行 "引号" 与\r\n第三行');
    expect(back[0]!['标题']).toBe('A headline, with a comma and "quotes".');
  });

  it('writes lists with 、 and the item number as the ministry does', () => {
    const ds = createTrickyDataset();
    const r = csvRecord(ds, ds.practices[0]!);
    expect(r['实施主体']).toBe('潍坊市、北京市');
    expect(r['实施主体代码']).toBe('370700、110000');
    expect(r['层级']).toBe('地市级、全市');
    expect(r['序号']).toBe('一（一）1');
    expect(r['引用文件']).toBe('《关于推进城市更新的意见》');
    expect(r['关键数据']).toBe('19个');
  });

  it('has one data row per batch-1 practice, each with its province and level filled', () => {
    const ds = realDataset();
    const batch1 = filterPractices(ds, { ...EMPTY_FILTERS, batches: [1] });
    expect(batch1.length).toBe(ds.practices.filter((p) => p.batch === 1).length);
    const gazetteer = new Map(
      (JSON.parse(readFileSync('public/geo/gazetteer.json', 'utf8')) as GazetteerEntry[]).map((g) => [g.adcode, g]),
    );
    const [header, ...rows] = readBack(practicesCsv(ds, batch1, { gazetteer }));
    expect(rows).toHaveLength(batch1.length);
    expect(new Set(rows.map((r) => r[0])).size).toBe(batch1.length);
    const col = (c: (typeof CSV_COLUMNS)[number]) => header!.indexOf(c);
    for (const r of rows) {
      expect(r[col('省份')]).not.toBe('');
      expect(r[col('省份代码')]).toMatch(/^\d{6}(、\d{6})*$/);
      expect(r[col('层级')]).not.toBe('');
      // A city is named whenever one of the actors is in a city.
      if (r[col('城市代码')]) {
        const names = r[col('城市')]!.split('、');
        expect(names).toHaveLength(r[col('城市代码')]!.split('、').length);
        expect(names.every((n) => n !== '')).toBe(true);
      }
    }
  });

  it('names the provinces even without the gazetteer', () => {
    const ds = createTrickyDataset();
    expect(csvRecord(ds, ds.practices[0]!)['省份']).toBe('山东省、北京市');
  });

  it('names province and city of each actor, and words the level by unit type', () => {
    const gazetteer = new Map<number, GazetteerEntry>(
      (
        [
          [500000, '重庆市', 'province', 100000],
          [500107, '九龙坡区', 'district', 500000],
          [320000, '江苏省', 'province', 100000],
          [320500, '苏州市', 'city', 320000],
          [320508, '姑苏区', 'district', 320500],
        ] as const
      ).map(([adcode, name, level, parent]) => [adcode, { adcode, name, short: name, level, parent, center: [0, 0] }]),
    );
    const ds = createDataset({
      practices: [
        createPractice({ id: '1-1-1-1', actors: [district(500107, '九龙坡区')] }),
        createPractice({ id: '1-1-1-2', actors: [district(320508, '姑苏区', 320500)] }),
        createPractice({ id: '1-1-1-3', actors: [province(500000, '重庆市')] }),
      ],
    });
    const [a, b, c] = ds.practices.map((p) => csvRecord(ds, p, { gazetteer }));
    expect([a!['省份'], a!['省份代码'], a!['城市'], a!['层级']]).toEqual(['重庆市', '500000', '', '区县级']);
    expect([b!['省份'], b!['城市'], b!['城市代码'], b!['层级']]).toEqual(['江苏省', '苏州市', '320500', '区县级']);
    expect(c!['层级']).toBe('全市');
    const json = JSON.parse(practicesJson(ds, ds.practices, { gazetteer })) as { practices: { actors: Record<string, unknown>[] }[] };
    expect(json.practices[1]!.actors[0]).toMatchObject({ provinceName: '江苏省', city: 320500, cityAdcode: 320500, cityName: '苏州市', levelLabel: '区县级' });
    expect(json.practices[2]!.actors[0]).toMatchObject({ provinceName: '重庆市', levelLabel: '全市' });
  });

  it('writes headers in the UI language', () => {
    const ds = createTrickyDataset();
    const [header] = readBack(practicesCsv(ds, ds.practices, { lang: 'en' }));
    expect(header).toEqual(CSV_COLUMNS.map((c) => CSV_COLUMNS_EN[c]));
    expect(header).toContain('province');
    expect(csvRecord(ds, ds.practices[0]!, { lang: 'en' })['层级']).toBe('Prefecture level、Municipality-wide');
  });

  it('escapes text that a spreadsheet would run as a formula, and it reads back as the same text', () => {
    const hostile = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
    const ds = createDataset({
      practices: hostile.map((text, i) => createPractice({ id: `1-1-1-${i + 1}`, item: i + 1, headline: text, text })),
    });
    const csv = practicesCsv(ds, ds.practices);
    // No line of the file has a cell that starts with a formula character.
    const [header, ...rows] = readBack(csv);
    const textCol = header!.indexOf('全文');
    for (const [i, r] of rows.entries()) {
      expect(r[textCol]).toBe(`'${hostile[i]}`);
      expect(unescapeCsvFormula(r[textCol]!)).toBe(hostile[i]);
      expect(unescapeCsvFormula(r[header!.indexOf('标题')]!)).toBe(hostile[i]);
    }
    expect(csv).not.toMatch(/(^|[,\n])=cmd/);
    // Ordinary text, and an apostrophe not followed by a formula character, are left alone.
    expect(unescapeCsvFormula("'quoted'")).toBe("'quoted'");
    expect(unescapeCsvFormula('城市更新')).toBe('城市更新');
  });
});

describe('practicesJson', () => {
  it('is a dataset that parseDataset accepts, holding exactly the filtered practices', () => {
    const ds = realDataset();
    const picked = filterPractices(ds, { ...EMPTY_FILTERS, q: '重庆' });
    expect(picked.length).toBeGreaterThan(0);
    const back = parseDataset(JSON.parse(practicesJson(ds, picked)));
    expect(back.practices.map((p) => p.id)).toEqual(picked.map((p) => p.id));
    expect(back.practices).toEqual(picked);
    expect(back.batches.map((b) => b.id)).toEqual([1]);
  });

  it('keeps only the batches its practices belong to', () => {
    const out = practicesDataset(
      createDataset({ practices: [createPractice({ batch: 2, id: '2-1-1-1' }), createPractice({ batch: 1, id: '1-1-1-9' })] }),
      [createPractice({ batch: 2, id: '2-1-1-1' })],
    );
    expect(out.batches.map((b) => b.id)).toEqual([2]);
  });
});
