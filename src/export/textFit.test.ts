import { describe, expect, it } from 'vitest';
import { emWidth, splitToFit, wrapEms } from './textFit';

describe('splitToFit', () => {
  const text =
    '苏州市建立城市更新项目库，实行“一张图”管理。统筹推进老旧小区改造、历史街区保护与利用。2021年以来累计投入资金约800亿元，惠及居民10万户。建立了市区两级联动机制；明确部门职责分工！';

  it('gives the text back exactly, in pieces that each fit', () => {
    for (const [lines, ems] of [
      [2, 10],
      [3, 7],
      [8, 23],
      [1, 5],
    ] as const) {
      const pieces = splitToFit(text, lines, ems);
      expect(pieces.join('')).toBe(text);
      for (const p of pieces) expect(wrapEms(p, ems).length).toBeLessThanOrEqual(lines);
    }
  });

  it('ends a piece at a sentence end when one is near', () => {
    const pieces = splitToFit(text, 2, 14);
    expect(pieces[0]!.endsWith('。')).toBe(true);
  });

  it('keeps a short text whole', () => {
    expect(splitToFit('短文本。', 8, 20)).toEqual(['短文本。']);
  });

  it('counts Latin letters narrower than Han characters, but not too narrow', () => {
    expect(emWidth('城市')).toBe(2);
    expect(emWidth('ab')).toBeCloseTo(1.2);
  });
});
