import { describe, expect, it } from 'vitest';
import { classBreaks, classIndex, legendItems } from './classes';
import { rng } from './test-helpers';

/** The invariants every result must keep. */
function expectWellFormed(breaks: number[], values: number[], classes = 5) {
  const distinct = new Set(values.filter((v) => v > 0));
  expect(breaks.length).toBeLessThanOrEqual(Math.min(classes, distinct.size));
  if (distinct.size > 0) expect(breaks[0]).toBe(1);
  for (let i = 0; i < breaks.length; i++) {
    expect(Number.isInteger(breaks[i])).toBe(true);
    if (i > 0) expect(breaks[i]!).toBeGreaterThan(breaks[i - 1]!);
  }
  // No empty class: every class holds at least one value.
  const used = new Set(values.map((v) => classIndex(v, breaks)).filter((c) => c >= 0));
  expect(used.size).toBe(breaks.length);
}

describe('classBreaks', () => {
  it('has no class for all zeros or no values', () => {
    expect(classBreaks([0, 0, 0])).toEqual([]);
    expect(classBreaks([])).toEqual([]);
  });

  it('gives a single class from 1 for a single value', () => {
    expect(classBreaks([3])).toEqual([1]);
    expect(classBreaks([0, 3, 3])).toEqual([1]);
  });

  it('gives one class when the maximum is 1', () => {
    expect(classBreaks([0, 1, 1, 0])).toEqual([1]);
  });

  it('gives each value its own class up to max 5', () => {
    const values = [0, 1, 1, 2, 3, 4, 5, 1];
    expect(classBreaks(values)).toEqual([1, 2, 3, 4, 5]);
    expectWellFormed(classBreaks(values), values);
  });

  it('starts a class at each distinct value when there are few (batch 1: 1–6 with a gap)', () => {
    const values = [5, 3, 2, 2, 1, 1, 1, 6, 0, 0];
    expect(classBreaks(values)).toEqual([1, 2, 3, 5, 6]);
    expect(classBreaks([3, 5])).toEqual([1, 5]);
  });

  it('never has more classes than distinct positive values', () => {
    expect(classBreaks([2, 2, 7, 7], 5)).toEqual([1, 7]);
  });

  it('uses quantiles with round lower bounds for a wide range (max 1000)', () => {
    const r = rng(5);
    const values = Array.from({ length: 34 }, () => Math.round(1000 * r() ** 3));
    values.push(1000, 0);
    const breaks = classBreaks(values);
    expect(breaks).toHaveLength(5);
    for (const b of breaks.filter((x) => x >= 100)) expect(b % 10 ** (String(b).length - 2)).toBe(0);
    expectWellFormed(breaks, values);
  });

  it('keeps every class non-empty for heavily clustered counts', () => {
    const values = [...Array<number>(100).fill(1), 2, 3, 4, 5, 6, 7];
    expectWellFormed(classBreaks(values), values);
  });

  it('never leaves the first class empty when every count is large', () => {
    const values = [100, 100, 100, 100, 101, 105, 110, 120, 130, 140, 150];
    expectWellFormed(classBreaks(values), values);
    const offset = [250, 260, 270, 280, 290, 300, 310];
    expectWellFormed(classBreaks(offset), offset);
  });

  it('keeps its invariants on random inputs', () => {
    const r = rng(11);
    for (let trial = 0; trial < 200; trial++) {
      const max = 1 + Math.floor(r() * 2000);
      const base = r() < 0.3 ? Math.floor(r() * 500) : 0;
      const values = Array.from({ length: 1 + Math.floor(r() * 60) }, () => base + Math.floor(max * r() ** 2));
      const classes = 1 + Math.floor(r() * 7);
      expectWellFormed(classBreaks(values, classes), values, classes);
    }
  });
});

describe('classIndex', () => {
  it('puts 0 in the no-practice class (−1)', () => {
    expect(classIndex(0, [1, 2, 3])).toBe(-1);
    expect(classIndex(5, [])).toBe(-1);
  });

  it('finds the last break not above the value', () => {
    const breaks = [1, 2, 4, 6];
    expect([1, 2, 3, 4, 5, 6, 100].map((v) => classIndex(v, breaks))).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});

describe('legendItems', () => {
  it('labels single values, ranges and the open last class', () => {
    expect(legendItems([1, 2, 4, 6], 9).map((i) => i.label)).toEqual(['1', '2–3', '4–5', '≥ 6']);
  });

  it('labels the last class as a single value when it is the maximum', () => {
    expect(legendItems([1, 2, 3, 5, 6], 6)).toEqual([
      { from: 1, to: 1, label: '1' },
      { from: 2, to: 2, label: '2' },
      { from: 3, to: 4, label: '3–4' },
      { from: 5, to: 5, label: '5' },
      { from: 6, to: 6, label: '6' },
    ]);
  });

  it('has no items without breaks', () => {
    expect(legendItems([], 0)).toEqual([]);
  });
});
