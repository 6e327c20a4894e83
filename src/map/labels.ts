// Place labels: the desk or projector sizes, the language of the names, and which places are named in a briefing.
// Pure functions over the applied-state record (applied.ts), so that a label rule is one function to change.
import type { Map as MlMap } from 'maplibre-gl';
import type { AppliedState } from './applied';
import { LAYER, SRC } from './ids';
import { labelLayout, labelTextField } from './style';
import { placeLabels, type LabelCandidate, type Px } from './labelPlacement';
import { measureObstructions } from './obstructions';
import { simplifyLine } from '../geometry/simplify';
import type { Edges } from '../geometry/rect';
import { bboxOf, type Bounds } from '../geometry/bounds';
import type { RegionCollection } from './features';

/**
 * In a briefing only the focused province's places are named (a national slide names provinces, not cities). The
 * expression is the style's version of geometry/adcode provinceOf.
 */
export function markerLabelFilter(briefing: boolean, province: number | null): unknown {
  return briefing ? ['==', ['*', ['floor', ['/', ['get', 'adcode'], 10000]], 10000], province ?? -1] : null;
}

/**
 * Projector labels in a briefing (issue 13.2: ≥ 20 px at 1920×1080): larger text, and the names of the focused
 * province's places from any zoom (a large province is framed below the zoom where city names normally appear);
 * elsewhere the desk sizes.
 */
export function applyLabelLayout(applied: AppliedState, briefing: boolean, province: number | null): void {
  const l = labelLayout(briefing);
  applied.layoutProperty(LAYER.provinceLabels, 'text-size', l.provinceSize);
  applied.layoutProperty(LAYER.markerLabels, 'text-size', l.markerSize);
  applied.zoomRange(LAYER.markerLabels, l.markerMinZoom, 24);
  applied.filter(LAYER.markerLabels, markerLabelFilter(briefing, province));
}

/** Names the place labels in another language (adcode → name), or in Chinese with null. True if anything changed. */
export function applyLabelNames(applied: AppliedState, names: ReadonlyMap<number, string> | null): boolean {
  const field = labelTextField(names);
  // Both layers show the same field: unchanged for one means unchanged for both.
  if (!applied.layoutProperty(LAYER.provinceLabels, 'text-field', field)) return false;
  applied.layoutProperty(LAYER.markerLabels, 'text-field', field);
  return true;
}

/** The value of a ['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1, …] expression (or a number) at a zoom. */
export function sizeAtZoom(size: unknown, zoom: number): number {
  if (typeof size === 'number') return size;
  const stops = (size as number[]).slice(3);
  if (zoom <= stops[0]!) return stops[1]!;
  for (let i = 2; i < stops.length; i += 2) {
    if (zoom <= stops[i]!) {
      const t = (zoom - stops[i - 2]!) / (stops[i]! - stops[i - 2]!);
      return stops[i - 1]! + t * (stops[i + 1]! - stops[i - 1]!);
    }
  }
  return stops[stops.length - 1]!;
}

/** A marker's radius in px for a count, as the style draws it (style.ts: 1 → 6, 2 → 9, 4 → 14 over √count). */
export function markerRadius(count: number): number {
  if (count < 1) return 0;
  const s = Math.sqrt(count);
  return s <= 2 ? 6 + (s - 1) * 3 : Math.min(14, 9 + ((s - 2) / 2) * 5);
}

/**
 * Outlines as placement needs them: simplified within 0.01° (about 1 km: 1.3 px at a province slide's zoom 6.7,
 * 3 px at a city slide's 8). Placement projects every point and tests hundreds of grid points against the rings
 * after each camera move; with the national outlines as drawn that was ~100 ms of the main thread per slide (CPU
 * profile), for a test that needs the shape only to within a label's size.
 */
const thinRing = (ring: [number, number][]) => simplifyLine(ring, 0.01);

/** Margin (px) kept between a province name and the map's edges or an overlay. */
const LABEL_MARGIN = 6;

/**
 * The province names' layer, fed by placeLabels (labelPlacement.ts) after every camera move and every change of
 * counts, markers, names, size or focus: the names of the provinces in the frame, the focused province and those
 * with practices first, each whole inside the frame and clear of the overlays and markers, or not drawn.
 */
export class ProvinceLabels {
  private counts: ReadonlyMap<number, number> = new Map();
  private markers: { at: [number, number]; count: number }[] = [];
  private names: ReadonlyMap<number, string> | null = null;
  private briefing = false;
  private focus: number | null = null;
  private key = '';
  /** Each province's label point and outline, thinned once (see thinRing): what placement tests points against. */
  private readonly outlines: { adcode: number; short: string; labelPoint: [number, number]; rings: [number, number][][]; bounds?: Bounds }[];
  private readonly shorts: ReadonlyMap<number, string>;

