// Class breaks for the choropleth and its legend: one pure function decides, the map's `step` expression and the
// legend both read its output (ARCHITECTURE example 4).
import { scaleQuantile } from 'd3-scale';

/**
 * Class breaks for non-negative integer counts. Returns the lower bound of each class, ascending, e.g. [1,2,3,4,5]
 * or [1,3,8,20,150].
 *
 * The rule:
 * - 0 is always its own class ("no practice"), outside the breaks; `classIndex(0)` is −1. All zeros → [].
 * - The first break is always 1, so every positive count falls in some class.
 * - When there are at most `classes` distinct positive values, each distinct value starts a class (the smallest
 *   one's class starts at 1): values {1,2,3,5,6} → [1,2,3,5,6]; {3,5} → [1,5]. Small integer counts (batch 1:
 *   provinces have 1–6 practices) thus read exactly, with no empty class.
 * - Otherwise the breaks are the quantiles of the positive values (d3 `scaleQuantile`, so each class holds about
 *   as many regions), each moved up to the smallest actual value ≥ the quantile (so no class is empty) and, from
 *   100 up, rounded down to two significant digits (2734 → 2700) so the legend reads well; duplicates are dropped.
 *   Clustered data can therefore give fewer than `classes` classes, never more, and never more than there are
 *   distinct values.
 * Breaks are integers, strictly increasing, and `breaks.length ≤ min(classes, distinct positive values)`.
 */
export function classBreaks(values: readonly number[], classes = 5): number[] {
  const k = Math.max(1, Math.floor(classes));
  const positive = values.filter((v) => Number.isFinite(v) && v > 0).map((v) => Math.ceil(v));
  if (positive.length === 0) return [];
  const distinct = [...new Set(positive)].sort((a, b) => a - b);
  if (distinct.length <= k) return [1, ...distinct.slice(1)];

  const thresholds = scaleQuantile<number>()
    .domain(positive)
    .range(Array.from({ length: k }, (_, i) => i))
    .quantiles();
  const breaks = [1];
  // The first class runs from 1 but is compared as if it started at the (rounded) minimum, so that a second
  // break at or below the minimum (all counts ≥ 100, say) cannot leave the class 1…break−1 empty.
  let last = roundDown2(distinct[0] as number);
  for (const t of thresholds) {
    // The smallest actual value ≥ t: a class then always contains at least one value.
    const v = distinct.find((d) => d >= t);
    if (v === undefined) continue;
    const b = roundDown2(v);
    if (b > last) {
      breaks.push(b);
      last = b;
    }
  }
  return breaks;
}

/** Rounds down to two significant digits from 100 up: 2734 → 2700, 153 → 150, 47 → 47. */
function roundDown2(v: number): number {
  if (v < 100) return v;
  const unit = 10 ** (Math.floor(Math.log10(v)) - 1);
  return Math.floor(v / unit) * unit;
}

/** The class of a count: −1 for 0 (or anything below the first break), else the last break ≤ value. */
export function classIndex(value: number, breaks: readonly number[]): number {
  if (!(value > 0) || breaks.length === 0 || value < (breaks[0] as number)) return -1;
  let i = 0;
  while (i + 1 < breaks.length && (breaks[i + 1] as number) <= value) i++;
  return i;
}

export interface LegendItem {
  from: number;
  /** Inclusive upper bound; for the last class, the current maximum. */
  to: number;
  label: string;
}

/**
 * One legend row per class, reading the same breaks as the map: "1", "2–3", "≥ 6". The last class is open-ended
 * ("≥ 6") unless it holds a single value (from === max → "6"). The 0 class is not included (the legend draws
 * "no practice" itself, in its own words and language).
 */
export function legendItems(breaks: readonly number[], max: number): LegendItem[] {
  return breaks.map((from, i) => {
    const next = breaks[i + 1];
    if (next !== undefined) {
      const to = next - 1;
      return { from, to, label: to === from ? `${from}` : `${from}–${to}` };
    }
    const to = Math.max(from, max);
    return { from, to, label: to === from ? `${from}` : `≥ ${from}` };
  });
}
