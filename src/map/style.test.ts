import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle, choroplethColor, focusFilter, FOCUS_LAYERS, labelLayout, labelTextField } from './style';
import { markerLabelFilter } from './labels';
import { adcodeFilter, PROGRAMME_LAYERS } from './programmeLayer';
import { LAYER } from './ids';
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

describe('values set on the map at run time', () => {
  // The map sets them without validating (create.ts mapSink: validate false, a slide changes several), so the
  // style with each of them in place must be as valid as the built one.
  it('keep the style valid: focus and marker-label filters, programme filters, label sizes and names', () => {
    for (const briefing of [false, true]) {
      for (const province of [null, 320000]) {
        const style = buildStyle('light');
        const layers = style.layers as { id: string; filter?: unknown; layout?: Record<string, unknown> }[];
        const at = (id: string) => layers.find((l) => l.id === id)!;
        for (const id of FOCUS_LAYERS) at(id).filter = focusFilter(province);
        // null removes the filter (setFilter(null)); in a style that is no `filter` at all.
        const markerFilter = markerLabelFilter(briefing, province);
        if (markerFilter === null) delete at(LAYER.markerLabels).filter;
        else at(LAYER.markerLabels).filter = markerFilter;
        for (const [solid, dashed] of PROGRAMME_LAYERS) {
          at(solid).filter = adcodeFilter([320100, 320500]);
          at(dashed).filter = adcodeFilter([]);
        }
        const l = labelLayout(briefing);
        at(LAYER.provinceLabels).layout = { ...at(LAYER.provinceLabels).layout, 'text-size': l.provinceSize, 'text-field': labelTextField(new Map([[320000, 'Jiangsu']])) };
        at(LAYER.markerLabels).layout = { ...at(LAYER.markerLabels).layout, 'text-size': l.markerSize };
        expect(problems(style), `briefing ${briefing}, focus ${province}`).toEqual([]);
      }
    }
  });
});
