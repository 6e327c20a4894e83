import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle, choroplethColor, labelTextField } from './style';
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { classColors, classRamp, paletteOf } from '../theme/palette';

// The style deliberately has no `glyphs` (labels are drawn locally); the validator's only complaint about that
// is expected and filtered out, everything else must be clean.
function problems(style: unknown) {
  return validateStyleMin(style as never).filter((e) => !/glyphs/.test(e.message));
}

describe('buildStyle', () => {
  it('is a valid MapLibre style for both themes', () => {
    for (const theme of ['light', 'dark'] as const) expect(problems(buildStyle(theme))).toEqual([]);
  });

  it('names no remote resource: no tiles, sprite or glyph server', () => {
    const json = JSON.stringify(buildStyle('light'));
    expect(json).not.toMatch(/https?:/);
    expect(buildStyle('light').glyphs).toBeUndefined();
  });
});

describe('choropleth classes', () => {
  it('maps each ramp index of the feature-state to its colour and anything else to no-practice', () => {
    const p = paletteOf('light');
    const expr = choroplethColor(p) as unknown[];
    expect(expr.slice(2, 4)).toEqual([0, p.classes[0]]);
    expect(expr.at(-1)).toBe(p.noData);
  });

  it('gives the map the same colour the legend shows for every count', () => {
    const p = paletteOf('dark');
    for (const breaks of [[1], [1, 2], [1, 2, 4], [1, 2, 3, 5], [1, 3, 8, 20, 150]]) {
      const legend = classColors(p, breaks.length);
      for (let count = 0; count <= 200; count++) {
        const ramp = classRamp(count, breaks, p.classes.length);
        const cls = breaks.filter((b) => b <= count).length - 1;
        expect(ramp === -1 ? null : p.classes[ramp]).toBe(cls < 0 ? null : legend[cls]);
      }
    }
  });

  it('spreads two classes over the whole ramp', () => {
    const p = paletteOf('light');
    expect(classColors(p, 2)).toEqual([p.classes[0], p.classes[p.classes.length - 1]]);
  });
});

describe('labelTextField', () => {
  const evaluate = (names: ReadonlyMap<number, string> | null, properties: Record<string, unknown>) => {
    const e = createExpression(labelTextField(names), { type: 'string', 'property-type': 'data-driven', expression: { parameters: ['zoom', 'feature'], interpolated: false } } as never);
    if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
    return e.value.evaluate({ zoom: 5 }, { type: 'Point', properties } as never);
  };

  it('names a place in the given language, and in Chinese where the table has no name or no table is given', () => {
    const en = new Map([
      [510000, 'Sichuan'],
      [510100, 'Chengdu'],
    ]);
    expect(evaluate(en, { adcode: 510000, short: '四川' })).toBe('Sichuan');
    expect(evaluate(en, { adcode: 510100, short: '成都' })).toBe('Chengdu');
    expect(evaluate(en, { adcode: 320000, short: '江苏' })).toBe('江苏');
    expect(evaluate(null, { adcode: 510000, short: '四川' })).toBe('四川');
    expect(evaluate(new Map(), { adcode: 510000, short: '四川' })).toBe('四川');
  });
});
