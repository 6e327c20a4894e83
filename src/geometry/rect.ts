// Rectangles in CSS pixels. Two shapes, named apart: `Rect` (origin and size: canvas drawing, exports) and
// `Edges` (what getBoundingClientRect reports: the map's framing against the overlays). Pure.

/** Origin and size. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The four edges, in page coordinates like getBoundingClientRect. */
export interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Whether two rectangles share some area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;
}

/** Whether two edge boxes share some area (touching edges do not count). */
export function edgesOverlap(a: Edges, b: Edges): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
