// The South China Sea inset (南海诸岛附图) as SVG path strings: for the <svg> in the map's lower right corner
// and for drawing into PNG exports (new Path2D(d)). Pure: no DOM, no MapLibre.
// Data: public/geo/scs-inset.json (geo/build.ts): land (kind 'land'), the neighbours' land masses for context
// (kind 'context', Natural Earth; drawn first, under China's own land) and the ten dash parts (kind 'dash'),
// with a top-level bbox [w, s, e, n] that the inset frames.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { bboxOf, unionBounds, type Bounds } from '../geometry/bounds';
import { fitMercator } from '../geometry/mercator';

/** The inset's size in CSS pixels, on screen and in exported images alike. */
export const INSET_SIZE = { width: 120, height: 170 };

export interface InsetPaths {
  /** One path per land feature (fill, and stroke thinly so that sub-pixel islands still show). */
  land: string[];
  /** One path per dash part (fill). */
  dash: string[];
  /** Neighbouring countries' land (fill only, in a neutral tint, under `land`). */
  context: string[];
  /** `0 0 width height`. */
  viewBox: string;
}

/** Rings smaller than this on screen (px) are drawn as a square of this size, so that every island shows. */
export const MIN_RING_PX = 0.8;

function insetBounds(inset: FeatureCollection): Bounds {
  const b = inset.bbox;
  if (b && b.length >= 4) return [b[0]!, b[1]!, b[2]!, b[3]!];
  // No bbox: frame everything.
  const boxes = inset.features.map((f) => bboxOf(f.geometry)).filter((x): x is Bounds => x !== null);
  return unionBounds(boxes) ?? [0, 0, 0, 0];
}

function rings(g: Geometry | null): Position[][] {
  if (!g) return [];
  switch (g.type) {
    case 'Polygon': return g.coordinates;
    case 'MultiPolygon': return g.coordinates.flat();
    case 'LineString': return [g.coordinates];
    case 'MultiLineString': return g.coordinates;
    default: return [];
  }
}

const num = (x: number) => {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

/**
 * Projects the inset (Web Mercator, like the main map) into a width × height box: the bbox is fitted
 * and centred, keeping its aspect. Polygons become closed subpaths; lines stay open.
 */
export function insetPaths(inset: FeatureCollection, width: number, height: number): InsetPaths {
  // The kernel's Mercator fitted to the bbox: the whole box fits, centred, aspect kept.
  const fit = fitMercator(insetBounds(inset), { x: 0, y: 0, width, height });
  const project = (p: Position): [number, number] => fit.point(p[0]!, p[1]!);

  const path = (f: Feature): string => {
    const closed = f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
    const parts: string[] = [];
    for (const ring of rings(f.geometry)) {
      if (!ring.length) continue;
      const pts = ring.map(project);
      const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
      const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
      if (closed && maxX - minX < MIN_RING_PX && maxY - minY < MIN_RING_PX) {
        const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2, h = MIN_RING_PX / 2;
        parts.push(`M${num(cx - h)} ${num(cy - h)}H${num(cx + h)}V${num(cy + h)}H${num(cx - h)}Z`);
        continue;
      }
      // Drop the closing point of a polygon ring: Z closes it.
      const body = closed && pts.length > 1 ? pts.slice(0, -1) : pts;
      parts.push(`M${body.map((p) => `${num(p[0])} ${num(p[1])}`).join('L')}${closed ? 'Z' : ''}`);
    }
    return parts.join('');
  };

  const land: string[] = [];
  const dash: string[] = [];
  const context: string[] = [];
  for (const f of inset.features) {
    const kind = (f.properties as { kind?: string } | null)?.kind;
    const d = path(f);
    if (!d) continue;
    if (kind === 'dash') dash.push(d);
    else if (kind === 'land') land.push(d);
    else if (kind === 'context') context.push(d);
  }
  return { land, dash, context, viewBox: `0 0 ${num(width)} ${num(height)}` };
}
