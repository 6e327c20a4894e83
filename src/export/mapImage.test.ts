import { describe, expect, it } from 'vitest';
import { freeFrame, placeProvinceLabels } from './mapImage';
import type { MapScene } from '../scene/scene';
import { fitMercator } from '../geometry/mercator';
import type { Rect } from '../geometry/rect';

const CHINA: [number, number, number, number] = [73.5, 18.1, 135.1, 53.6];
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

describe('freeFrame', () => {
  it('frames the subject clear of the title, legend and inset boxes', () => {
    const area = { x: 12, y: 12, width: 936, height: 440 };
    const title = { x: 12, y: 12, width: 300, height: 60 };
    const legend = { x: 12, y: 300, width: 140, height: 152 };
    const inset = { x: 828, y: 282, width: 120, height: 170 };
    const f = freeFrame(area, [title, legend, inset], CHINA);
    for (const b of [title, legend, inset]) expect(overlaps(f, b)).toBe(false);
    // Inside the area, and not a sliver: China is at least half the area's height.
    expect(f.x).toBeGreaterThanOrEqual(area.x);
    expect(f.y + f.height).toBeLessThanOrEqual(area.y + area.height);
    const k = fitMercator(CHINA, f).k;
    const [, y0] = fitMercator(CHINA, f).point(73.5, 53.6);
    const [, y1] = fitMercator(CHINA, f).point(73.5, 18.1);
    expect(k).toBeGreaterThan(0);
    expect(y1 - y0).toBeGreaterThan(area.height / 2);
  });

  it('uses the whole area when nothing is in the way', () => {
    const area = { x: 0, y: 0, width: 400, height: 300 };
    expect(freeFrame(area, [], CHINA)).toEqual(area);
  });
});

describe('placeProvinceLabels (national exports)', () => {
  // A square province around each label point, in a plane where 1° = 10 px; the canvas stand-in measures a CJK
  // glyph 12 px wide and finds every point inside its province.
  const square = (adcode: number, short: string, [x, y]: [number, number], half: number) => ({
    type: 'Feature' as const,
    properties: { adcode, short },
    geometry: { type: 'Polygon' as const, coordinates: [[[x - half, y - half], [x + half, y - half], [x + half, y + half], [x - half, y + half], [x - half, y - half]]] },
  });
  const ctx = {
    measureText: (t: string) => ({ width: 12 * t.length }),
    beginPath: () => {},
    getTransform: () => ({ transformPoint: (p: { x: number; y: number }) => p }),
    isPointInPath: () => true,
  } as unknown as CanvasRenderingContext2D;
  const project = (lng: number, lat: number): [number, number] => [lng * 10, 500 - lat * 10];
  const area = { x: 0, y: 0, width: 1000, height: 500 };

  it('keeps 北京 at its point and moves 河北, whose label point lies a few px away, off it; no two names overlap', () => {
    const beijing = square(110000, '北京', [11.6, 40.2], 0.8);
    const hebei = square(130000, '河北', [11.7, 40.0], 4);
    const scene = {
      provinces: { type: 'FeatureCollection', features: [hebei, beijing] },
      provinceLabels: [
        { label: '河北', at: [11.7, 40.0], adcode: 130000 },
        { label: '北京', at: [11.6, 40.2], adcode: 110000 },
      ],
    } as unknown as MapScene;
    const placed = placeProvinceLabels(ctx, scene, project, () => {}, [], [area, []]);
    const at = new Map(placed.map((p) => [p.label, p.at]));
    expect(at.get('北京')).toEqual(project(11.6, 40.2));
    const box = ([x, y]: [number, number]) => ({ x: x - 14, y: y - 8.2, width: 28, height: 16.4 });
    expect(overlaps(box(at.get('北京')!), box(at.get('河北')!))).toBe(false);
  });

  it('moves a name off a marker where it can, and never under a box over the map', () => {
    const jiangsu = square(320000, '江苏', [50, 25], 5);
    const scene = { provinces: { type: 'FeatureCollection', features: [jiangsu] }, provinceLabels: [{ label: '江苏', at: [50, 25], adcode: 320000 }] } as unknown as MapScene;
    const [x, y] = project(50, 25);
    const marker = { x: x - 6, y: y - 6, width: 12, height: 12 };
    const legend = { x: x - 40, y: y + 4, width: 80, height: 40 };
    const { at } = placeProvinceLabels(ctx, scene, project, () => {}, [marker], [area, [legend]])[0]!;
    const label = { x: at[0] - 14, y: at[1] - 8.2, width: 28, height: 16.4 };
    expect(overlaps(label, marker)).toBe(false);
    expect(overlaps(label, legend)).toBe(false);
  });
});
