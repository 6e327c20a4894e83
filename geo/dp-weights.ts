// Douglas–Peucker importance of every point of a topology's arcs, in Web Mercator "world pixels" (the world is
// 512 units wide at zoom 0, as in MapLibre). Keeping the points whose weight is at least τ / 2^z gives exactly the
// Douglas–Peucker simplification of each arc at τ screen pixels for zoom z: no dropped point lies farther than τ px
// from the drawn line at that zoom (at any latitude, since the distance is measured on the map's own projection).
// Visvalingam areas (topojson-simplify's default) give no such bound, and the done-when of the map is a distance
// on screen.
import type { Position } from 'geojson';

const WORLD = 512;

/** lng/lat → Web Mercator world units at zoom 0 (512 wide). */
export function mercator(p: Position): [number, number] {
  const lat = Math.max(-85.05112878, Math.min(85.05112878, p[1]!));
  const s = Math.sin((lat * Math.PI) / 180);
  return [((p[0]! + 180) / 360) * WORLD, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * WORLD];
}

/** The map-pixel threshold for a tolerance of `px` screen pixels at zoom `zoom`. */
export function thresholdFor(px: number, zoom: number): number {
  return px / 2 ** zoom;
}

function segDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len)) : 0;
  return Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
}

/**
 * Hierarchical Douglas–Peucker weights of one arc: endpoints Infinity; each split point gets its distance from the
 * chord, capped by its parent's weight, so that filtering by `weight >= t` reproduces Douglas–Peucker at t.
 */
export function dpWeights(arc: Position[]): number[] {
  const n = arc.length;
  const w = new Array<number>(n).fill(0);
  if (n === 0) return w;
  w[0] = Infinity;
  w[n - 1] = Infinity;
  const pts = arc.map(mercator);
  const stack: [number, number, number][] = [[0, n - 1, Infinity]];
  while (stack.length) {
    const [i, j, cap] = stack.pop()!;
    if (j - i < 2) continue;
    let best = -1, k = -1;
    for (let m = i + 1; m < j; m++) {
      const d = segDistance(pts[m]!, pts[i]!, pts[j]!);
      if (d > best) [best, k] = [d, m];
    }
    const wk = Math.min(best, cap);
    w[k] = wk;
    stack.push([i, k, wk], [k, j, wk]);
  }
  return w;
}

/** Arcs with a third coordinate: the point's weight (the shape topojson-simplify's presimplify returns). */
export function presimplifyDP(arcs: Position[][]): number[][][] {
  return arcs.map((arc) => {
    const w = dpWeights(arc);
    return arc.map((p, i) => [p[0]!, p[1]!, w[i]!]);
  });
}
