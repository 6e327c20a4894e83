// Cell colours for the coverage matrix: a d3-scale sequential scale over the map's own ramp (so a dark cell
// means what a dark province means), and a text colour chosen for contrast (WCAG 2: ≥ 4.5:1 for normal text).
import { scaleLinear, scaleSequential } from 'd3-scale';
import { paletteOf, type ThemeName } from '../theme/palette';
import { textOn } from '../theme/contrast';

export { contrastRatio, luminance, textOn } from '../theme/contrast';

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
