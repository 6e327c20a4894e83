import { describe, expect, it } from 'vitest';
import { segmentText } from './segments';
import type { Figure } from '../types';

function createFigure(raw: string): Figure {
  return { value: Number.parseFloat(raw) || 0, unit: '', raw, phrase: raw };
}

describe('segmentText', () => {
  it('marks document titles and figures and keeps every character', () => {
    const text = '出台《重庆市城市更新管理办法》，筹集800亿元，覆盖125公顷。';
    const segs = segmentText(text, [createFigure('800亿元'), createFigure('125公顷')], ['重庆市城市更新管理办法']);
    expect(segs.map((s) => s.value).join('')).toBe(text);
    expect(segs.filter((s) => s.kind === 'document').map((s) => s.value)).toEqual(['《重庆市城市更新管理办法》']);
    expect(segs.filter((s) => s.kind === 'figure').map((s) => s.value)).toEqual(['800亿元', '125公顷']);
  });

  it('does not mark a figure twice when it sits inside a document title', () => {
    const text = '印发《2022年行动方案》，2022年完成。';
    const segs = segmentText(text, [createFigure('2022年')], ['2022年行动方案']);
    expect(segs.map((s) => s.kind)).toEqual(['text', 'document', 'text', 'figure', 'text']);
  });

  it('leaves markup-looking text as plain text', () => {
    const text = '<img src=x onerror=alert(1)>';
    expect(segmentText(text, [], [])).toEqual([{ kind: 'text', value: text }]);
  });
});
