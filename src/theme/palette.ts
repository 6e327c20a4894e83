// The palette and the class colours: one module that the map, the legend, the SVG fallback, exports, the briefing
// and compare all read, so that a colour cannot differ between them. Pure; no MapLibre.
import { classIndex } from '../store/classes';

export type ThemeName = 'light' | 'dark';

export interface Palette {
  background: string;
  noData: string;
  /**
   * Sequential classes, light → dark (dark → light in the dark theme), after ColorBrewer YlGnBu: safe for the
   * common colour-vision deficiencies. Each step and "no practice" → class 1 are ≥ 12 ΔE00 apart, ≥ 8 washed out
   * (contrast.test.ts): the old dark class 1 was 8 from "no practice" and read as empty on a projector.
   */
  classes: string[];
  outline: string;
  cityOutline: string;
  districtOutline: string;
  dash: string;
  marker: string;
  markerStroke: string;
  label: string;
  labelHalo: string;
  hover: string;
  selected: string;
  /** Other countries' land in the South China Sea inset: neutral, distinct from China's land and the sea. */
  context: string;
  /** Outline of each compared province, in the order they were chosen (Okabe–Ito: distinct for colour-blind readers; same as compare.css). */
  compare: [string, string, string, string];
  /**
   * Outline of programme units (issue 27: 城市更新试点, funded cities): a purple apart from the blue-green ramp, the
   * orange markers and the amber selection; units with practices solid, without dashed, so print in grey still tells
   * them apart.
   */
  programme: string;
}

/**
 * Every role's colour as [light, dark], side by side, so that a role's two themes are chosen and reviewed together
 * (and a role cannot be missing from one theme: the type asks for both).
 */
const COLOURS: { [K in keyof Palette]: [light: Palette[K], dark: Palette[K]] } = {
  background: ['#dfe9f0', '#0f172a'],
  noData: ['#f4f2ec', '#1e293b'],
  classes: [
    ['#bfe3b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#0c4a8f'],
    ['#155e75', '#0e8aa0', '#3fb8b0', '#8fd9b6', '#e4f6c8'],
  ],
  outline: ['#6b7280', '#94a3b8'],
  cityOutline: ['#9ca3af', '#475569'],
  districtOutline: ['#b8bec8', '#3b4a5e'],
  dash: ['#4b5563', '#cbd5e1'],
  marker: ['#d95f02', '#fb923c'],
  markerStroke: ['#ffffff', '#0f172a'],
  label: ['#1f2937', '#e2e8f0'],
  labelHalo: ['#ffffff', '#0f172a'],
  hover: ['#111827', '#f8fafc'],
  selected: ['#b45309', '#fbbf24'],
  compare: [
    ['#0072b2', '#d55e00', '#009e73', '#cc79a7'],
    ['#56b4e9', '#f0a35e', '#3fd0a4', '#e7a3cb'],
  ],
  context: ['#d9d6ce', '#2a3548'],
  programme: ['#7b1fa2', '#e879f9'],
};

const themeOf = (i: 0 | 1): Palette =>
  Object.fromEntries(Object.entries(COLOURS).map(([role, pair]) => [role, pair[i]])) as unknown as Palette;
const LIGHT = themeOf(0);
const DARK = themeOf(1);

export function paletteOf(theme: ThemeName): Palette {
  return theme === 'dark' ? DARK : LIGHT;
}

/**
 * Which colour of the ramp each of `n` classes uses: spread evenly so that 2 classes still span light → dark.
 * classColors (the legend, exports, the SVG map) and classRamp (the WebGL map) both read it, so they cannot disagree.
 */
export function rampIndices(n: number, rampLength: number): number[] {
  if (n <= 0) return [];
  if (n >= rampLength) return Array.from({ length: rampLength }, (_, i) => i);
  if (n === 1) return [Math.floor(rampLength / 2)];
  return Array.from({ length: n }, (_, i) => Math.round((i * (rampLength - 1)) / (n - 1)));
}

export function classColors(palette: Palette, n: number): string[] {
  return rampIndices(n, palette.classes.length).map((i) => palette.classes[i]!);
}

/** The ramp colour index of a count under `breaks` (lower bounds, ascending, ≥ 1); −1 = the "no practice" class. */
export function classRamp(count: number, breaks: readonly number[], rampLength: number): number {
  const c = classIndex(count, breaks);
  return c < 0 ? -1 : rampIndices(breaks.length, rampLength)[c]!;
}
