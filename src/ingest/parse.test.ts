import { describe, expect, it } from 'vitest';
import { parseList } from './parse';

// Lines are numbered from 1; each builder returns the text and the tests name the line they expect.
function text(lines: string[]): string {
  return lines.join('\n');
}

const MECH1 = ['一', '建立城市更新统筹谋划机制'];
const MECH2 = ['二', '建立政府引导、市场运作、公众参与的可持续实施模式'];
const P = (n: number | string, sep = '．') => `${n}${sep}北京市做法${n}。正文。`;

function createValid(): string[] {
  return [...MECH1, '（一）加强工作统筹', P(1), P(2), '（二）建立制度机制', P(1), ...MECH2, '（一）建立存量资源统筹协调机制', P(1)];
}

function errorsOf(lines: string[]) {
  return parseList(text(lines)).errors.map((e) => ({ line: e.line, code: e.code }));
}

describe('parseList — structure', () => {
  it('reads mechanisms, measures and items with their lines', () => {
    const r = parseList(text(createValid()));
    expect(r.errors).toEqual([]);
    expect(r.taxonomy.map((m) => [m.code, m.index, m.title, m.measures.map((x) => `${x.code}${x.title}`)])).toEqual([
      ['一', 1, '建立城市更新统筹谋划机制', ['（一）加强工作统筹', '（二）建立制度机制']],
      ['二', 2, '建立政府引导、市场运作、公众参与的可持续实施模式', ['（一）建立存量资源统筹协调机制']],
    ]);
    expect(r.items.map((i) => [i.mechanismIndex, i.measureIndex, i.item, i.lines[0]])).toEqual([
      [1, 1, 1, 4], [1, 1, 2, 5], [1, 2, 1, 7], [2, 1, 1, 11],
    ]);
  });

  it('accepts 1． 1. 1、 and １． as item numbers', () => {
    const r = parseList(text([...MECH1, '（一）措施', P(1, '．'), P(2, '.'), P(3, '、'), '４．北京市做法。']));
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.item)).toEqual([1, 2, 3, 4]);
  });

  it('treats a mechanism heading repeated after a page break as a continuation', () => {
    const r = parseList(text([...MECH1, '（一）措施一', P(1), ...MECH1, '（二）措施二', P(1)]));
    expect(r.errors).toEqual([]);
    expect(r.taxonomy).toHaveLength(1);
    expect(r.taxonomy[0]!.measures).toHaveLength(2);
  });

  it('joins headings split over lines and wrapped item lines', () => {
    const r = parseList(text(['\t', '一', '\t', '创新与城市更新', '相配套的支持政策', '\t', '（一）完善', '土地政策', '1．上海市完善零星用地', '整合利用方式。']));
    expect(r.errors).toEqual([]);
    expect(r.taxonomy[0]!.title).toBe('创新与城市更新相配套的支持政策');
    expect(r.taxonomy[0]!.measures[0]!.title).toBe('完善土地政策');
    expect(r.items[0]!.text).toBe('上海市完善零星用地整合利用方式。');
    expect(r.items[0]!.lines).toEqual([9, 10]);
  });

  it('reads a mechanism written as 一、title on one line', () => {
    const r = parseList(text(['一、建立城市更新统筹谋划机制', '（一）措施', P(1)]));
    expect(r.taxonomy[0]!.title).toBe('建立城市更新统筹谋划机制');
  });

  it('does not take a wrapped line starting with a decimal (5.6%) for an item', () => {
    const r = parseList(text([...MECH1, '（一）措施', '1．重庆市拆除建筑规模仅占', '5.6%，容积率由2.94降为2.82。']));
    expect(r.errors).toEqual([]);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.text).toBe('重庆市拆除建筑规模仅占5.6%，容积率由2.94降为2.82。');
  });

  it('ignores the header row, on one line or split over several', () => {
    const split = parseList(text(['序号', '政策', '机制', '主要', '举措', '具体做法', ...MECH1, '（一）措施', P(1)]));
    const one = parseList(text(['序号 政策机制 主要举措 具体做法', ...MECH1, '（一）措施', P(1)]));
    expect(split.warnings).toEqual([]);
    expect(one.warnings).toEqual([]);
    expect(one.items).toHaveLength(1);
  });

  it('warns about other text before the first mechanism', () => {
    const r = parseList(text(['实施城市更新行动可复制经验做法清单（第一批）', ...MECH1, '（一）措施', P(1)]));
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.line, w.code])).toEqual([[1, 'text-before-first-mechanism']]);
  });
});

