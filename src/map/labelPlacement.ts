// Where each province's name is drawn (issue 26.2), decided here in screen pixels instead of by MapLibre's own
// collision pass: MapLibre places a layer tile by tile, so no priority (provinces with practices first) holds
// across tiles, and it draws a label whose point lies near the canvas edge cut in half. Pure: the controller hands
// in a projection, the frame and what covers the map, and draws the centres returned, anchored at their centre.
import type { Edges } from '../geometry/rect';

export type Px = [number, number];

export interface LabelCandidate {
  adcode: number;
  /** The name as drawn (Chinese short name, or the English one). */
  text: string;
  /** The build's label point, inside the polygon ([lng, lat]). */
  labelPoint: [number, number];
  /** The province's outer rings and holes ([lng, lat]), for a point inside it when the label point is not in view. */
  rings: readonly (readonly [number, number][])[];
  /** 0 is placed first: the focused province, then provinces with practices, then the rest. */
  rank: number;
  /**
   * [w, s, e, n] of the rings: a province wholly out of view is then passed over after projecting two corners, not
   * every vertex (measured 31 ms a camera move at zoom 7.9, most of it for provinces far out of view).
   */
  bounds?: readonly [number, number, number, number];
}

export interface PlacementInput {
  candidates: readonly LabelCandidate[];
  project: (lngLat: [number, number]) => Px;
  /** The part of the map a label may use (map pixels): the canvas minus full-width bars, less a small margin. */
  frame: Edges;
  /** Boxes a label must not touch: overlays on the map (legend, inset, zoom buttons). */
  obstacles: readonly Edges[];
  /**
   * Boxes a label avoids when it can: the markers' circles. The names are drawn above the markers, so a name that
   * finds no room clear of them (安徽 among its cities) may cover one rather than go unnamed.
   */
  soft?: readonly Edges[];
  /** Text size in px at the current zoom. */
  size: number;
}

export interface PlacedLabel {
  adcode: number;
  /** The label's centre, in map pixels. */
  at: Px;
  box: Edges;
}

/** The drawn box of a label centred at `at` (CJK glyphs are one em wide; Latin letters about 0.6 em) plus its halo. */
export function labelBox(text: string, size: number, at: Px): Edges {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\uffff]/.test(ch) ? 1 : 0.6;
  const halfW = (em * size) / 2 + 2;
  const halfH = (size * 1.2) / 2 + 1;
  return { left: at[0] - halfW, right: at[0] + halfW, top: at[1] - halfH, bottom: at[1] + halfH };
}

const inside = (b: Edges, f: Edges) => b.left >= f.left && b.right <= f.right && b.top >= f.top && b.bottom <= f.bottom;
const hits = (a: Edges, b: Edges) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The x of every crossing of the rings' edges with the row at y, ascending (a horizontal edge is not a crossing). */
function crossings(rings: readonly (readonly Px[])[], y: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  return xs.sort((a, b) => a - b);
}

/** How many of the ascending xs are greater than x (crossings to the right of x: odd means inside). */
function rightOf(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return xs.length - lo;
}

/**
 * Points of the province inside the frame where its label fits whole and its whole width lies in the province (a
 * grid over the province's part of the frame): where else its name may go.
 */
