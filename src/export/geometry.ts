// Rectangles shared by the export composers (CSS pixels unless said otherwise).
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bounding box [w, s, e, n] of any GeoJSON geometry's coordinates. */
export function bboxOf(geometry: { type: string; coordinates?: unknown; geometries?: unknown[] } | null): [number, number, number, number] | null {
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
