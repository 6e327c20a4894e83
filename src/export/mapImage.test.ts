import { describe, expect, it } from 'vitest';
import { freeFrame } from './mapImage';
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