export function insideSamples(c: LabelCandidate, project: PlacementInput['project'], frame: Edges, size: number): Px[] {
  if (c.bounds) {
    // Web Mercator without rotation: west/north is the top left corner on screen, east/south the bottom right.
    const [w, s, e, n] = c.bounds;
    const [x0, y0] = project([w, n]);
    const [x1, y1] = project([e, s]);
    if (x1 < frame.left || x0 > frame.right || y1 < frame.top || y0 > frame.bottom) return [];
  }
  const rings = c.rings.map((r) => r.map((p) => project(p)));
  let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
  for (const ring of rings) for (const [x, y] of ring) {
    l = Math.min(l, x); r = Math.max(r, x); t = Math.min(t, y); b = Math.max(b, y);
  }
  const half = labelBox(c.text, size, [0, 0]);
  const box = { left: Math.max(l, frame.left - half.left), right: Math.min(r, frame.right - half.right), top: Math.max(t, frame.top - half.top), bottom: Math.min(b, frame.bottom - half.bottom) };
  if (box.right < box.left || box.bottom < box.top) return [];
  const N = 24;
  const samples: Px[] = [];
  // Row by row: where the row crosses the rings, once (sorted), then each point is inside when an odd number of
  // crossings lies right of it (the even-odd rule over all rings, holes alike), without walking every edge per point.
  for (let j = 0; j <= N; j++) {
    const y = box.top + ((box.bottom - box.top) * j) / N;
    const xs = crossings(rings, y);
    if (xs.length === 0) continue;
    const within = (x: number) => rightOf(xs, x) % 2 === 1;
    for (let i = 0; i <= N; i++) {
      const x = box.left + ((box.right - box.left) * i) / N;
      // The label's ends lie in the province too, or it would read as the neighbour's name.
      if (within(x) && within(x + half.left) && within(x + half.right)) samples.push([x, y]);
    }
  }
  return samples;
}

/**
 * A point for the label when the province's own label point is out of view or too near an edge: the inside sample
 * nearest the middle of all inside samples. Null when no part of the province in view can hold the label: it is then
 * not labelled, never cut.
 */
export function pointInView(samples: readonly Px[]): Px | null {
  if (samples.length === 0) return null;
  const mx = samples.reduce((s, p) => s + p[0], 0) / samples.length;
  const my = samples.reduce((s, p) => s + p[1], 0) / samples.length;
  let best = samples[0]!;
  for (const p of samples) if ((p[0] - mx) ** 2 + (p[1] - my) ** 2 < (best[0] - mx) ** 2 + (best[1] - my) ** 2) best = p;
  return best;
}

/**
 * Greedy placement in rank order: each label at its point, or just beside it (its edge at the point: right, left,
 * above, below, diagonally) when something is there, or else at the nearest free point inside its province (河北
 * between 北京, 天津 and 山东); a label that fits nowhere whole is left out. A label point outside the frame, or whose
 * label would leave it, first moves to a point of its province inside the frame (pointInView).
 */
export function placeLabels(input: PlacementInput): PlacedLabel[] {
  const { project, frame, obstacles, size } = input;
  const placed: PlacedLabel[] = [];
  const order = [...input.candidates].sort((a, b) => a.rank - b.rank || a.adcode - b.adcode);
  const soft = input.soft ?? [];
  const free = (box: Edges, strict: boolean) =>
    inside(box, frame) && !obstacles.some((o) => hits(box, o)) && !placed.some((q) => hits(box, q.box)) && !(strict && soft.some((o) => hits(box, o)));
  for (const c of order) {
    let at: Px | null = project(c.labelPoint);
    let samples: Px[] | null = null;
    if (!inside(labelBox(c.text, size, at), frame)) {
      samples = insideSamples(c, project, frame, size);
      at = pointInView(samples);
    }
    if (!at) continue;
    const base = labelBox(c.text, size, at);
    const dx = (base.right - base.left) / 2 + size * 0.25;
    const dy = (base.bottom - base.top) / 2 + size * 0.15;
    const shifts: Px[] = [[0, 0], [dx, 0], [-dx, 0], [0, -dy], [0, dy], [dx, -dy], [-dx, -dy], [dx, dy], [-dx, dy]];
    const from = at;
    const near = shifts.map(([x, y]): Px => [from[0] + x, from[1] + y]);
    // The province's inside points only when nothing beside the point is free (sampling costs a projection per vertex).
    const far = () => (samples ??= insideSamples(c, project, frame, size).sort((p, q) => dist(p, from) - dist(q, from)));
    const fits = (strict: boolean) => (p: Px) => free(labelBox(c.text, size, p), strict);
    const spot = near.find(fits(true)) ?? far().find(fits(true)) ?? near.find(fits(false)) ?? far().find(fits(false));
    if (spot) placed.push({ adcode: c.adcode, at: spot, box: labelBox(c.text, size, spot) });
  }
  return placed;
}

const dist = (p: Px, q: Px) => (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;
