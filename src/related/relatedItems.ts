// The "相似做法" list of one practice, joined with the dataset and the current filters. Pure.
import type { Practice } from '../types';

export interface RelatedItem {
  practice: Practice;
  score: number;
  /** Whether the related practice passes the current filters (it is shown either way, marked when not). */
  inFilters: boolean;
}

/**
 * The practice's related practices that exist in the dataset (an id whose batch was removed is skipped), best
 * first as stored. All are shown, even outside the filters: "who else did this" should not vanish because the
 * reader narrowed the map to one theme; those outside are marked instead.
 */
export function relatedItems(p: Practice, byId: (id: string) => Practice | undefined, inFilters: (q: Practice) => boolean): RelatedItem[] {
  const out: RelatedItem[] = [];
  for (const r of p.related ?? []) {
    const q = byId(r.id);
    if (q) out.push({ practice: q, score: r.score, inFilters: inFilters(q) });
  }
  return out;
}

const sets = new WeakMap<readonly Practice[], Set<Practice>>();

/** A set of the practices of a (memoised, filtered) list, built once per list. */
export function practiceSet(list: readonly Practice[]): Set<Practice> {
  let s = sets.get(list);
  if (!s) sets.set(list, (s = new Set(list)));
  return s;
}

/** A score as a whole percentage for the bar's label: 0.233 → 23. */
export function scorePercent(score: number): number {
  return Math.round(Math.max(0, Math.min(1, score)) * 100);
}
