// Holding the picture through a jump: when the map jumps to a framed subject (a slide, a clicked province, a
// restored view), the last picture stays on screen until the new view has every tile, and is then drawn once.
// Without it, software WebGL drew 5–10 frames per slide at 100–300 ms each — the old view with the new highlight,
// the new view in coarse geometry, then once per batch of tiles from the worker — and each frame took the CPU from
// the worker cutting those tiles (2 cores). MapLibre has no public switch for this: the painter's render is wrapped
// (guarded: without it, as in another MapLibre version, maps simply draw every frame as before).
import type { Map as MlMap } from 'maplibre-gl';

/** The longest a picture is held (ms): a slow file must not leave a stale map. */
const MAX_HOLD = 2000;

export class FrameHold {
  /** performance.now() until which frames may be held; 0: not holding. */
  private until = 0;
  /** The jump has not happened yet (the subject's files are still being prepared). */
  private waiting = false;

  constructor(private readonly map: MlMap) {
    const painter = (map as unknown as { painter?: { render?: (...a: unknown[]) => unknown } }).painter;
    const render = painter?.render;
    if (!painter || typeof render !== 'function') return;
    painter.render = (...args: unknown[]) => {
      if (this.holding()) return undefined;
      return render.apply(painter, args);
    };
  }

  /** A jump is coming: hold the picture from now until it has happened and its view is complete. */
  begin(): void {
    this.until = performance.now() + MAX_HOLD;
    this.waiting = true;
  }

  /** The jump happened (or none is needed): draw as soon as every tile of the view is there. */
  moved(): void {
    this.waiting = false;
    // A render that finds the view complete ends the hold; ask for one in case none is pending.
    this.map.triggerRepaint();
  }

  /** A flight instead: every frame is drawn. */
  cancel(): void {
    this.until = 0;
    this.waiting = false;
  }

  private holding(): boolean {
    if (!this.until) return false;
    if (performance.now() > this.until) return this.release();
    if (this.waiting || !this.map.areTilesLoaded()) return true;
    // Complete — but a frame that has just placed new labels asks MapLibre for a follow-up frame to show them (its
    // private `_placementDirty`, read only here): hold this one, draw that one, and save a whole software frame.
    if ((this.map as unknown as { _placementDirty?: boolean })._placementDirty === true) return true;
    return this.release();
  }

  private release(): false {
    this.until = 0;
    return false;
  }
}
