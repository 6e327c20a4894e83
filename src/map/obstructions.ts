// What is drawn over the map, measured from the DOM (element rectangles), for framing.ts. The overlays are found
// by class (legend, inset, provenance line, side sheets, zoom buttons, briefing panel and credits) or by a
// `data-map-obstruction` attribute; `data-map-obstruction-max-zoom="5"` declares one that only shows below zoom 5
// (the 南海诸岛 inset, which stays in the layout, invisible, while zoomed in so that it can still be measured).
import type { Obstruction } from './framing';
import type { Edges as Rect } from '../geometry/rect';

const SELECTOR = [
  '[data-map-obstruction]',
  '.legend',
  '.scs-inset',
  '.provenance',
  '.side-column',
  '.filters-column',
  '.maplibregl-ctrl-group',
  '.briefing-panel',
  '.briefing-credits',
].join(',');

function rectOf(r: DOMRect): Rect {
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

/** The map's box and every overlay that covers part of it, in page pixels. */
export function measureObstructions(mapEl: HTMLElement): { map: Rect; obstructions: Obstruction[] } {
  const map = rectOf(mapEl.getBoundingClientRect());
  const obstructions: Obstruction[] = [];
  for (const el of Array.from(document.querySelectorAll<HTMLElement>(SELECTOR))) {
    // Ancestors of the map (a column that holds it) are its frame, not something over it.
    if (el.contains(mapEl)) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none') continue;
    const r = rectOf(el.getBoundingClientRect());
    if (r.right <= r.left || r.bottom <= r.top) continue;
    const z = Number(el.dataset.mapObstructionMaxZoom);
    if (Number.isFinite(z) && el.dataset.mapObstructionMaxZoom !== undefined) obstructions.push({ ...r, maxZoom: z });
    else if (cs.visibility !== 'hidden') obstructions.push(r);
  }
  return { map, obstructions };
}
