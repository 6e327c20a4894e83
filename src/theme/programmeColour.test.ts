// The programme outline (issue 27) must read against every fill it crosses and stay apart from the other strokes,
// in both themes; in grey print the solid/dashed pattern carries the difference (programmeLayer.ts).
import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE2000 } from './contrast';
import { paletteOf } from './palette';

describe('the programme outline colour', () => {
  for (const theme of ['light', 'dark'] as const) {
    const p = paletteOf(theme);
    it(`${theme}: stands out from the background, "no practice" and every class (≥ 3:1 or ΔE00 ≥ 20)`, () => {
      for (const fill of [p.background, p.noData, ...p.classes]) {
        const ok = contrastRatio(p.programme, fill) >= 3 || deltaE2000(p.programme, fill) >= 20;
        expect(ok, `${p.programme} on ${fill}: ${contrastRatio(p.programme, fill).toFixed(2)}:1, ΔE ${deltaE2000(p.programme, fill).toFixed(1)}`).toBe(true);
      }
    });
    it(`${theme}: apart from the outlines, markers, selection and compare colours (ΔE00 ≥ 15)`, () => {
      for (const other of [p.outline, p.cityOutline, p.marker, p.selected, p.hover, ...p.compare])
        expect(deltaE2000(p.programme, other), `${p.programme} vs ${other}`).toBeGreaterThanOrEqual(15);
    });
  }
});
