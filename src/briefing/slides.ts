// The briefing's slide sequence, a pure function of (dataset, filters). MapView flies to `slideTarget` of the
// current slide; BriefingOverlay draws the card. Both call buildSlides, which is memoised on the filtered list,
// so they always agree.
//
// Order (what a presenter walks through): the national map first; then, province by province (most practices
// first, ties by adcode), the province slide followed at once by that province's practice slides, in dataset
// (= the ministry's table) order. "Province then its practices" keeps the map near the place being talked about:
// the camera zooms from the province into its cities and only then travels on, instead of crossing the country
// twice. A practice with actors in several provinces is listed on each of their province slides (it counts
// there) but gets one practice slide, under its first actor's province, so the deck has no duplicates.
import type { Dataset, Practice } from '../types';
import type { Filters } from '../store/filters';
import type { Selection } from '../store/selection';
import { filterPractices, practicesOfRegion, provinceCounts } from '../store/selectors';

export type Slide =
  | { kind: 'national' }
  | { kind: 'province'; adcode: number }
  | { kind: 'practice'; id: string; adcode: number };

const memo = new WeakMap<readonly Practice[], Slide[]>();

/** The province a practice's slide sits under: its first actor's province (every practice has ≥ 1 actor). */
export function homeProvince(p: Practice): number | null {
  return p.actors[0]?.province ?? null;
}

/** The slides for a list of practices (already filtered), in briefing order. */
export function slidesOf(dataset: Dataset, practices: readonly Practice[]): Slide[] {
  const hit = memo.get(practices);
  if (hit) return hit;
  const counts = provinceCounts(dataset, practices);
  const provinces = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([adcode]) => adcode);
  const byHome = new Map<number, Practice[]>();
  for (const p of practices) {
    const home = homeProvince(p);
    if (home === null) continue;
    const list = byHome.get(home);
    if (list) list.push(p);
    else byHome.set(home, [p]);
  }
  const slides: Slide[] = [{ kind: 'national' }];
  for (const adcode of provinces) {
    slides.push({ kind: 'province', adcode });
    for (const p of byHome.get(adcode) ?? []) {
      slides.push({ kind: 'practice', id: p.id, adcode: (p.actors[0] as Practice['actors'][number]).adcode });
    }
  }
  memo.set(practices, slides);
  return slides;
}

/** The slides for the current filters. Same filters (by content) → the same array. */
export function buildSlides(dataset: Dataset, filters: Filters): Slide[] {
  return slidesOf(dataset, filterPractices(dataset, filters));
}

/** The region the map shows for a slide; null = the national view. */
export function slideTarget(slide: Slide | undefined): number | null {
  if (!slide || slide.kind === 'national') return null;
  return slide.adcode;
}

/** A stored slide number made safe for a deck of `count` slides (a stale link may point past the end). */
export function clampSlide(slide: number, count: number): number {
  if (count <= 0 || !Number.isFinite(slide)) return 0;
  return Math.min(Math.max(0, Math.floor(slide)), count - 1);
}

/**
 * Where a briefing opened from a selection starts: the practice's own slide, the province slide of a selected
 * region's province (a city or district has no slide of its own), else the national slide (0).
 */
export function slideIndexOf(slides: readonly Slide[], selection: Selection): number {
  if (selection.kind === 'practice') {
    const i = slides.findIndex((s) => s.kind === 'practice' && s.id === selection.id);
    return Math.max(0, i);
  }
  if (selection.kind === 'region') {
    const province = Math.floor(selection.adcode / 10000) * 10000;
    const i = slides.findIndex((s) => s.kind === 'province' && s.adcode === province);
    return Math.max(0, i);
  }
  return 0;
}

/** The practices a province slide lists: every filtered practice that counts for the province. */
export function provinceSlidePractices(dataset: Dataset, practices: readonly Practice[], adcode: number): Practice[] {
  return practicesOfRegion(dataset, practices, adcode);
}
