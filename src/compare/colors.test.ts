import { describe, expect, it } from 'vitest';
import { rgb } from 'd3-color';
import { cellColorScale, contrastRatio, luminance, textOn } from './colors';
import { paletteOf } from '../theme/palette';

const parseColor = (c: string) => {
  const x = rgb(c);
  return [x.r, x.g, x.b];
};

describe('cell colours', () => {
  it('computes WCAG contrast', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(textOn('#ffffff')).toBe('#000000');
    expect(textOn('#0868ac')).toBe('#ffffff');
  });

  it('leaves zero uncoloured', () => {
    expect(cellColorScale(5, 'light')(0)).toBeNull();
  });

  it('runs from the lightest to the darkest step of the map ramp', () => {
    const ramp = paletteOf('light').classes;
    const s = cellColorScale(5, 'light');
    expect(parseColor(s(1)!.background)).toEqual(parseColor(ramp[0]!));
    expect(parseColor(s(5)!.background)).toEqual(parseColor(ramp[ramp.length - 1]!));
    expect(luminance(s(2)!.background)).toBeGreaterThan(luminance(s(4)!.background));
  });

  it('keeps text contrast at 4.5:1 or more for every count, in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const max of [1, 2, 3, 7, 40]) {
        const s = cellColorScale(max, theme);
        for (let n = 1; n <= max; n++) {
          const c = s(n)!;
          expect(contrastRatio(c.background, c.color), `${theme} ${n}/${max}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });
});
