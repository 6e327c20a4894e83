import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parseDataset } from '../ingest/schema';
import { EMPTY_FILTERS } from '../store/filters';
import { filterPractices } from '../store/selectors';
import { city, createDataset, createPractice, province } from '../store/test-helpers';
import { BOM, CSV_COLUMNS, csvRecord, practicesCsv, practicesDataset, practicesJson } from './csv';

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
    expect(r['层级']).toBe('地市级、省级');
    expect(r['序号']).toBe('一（一）1');
    expect(r['引用文件']).toBe('《关于推进城市更新的意见》');
    expect(r['关键数据']).toBe('19个');
  });

  it('has 30 data rows for the unfiltered batch-1 dataset', () => {
    const ds = realDataset();
    const rows = readBack(practicesCsv(ds, filterPractices(ds, EMPTY_FILTERS)));
    expect(rows).toHaveLength(31);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(30);
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
