// Issue 16: later batches as users really get them. Each form is built mechanically from batch 1 (test-forms.ts)
// and must ingest to the same 30 records (texts equal modulo punctuation width); every inference is a warning with
// its line.
import { describe, expect, it } from 'vitest';
import type { Practice } from '../types';
import { ingestText, type IngestOptions, type IngestResult } from './ingest';
import { createBatch1Text, createOptions } from './test-helpers';
import { asciiPunctuation, cellPerLine, listModel, punctuationWidthless, tabRows, traditional, truncated, webPage, withoutMeasures, type ListModel } from './test-forms';

const TITLE = '实施城市更新行动可复制经验做法清单（第一批）';

// The gazetteer, aliases and themes are only read by the ingest; built once here because building the gazetteer
// costs ~0.3 s and these tests ingest 30 lists.
const OPTIONS = createOptions();
function ingest(text: string, overrides: Partial<IngestOptions> = {}): IngestResult {
  return ingestText(text, { ...OPTIONS, ...overrides });
}

function createBase(): IngestResult {
  return ingest(createBatch1Text());
}

function createModel(): ListModel {
  const base = createBase();
  return listModel(TITLE, base.taxonomy, base.practices);
}

/** A record as the forms must agree on it: everything but where it came from and how it was converted. */
function comparable(p: Practice): string {
  const { source: _source, converted: _converted, incomplete: _incomplete, ...rest } = p;
  return punctuationWidthless(JSON.stringify(rest));
}

function expectSameRecords(r: IngestResult): void {
  const base = createBase();
  expect(r.errors).toEqual([]);
  expect(r.practices).toHaveLength(30);
  expect(r.practices.map(comparable)).toEqual(base.practices.map(comparable));
  expect(punctuationWidthless(JSON.stringify(r.taxonomy))).toBe(punctuationWidthless(JSON.stringify(base.taxonomy)));
}

function codes(r: IngestResult, code: string): number[] {
  return r.warnings.filter((w) => w.code === code).map((w) => w.line);
}

