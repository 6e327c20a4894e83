import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { insetPaths, MIN_RING_PX } from './inset';

function createSquare(kind: 'land' | 'dash' | 'context', w: number, s: number, e: number, n: number): Feature {
  return {
    type: 'Feature',
    properties: { kind },
    geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
  };
}

function createInset(features: Feature[], bbox: [number, number, number, number] = [110, 0, 120, 20]): FeatureCollection {
  return { type: 'FeatureCollection', bbox, features };
}

/** Every number in a path. */
function coordinates(d: string): number[] {
  return (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
}

/** The vertices a path visits (it uses absolute M, L, H, V and Z only). */
function points(d: string): Position[] {
  const out: Position[] = [];
  let x = 0, y = 0;
  for (const [, cmd, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
    const n = coordinates(args ?? '');
    if (cmd === 'M' || cmd === 'L') {
      for (let i = 0; i + 1 < n.length; i += 2) {
        [x, y] = [n[i]!, n[i + 1]!];
        out.push([x, y]);
      }
    } else if (cmd === 'H') {
      x = n[0]!;
      out.push([x, y]);
    } else if (cmd === 'V') {
      y = n[0]!;
      out.push([x, y]);
    }
  }
  return out;
}

function loadRealInset(): FeatureCollection {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/geo/scs-inset.json'), 'utf8')) as FeatureCollection;
}

describe('insetPaths', () => {
  it('returns a viewBox of the requested size', () => {
    expect(insetPaths(createInset([]), 160, 220).viewBox).toBe('0 0 160 220');
  });

  it('sorts features into land and dash by properties.kind', () => {
    const r = insetPaths(createInset([createSquare('land', 111, 1, 112, 2), createSquare('dash', 113, 3, 114, 4), createSquare('dash', 115, 5, 116, 6)]), 100, 200);
    expect(r.land).toHaveLength(1);
    expect(r.dash).toHaveLength(2);
  });

  it("keeps the neighbours' land (kind context) apart, so it can be drawn under China's", () => {
    const paths = insetPaths(createInset([createSquare('context', 111, 1, 113, 3), createSquare('land', 114, 1, 115, 2)]), 100, 200);
    expect(paths.context).toHaveLength(1);
    expect(paths.land).toHaveLength(1);
    expect(paths.dash).toHaveLength(0);
  });

  it('fits the bbox to the box, centred, keeping the aspect', () => {
    // The whole bbox as one land square: it must touch two opposite edges and be centred on the other axis.
    const r = insetPaths(createInset([createSquare('land', 110, 0, 120, 20)]), 100, 300);
    const pts = points(r.land[0]!);
    const xs = pts.map((p) => p[0]!), ys = pts.map((p) => p[1]!);
    expect(Math.min(...xs)).toBeCloseTo(0, 1);
    expect(Math.max(...xs)).toBeCloseTo(100, 1);
    const top = Math.min(...ys), bottom = Math.max(...ys);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeCloseTo(300 - bottom, 0);
  });

  it('uses Web Mercator: equal steps of latitude grow towards the pole', () => {
    const r = insetPaths(createInset([createSquare('land', 110, 0, 111, 10), createSquare('land', 110, 10, 111, 20)], [110, 0, 120, 20]), 200, 200);
    const height = (d: string) => {
      const ys = points(d).map((p) => p[1]!);
      return Math.max(...ys) - Math.min(...ys);
    };
    expect(height(r.land[1]!)).toBeGreaterThan(height(r.land[0]!) * 1.02);
  });

  it('puts north up', () => {
    const r = insetPaths(createInset([createSquare('land', 111, 18, 112, 19), createSquare('land', 111, 1, 112, 2)]), 100, 200);
    const meanY = (d: string) => {
      const ys = points(d).map((p) => p[1]!);
      return ys.reduce((a, b) => a + b, 0) / ys.length;
    };
    expect(meanY(r.land[0]!)).toBeLessThan(meanY(r.land[1]!));
  });

  it('draws an island too small for a pixel as a square of MIN_RING_PX', () => {
    const r = insetPaths(createInset([createSquare('land', 112, 10, 112.0001, 10.0001)]), 100, 200);
    expect(r.land[0]).toMatch(/^M[\d.]+ [\d.]+H[\d.]+V[\d.]+H[\d.]+Z$/);
    const [x0, , x1] = coordinates(r.land[0]!);
    expect(x1! - x0!).toBeCloseTo(MIN_RING_PX, 1);
  });

  it('closes polygon rings with Z and writes each ring once', () => {
    const r = insetPaths(createInset([createSquare('dash', 111, 1, 112, 2)]), 100, 200);
    expect(r.dash[0]!.match(/M/g)).toHaveLength(1);
    expect(r.dash[0]!.endsWith('Z')).toBe(true);
    expect(points(r.dash[0]!)).toHaveLength(4);
  });

  it('draws the built inset: ten dashes and the islands, all inside the box', () => {
    const r = insetPaths(loadRealInset(), 150, 210);
    expect(r.dash).toHaveLength(10);
    expect(r.land.length).toBeGreaterThan(0);
    for (const d of [...r.land, ...r.dash]) {
      for (const [x, y] of points(d)) {
        expect(x).toBeGreaterThanOrEqual(-0.1);
        expect(x).toBeLessThanOrEqual(150.1);
        expect(y).toBeGreaterThanOrEqual(-0.1);
        expect(y).toBeLessThanOrEqual(210.1);
      }
    }
  });

  it('is the same for the same input (no randomness, no hidden state)', () => {
    expect(insetPaths(loadRealInset(), 150, 210)).toEqual(insetPaths(loadRealInset(), 150, 210));
  });
});
