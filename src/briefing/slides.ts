// Placeholder: the briefing helper replaces this (issue 6). MapView flies to `slideTarget` of the current slide.
import type { Dataset } from '../types';
import type { Filters } from '../store/filters';

export type Slide =
  | { kind: 'national' }
  | { kind: 'province'; adcode: number }
  | { kind: 'practice'; id: string; adcode: number };

export function buildSlides(_dataset: Dataset, _filters: Filters): Slide[] {
  return [{ kind: 'national' }];
}

/** The region the map shows for a slide; null = the national view. */
export function slideTarget(slide: Slide | undefined): number | null {
  if (!slide || slide.kind === 'national') return null;
  return slide.adcode;
}
