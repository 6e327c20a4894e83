import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundsSize, fitZoom, framePadding, type Obstruction, type Padding } from './framing';
import { unionBounds, type Bounds } from '../geometry/bounds';
import type { Edges as Rect } from '../geometry/rect';

// China from the Tarim to the Wusuli, Hainan included (the geo build's nationalBounds).
const CHINA: Bounds = [73.5, 18.1, 134.8, 53.6];
// 重庆: taller than wide.
const CHONGQING: Bounds = [105.28, 28.16, 110.2, 32.2];
const OPTS = { margin: 24, maxZoom: 8.5 };

/** Where fitBounds draws `bounds` with `padding` on `map` (centred in the padded box, scaled to fit, zoom capped). */
function drawn(map: Rect, padding: Padding, bounds: Bounds, maxZoom = OPTS.maxZoom): Rect & { zoom: number } {
  const w = map.right - map.left - padding.left - padding.right;
  const h = map.bottom - map.top - padding.top - padding.bottom;
  const zoom = Math.min(fitZoom(bounds, w, h), maxZoom);
  const size = boundsSize(bounds);
  const bw = size.width * 2 ** zoom;
  const bh = size.height * 2 ** zoom;
  const cx = map.left + padding.left + w / 2;
  const cy = map.top + padding.top + h / 2;
  return { left: cx - bw / 2, right: cx + bw / 2, top: cy - bh / 2, bottom: cy + bh / 2, zoom };
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const inside = (a: Rect, box: Rect) => a.left >= box.left - 0.5 && a.right <= box.right + 0.5 && a.top >= box.top - 0.5 && a.bottom <= box.bottom + 0.5;

describe('fitZoom', () => {
  it('gives the zoom at which the bounds just fill the box', () => {
    const z = fitZoom(CHINA, 1000, 1000);
    const s = boundsSize(CHINA);
    expect(Math.max(s.width, s.height) * 2 ** z).toBeCloseTo(1000, 6);
  });
});

describe('unionBounds', () => {
  it('covers every input and is null for none', () => {
    expect(unionBounds([CHONGQING, [118, 30, 122, 35]])).toEqual([105.28, 28.16, 122, 35]);
    expect(unionBounds([])).toBeNull();
  });
});

describe('framePadding', () => {
  const map: Rect = { left: 290, top: 60, right: 1500, bottom: 1080 };

  it('keeps only the margin when nothing covers the map', () => {
    expect(framePadding(map, [], CHINA, OPTS)).toEqual({ top: 24, right: 24, bottom: 24, left: 24 });
  });

  it('keeps 重庆 clear of a legend in the bottom-left corner (issue 13: its south-west went under the legend)', () => {
    const legend: Obstruction = { left: 302, top: 860, right: 532, bottom: 1046 };
    const padding = framePadding(map, [legend], CHONGQING, OPTS);
    const r = drawn(map, padding, CHONGQING);
    expect(overlaps(r, legend)).toBe(false);
    expect(inside(r, map)).toBe(true);
  });

  it('cuts away the side of an obstruction that leaves the subject largest', () => {
    // A tall panel on the right of a wide subject: giving up the width costs less than the height would... or not:
    // the function must pick whichever draws China larger, so compare with both single cuts.
    const panel: Obstruction = { left: 1200, top: 60, right: 1500, bottom: 700 };
    const padding = framePadding(map, [panel], CHINA, OPTS);
    const chosen = drawn(map, padding, CHINA).zoom;
    const cutRight = drawn(map, { top: 24, left: 24, bottom: 24, right: 1500 - 1200 + 12 + 24 - 24 }, CHINA).zoom;
    const cutTop = drawn(map, { top: 700 - 60 + 12, left: 24, bottom: 24, right: 24 }, CHINA).zoom;
    expect(chosen).toBeGreaterThanOrEqual(Math.max(cutRight, cutTop) - 1e-6);
    expect(overlaps(drawn(map, padding, CHINA), panel)).toBe(false);
  });

  it('ignores the 南海诸岛 inset for a subject framed above its zoom, and avoids it below', () => {
    const inset: Obstruction = { left: 1368, top: 876, right: 1488, bottom: 1046, maxZoom: 5 };
    const national = framePadding(map, [inset], CHINA, OPTS);
    expect(overlaps(drawn(map, national, CHINA), inset)).toBe(false);
    // 重庆 is framed at zoom ≥ 5: the inset is not drawn then, so it costs no room.
    expect(framePadding(map, [inset], CHONGQING, OPTS)).toEqual(framePadding(map, [], CHONGQING, OPTS));
  });

  it('never lets the subject overlap an obstruction or leave the map (random layouts)', () => {
    const edgeBox = fc
      .record({
        edge: fc.constantFrom('left', 'right', 'top', 'bottom'),
        along: fc.double({ min: 0, max: 0.8, noNaN: true }),
        length: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        depth: fc.double({ min: 0.03, max: 0.35, noNaN: true }),
      })
      .map(({ edge, along, length, depth }): Obstruction => {
        const W = map.right - map.left;
        const H = map.bottom - map.top;
        if (edge === 'left' || edge === 'right') {
          const top = map.top + along * H;
          const bottom = Math.min(map.bottom, top + length * H);
          return edge === 'left'
            ? { left: map.left, right: map.left + depth * W, top, bottom }
            : { left: map.right - depth * W, right: map.right, top, bottom };
        }
        const left = map.left + along * W;
        const right = Math.min(map.right, left + length * W);
        return edge === 'top'
          ? { top: map.top, bottom: map.top + depth * H, left, right }
          : { top: map.bottom - depth * H, bottom: map.bottom, left, right };
      });
    const subject = fc.constantFrom(CHINA, CHONGQING, [118.3, 30.7, 121.9, 35.2] as Bounds, [116.2, 39.8, 116.6, 40.1] as Bounds);
    fc.assert(
      fc.property(fc.array(edgeBox, { maxLength: 6 }), subject, (obstructions, bounds) => {
        const padding = framePadding(map, obstructions, bounds, OPTS);
        const r = drawn(map, padding, bounds);
        expect(inside(r, map)).toBe(true);
        for (const o of obstructions) expect(overlaps(r, o)).toBe(false);
      }),
      { numRuns: 120 },
    );
  });

  it('puts a small subject (zoom capped) in the middle of the largest free area', () => {
    const sheet: Obstruction = { left: map.left, right: map.right, top: 600, bottom: map.bottom };
    const tiny: Bounds = [116.3, 39.9, 116.4, 40.0];
    const padding = framePadding(map, [sheet], tiny, OPTS);
    expect(padding.bottom).toBeGreaterThanOrEqual(map.bottom - 600);
    expect(padding.left).toBe(padding.right);
  });
});
