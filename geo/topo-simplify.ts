// Simplify + quantize a polygon topology without breaking it.
//
// topojson-simplify's `simplify` drops every point under one global weight, which erases small units
// (Macao, municipality districts, the South China Sea islands), collapses rings to two points and lets a
// simplified arc cross its neighbour. Here every arc gets its own threshold — the smallest one any feature
// using it asks for — and the result is checked after quantization, exactly as the app will decode it:
// rings with fewer than three distinct points, arcs that cross or touch other arcs, features that are not
// valid in the OGC sense (JTS's IsValidOp, through jsts), and seats (DataV `center`) that fall outside their own polygon. Every arc involved in
// a failure gets a lower threshold and the loop runs again; an arc at threshold 0 is the quantized source.
// Because arcs are shared, a fix on one side of a border is the same fix on the other side.
import { presimplify, planarTriangleArea } from 'topojson-simplify';
import { quantize, feature as topoFeature } from 'topojson-client';
import { bbox as turfBbox, booleanCrosses, booleanDisjoint, booleanPointInPolygon, lineString, polygon } from '@turf/turf';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { presimplifyDP } from './dp-weights';

/** A polygon geometry of a topology (arcs as indices; ~i is arc i reversed). */
export interface TopoPolygonal {
  type: 'Polygon' | 'MultiPolygon';
  arcs: number[][] | number[][][];
  properties: Record<string, unknown>;
}

export interface FloatTopology {
  type: 'Topology';
  bbox?: [number, number, number, number];
  objects: Record<string, { type: 'GeometryCollection'; geometries: TopoPolygonal[] }>;
  arcs: Position[][];
}

export interface QuantizedTopology {
  type: 'Topology';
  bbox: [number, number, number, number];
  transform: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { type: 'GeometryCollection'; geometries: TopoPolygonal[] }>;
  arcs: number[][][];
}

export interface SimplifyOptions {
  /** Visvalingam weight (planar triangle area in degrees²) under which points go, for large features. */
  base: number;
  /**
   * A feature never asks for a threshold above `relative × its own area` (degrees²), so a small unit keeps
   * roughly the same share of its detail as a large one instead of vanishing.
   */
  relative: number;
  /** Quantization (grid cells per side of the bbox). */
  quantization: number;
  /** Objects whose arcs are kept at full source detail (the dash segments). */
  fullDetail?: string[];
  /**
   * A factor on what the features of an object ask for (base and relative alike), where it differs from 1: an arc
   * gets the smallest any feature using it asks for, so a border shared with an object at factor 1 keeps its detail.
   */
  scaleOf?: Record<string, number>;
  /** The seat that must stay inside a geometry, if any. */
  seatOf?: (object: string, g: TopoPolygonal) => Position | undefined;
  /**
   * 'dp': Douglas–Peucker weights in Web Mercator world units (geo/dp-weights.ts), so that `base` is a distance
   * on the map; `relative` then caps a feature at relative × √area (in those units). Default: Visvalingam areas.
   */
  weights?: 'visvalingam' | 'dp';
  /** Under this a lowered threshold becomes 0 (the quantized source). Default 1e-9. */
  floor?: number;
  /** Rings under this area (degrees²) may be dropped when they cross another ring even at full detail. */
  dropArea?: number;
  maxIterations?: number;
}

/**
 * A ring removed from every geometry that has it: degenerate (fewer than three distinct points or no area once
 * quantized, even at full detail) or small (under `dropArea`) and crossing or touching another part of its
 * feature at full detail (`invalid`: what IsValidOp objects to) — islets closer to each other than the
 * quantization step, slivers between neighbours.
 */
export interface DroppedRing {
  reason: 'degenerate' | 'crossing' | 'invalid';
  adcodes: unknown[];
  /** Planar area in degrees² of the unsimplified ring, and its first point. */
  area: number;
  at: [number, number];
}

