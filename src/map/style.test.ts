import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle, choroplethColor, classColors, paletteOf } from './style';

// The style deliberately has no `glyphs` (labels are drawn locally); the validator's only complaint about that
// is expected and filtered out, everything else must be clean.
function problems(style: unknown) {
  return validateStyleMin(style as never).filter((e) => !/glyphs/.test(e.message));
}

describe('buildStyle', () => {
  it('is a valid MapLibre style for both themes and any number of classes', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const breaks of [[], [1], [1, 2, 3], [1, 2, 4, 8, 16]]) {
        expect(problems(buildStyle(theme, breaks))).toEqual([]);
      }
    }
  });

  it('names no remote resource: no tiles, sprite or glyph server', () => {
    const json = JSON.stringify(buildStyle('light', [1, 2, 3]));
    expect(json).not.toMatch(/https?:/);
    expect(buildStyle('light', [1]).glyphs).toBeUndefined();
  });
});

describe('choroplethColor', () => {
  it('puts 0 in the no-practice colour and each break in its own class colour', () => {
    const p = paletteOf('light');
    const expr = choroplethColor([1, 2, 4], p) as unknown[];
    const colors = classColors(p, 3);
    expect(expr[0]).toBe('case');
    expect(expr[2]).toBe(p.noData);
    expect(expr[3]).toEqual(['step', expect.anything(), colors[0], 2, colors[1], 4, colors[2]]);
  });

  it('spreads two classes over the whole ramp', () => {
    const p = paletteOf('light');
    expect(classColors(p, 2)).toEqual([p.classes[0], p.classes[p.classes.length - 1]]);
  });
});
