// Web Mercator, once: the WebGL map (MapLibre), the SVG fallback, the exported images and the 南海诸岛 inset all
// project with it, so a subject framed in one is framed the same in the others. Planar (not d3's spherical
// projections), so ring winding never matters. Pure.
import type { Bounds } from './bounds';
import type { Rect } from './rect';

const DEG = Math.PI / 180;
/** Web Mercator's latitude limit: beyond it y runs off to infinity (MapLibre clamps there too). */
const MAX_LAT = 85.051129;

/** Mercator y of a latitude, in radians of longitude (north is larger). */
export function mercatorY(lat: number): number {
  const phi = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * DEG;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2));
}

/** Width and height of `bounds` in Mercator units (radians). */
export function mercatorSize(bounds: Bounds): { width: number; height: number } {
  const [w, s, e, n] = bounds;
  return { width: (e - w) * DEG, height: mercatorY(n) - mercatorY(s) };
}

export interface MercatorFit {
  /** Pixels per radian. */
  k: number;
  /** [lng, lat] → [x, y] in the rectangle's pixels (y down). */
  point: (lng: number, lat: number) => [number, number];
}

/** Fits `bounds` into `r`, centred, keeping Mercator's aspect. */
export function fitMercator(bounds: Bounds, r: Rect): MercatorFit {
  const x0 = bounds[0] * DEG;
  const y0 = mercatorY(bounds[3]);
  const size = mercatorSize(bounds);
  const bw = Math.max(1e-9, size.width);
  const bh = Math.max(1e-9, size.height);
  const k = Math.min(r.width / bw, r.height / bh);
  const ox = r.x + (r.width - k * bw) / 2;
  const oy = r.y + (r.height - k * bh) / 2;
  return { k, point: (lng, lat) => [ox + k * (lng * DEG - x0), oy + k * (y0 - mercatorY(lat))] };
}
