import { describe, expect, it } from 'vitest';
import { insideSamples, labelBox, placeLabels, type LabelCandidate, type Px } from './labelPlacement';

/** Even-odd point in polygon, edge by edge: the plain rule the placement's row-by-row sampling must agree with. */
function insideRings(p: Px, rings: readonly (readonly Px[])[]): boolean {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

// A flat projection: 10 px a degree, y down from 50°N.
const project = ([lng, lat]: [number, number]): Px => [lng * 10, (50 - lat) * 10];
const square = (w: number, s: number, e: number, n: number): [number, number][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const province = (adcode: number, text: string, ring: [number, number][], labelPoint: [number, number], rank = 1): LabelCandidate => ({
  adcode,
  text,
  labelPoint,
  rings: [ring],
  rank,
});
const frame = { left: 0, top: 0, right: 400, bottom: 300 };

describe('province label placement', () => {
  it('moves a label point outside the frame to a point of its province inside it, with the whole label inside', () => {
    // A province from x = -200 to 100 px: its label point (x = -50) is off the map.
    const c = province(1, '河北', square(-20, 30, 10, 45), [-5, 37]);
    const [p] = placeLabels({ candidates: [c], project, frame, obstacles: [], size: 20 });
    expect(p).toBeDefined();
    expect(p!.box.left).toBeGreaterThanOrEqual(frame.left);
    expect(insideRings(p!.at, [square(-20, 30, 10, 45).map(project)])).toBe(true);
  });

  it('leaves out a province whose part in the frame cannot hold its label, never cutting it', () => {
    // Only 5 px of it lie inside the frame.
    const c = province(1, '黑龙江', square(-20, 30, 0.5, 45), [-10, 37]);
    expect(placeLabels({ candidates: [c], project, frame, obstacles: [], size: 20 })).toEqual([]);
  });

  it('places provinces with practices first: the one without moves or goes, never the other', () => {
    const small = square(10, 30, 14, 34);
    const a = province(2, '天津', small, [12, 32], 2);
    const b = province(3, '河北', small, [12, 32], 1);
    const placed = placeLabels({ candidates: [a, b], project, frame, obstacles: [], size: 20 });
    expect(placed.find((p) => p.adcode === 3)!.at).toEqual(project([12, 32]));
    const other = placed.find((p) => p.adcode === 2);
    if (other) expect(other.at).not.toEqual(project([12, 32]));
  });

  it('keeps clear of the overlays; covers a marker only when there is no other room', () => {
    const c = province(1, '安徽', square(10, 30, 20, 40), [15, 35]);
    const at = project([15, 35]);
    const legend = labelBox('安徽', 20, at);
    const [p] = placeLabels({ candidates: [c], project, frame, obstacles: [legend], size: 20 });
    expect(p!.at).not.toEqual(at);
    const everywhere = { left: -1000, top: -1000, right: 1000, bottom: 1000 };
    const [q] = placeLabels({ candidates: [c], project, frame, obstacles: [], soft: [everywhere], size: 20 });
    expect(q!.at).toEqual(at);
  });

  it('samples exactly the grid points whose label lies inside by the even-odd rule (row crossings, as insideRings)', () => {
    // A star with a hole: concave edges, a ring inside a ring, vertices on grid rows.
    const star: [number, number][] = [];
    for (let k = 0; k <= 10; k++) {
      const r = k % 2 ? 6 : 15;
      const a = (k * Math.PI) / 5;
      star.push([20 + r * Math.cos(a), 30 + r * Math.sin(a)]);
    }
    const c: LabelCandidate = { adcode: 1, text: '江西', labelPoint: [20, 30], rings: [star, square(18, 28, 22, 32)], rank: 1 };
    const got = insideSamples(c, project, frame, 12);
    expect(got.length).toBeGreaterThan(20);
    const rings = c.rings.map((r) => r.map((p) => project(p as [number, number])));
    const half = labelBox(c.text, 12, [0, 0]);
    for (const p of got) {
      expect(insideRings(p, rings) && insideRings([p[0] + half.left, p[1]], rings) && insideRings([p[0] + half.right, p[1]], rings)).toBe(true);
    }
    // And none is missed: every point of the same grid that passes the test is among them.
    const xs = [...new Set(got.map((p) => p[0]))];
    const ys = [...new Set(got.map((p) => p[1]))];
    for (const x of xs) for (const y of ys) {
      const ok = insideRings([x, y], rings) && insideRings([x + half.left, y], rings) && insideRings([x + half.right, y], rings);
      expect(got.some((p) => p[0] === x && p[1] === y)).toBe(ok);
    }
  });

  it("passes over a province wholly out of view after projecting two corners of its bounds; in view, the same samples", () => {
    let calls = 0;
    const counting = (p: [number, number]) => (calls++, project(p));
    const far = square(200, 60, 220, 70);
    const out: LabelCandidate = { adcode: 2, text: '新疆', labelPoint: [210, 65], rings: [far], rank: 2, bounds: [200, 60, 220, 70] };
    expect(insideSamples(out, counting, frame, 12)).toEqual([]);
    expect(calls).toBe(2);
    const near: LabelCandidate = { adcode: 3, text: '江西', labelPoint: [20, 30], rings: [square(10, 25, 30, 35)], rank: 1 };
    expect(insideSamples({ ...near, bounds: [10, 25, 30, 35] }, project, frame, 12)).toEqual(insideSamples(near, project, frame, 12));
  });
});
