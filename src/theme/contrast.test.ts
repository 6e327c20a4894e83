import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE2000, textOn, washedOut } from './contrast';
import { classColors, paletteOf, selectionContrast } from './palette';

describe('deltaE2000', () => {
  // Reference pairs from Sharma, Wu & Dalal (2005), table 1, given there in CIELAB; here as the same colours' sRGB
  // would drift, so check the formula's properties and one well-known magnitude instead.
  it('is zero for the same colour, symmetric, and large for black against white', () => {
    expect(deltaE2000('#336699', '#336699')).toBe(0);
    expect(deltaE2000('#336699', '#993366')).toBeCloseTo(deltaE2000('#993366', '#336699'), 6);
    expect(deltaE2000('#000000', '#ffffff')).toBeGreaterThan(99);
    expect(deltaE2000('#000000', '#ffffff')).toBeLessThan(101);
  });
  it('tells nearly equal colours apart by little (the dark theme’s old "1" against "none": under 10)', () => {
    expect(deltaE2000('#1d3b4f', '#1e293b')).toBeLessThan(10);
  });
});

describe('the map classes', () => {
  // A projector washes colours out: each class must stay apart from the next, and "no practice" from class 1,
  // on a normal screen (ΔE00 ≥ 12) and mixed half with grey (≥ 8).
  for (const theme of ['light', 'dark'] as const) {
    const palette = paletteOf(theme);
    for (let n = 1; n <= palette.classes.length; n++) {
      it(`${theme}, ${n} classes: none → 1 → … each step clearly apart, also washed out`, () => {
        const seq = [palette.noData, ...classColors(palette, n)];
        for (let i = 1; i < seq.length; i++) {
          expect(deltaE2000(seq[i - 1]!, seq[i]!), `${seq[i - 1]} → ${seq[i]}`).toBeGreaterThanOrEqual(12);
          expect(deltaE2000(washedOut(seq[i - 1]!), washedOut(seq[i]!)), `washed ${seq[i - 1]} → ${seq[i]}`).toBeGreaterThanOrEqual(8);
        }
      });
    }
  }
});

describe('text on colour', () => {
  it('picks the more readable of black and white, reaching 4.5:1 on every class', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const c of paletteOf(theme).classes) expect(contrastRatio(c, textOn(c))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('the selection outline', () => {
  // Issue 26.5: the outline must reach 3:1 (WCAG's figure for graphical objects) against every class fill and the
  // "no practice" fill, in both themes; its line and its casing must also read apart from each other.
  for (const theme of ['light', 'dark'] as const) {
    const palette = paletteOf(theme);
    it(`${theme}: ≥ 3:1 against every class fill and "no practice"`, () => {
      for (const fill of [palette.noData, ...palette.classes]) {
        expect(selectionContrast(palette, fill), `${palette.selected}/${palette.selectedCasing} on ${fill}`).toBeGreaterThanOrEqual(3);
      }
    });
    it(`${theme}: the line stands out from its casing (≥ 3:1)`, () => {
      expect(contrastRatio(palette.selected, palette.selectedCasing)).toBeGreaterThanOrEqual(3);
    });
  }
});
