// Geographic bounds [west, south, east, north] in degrees: the one shape every map in the app (WebGL, SVG, exports,
// inset) frames with. Pure.

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** Bounding box of any GeoJSON geometry's coordinates (a GeometryCollection's members included); null when empty. */
export function bboxOf(geometry: { type: string; coordinates?: unknown; geometries?: unknown[] } | null | undefined): Bounds | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1]);
      n = Math.max(n, c[1]);
      return;
    }
    for (const x of c) walk(x);
  };
  if (!geometry) return null;
  if (geometry.geometries) for (const g of geometry.geometries) walk((g as { coordinates?: unknown }).coordinates);
  else walk(geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** The bounds that hold all of `list`; null for none. */
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

/** A region's bounds with some margin, never smaller than `minSpan` degrees, so a small district keeps context. */
export function padBounds(b: Bounds, ratio = 0.08, minSpan = 0.8): Bounds {
  const [w, s, e, n] = b;
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const hw = Math.max(minSpan, (e - w) * (1 + 2 * ratio)) / 2;
  const hh = Math.max(minSpan, (n - s) * (1 + 2 * ratio)) / 2;
  return [cx - hw, cy - hh, cx + hw, cy + hh];
}