export interface SimplifyReport {
  iterations: number;
  /** Arcs whose threshold had to be lowered, by reason. */
  lowered: { ring: number; crossing: number; invalid: number; seat: number };
  /** Rings removed because they are degenerate even at full detail (zero area after quantization). */
  droppedRings: DroppedRing[];
  /** Seats outside their own polygon even at full detail: the source's own exceptions. */
  seatExceptions: { object: string; adcode: unknown; seat: Position }[];
  /** Features still invalid at full detail (should be empty; the build fails if not). */
  invalid: { object: string; adcode: unknown }[];
  /** Arcs of one feature that still cross or touch each other at full detail. */
  crossings: { object: string; adcode: unknown; arcs: [number, number] }[];
}

type Rings = number[][]; // polygon = list of rings, ring = list of arc indices

function polygonsOf(g: TopoPolygonal): Rings[] {
  return g.type === 'Polygon' ? [g.arcs as Rings] : (g.arcs as Rings[]);
}

function arcIndex(a: number): number {
  return a < 0 ? ~a : a;
}

function planarArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const a = ring[i]!, b = ring[i + 1]!;
    s += a[0]! * b[1]! - a[1]! * b[0]!;
  }
  return s / 2;
}

/** Absolute integer coordinates of a delta-encoded quantized arc. */
export function absoluteArc(arc: number[][]): [number, number][] {
  let x = 0, y = 0;
  return arc.map((p) => [(x += p[0]!), (y += p[1]!)] as [number, number]);
}

/** Integer ring from integer arcs. */
function ringInt(absArcs: [number, number][][], ring: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const a of ring) {
    const src = absArcs[arcIndex(a)]!;
    const pts = a < 0 ? src.slice().reverse() : src;
    for (let i = out.length ? 1 : 0; i < pts.length; i++) out.push(pts[i]!);
  }
  return out;
}

function distinctCount(ring: [number, number][]): number {
  return new Set(ring.map((p) => p[0] * 1e9 + p[1])).size;
}

function orient(a: [number, number], b: [number, number], c: [number, number]): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: [number, number], b: [number, number], p: [number, number]): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

