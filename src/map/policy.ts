// The map's policy: what the map does when the app state changes, as a pure function from (previous state, next
// state) to a list of commands. MapView applies them to the MapController; this module imports neither React nor
// MapLibre, so every rule is unit-tested (policy.test.ts).
//
// The rules, in words:
// - Every view has a subject: the briefing's current slide (national, a province, a practice's places), China in
//   compare mode (every compared province whole, and every other one in view to be added with a click; adding one
//   does not move the map), or the explore view's selection (national when nothing is selected). When the subject
//   changes, or the mode changes, the map frames the subject (its whole bounds inside the unobstructed map).
// - A camera from the URL or history is the explore view's own: it is kept only in explore mode, and only when its
//   centre lies in the selected region (or nothing is selected). Compare and briefing always frame their subject,
//   so a reload never keeps a stale camera there.
// - Closing a selection in explore mode keeps the view where it is; the 全国 button (camera cleared) frames China.
import type { Camera, Lang, StateValues, ThemeName } from '../store/state';
import type { Selection } from '../store/selection';
import type { Bounds } from '../geometry/bounds';

/** What the map frames. `regions` are adcodes (provinces, cities or districts). */
export type Subject = { kind: 'national' } | { kind: 'regions'; adcodes: number[] };

export type MapCommand =
  /** The filters (or the scope of the class breaks) changed: recount regions and markers, reclassify. */
  | { type: 'counts' }
  | { type: 'theme'; theme: ThemeName }
  /** The interface language changed: the map's controls are labelled in it. */
  | { type: 'locale'; lang: Lang }
  /** Outline these provinces as compared ([] clears). */
  | { type: 'compare'; provinces: number[] }
  /** Label sizes for a projector (briefing) or a desk. */
  | { type: 'labels'; briefing: boolean }
  /** The map's box changes with the mode: the commands after this one wait for the new layout. */
  | { type: 'layout' }
  /** Highlight a region (null: none); never moves the camera. */
  | { type: 'highlight'; adcode: number | null }
  | { type: 'frame'; subject: Subject; animate: boolean }
  | { type: 'jump'; camera: Camera };

/** The part of the state the policy reads. */
export type PolicyState = Pick<
  StateValues,
  'filters' | 'selection' | 'mode' | 'compare' | 'camera' | 'slide' | 'theme' | 'breaksScope' | 'lang'
>;

export interface PolicyContext {
  /** The places of the current briefing slide ([] = the national slide). */
  slideRegions: (s: PolicyState) => number[];
  /** The region a selection points at (a practice: its first actor's place); null for none or unknown. */
  selectionRegion: (sel: Selection) => number | null;
  /** Bounds of a region when known, to tell whether a restored camera belongs to the selection. */
  regionBounds: (adcode: number) => Bounds | null;
}

const NATIONAL: Subject = { kind: 'national' };

export function subjectOf(s: PolicyState, ctx: PolicyContext): Subject {
  if (s.mode === 'briefing') {
    const r = ctx.slideRegions(s);
    return r.length ? { kind: 'regions', adcodes: r } : NATIONAL;
  }
  if (s.mode === 'compare') return NATIONAL;
  const r = ctx.selectionRegion(s.selection);
  return r === null ? NATIONAL : { kind: 'regions', adcodes: [r] };
}

export function subjectKey(subject: Subject): string {
  return subject.kind === 'national' ? 'national' : subject.adcodes.join(',');
}

/** The highlighted region: the slide's first place in a briefing, else the selection's. */
export function highlightOf(s: PolicyState, ctx: PolicyContext): number | null {
  if (s.mode === 'briefing') return ctx.slideRegions(s)[0] ?? null;
  return ctx.selectionRegion(s.selection);
}

/** Whether the state's camera is the view's own (kept on restore) rather than a leftover of another view. */
export function cameraBelongs(s: PolicyState, ctx: PolicyContext): boolean {
  if (s.mode !== 'explore' || !s.camera) return false;
  const r = ctx.selectionRegion(s.selection);
  if (r === null) return true;
  const b = ctx.regionBounds(r);
  if (!b) return true;
  // The map's centre sits off the region's centre when the free area is off-centre (a legend cut away on one
  // side): a region's neighbourhood counts as on it.
  const slack = Math.max(b[2] - b[0], b[3] - b[1]) * 0.5 + 0.3;
  const { lng, lat } = s.camera;
  return lng >= b[0] - slack && lng <= b[2] + slack && lat >= b[1] - slack && lat <= b[3] + slack;
}

function compareOf(s: PolicyState): number[] {
  return s.mode === 'compare' ? [...s.compare] : [];
}

/**
 * The commands that take the map from `prev` to `next`; `prev` null is the first application (a fresh map, which
 * the caller created at `cameraBelongs(next) ? next.camera : default`).
 */
export function mapCommands(prev: PolicyState | null, next: PolicyState, ctx: PolicyContext): MapCommand[] {
  const subject = subjectOf(next, ctx);
  const highlight = highlightOf(next, ctx);
  if (prev === null) {
    const out: MapCommand[] = [
      { type: 'counts' },
      { type: 'compare', provinces: compareOf(next) },
      { type: 'labels', briefing: next.mode === 'briefing' },
      { type: 'highlight', adcode: highlight },
    ];
    out.push(cameraBelongs(next, ctx) ? { type: 'jump', camera: next.camera as Camera } : { type: 'frame', subject, animate: false });
    return out;
  }

  const out: MapCommand[] = [];
  if (next.filters !== prev.filters || next.breaksScope !== prev.breaksScope) out.push({ type: 'counts' });
  if (next.theme !== prev.theme) out.push({ type: 'theme', theme: next.theme });
  if (next.lang !== prev.lang) out.push({ type: 'locale', lang: next.lang });
  const modeChanged = next.mode !== prev.mode;
  if (modeChanged || next.compare !== prev.compare) {
    const a = compareOf(prev);
    const b = compareOf(next);
    if (a.join(',') !== b.join(',')) out.push({ type: 'compare', provinces: b });
  }
  if ((next.mode === 'briefing') !== (prev.mode === 'briefing')) out.push({ type: 'labels', briefing: next.mode === 'briefing' });
  if (modeChanged) out.push({ type: 'layout' });
  if (highlight !== highlightOf(prev, ctx)) out.push({ type: 'highlight', adcode: highlight });

  const subjectChanged = subjectKey(subject) !== subjectKey(subjectOf(prev, ctx));
  const cameraChanged = next.camera !== prev.camera;

  if (next.mode !== 'explore') {
    // Briefing and compare frame their subject; their cameras (the map's own reports) are never restored.
    if (modeChanged || subjectChanged) out.push({ type: 'frame', subject, animate: true });
    return out;
  }

  // Explore.
  const selectionChanged = next.selection !== prev.selection;
  if (cameraChanged && next.camera && cameraBelongs(next, ctx)) {
    // A camera that arrives with the state (back/forward, a link) — or the map's own report, which the controller
    // skips as already there.
    out.push({ type: 'jump', camera: next.camera });
    return out;
  }
  if (modeChanged) {
    out.push({ type: 'frame', subject, animate: true });
    return out;
  }
  if (cameraChanged && next.camera === null) {
    out.push({ type: 'frame', subject, animate: true });
    return out;
  }
  // A new selection flies there; clearing it leaves the view where it is.
  if (selectionChanged && subjectChanged && subject.kind !== 'national') out.push({ type: 'frame', subject, animate: true });
  return out;
}
