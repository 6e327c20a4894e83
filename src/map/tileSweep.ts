// Old tiles out of the way of a held jump (frameHold.ts) to another tile zoom.
//
// Why: when a slide or a click jumps to a view at another zoom, the sources get their new data first (the move waits
// for MapLibre's worker to have it), and MapLibre then reloads every tile of the old view that the change touches —
// tiles of a zoom the jump is about to leave, cut again in the worker only to be thrown away, while the new view's
// tiles wait behind them in the same queue. Measured in the bench's walk: as many reloads as new tiles per slide.
// So, right before such an update, the changed sources' tiles are cleared and their tile managers paused (a reload
// asked for meanwhile finds nothing to reload), and cleared once more when the camera is at the new view (MapLibre
// resumes a paused source itself when a filter changes, e.g. the focused province's, and may have asked for the old
// view's tiles again meanwhile; clearing also unpauses): each tile of the new view is cut once. The picture is held
// through all of it, so nothing blank is ever drawn. MapLibre has no public call for this: its tile managers are
// reached through the style, guarded — without them (another MapLibre version) nothing is swept and the map reloads
// as before.

interface TileManagerLike {
  /** Removes every tile (aborting those on their way) and unpauses. */
  clearTiles(): void;
  pause(): void;
}

interface StyleHost {
  style?: { tileManagers?: Record<string, Partial<TileManagerLike> | undefined> } | null;
}

export class TileSweep {
  /** Set before an update that a jump to another tile zoom will follow; cleared once the camera is there. */
  private armed = false;
  private readonly swept: TileManagerLike[] = [];

  constructor(private readonly map: StyleHost) {}

  /** A held jump from `fromZoom` to `toZoom` is coming: sweep before the next update (if the tile zoom changes). */
  arm(fromZoom: number, toZoom: number): void {
    this.armed = Math.floor(fromZoom) !== Math.floor(toZoom);
  }

  /** Before the sources change: clears and pauses their tiles when armed. */
  sweep(sources: readonly string[]): void {
    if (!this.armed) return;
    for (const id of sources) {
      const tm = this.map.style?.tileManagers?.[id];
      if (!tm || typeof tm.clearTiles !== 'function' || typeof tm.pause !== 'function') continue;
      tm.clearTiles();
      tm.pause();
      this.swept.push(tm as TileManagerLike);
    }
  }

  /** The camera is at the new view (or the move was given up): tiles load again, for the view the map now has. */
  release(): void {
    this.armed = false;
    for (const tm of this.swept.splice(0)) tm.clearTiles();
  }
}