describe('parseList — malformed input names the line and what was expected', () => {
  it('an item before any measure', () => {
    expect(errorsOf([...MECH1, P(1), '（一）措施', P(1)])).toContainEqual({ line: 3, code: 'item-without-measure' });
  });

  it('an item before any mechanism', () => {
    expect(errorsOf([P(1), ...MECH1, '（一）措施', P(1)])).toContainEqual({ line: 1, code: 'item-without-measure' });
  });

  it('a measure before any mechanism', () => {
    expect(errorsOf(['（一）措施', P(1), ...MECH1, '（一）措施', P(1)])).toEqual([{ line: 1, code: 'measure-without-mechanism' }]);
  });

  it('a gap in item numbers', () => {
    expect(errorsOf([...MECH1, '（一）措施', P(1), P(3)])).toEqual([{ line: 5, code: 'item-numbering' }]);
  });

  it('a repeated item number', () => {
    expect(errorsOf([...MECH1, '（一）措施', P(1), P(2), P(2)])).toEqual([{ line: 6, code: 'item-numbering' }]);
  });

  it('items that do not start at 1', () => {
    expect(errorsOf([...MECH1, '（一）措施', P(2)])).toEqual([{ line: 4, code: 'item-numbering' }]);
  });

  it('an item with no text', () => {
    expect(errorsOf([...MECH1, '（一）措施', P(1), '2．', '', P(3)])).toEqual([{ line: 5, code: 'item-without-text' }]);
  });

  it('a gap in mechanism numbers', () => {
    expect(errorsOf([...MECH1, '（一）措施', P(1), '三', '标题三', '（一）措施', P(1)])).toEqual([{ line: 5, code: 'mechanism-numbering' }]);
  });

  it('an earlier mechanism number again', () => {
    expect(errorsOf([...MECH1, '（一）措施', P(1), ...MECH2, '（一）措施', P(1), '一', '另一个标题', '（一）措施', P(1)])).toContainEqual({ line: 9, code: 'mechanism-numbering' });
  });

  it('the current mechanism repeated with another title', () => {
    expect(errorsOf([...MECH1, '（一）措施', P(1), '一', '另一个标题', '（二）措施', P(1)])).toEqual([{ line: 5, code: 'mechanism-title-mismatch' }]);
  });

  it('the first mechanism is not 一', () => {
    expect(errorsOf(['二', '标题', '（一）措施', P(1)])).toEqual([{ line: 1, code: 'mechanism-numbering' }]);
  });

  it('a gap in measure numbers', () => {
    expect(errorsOf([...MECH1, '（一）措施', P(1), '（三）措施三', P(1)])).toEqual([{ line: 5, code: 'measure-numbering' }]);
  });

  it('a measure number repeated with another title', () => {
    expect(errorsOf([...MECH1, '（一）措施', P(1), '（一）别的措施', P(2)])).toEqual([{ line: 5, code: 'measure-numbering' }]);
  });

  it('a measure with no items', () => {
    expect(errorsOf([...MECH1, '（一）措施', '（二）措施二', P(1)])).toEqual([{ line: 3, code: 'measure-without-items' }]);
  });

  it('a mechanism with no measures', () => {
    expect(errorsOf([...MECH1, ...MECH2, '（一）措施', P(1)])).toEqual([{ line: 1, code: 'mechanism-without-measures' }]);
  });

  it('a mechanism with no title', () => {
    expect(errorsOf(['一', '（一）措施', P(1)])).toEqual([{ line: 1, code: 'mechanism-without-title' }]);
  });

  it('a measure with no title', () => {
    expect(errorsOf([...MECH1, '（一）', P(1)])).toEqual([{ line: 3, code: 'measure-without-title' }]);
  });

  it('an empty text', () => {
    expect(errorsOf(['', '  ', ''])).toEqual([{ line: 0, code: 'no-practices' }]);
  });

  it('gives each error a Chinese message too', () => {
    const [e] = parseList(text([...MECH1, '（一）措施', P(1), P(3)])).errors;
    expect(e!.message).toContain('expected 2');
    expect(e!.messageZh).toContain('应为2');
  });
});