function same(a: [number, number], b: [number, number]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Segments that cross or touch where they should not, in integer (quantized) coordinates, exactly.
 * Two segments may share an endpoint (that is how arcs and rings join); anything else — a proper crossing,
 * an endpoint lying inside another segment, collinear overlap — is a defect. Returns the pairs of arcs involved
 * (an arc paired with itself when it folds back or crosses itself).
 */
export function findArcConflicts(absArcs: [number, number][][], used: Set<number>): [number, number][] {
  interface Seg { arc: number; a: [number, number]; b: [number, number]; i: number }
  const segs: Seg[] = [];
  for (const arc of [...used].sort((x, y) => x - y)) {
    const pts = absArcs[arc]!;
    for (let i = 0; i + 1 < pts.length; i++) {
      if (!same(pts[i]!, pts[i + 1]!)) segs.push({ arc, a: pts[i]!, b: pts[i + 1]!, i });
    }
  }
  const cell = 2048;
  const grid = new Map<number, number[]>();
  segs.forEach((s, k) => {
    const x0 = Math.floor(Math.min(s.a[0], s.b[0]) / cell), x1 = Math.floor(Math.max(s.a[0], s.b[0]) / cell);
    const y0 = Math.floor(Math.min(s.a[1], s.b[1]) / cell), y1 = Math.floor(Math.max(s.a[1], s.b[1]) / cell);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) {
      const key = x * 100003 + y;
      const list = grid.get(key);
      if (list) list.push(k);
      else grid.set(key, [k]);
    }
  });
  const bad: [number, number][] = [];
  const seen = new Set<string>();
  for (const list of grid.values()) {
    for (let p = 0; p < list.length; p++) for (let q = p + 1; q < list.length; q++) {
      const s = segs[list[p]!]!, t = segs[list[q]!]!;
      if (s.arc === t.arc && Math.abs(s.i - t.i) === 1) {
        // Consecutive segments of one arc: only a fold back onto itself is a defect.
        const [first, second] = s.i < t.i ? [s, t] : [t, s];
        if (orient(first.a, first.b, second.b) === 0 && !same(first.a, second.b)) {
          const dot = (first.b[0] - first.a[0]) * (second.b[0] - second.a[0]) + (first.b[1] - first.a[1]) * (second.b[1] - second.a[1]);
          if (dot < 0) bad.push([s.arc, s.arc]);
        } else if (same(first.a, second.b)) bad.push([s.arc, s.arc]);
        continue;
      }
      if (!segmentsConflict(s.a, s.b, t.a, t.b)) continue;
      const key = list[p]! < list[q]! ? `${list[p]},${list[q]}` : `${list[q]},${list[p]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      bad.push(s.arc <= t.arc ? [s.arc, t.arc] : [t.arc, s.arc]);
    }
  }
  return bad;
}

function segmentsConflict(a: [number, number], b: [number, number], c: [number, number], d: [number, number]): boolean {
  if (Math.max(a[0], b[0]) < Math.min(c[0], d[0]) || Math.max(c[0], d[0]) < Math.min(a[0], b[0])) return false;
  if (Math.max(a[1], b[1]) < Math.min(c[1], d[1]) || Math.max(c[1], d[1]) < Math.min(a[1], b[1])) return false;
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true; // proper crossing
  const shared = [same(a, c), same(a, d), same(b, c), same(b, d)].filter(Boolean).length;
  if (o1 === 0 && o2 === 0) {
    // Collinear: a defect if they overlap in more than a shared endpoint.
    if (shared >= 2) return true; // the same segment twice
    const onC = onSegment(a, b, c) && !same(c, a) && !same(c, b);
    const onD = onSegment(a, b, d) && !same(d, a) && !same(d, b);
    const onA = onSegment(c, d, a) && !same(a, c) && !same(a, d);
    const onB = onSegment(c, d, b) && !same(b, c) && !same(b, d);
    return onC || onD || onA || onB;
  }
  // An endpoint lying on the inside of the other segment (a T-junction without a shared vertex).
  if (o1 === 0 && onSegment(a, b, c) && !same(c, a) && !same(c, b)) return true;
  if (o2 === 0 && onSegment(a, b, d) && !same(d, a) && !same(d, b)) return true;
  if (o3 === 0 && onSegment(c, d, a) && !same(a, c) && !same(a, d)) return true;
  if (o4 === 0 && onSegment(c, d, b) && !same(b, c) && !same(b, d)) return true;
  return false;
}

function topoBbox(arcs: Position[][]): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const arc of arcs) for (const p of arc) {
    if (p[0]! < w) w = p[0]!;
    if (p[0]! > e) e = p[0]!;
    if (p[1]! < s) s = p[1]!;
    if (p[1]! > n) n = p[1]!;
  }
  return [w, s, e, n];
}

/** Decode one geometry of a quantized topology to a GeoJSON feature, exactly as topojson-client does in the app. */
export function decode(topology: QuantizedTopology, g: TopoPolygonal): Feature<Polygon | MultiPolygon> {
  // topojson-client's types want its own Topology type; the shapes are the same.
  return topoFeature(topology as never, g as never) as unknown as Feature<Polygon | MultiPolygon>;
}

export function simplifyChecked(input: FloatTopology, opts: SimplifyOptions): { topology: QuantizedTopology; report: SimplifyReport } {
  const dp = opts.weights === 'dp';
  const pre = (dp ? { arcs: presimplifyDP(input.arcs) } : presimplify(input as never, planarTriangleArea)) as unknown as { arcs: number[][][] };
  const bbox = input.bbox ?? topoBbox(input.arcs);
  const n = input.arcs.length;
  const thr = new Float64Array(n).fill(Infinity);
  const full = new Set(opts.fullDetail ?? []);
  const names = Object.keys(input.objects).sort();

  // Per-arc starting threshold: the smallest any feature using the arc asks for.
  for (const name of names) {
    for (const g of input.objects[name]!.geometries) {
      let featureThr = 0;
      const scale = opts.scaleOf?.[name] ?? 1;
      if (!full.has(name)) {
        let area = 0;
        for (const poly of polygonsOf(g)) for (const ring of poly) area += planarArea(ringFloat(input.arcs, ring));
        // DP: √(degrees²) → world units (512 per 360°), a size comparable with the distance weights.
        featureThr = scale * Math.min(opts.base, dp ? Math.sqrt(Math.abs(area)) * (512 / 360) * opts.relative : Math.abs(area) * opts.relative);
      }
      for (const poly of polygonsOf(g)) for (const ring of poly) for (const a of ring) {
        const i = arcIndex(a);
        if (featureThr < thr[i]!) thr[i] = featureThr;
      }
    }
  }
  for (let i = 0; i < n; i++) if (thr[i] === Infinity) thr[i] = opts.base;

  const report: SimplifyReport = {
    iterations: 0,
    lowered: { ring: 0, crossing: 0, invalid: 0, seat: 0 },
    droppedRings: [],
    seatExceptions: [],
    invalid: [],
    crossings: [],
  };
  const lower = (i: number): boolean => {
    if (thr[i] === 0) return false;
    // Below this a point is a few metres off a straight line; keeping everything costs little.
    thr[i] = thr[i]! < (opts.floor ?? 1e-9) ? 0 : thr[i]! / 8;
    return true;
  };

  // Rings dropped (see DroppedRing), by key: their sorted arc indices.
  const dropped = new Set<string>();
  const drop = (ring: number[], reason: DroppedRing['reason']) => {
    const key = ringKeyOf(ring);
    if (dropped.has(key)) return;
    dropped.add(key);
    const adcodes = new Set<unknown>();
    for (const name of names) for (const g of input.objects[name]!.geometries) {
      if (polygonsOf(g).some((poly) => poly.some((r) => ringKeyOf(r) === key))) adcodes.add(g.properties.adcode);
    }
    const pts = ringFloat(input.arcs, ring);
    report.droppedRings.push({ reason, adcodes: [...adcodes], area: Math.abs(planarArea(pts)), at: [pts[0]![0]!, pts[0]![1]!] });
  };
  // Features that passed step 3, with the arcs and thresholds they passed with.
  const passed = new Map<string, { stamp: string; seatException?: SimplifyReport['seatExceptions'][number] }>();
  const maxIt = opts.maxIterations ?? 40;
  let result: QuantizedTopology | undefined;
  for (let it = 1; it <= maxIt; it++) {
    report.iterations = it;
    const arcs = pre.arcs.map((arc, i) => arc.filter((p) => p[2]! >= thr[i]!).map((p) => [p[0]!, p[1]!]));
    const objects: QuantizedTopology['objects'] = {};
    for (const name of names) {
      objects[name] = {
        type: 'GeometryCollection',
        geometries: input.objects[name]!.geometries.map((g) => withoutRings(g, dropped)),
      };
    }
    const q = quantize({ type: 'Topology', bbox, objects, arcs } as never, opts.quantization) as unknown as QuantizedTopology;
    const abs = q.arcs.map(absoluteArc);
    let changed = false;

    // 1. Rings with fewer than three distinct points or no area.
    const used = new Set<number>();
    for (const name of names) {
      for (const g of q.objects[name]!.geometries) {
        for (const poly of polygonsOf(g)) for (const ring of poly) {
          for (const a of ring) used.add(arcIndex(a));
          const pts = ringInt(abs, ring);
          if (distinctCount(pts) >= 3 && planarArea(pts) !== 0) continue;
          // Reveal the ring's next most important point (an island needs only two or three), rather than
          // dividing thresholds and keeping far more than it needs. A ring that is degenerate even with every
          // point (an islet inside one grid cell) goes at once, not one revealed point per pass.
          const ringArcs = ring.map(arcIndex);
          const [kx, ky] = q.transform.scale, [tx, ty] = q.transform.translate;
          const fullPts = ringFloat(input.arcs, ring).map((p) => [Math.round((p[0]! - tx) / kx), Math.round((p[1]! - ty) / ky)] as [number, number]);
          if (distinctCount(fullPts) < 3 || planarArea(fullPts) === 0) {
            drop(ring, 'degenerate');
            changed = true;
            continue;
          }
          let next = 0;
          for (const i of ringArcs) for (const p of pre.arcs[i]!) if (p[2]! < thr[i]! && p[2]! > next) next = p[2]!;
          let any = false;
          for (const i of ringArcs) if (thr[i]! > next) {
            thr[i] = next;
            any = true;
          }
          if (any) report.lowered.ring++;
          else drop(ring, 'degenerate');
          changed = true;
        }
      }
    }
    if (process.env.GEO_DEBUG) console.log(`simplify pass ${it} rings: ${JSON.stringify(report.lowered)} dropped ${report.droppedRings.length}`);
    if (changed) continue;

    // 2. Arcs that cross or touch each other (a self-intersection of a feature, or two features overlapping).
    const featuresOf = new Map<number, string[]>();
    for (const name of names) {
      q.objects[name]!.geometries.forEach((g, gi) => {
        for (const a of new Set(polygonsOf(g).flat(2).map(arcIndex))) {
          const list = featuresOf.get(a);
          if (list) list.push(`${name}/${gi}`);
          else featuresOf.set(a, [`${name}/${gi}`]);
        }
      });
    }
    report.crossings = [];
    for (const [a, b] of findArcConflicts(abs, used)) {
      const fa = featuresOf.get(a) ?? [], fb = new Set(featuresOf.get(b) ?? []);
      // Arcs of different features too: the partition has no overlaps, so any crossing is the simplifier's (an
      // islet of one province crossing the simplified coast of the next).
      const sharedFeature = fa.find((k) => fb.has(k)) ?? fa[0];
      if (sharedFeature === undefined) continue;
      const la = lower(a), lb = lower(b);
      if (la || lb) {
        report.lowered.crossing++;
        changed = true;
      } else {
        // At full detail: drop the smaller ring of the two if it is small enough, else report.
        const [name, gi] = sharedFeature.split('/');
        const g = q.objects[name!]!.geometries[Number(gi)]!;
        const rings = polygonsOf(g).flat().filter((r) => r.some((x) => arcIndex(x) === a || arcIndex(x) === b));
        const sized = rings.map((r) => ({ r, area: Math.abs(planarArea(ringFloat(input.arcs, r))) })).sort((x, y) => x.area - y.area);
        const smallest = sized[0];
        if (smallest && smallest.area < (opts.dropArea ?? 0)) {
          drop(smallest.r, 'crossing');
          changed = true;
        } else report.crossings.push({ object: name!, adcode: g.properties.adcode, arcs: [a, b] });
      }
    }
    if (process.env.GEO_DEBUG) console.log(`simplify pass ${it} ${new Date().toISOString()} crossings: ${JSON.stringify(report.lowered)} left ${report.crossings.length}`);
    if (changed) continue;

    // 3. OGC validity (IsValidOp) and seat-in-own-polygon, on the geometry as the app decodes it. A feature whose arcs
    // did not change since it last passed is not checked again.
    report.invalid = [];
    report.seatExceptions = [];
    for (const name of names) {
      q.objects[name]!.geometries.forEach((g, gi) => {
        const arcsOf = [...new Set(polygonsOf(g).flat(2).map(arcIndex))];
        const stamp = JSON.stringify(g.arcs) + '|' + arcsOf.map((i) => thr[i]).join(',');
        const key = `${name}/${gi}`;
        const before = passed.get(key);
        if (before?.stamp === stamp) {
          if (before.seatException) report.seatExceptions.push(before.seatException);
          return;
        }
        const f = decode(q, g);
        const at = invalidAt(f);
        if (at) {
          // First the arcs near where IsValidOp finds the fault (an enclave's ring and the border around it): most
          // faults are a small ring that simplification moved across a nearby line, and lowering the whole feature
          // would keep every point of a province for one enclave.
          const [kx, ky] = q.transform.scale, [tx, ty] = q.transform.translate;
          const near = arcsOf.filter((i) => {
            const pts = abs[i]!;
            let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
            for (const p of pts) {
              const x = p[0]! * kx + tx, y = p[1]! * ky + ty;
              if (x < w) w = x;
              if (x > e) e = x;
              if (y < s) s = y;
              if (y > n) n = y;
            }
            return at[0] >= w - NEAR_DEG && at[0] <= e + NEAR_DEG && at[1] >= s - NEAR_DEG && at[1] <= n + NEAR_DEG;
          });
          if (near.map(lower).some(Boolean)) {
            report.lowered.invalid++;
            changed = true;
            return;
          }
          // Then the arcs of the parts to blame; at full detail drop the smaller part if it is small.
          const polys = polygonsOf(g);
          const { single, pairs } = invalidParts(f);
          const blamed = new Set<number>(single);
          for (const [i, j] of pairs) blamed.add(i).add(j);
          const blamedArcs = blamed.size ? [...blamed].flatMap((i) => polys[i]!.flat().map(arcIndex)) : arcsOf;
          // Then every arc of the feature: what turf blames may be valid (OGC) while the fault is elsewhere (a part
          // that simplification put inside another part's shell, as 福建's islets off 厦门 at the national level).
          if (blamedArcs.map(lower).some(Boolean) || arcsOf.map(lower).some(Boolean)) {
            report.lowered.invalid++;
            changed = true;
            return;
          }
          const area = (i: number) => Math.abs(planarArea(ringFloat(input.arcs, polys[i]![0]!)));
          const victims = [...single, ...pairs.map(([i, j]) => (area(i) <= area(j) ? i : j))];
          const small = victims.filter((i) => area(i) < (opts.dropArea ?? 0));
          if (small.length) {
            for (const i of small) drop(polys[i]![0]!, 'invalid');
            changed = true;
          } else report.invalid.push({ object: name, adcode: g.properties.adcode });
          return;
        }
        const seat = opts.seatOf?.(name, g);
        if (seat && !booleanPointInPolygon(seat, f)) {
          if (arcsOf.map(lower).some(Boolean)) {
            report.lowered.seat++;
            changed = true;
            return;
          }
          const seatException = { object: name, adcode: g.properties.adcode, seat };
          report.seatExceptions.push(seatException);
          passed.set(key, { stamp, seatException });
          return;
        }
        passed.set(key, { stamp });
      });
    }
    if (process.env.GEO_DEBUG) console.log(`simplify pass ${it}: ${JSON.stringify(report.lowered)} dropped ${report.droppedRings.length} changed ${changed}`);
    if (changed) continue;
    result = q;
    break;
  }
  if (!result) throw new Error(`simplifyChecked: no stable result after ${maxIt} iterations`);
  return { topology: result, report };
}

function ringFloat(arcs: Position[][], ring: number[]): Position[] {
  const out: Position[] = [];
  for (const a of ring) {
    const src = arcs[arcIndex(a)]!;
    const pts = a < 0 ? src.slice().reverse() : src;
    for (let i = out.length ? 1 : 0; i < pts.length; i++) out.push(pts[i]!);
  }
  return out;
}

// A ring is identified by its arcs (sorted, so the same ring in a city and in its merged province match).
function ringKeyOf(ring: number[]): string {
  return ring.map(arcIndex).sort((x, y) => x - y).join(',');
}

function withoutRings(g: TopoPolygonal, drop: Set<string>): TopoPolygonal {
  if (!drop.size) return g;
  const polys: Rings[] = [];
  for (const poly of polygonsOf(g)) {
    if (drop.has(ringKeyOf(poly[0]!))) continue; // the outer ring went, so does the polygon
    polys.push(poly.filter((ring) => !drop.has(ringKeyOf(ring))));
  }
  if (g.type === 'Polygon' && polys.length === 1) return { ...g, arcs: polys[0]! };
  return { ...g, type: 'MultiPolygon', arcs: polys };
}

/**
 * Which parts of an invalid (Multi)Polygon to blame: parts invalid on their own (IsValidOp), and pairs (i < j) where
 * part j's outer ring crosses part i. Only a hint for which arcs to lower first: the caller lowers every arc of the
 * feature when the blamed ones are not enough (parts nested after simplification are not blamed here).
 */
export function invalidParts(f: Feature<Polygon | MultiPolygon>): { single: number[]; pairs: [number, number][] } {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const single: number[] = [];
  const pairs: [number, number][] = [];
  const boxes = polys.map((p) => turfBbox(polygon([p[0]!])));
  polys.forEach((p, i) => {
    if (!validPolygonal(polygon(p))) single.push(i);
  });
  for (let i = 0; i < polys.length; i++) for (let j = i + 1; j < polys.length; j++) {
    const a = boxes[i]!, b = boxes[j]!;
    if (a[2]! < b[0]! || b[2]! < a[0]! || a[3]! < b[1]! || b[3]! < a[1]!) continue;
    const pi = polygon(polys[i]!);
    if (!booleanDisjoint(pi, polygon(polys[j]!)) && booleanCrosses(pi, lineString(polys[j]![0]!))) pairs.push([i, j]);
  }
  return { single, pairs };
}

/** How far (degrees, ~5 km) around an invalid spot the simplifier lowers arcs first. */
const NEAR_DEG = 0.05;

/** Where IsValidOp finds a feature invalid ([lng, lat]); null when it is valid. */
function invalidAt(f: Feature<Polygon | MultiPolygon>): [number, number] | null {
  const op = new IsValidOp(reader.read(f.geometry));
  if (op.isValid()) return null;
  const c = op.getValidationError().getCoordinate();
  return c ? [c.x, c.y] : [NaN, NaN];
}

// Floating precision: the coordinates are checked exactly as the app decodes them.
const reader = new GeoJSONReader(new GeometryFactory());

/**
 * Valid in the OGC sense (Simple Features), as JTS decides it (IsValidOp, through jsts, the JavaScript port kept by
 * the JTS authors' community): rings closed and simple, holes inside their shell, no shell nested in another, the
 * interior connected; rings and parts may touch at single points (a unit's piece that meets the rest at one vertex,
 * 荷塘区's 0.4 km² piece at 113.2576°E 27.9945°N; a province whose cities close around a neighbour's land except at
 * one point, 吉林 around 126.1698°E 45.1347°N). It replaced a hand-written check that let "nested shells" and "hole
 * lies outside shell" through (44 features of the national level).
 */
export function validPolygonal(f: Feature<Polygon | MultiPolygon>): boolean {
  return new IsValidOp(reader.read(f.geometry)).isValid();
}

/** Why a feature is invalid and where (for reports and test messages); null when valid. */
export function validityError(f: Feature<Polygon | MultiPolygon>): string | null {
  const op = new IsValidOp(reader.read(f.geometry));
  if (op.isValid()) return null;
  const e = op.getValidationError();
  const c = e.getCoordinate();
  return c ? `${e.getMessage()} at ${c.x.toFixed(4)}, ${c.y.toFixed(4)}` : e.getMessage();
}
