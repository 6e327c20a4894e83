import { describe, expect, it } from 'vitest';
import type { Figure, Place } from '../types';
import { createPractice as createPracticeWith, type PracticeSpec } from '../store/test-helpers';
import { documentIndex, figureIndex, figureKind, isMultiPlace, normalisedValue, searchDocuments, sortFigureRows } from './indexes';
import { practiceSet, relatedItems, scorePercent } from './relatedItems';

const place = (adcode: number, name: string): Place => ({ adcode, name, level: 'city', province: Math.floor(adcode / 10000) * 10000 });
const fig = (value: number, unit: string, raw = `${value}${unit}`, phrase = `共${raw}`): Figure => ({ value, unit, raw, phrase });

/** A practice of 沈阳市 unless the test says otherwise. */
const createPractice = (over: PracticeSpec = {}) => createPracticeWith({ actors: [place(210100, '沈阳市')], ...over });

describe('documentIndex', () => {
  it('lists each title once with the practices and distinct places citing it, several places first', () => {
    const a = createPractice({ documents: ['甲条例'] });
    const b = createPractice({ documents: ['乙办法', '甲条例'], actors: [place(370700, '潍坊市')] });
    const c = createPractice({ documents: ['乙办法'], actors: [place(370700, '潍坊市')] });
    const d = createPractice({ documents: ['丙指南'] });
    const idx = documentIndex([a, b, c, d]);
    expect(idx.map((e) => e.title)).toEqual(['甲条例', '乙办法', '丙指南']);
    expect(idx[0]!.practices).toEqual([a, b]);
    expect(idx[0]!.places.map((p) => p.name)).toEqual(['沈阳市', '潍坊市']);
    expect(idx.map(isMultiPlace)).toEqual([true, false, false]);
    expect(idx[1]!.practices).toHaveLength(2);
  });

  it('is empty for practices citing nothing', () => {
    expect(documentIndex([createPractice()])).toEqual([]);
  });

  it('is searched by title or place, every term required, case-insensitively', () => {
    const idx = documentIndex([
      createPractice({ documents: ['辽宁省城市更新条例'], actors: [place(210000, '辽宁省')] }),
      createPractice({ documents: ['TOD 实施办法'], actors: [place(370700, '潍坊市')] }),
    ]);
    expect(searchDocuments(idx, '城市更新条例').map((e) => e.title)).toEqual(['辽宁省城市更新条例']);
    expect(searchDocuments(idx, 'tod 潍坊').map((e) => e.title)).toEqual(['TOD 实施办法']);
    expect(searchDocuments(idx, '条例 潍坊')).toEqual([]);
    expect(searchDocuments(idx, '  ')).toHaveLength(2);
  });
});

describe('figures', () => {
  it('sorts each unit into its kind', () => {
    expect(['亿元', '万元', '公顷', '平方米', '万平方米', '亩', '%', '年', '个月', '个', '项', '', '倍', '米'].map(figureKind)).toEqual([
      'money', 'money', 'area', 'area', 'area', 'area', 'share', 'duration', 'duration', 'count', 'count', 'other', 'other', 'other',
    ]);
  });

  it('normalises money to 万元, area to 平方米 and durations to months', () => {
    expect(normalisedValue(fig(800, '亿元'))).toBe(8_000_000);
    expect(normalisedValue(fig(46.18, '亿元'))).toBeCloseTo(461_800);
    expect(normalisedValue(fig(125, '公顷'))).toBe(1_250_000);
    expect(normalisedValue(fig(101, '万平方米'))).toBe(1_010_000);
    expect(normalisedValue(fig(15, '亩'))).toBeCloseTo(10_000);
    expect(normalisedValue(fig(5, '年'))).toBe(60);
    expect(normalisedValue(fig(7, ''))).toBe(7);
  });

  it('groups by kind in a fixed order, largest first, 亿元 above 万元 by value not by number', () => {
    const p = createPractice({ figures: [fig(3000, '万元'), fig(800, '亿元'), fig(125, '公顷'), fig(5.6, '%'), fig(5, '年')] });
    const q = createPractice({ figures: [fig(13.3, '亿元'), fig(1300, '平方米'), fig(7, '', '7:3')] });
    const groups = figureIndex([p, q]);
    expect(groups.map((g) => g.kind)).toEqual(['money', 'area', 'share', 'duration', 'other']);
    expect(groups[0]!.rows.map((r) => r.figure.raw)).toEqual(['800亿元', '13.3亿元', '3000万元']);
    expect(groups[1]!.rows.map((r) => r.practice)).toEqual([p, q]);
    expect(figureIndex([p, q], 'asc')[0]!.rows.map((r) => r.figure.raw)).toEqual(['3000万元', '13.3亿元', '800亿元']);
  });

  it('lists a figure repeated in the same clause once, and keeps the practice order for equal values', () => {
    const p = createPractice({ figures: [fig(5, '年', '5年', '过渡期以5年为限'), fig(5, '年', '5年', '过渡期以5年为限'), fig(5, '年', '5年', '5年期满')] });
    const q = createPractice({ figures: [fig(5, '年')] });
    const rows = figureIndex([p, q])[0]!.rows;
    expect(rows.map((r) => [r.practice.id, r.figure.phrase])).toEqual([
      [p.id, '过渡期以5年为限'],
      [p.id, '5年期满'],
      [q.id, '共5年'],
    ]);
    expect(sortFigureRows(rows, 'asc').map((r) => r.order)).toEqual(rows.map((r) => r.order));
  });
});

describe('related items', () => {
  it('joins ids with practices, skips unknown ids and marks those outside the filters', () => {
    const a = createPractice();
    const b = createPractice();
    const p = createPractice({ related: [{ id: a.id, score: 0.3 }, { id: 'gone', score: 0.2 }, { id: b.id, score: 0.1 }] });
    const byId = new Map([a, b, p].map((x) => [x.id, x]));
    const inFilter = practiceSet([a, p]);
    const items = relatedItems(p, (id) => byId.get(id), (q) => inFilter.has(q));
    expect(items.map((i) => [i.practice.id, i.score, i.inFilters])).toEqual([
      [a.id, 0.3, true],
      [b.id, 0.1, false],
    ]);
  });

  it('builds the filter set once per list', () => {
    const list = [createPractice()];
    expect(practiceSet(list)).toBe(practiceSet(list));
  });

  it('shows a score as a whole percentage', () => {
    expect([0.233, 0, 1, 1.2].map(scorePercent)).toEqual([23, 0, 100, 100]);
  });
});
