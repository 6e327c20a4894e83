import { describe, expect, it } from 'vitest';
import { geoMercator } from 'd3-geo';
import { bboxOf, padBounds, unionBounds, type Bounds } from './bounds';
import { fitMercator, mercatorSize, mercatorY } from './mercator';
import { edgesOverlap, overlaps } from './rect';
import { isProvince, provinceOf, sameProvince } from './adcode';

const CHINA: Bounds = [73.5, 18.1, 135.1, 53.6];

describe('fitMercator', () => {
  it('keeps the bounds inside the frame, centred', () => {
    const r = { x: 10, y: 20, width: 500, height: 300 };
    const { point } = fitMercator(CHINA, r);
    const [x0, y0] = point(CHINA[0], CHINA[3]);
    const [x1, y1] = point(CHINA[2], CHINA[1]);
    expect(x0).toBeGreaterThanOrEqual(r.x - 1e-9);
    expect(y0).toBeGreaterThanOrEqual(r.y - 1e-9);
    expect(x1).toBeLessThanOrEqual(r.x + r.width + 1e-9);
    expect(y1).toBeLessThanOrEqual(r.y + r.height + 1e-9);
    expect(Math.abs(x0 - r.x - (r.x + r.width - x1))).toBeLessThan(1e-6);
  });

  it('is the Web Mercator of d3 (what the inset used before), up to scale and offset', () => {
    const fit = fitMercator(CHINA, { x: 0, y: 0, width: 400, height: 300 });
    const d3 = geoMercator().fitExtent([[0, 0], [400, 300]], {
      type: 'MultiPoint',
      coordinates: [[CHINA[0], CHINA[1]], [CHINA[2], CHINA[1]], [CHINA[2], CHINA[3]], [CHINA[0], CHINA[3]]],
    });
    for (const p of [[116.4, 39.9], [121.5, 31.2], [87.6, 43.8], [110.3, 20.0]] as [number, number][]) {
      const [x, y] = fit.point(p[0], p[1]);
      const [dx, dy] = d3(p)!;
      expect(Math.abs(x - dx)).toBeLessThan(1e-6);
      expect(Math.abs(y - dy)).toBeLessThan(1e-6);
    }
  });

  it('measures bounds in radians, north up', () => {
    expect(mercatorY(0)).toBeCloseTo(0, 12);
    expect(mercatorY(45)).toBeGreaterThan(0);
    expect(mercatorSize([0, 0, 180, 0]).width).toBeCloseTo(Math.PI, 12);
    expect(Number.isFinite(mercatorY(90))).toBe(true);
  });
});

describe('bounds', () => {
  it('bboxOf walks any geometry, collections included', () => {
    expect(bboxOf({ type: 'Polygon', coordinates: [[[1, 2], [3, 2], [3, 5], [1, 2]]] })).toEqual([1, 2, 3, 5]);
    expect(
      bboxOf({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }, { type: 'Point', coordinates: [4, -1] }] }),
    ).toEqual([0, -1, 4, 0]);
    expect(bboxOf(null)).toBeNull();
    expect(bboxOf({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });

  it('unionBounds holds every box', () => {
    expect(unionBounds([])).toBeNull();
    expect(unionBounds([[0, 0, 1, 1], [-2, 0.5, 0.5, 3]])).toEqual([-2, 0, 1, 3]);
  });

  it('padBounds keeps a small region in context', () => {
    const [w, s, e, n] = padBounds([120, 30, 120.1, 30.1]);
    expect(e - w).toBeCloseTo(0.8, 9);
    expect(n - s).toBeCloseTo(0.8, 9);
    expect((w + e) / 2).toBeCloseTo(120.05, 9);
  });
});

describe('rectangles', () => {
  it('overlap only when they share area', () => {
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 })).toBe(true);
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(false);
    expect(edgesOverlap({ left: 0, top: 0, right: 10, bottom: 10 }, { left: 9, top: 9, right: 20, bottom: 20 })).toBe(true);
    expect(edgesOverlap({ left: 0, top: 0, right: 10, bottom: 10 }, { left: 10, top: 0, right: 20, bottom: 10 })).toBe(false);
  });
});

describe('adcodes', () => {
  it('name the province of any code', () => {
    expect(provinceOf(320508)).toBe(320000);
    expect(provinceOf(110000)).toBe(110000);
    expect(isProvince(500000)).toBe(true);
    expect(isProvince(500100)).toBe(false);
    expect(sameProvince(320508, 320100)).toBe(true);
    expect(sameProvince(320508, 330100)).toBe(false);
  });
});
