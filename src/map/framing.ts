// Where the map may put a subject: the map's box minus whatever is drawn over it (legend, 南海诸岛 inset,
// attribution, zoom buttons, a bottom sheet). Pure geometry, no DOM and no MapLibre, so it is unit-tested; the
// controller measures the rectangles (obstructions.ts) and hands the padding this returns to fitBounds.

/** A rectangle in CSS pixels (page coordinates, like getBoundingClientRect). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Something drawn over the map. `maxZoom`: it is only shown below that zoom (the inset belongs to national views). */
export interface Obstruction extends Rect {
  maxZoom?: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** MapLibre's world is 512 px wide at zoom 0. */
const WORLD = 512;

function mercatorY(lat: number): number {
  const phi = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * WORLD;
}

/** Width and height of `bounds` in pixels at zoom 0 (Web Mercator, as MapLibre draws it). */
export function boundsSize(bounds: Bounds): { width: number; height: number } {
  const [w, s, e, n] = bounds;
  return { width: ((e - w) / 360) * WORLD, height: mercatorY(s) - mercatorY(n) };
}

/** The zoom at which `bounds` just fill a box of width × height px (what fitBounds computes). */
export function fitZoom(bounds: Bounds, width: number, height: number): number {
  const size = boundsSize(bounds);
  const scale = Math.min(width / Math.max(size.width, 1e-9), height / Math.max(size.height, 1e-9));
  return Math.log2(scale);
}

export function unionBounds(list: readonly Bounds[]): Bounds | null {
  if (list.length === 0) return null;
  let [w, s, e, n] = list[0]!;
  for (const b of list.slice(1)) {
    w = Math.min(w, b[0]);
    s = Math.min(s, b[1]);
    e = Math.max(e, b[2]);
    n = Math.max(n, b[3]);
  }
  return [w, s, e, n];
}

export interface FrameOptions {
  /** Space kept between the subject and the map's edges or any obstruction (px). */
  margin: number;
  /** The camera never zooms in further than this (a small district would otherwise fill the screen). */
  maxZoom: number;
}

const width = (r: Rect) => r.right - r.left;
const height = (r: Rect) => r.bottom - r.top;
const intersects = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The largest free rectangle for `bounds`: every obstruction that overlaps the candidate is cut away on one of its
 * four sides (all combinations are tried, ≤ 4^n for n overlapping obstructions; n is a handful). The best rectangle
 * is the one where the subject can be drawn largest (its aspect ratio matters: China is wide, a province may be
 * tall); when the zoom cap makes several equal, the one with most room wins, so a small subject sits in the middle
 * of the open map.
 */
function freeRect(box: Rect, obstructions: readonly Rect[], bounds: Bounds, maxZoom: number): Rect | null {
  const capped = (r: Rect) => Math.min(fitZoom(bounds, width(r), height(r)), maxZoom);
  let best: Rect | null = null;
  let bestZoom = -Infinity;
  let bestArea = -Infinity;
  const visit = (r: Rect, i: number) => {
    if (width(r) <= 0 || height(r) <= 0) return;
    // A cut never makes room: stop early when even this rectangle cannot beat the best one.
    if (best && capped(r) < bestZoom - 1e-9) return;
    if (i === obstructions.length) {
      const z = capped(r);
      const area = width(r) * height(r);
      if (z > bestZoom + 1e-9 || (Math.abs(z - bestZoom) <= 1e-9 && area > bestArea)) {
        best = r;
        bestZoom = z;
        bestArea = area;
      }
      return;
    }
    const o = obstructions[i]!;
    if (!intersects(r, o)) return visit(r, i + 1);
    visit({ ...r, left: Math.max(r.left, o.right) }, i + 1);
    visit({ ...r, right: Math.min(r.right, o.left) }, i + 1);
    visit({ ...r, top: Math.max(r.top, o.bottom) }, i + 1);
    visit({ ...r, bottom: Math.min(r.bottom, o.top) }, i + 1);
  };
  visit(box, 0);
  return best;
}

function grow(r: Rect, by: number): Rect {
  return { left: r.left - by, top: r.top - by, right: r.right + by, bottom: r.bottom + by };
}

/**
 * The padding for fitBounds/flyTo that puts `bounds` whole inside the unobstructed part of `map` (both in page
 * pixels). An obstruction with `maxZoom` (the inset) is ignored when the subject is framed at or above that zoom,
 * because it is not drawn there. When nothing is free (a tiny window), only the margin is kept.
 */
export function framePadding(map: Rect, obstructions: readonly Obstruction[], bounds: Bounds, opts: FrameOptions): Padding {
  // Small maps keep a proportionally smaller margin (a phone's map is ~390 px wide).
  const margin = Math.max(0, Math.min(opts.margin, Math.round(Math.min(width(map), height(map)) * 0.04)));
  const box: Rect = { left: map.left + margin, top: map.top + margin, right: map.right - margin, bottom: map.bottom - margin };
  const relevant = obstructions.filter((o) => width(o) > 0 && height(o) > 0 && intersects(o, map));
  const always = relevant.filter((o) => o.maxZoom === undefined).map((o) => grow(o, margin / 2));
  const sometimes = relevant.filter((o) => o.maxZoom !== undefined);
  let rect = freeRect(box, always, bounds, opts.maxZoom);
  if (rect && sometimes.length > 0) {
    const z = Math.min(fitZoom(bounds, width(rect), height(rect)), opts.maxZoom);
    const shown = sometimes.filter((o) => z < (o.maxZoom as number));
    if (shown.length > 0) rect = freeRect(box, [...always, ...shown.map((o) => grow(o, margin / 2))], bounds, opts.maxZoom) ?? rect;
  }
  const r = rect ?? box;
  if (width(r) <= 0 || height(r) <= 0) return { top: 0, right: 0, bottom: 0, left: 0 };
  return {
    top: Math.round(r.top - map.top),
    right: Math.round(map.right - r.right),
    bottom: Math.round(map.bottom - r.bottom),
    left: Math.round(r.left - map.left),
  };
}
