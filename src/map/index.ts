// The public face of src/map: what the rest of the app may ask of the map without touching MapLibre: an image of the current view and the
// projection of a place. MapView registers the live controller here; exports and the briefing use it.
export interface MapHandle {
  /** The map canvas redrawn at `pixelRatio` × CSS pixels (restored afterwards). */
  snapshot(pixelRatio: number): Promise<HTMLCanvasElement>;
  /** CSS-pixel size of the map view. */
  size(): { width: number; height: number };
}

let current: MapHandle | null = null;

export function setMapHandle(h: MapHandle | null): void {
  current = h;
}

export function getMapHandle(): MapHandle | null {
  return current;
}