describe('forms of batch 1', () => {
  it('a table pasted with its cells separated by tabs', () => {
    const text = tabRows(createModel());
    expect(text.split('\n')[1]!.split('\t')).toHaveLength(4);
    const r = ingest(text);
    expectSameRecords(r);
    expect(r.warnings).toEqual([]);
  });

  it('one cell per line with the mechanism numerals lost: each bare line before a measure is a mechanism, with a warning', () => {
    const lines = cellPerLine(createModel(), { numerals: false });
    const r = ingest(lines.join('\n'));
    expectSameRecords(r);
    const expected = createModel().taxonomy.map((m) => lines.indexOf(m.title) + 1);
    expect(codes(r, 'mechanism-inferred')).toEqual(expected);
    expect(r.structure.filter((s) => s.role === 'mechanism').map((s) => [s.line, s.inferred])).toEqual(expected.map((l) => [l, true]));
  });

  it('a news-site copy: chrome, title, date, image and lead paragraph before the table are warned line by line and read for the batch details', () => {
    const text = webPage(createModel());
    const r = ingest(text);
    expectSameRecords(r);
    expect(r.meta.title?.value).toBe(TITLE);
    expect(r.meta.issuer?.value).toBe('住房城乡建设部办公厅');
    expect(r.meta.date?.value).toBe('2022-11-25');
    const lines = text.split('\r\n');
    const leadLine = lines.findIndex((l) => l.startsWith('为贯彻落实')) + 1;
    expect(codes(r, 'lead-confirms')).toEqual([leadLine]);
    const ignored = codes(r, 'text-before-first-mechanism');
    // Page furniture (issue 23.4) is dropped and listed as such: the breadcrumb, the 发布时间/来源 byline, the image,
    // the print/close buttons; every other non-empty line before the header row is text before the table.
    const furniture = ['首页 > 政务公开 > 通知公告', '发布时间：2022-11-25 10:00    来源：住房和城乡建设部', '[图片]', '【打印】【关闭】'].map((l) => lines.indexOf(l) + 1);
    expect(codes(r, 'furniture')).toEqual(furniture);
    const header = lines.indexOf('序号') + 1;
    const before = lines.slice(0, header - 1).map((l, i) => (l.trim() && !furniture.includes(i + 1) ? i + 1 : 0)).filter(Boolean);
    expect(ignored).toEqual(before);
  });

  it('ASCII punctuation from a converter: (一) 1. , ; :', () => {
    const text = asciiPunctuation(webPage(createModel()));
    expect(text).toContain('(一)');
    expect(text).not.toContain('，');
    const r = ingest(text);
    expectSameRecords(r);
    expect(r.taxonomy[0]!.measures[0]!.code).toBe('（一）');
    expect(r.meta.title?.value).toBe(TITLE);
  });

  it('a traditional-character repost with converter pinyin: converted, cleaned, warned and marked on each record', () => {
    const text = traditional(cellPerLine(createModel(), { numerals: true }).join('\n'), 97);
    expect(text).toContain('實施');
    expect(text).toMatch(/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/);
    const r = ingest(text);
    expectSameRecords(r);
    expect(r.warnings.filter((w) => w.code === 'converted-traditional')).toHaveLength(1);
    const pinyinLines = text.split('\n').map((l, i) => (/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/.test(l) ? i + 1 : 0)).filter(Boolean);
    expect(codes(r, 'pinyin-removed')).toEqual(pinyinLines);
    expect(r.practices.every((p) => p.converted?.includes('traditional'))).toBe(true);
    expect(r.practices.filter((p) => p.converted?.includes('pinyin')).map((p) => p.source.lines[0])).toEqual(pinyinLines);
  });

  it('everything at once: news-site copy, ASCII punctuation, traditional characters, pinyin', () => {
    expectSameRecords(ingest(traditional(asciiPunctuation(webPage(createModel())), 61)));
  });

  it('keeps brackets inside practice text: 21个市(州), 区(市)县', () => {
    const m = createModel();
    const texts = m.items.get('1-1')!;
    texts[1] = texts[1]!.replace('19个市直部门单位', '19个市直部门单位和21个市(州)、区(市)县');
    const r = ingest(asciiPunctuation(cellPerLine(m, { numerals: false }).join('\n')));
    expect(r.errors).toEqual([]);
    expect(r.practices).toHaveLength(30);
    expect(r.practices[1]!.text).toContain('21个市(州)、区(市)县');
  });

  it('without the measure level: practices directly under their mechanism, the same texts and places', () => {
    const r = ingest(withoutMeasures(createModel()));
    const base = createBase();
    expect(r.errors).toEqual([]);
    expect(r.practices.map((p) => [p.text, p.actors])).toEqual(base.practices.map((p) => [p.text, p.actors]));
    expect(r.taxonomy.map((m) => m.measures)).toEqual(base.taxonomy.map((m) => [{ code: '', index: 1, title: m.title }]));
    expect(r.practices.filter((p) => p.mechanism.index === 2).map((p) => p.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.warnings.filter((w) => w.code === 'no-measure-level')).toHaveLength(3);
  });

  it('a copy cut short: the last item is kept and flagged as possibly incomplete', () => {
    const text = truncated(cellPerLine(createModel(), { numerals: true }).join('\n'));
    const r = ingest(text);
    const base = createBase();
    expect(r.errors).toEqual([]);
    expect(r.practices).toHaveLength(30);
    const last = r.practices[29]!;
    expect(last.incomplete).toBe(true);
    expect(base.practices[29]!.text.startsWith(last.text)).toBe(true);
    expect(r.practices.slice(0, 29).map(comparable)).toEqual(base.practices.slice(0, 29).map(comparable));
    expect(codes(r, 'item-incomplete')).toEqual([text.split('\n').length]);
    expect(base.practices.some((p) => p.incomplete)).toBe(false);
  });
});

describe('places', () => {
  const list = (items: string[]) => ['一、建立城市更新统筹谋划机制', '（一）加强工作统筹', ...items.map((t, i) => `${i + 1}．${t}`)].join('\n');

  it('an item naming several places has all of them as actors', () => {
    const r = ingest(list(['黑龙江省、河南省、四川省推进城市更新立法。全文。']));
    expect(r.errors).toEqual([]);
    expect(r.practices[0]!.actors.map((a) => a.adcode)).toEqual([230000, 410000, 510000]);
  });

  it('an item naming no place is kept without actors, with a warning on its line', () => {
    const r = ingest(list(['北京市建立工作专班。全文。', '各地建立城市更新项目库。全文。']));
    expect(r.errors).toEqual([]);
    expect(r.practices).toHaveLength(2);
    expect(r.practices[1]!.actors).toEqual([]);
    expect(r.warnings.filter((w) => w.code === 'actor-none').map((w) => w.line)).toEqual([4]);
  });
});

describe('long lists', () => {
  it('a 1,002-item list gives 1,002 practices numbered 1…1002 (issue 18 point 5)', () => {
    const items = Array.from({ length: 1002 }, (_, i) => `${i + 1}．北京市做法${i + 1}。`);
    const r = ingest(['一、建立城市更新统筹谋划机制', '（一）加强工作统筹', ...items].join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.practices).toHaveLength(1002);
    expect(r.practices.slice(-3).map((p) => [p.item, p.text])).toEqual([
      [1000, '北京市做法1000。'],
      [1001, '北京市做法1001。'],
      [1002, '北京市做法1002。'],
    ]);
  });
});

describe('roles set by hand (the import preview)', () => {
  function createLines(): string[] {
    return cellPerLine(createModel(), { numerals: false });
  }

  it('a line marked ignore leaves its item', () => {
    const lines = createLines();
    // Split item 一（一）1 into two lines, then ignore the second.
    const at = lines.findIndex((l) => l.startsWith('1.') || l.startsWith('1．'));
    const [head, tail] = [lines[at]!.slice(0, 40), lines[at]!.slice(40)];
    lines.splice(at, 1, head, tail);
    const r = ingest(lines.join('\n'), { roles: { [String(at + 2)]: 'ignore' } });
    expect(r.errors).toEqual([]);
    expect(r.practices[0]!.text).toBe(head.slice(2));
    expect(r.structure.find((s) => s.line === at + 2)).toMatchObject({ role: 'ignore', overridden: true });
  });

  it('a line marked practice starts a new item and the ones after it are renumbered with a warning', () => {
    const lines = createLines();
    const at = lines.findIndex((l) => l.startsWith('1．'));
    lines.splice(at + 1, 0, '山东省潍坊市另一做法。');
    const r = ingest(lines.join('\n'), { roles: { [String(at + 2)]: 'practice' } });
    expect(r.errors).toEqual([]);
    expect(r.practices).toHaveLength(31);
    expect(r.practices[1]).toMatchObject({ item: 2, text: '山东省潍坊市另一做法。' });
    expect(r.practices[2]!.item).toBe(3);
    expect(codes(r, 'item-renumbered').length).toBeGreaterThan(0);
  });

  it('a line marked mechanism opens the next mechanism', () => {
    const lines = createLines();
    const at = lines.indexOf(createModel().taxonomy[1]!.title);
    // Lose the bare line's heading look: a colon makes it a sentence, so no rule takes it for a mechanism.
    lines[at] = `${lines[at]}：`;
    expect(ingest(lines.join('\n')).errors.length).toBeGreaterThan(0);
    const r = ingest(lines.join('\n'), { roles: { [String(at + 1)]: 'mechanism' } });
    expect(r.errors).toEqual([]);
    expect(r.taxonomy[1]!.title).toBe(`${createModel().taxonomy[1]!.title}：`);
  });
});
