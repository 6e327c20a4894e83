// Cell colours for the coverage matrix: a d3-scale sequential scale over the map's own ramp (so a dark cell
// means what a dark province means), and a text colour chosen for contrast (WCAG 2: ≥ 4.5:1 for normal text).
import { scaleLinear, scaleSequential } from 'd3-scale';
import { paletteOf, type ThemeName } from '../theme/palette';

export const DARK_TEXT = '#000000';
export const LIGHT_TEXT = '#ffffff';

/** sRGB channels 0–255 of #rgb, #rrggbb or rgb(r, g, b); null when not understood. */
export function parseColor(c: string): [number, number, number] | null {
  const s = c.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(s);
  if (hex) {
    const h = hex[1]!;
    const full = h.length === 3 ? [...h].map((x) => x + x).join('') : h;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)/i.exec(s);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

/** WCAG relative luminance. */
export function luminance(c: string): number {
  const rgb = parseColor(c);
  if (!rgb) return 0;
  const [r, g, b] = rgb.map((v) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever reads better on `background`. Pure black/white always reach ≥ 4.5:1 against some. */
export function textOn(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

export interface CellColor {
  background: string;
  color: string;
}

/**
 * The colour of a count: a sequential scale over [1, max], so a single practice takes the ramp's lightest step
 * and `max` its darkest (the brightest in the dark theme, where the ramp runs dark → light). Zero has no colour:
 * the cell stays the panel's (null).
 */
export function cellColorScale(max: number, theme: ThemeName): (count: number) => CellColor | null {
  const ramp = paletteOf(theme).classes;
  // Piecewise-linear interpolation through the ramp's stops, built with d3-scale itself (d3-interpolate under it).
  const stops = scaleLinear<string>()
    .domain(ramp.map((_, i) => i / (ramp.length - 1)))
    .range(ramp)
    .clamp(true);
  const scale = scaleSequential((t: number) => stops(t))
    .domain([1, Math.max(2, max)])
    .clamp(true);
  return (count) => {
    if (!(count > 0)) return null;
    // With max 1 every coloured cell is a single practice: the middle of the ramp reads as "some".
    const background = max <= 1 ? stops(0.5) : scale(count);
    return { background, color: textOn(background) };
  };
}
