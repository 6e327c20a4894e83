// Programmes (issue 27) in the briefing's slide list, the deck and the data exports, on a hand-made dataset.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Dataset, Place, Programme } from '../types';
import { city, createDataset, createPractice, district, province } from '../store/test-helpers';
import { slideRegions, slidesOf } from '../store/slides';
import { planDeck } from './deck';
import { CSV_COLUMNS, practicesCsv, practicesJson } from '../format/csv';
import { parseDataset } from '../ingest/schema';

const programme = (id: string, title: string, status: Programme['status'], units: Place[]): Programme => ({
  id,
  title,
  titleEn: `${id} (en)`,
  issuer: '住房和城乡建设部',
  date: '2021-11-06',
  status,
  sources: [{ title: '来源', publisher: '某网站', date: '2021-11-08', url: 'http://example.org/a' }],
  file: `data/programmes/${id}.json`,
  units: units.map((u) => ({ ...u, published: u.name })),
});

function dataset(): Dataset {
  const d = createDataset({
    practices: [
      createPractice({ id: '1-1-1-1', item: 1, actors: [district(500107, '九龙坡区')] }),
      createPractice({ id: '1-1-1-2', item: 2, actors: [province(500000, '重庆市')] }),
      createPractice({ id: '1-1-1-3', item: 3, actors: [city(370700, '潍坊市')] }),
    ],
  });
  return {
    ...d,
    programmes: [
      programme('pilot', '试点', '正式', [district(500103, '渝中区'), district(500107, '九龙坡区'), city(370700, '潍坊市')]),
      programme('fund', '支持', '公示', [province(500000, '重庆市'), city(130100, '石家庄市')]),
    ],
  };
}

describe('programme slides', () => {
  it('come after every province and practice slide, one per programme, on the national view', () => {
    const d = dataset();
    const slides = slidesOf(d, d.practices);
    expect(slides.slice(-2)).toEqual([
      { kind: 'programme', id: 'pilot' },
      { kind: 'programme', id: 'fund' },
    ]);
    expect(slides.slice(0, -2).every((s) => s.kind !== 'programme')).toBe(true);
    expect(slideRegions(d, slides.at(-1))).toEqual([]);
    // Without programmes, the deck is as before.
    expect(slidesOf({ ...d, programmes: undefined }, d.practices).some((s) => s.kind === 'programme')).toBe(false);
  });

  it('each has a deck page: the sentence, units with and without practices, the source, and its units to outline', () => {
    const d = dataset();
    const { pages } = planDeck({ dataset: d, practices: d.practices, gazetteer: new Map(), lang: 'zh', subject: '全国', filterWords: '', date: '', placeName: (a) => `地${a}` });
    const pilot = pages.find((p) => p.kind === 'programme' && p.title === '试点')!;
    expect(pilot.body[0]).toBe('3 个城市（区）中 2 个有做法入选');
    expect(pilot.body[1]).toBe('有做法入选：九龙坡区 1、潍坊市 1');
    expect(pilot.body[2]).toBe('暂无做法入选：渝中区');
    expect(pilot.programme).toEqual({ id: 'pilot', withPractices: [500107, 370700], without: [500103] });
    expect(pilot.map).toBeNull();
    expect(pilot.citation).toContain('http://example.org/a');
    const fund = pages.find((p) => p.kind === 'programme' && p.title === '支持')!;
    expect(fund.caption).toContain('公示名单（拟）');
    expect(fund.body[0]).toBe('2 个城市（区）中 1 个有做法入选');
  });
});

describe('programme columns in the data exports', () => {
  it('CSV: each practice with its programmes by the rule', () => {
    const d = dataset();
    const rows = Papa.parse<string[]>(practicesCsv(d, d.practices).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const col = rows[0]!.indexOf('城市更新试点与支持');
    expect(col).toBe(CSV_COLUMNS.length - 1);
    expect(rows.slice(1).map((r) => [r[0], r[col]])).toEqual([
      ['1-1-1-1', '试点、支持'],
      ['1-1-1-2', '支持'],
      ['1-1-1-3', '试点'],
    ]);
    const en = Papa.parse<string[]>(practicesCsv(d, d.practices, { lang: 'en' }).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(en[0]!.at(-1)).toBe('programmes');
    expect(en[1]!.at(-1)).toBe('pilot (en)、fund (en)');
  });

  it('JSON: programme ids per practice and the lists themselves; the file still reads as a dataset', () => {
    const d = dataset();
    const json = JSON.parse(practicesJson(d, d.practices)) as { practices: { id: string; programmes: string[] }[]; programmes: Programme[] };
    expect(json.practices.map((p) => p.programmes)).toEqual([['pilot', 'fund'], ['fund'], ['pilot']]);
    expect(json.programmes.map((p) => p.id)).toEqual(['pilot', 'fund']);
    expect(parseDataset(json).practices).toHaveLength(3);
  });
});
