// Where the map may put a subject: the map's box minus whatever is drawn over it (legend, 南海诸岛 inset,
// attribution, zoom buttons, a bottom sheet). Pure geometry, no DOM and no MapLibre, so it is unit-tested; the
// controller measures the rectangles (obstructions.ts) and hands the padding this returns to fitBounds.
// Projection, bounds and rectangles are the geometry kernel's (src/geometry), shared with the SVG map and exports.
import type { Bounds } from '../geometry/bounds';
import { mercatorSize } from '../geometry/mercator';
import { edgesOverlap as intersects, type Edges } from '../geometry/rect';

/** Something drawn over the map. `maxZoom`: it is only shown below that zoom (the inset belongs to national views). */
export interface Obstruction extends Edges {
  maxZoom?: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** MapLibre's world is 512 px wide at zoom 0, i.e. 512 / 2π px per radian. */
const WORLD = 512;

/** Width and height of `bounds` in pixels at zoom 0 (Web Mercator, as MapLibre draws it). */
export function boundsSize(bounds: Bounds): { width: number; height: number } {
  const size = mercatorSize(bounds);
  const k = WORLD / (2 * Math.PI);
  return { width: size.width * k, height: size.height * k };
}

/** The zoom at which `bounds` just fill a box of width × height px (what fitBounds computes). */
export function fitZoom(bounds: Bounds, width: number, height: number): number {
  const size = boundsSize(bounds);
  const scale = Math.min(width / Math.max(size.width, 1e-9), height / Math.max(size.height, 1e-9));
  return Math.log2(scale);
}

export interface FrameOptions {
  /** Space kept between the subject and the map's edges or any obstruction (px). */
  margin: number;
  /** The camera never zooms in further than this (a small district would otherwise fill the screen). */
  maxZoom: number;
}

const width = (r: Edges) => r.right - r.left;
const height = (r: Edges) => r.bottom - r.top;

/**
 * The largest free rectangle for `bounds`: every obstruction that overlaps the candidate is cut away on one of its
 * four sides (all combinations are tried, ≤ 4^n for n overlapping obstructions; n is a handful). The best rectangle
 * is the one where the subject can be drawn largest (its aspect ratio matters: China is wide, a province may be
 * tall); when the zoom cap makes several equal, the one with most room wins, so a small subject sits in the middle
 * of the open map.
 */
function freeRect(box: Edges, obstructions: readonly Edges[], bounds: Bounds, maxZoom: number): Edges | null {
  const capped = (r: Edges) => Math.min(fitZoom(bounds, width(r), height(r)), maxZoom);
  let best: Edges | null = null;
  let bestZoom = -Infinity;
  let bestArea = -Infinity;
  const visit = (r: Edges, i: number) => {
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

function grow(r: Edges, by: number): Edges {
  return { left: r.left - by, top: r.top - by, right: r.right + by, bottom: r.bottom + by };
}

/**
 * The padding for fitBounds/flyTo that puts `bounds` whole inside the unobstructed part of `map` (both in page
 * pixels). An obstruction with `maxZoom` (the inset) is ignored when the subject is framed at or above that zoom,
 * because it is not drawn there. When nothing is free (a tiny window), only the margin is kept.
 */
export function framePadding(map: Edges, obstructions: readonly Obstruction[], bounds: Bounds, opts: FrameOptions): Padding {
  // Small maps keep a proportionally smaller margin (a phone's map is ~390 px wide).
  const margin = Math.max(0, Math.min(opts.margin, Math.round(Math.min(width(map), height(map)) * 0.04)));
  const box: Edges = { left: map.left + margin, top: map.top + margin, right: map.right - margin, bottom: map.bottom - margin };
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