  constructor(
    private readonly map: MlMap,
    private readonly container: HTMLElement,
    private readonly applied: AppliedState,
    provinces: RegionCollection,
    private readonly busy: () => void,
  ) {
    this.outlines = provinces.features.flatMap((f) => {
      const lp = f.properties.labelPoint;
      if (!Array.isArray(lp)) return [];
      const g = f.geometry;
      const rings = (g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : []) as [number, number][][];
      return [{ adcode: f.properties.adcode, short: f.properties.short, labelPoint: lp as [number, number], rings: rings.map(thinRing), bounds: bboxOf(g) ?? undefined }];
    });
    this.shorts = new Map(this.outlines.map((o) => [o.adcode, o.short]));
  }

  set(next: {
    counts?: ReadonlyMap<number, number>;
    markers?: { at: [number, number]; count: number }[];
    names?: ReadonlyMap<number, string> | null;
    briefing?: boolean;
    focus?: number | null;
  }): void {
    // Nothing new (the same objects again, e.g. after a filter change): the names stay as placed.
    if ((Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === undefined || next[k] === this[k])) return;
    if (next.counts) this.counts = next.counts;
    if (next.markers) this.markers = next.markers;
    if (next.names !== undefined) this.names = next.names;
    if (next.briefing !== undefined) this.briefing = next.briefing;
    if (next.focus !== undefined) this.focus = next.focus;
    this.update();
  }

  /** Places the names for the camera now (after a move, a resize, or any change above). */
  update(): void {
    const map = this.map;
    const size = sizeAtZoom(labelLayout(this.briefing).provinceSize, map.getZoom());
    const { map: box, obstructions } = measureObstructions(this.container);
    const toMap = (r: Edges): Edges => ({ left: r.left - box.left, right: r.right - box.left, top: r.top - box.top, bottom: r.bottom - box.top });
    const w = box.right - box.left;
    const h = box.bottom - box.top;
    const frame: Edges = { left: LABEL_MARGIN, top: LABEL_MARGIN, right: w - LABEL_MARGIN, bottom: h - LABEL_MARGIN };
    const obstacles: Edges[] = [];
    for (const o of obstructions) {
      // An overlay shown only below some zoom (the inset) is in the layout, hidden, above it.
      if (o.maxZoom !== undefined && map.getZoom() >= o.maxZoom) continue;
      const r = toMap(o);
      if (r.right <= 0 || r.left >= w || r.bottom <= 0 || r.top >= h) continue;
      // A bar across the whole width (the boundary line at the foot) shrinks the frame instead.
      if (r.left <= 1 && r.right >= w - 1) {
        if (r.top <= 1) frame.top = Math.max(frame.top, r.bottom + LABEL_MARGIN);
        else frame.bottom = Math.min(frame.bottom, r.top - LABEL_MARGIN);
        continue;
      }
      obstacles.push({ left: r.left - LABEL_MARGIN, right: r.right + LABEL_MARGIN, top: r.top - LABEL_MARGIN, bottom: r.bottom + LABEL_MARGIN });
    }
    const project = (p: [number, number]): Px => {
      const q = map.project(p);
      return [q.x, q.y];
    };
    const soft: Edges[] = [];
    for (const m of this.markers) {
      const r = markerRadius(m.count);
      if (r === 0) continue;
      const [x, y] = project(m.at);
      soft.push({ left: x - r, right: x + r, top: y - r, bottom: y + r });
    }
    const candidates: LabelCandidate[] = this.outlines.map((o) => ({
      ...o,
      text: this.names?.get(o.adcode) ?? o.short,
      rank: o.adcode === this.focus ? 0 : (this.counts.get(o.adcode) ?? 0) > 0 ? 1 : 2,
    }));
    const placed = placeLabels({ candidates, project, frame, obstacles, soft, size });
    const features = placed.map((p) => {
      const ll = map.unproject(p.at);
      return {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [ll.lng, ll.lat] },
        properties: { adcode: p.adcode, short: this.shorts.get(p.adcode) ?? '' },
      };
    });
    const key = features.map((f) => `${f.properties.adcode}:${f.geometry.coordinates.map((v) => v.toFixed(4)).join(',')}`).join(';');
    if (key === this.key) return;
    this.key = key;
    this.applied.setData(SRC.provinceLabels, { type: 'FeatureCollection', features });
    this.busy();
  }
}
