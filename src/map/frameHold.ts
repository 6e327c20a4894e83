// Holding the picture through a jump: when the map jumps to a framed subject (a slide, a clicked province, a
// restored view), the last picture stays on screen until the new view has every tile, and is then drawn once.
// Without it, software WebGL drew 5–10 frames per slide at 100–300 ms each — the old view with the new highlight,
// the new view in coarse geometry, then once per batch of tiles from the worker — and each frame took the CPU from
// the worker cutting those tiles (2 cores). MapLibre has no public switch for this: the painter's render is wrapped
// (guarded: without it, as in another MapLibre version, maps simply draw every frame as before).
// Once the jump has happened and its tiles have been asked for, the map does not even run frames until they are all
// there: a held frame still cost MapLibre's frame work and a compositor commit (20–50 ms of the main thread each,
// waiting for the compositor on 2 busy cores), once per batch of tiles the workers returned — 8–10 of them before the
// first view. A tile's arrival is checked on MapLibre's data events instead.
import type { Map as MlMap } from 'maplibre-gl';

/** The longest a picture is held (ms): a slow file must not leave a stale map. */
const MAX_HOLD = 2000;

export class FrameHold {
  /** performance.now() until which frames may be held; 0: not holding. */
  private until = 0;
  /** The jump has not happened yet (the subject's files are still being prepared). */
  private waiting = false;
  /** Frames are not asked for: the view's tiles have been requested and are being cut in the workers. */
  private quiet = false;
  private quietLimit: ReturnType<typeof setTimeout> | undefined;
  private readonly repaint: () => void;

  constructor(private readonly map: MlMap) {
    const trigger = map.triggerRepaint;
    this.repaint = () => trigger.call(map);
    const painter = (map as unknown as { painter?: { render?: (...a: unknown[]) => unknown } }).painter;
    const render = painter?.render;
    if (!painter || typeof render !== 'function' || typeof trigger !== 'function') return;
    painter.render = (...args: unknown[]) => {
      if (this.holding()) {
        // This frame has asked for the new view's tiles (MapLibre updates its sources before drawing): until they
        // are all there, no more frames.
        if (!this.waiting && !this.complete()) this.hush();
        return undefined;
      }
      return render.apply(painter, args);
    };
    map.triggerRepaint = () => {
      if (!this.quiet) this.repaint();
    };
    // A tile loaded (or failed: MapLibre counts it as done) — the last one ends the quiet. A source that has its
    // data now (not a tile's event) needs a frame to ask for its tiles: that frame is quiet again if it is not done.
    map.on('sourcedata', (e: { tile?: unknown }) => {
      if (this.quiet && (!e.tile || this.complete())) this.wake();
    });
    map.on('error', () => {
      if (this.quiet && this.complete()) this.wake();
    });
  }

  /** A jump is coming: hold the picture from now until it has happened and its view is complete. */
  begin(): void {
    this.until = performance.now() + MAX_HOLD;
    this.waiting = true;
    this.wake(); // frames carry what comes before the jump (its data); they are held, not skipped
  }

  /** The jump happened (or none is needed): draw as soon as every tile of the view is there. */
  moved(): void {
    this.waiting = false;
    // A frame asks for the new view's tiles, and one that finds the view complete ends the hold; ask for one in
    // case none is pending.
    this.wake();
    this.repaint();
  }

  /** A flight instead: every frame is drawn. */
  cancel(): void {
    this.until = 0;
    this.waiting = false;
    this.wake();
  }

  private holding(): boolean {
    if (!this.until) return false;
    if (performance.now() > this.until) return this.release();
    if (this.waiting || !this.complete()) return true;
    // Complete — but a frame that has just placed new labels asks MapLibre for a follow-up frame to show them (its
    // private `_placementDirty`, read only here): hold this one, draw that one, and save a whole software frame.
    if ((this.map as unknown as { _placementDirty?: boolean })._placementDirty === true) return true;
    return this.release();
  }

  /**
   * Every source has its data in the workers and every tile of the view is there. Tiles alone are not enough: a
   * source whose data is still on its way to a worker has no tiles yet (MapLibre makes them once it has the data),
   * and the view looked complete with none.
   */
  private complete(): boolean {
    return this.map.areTilesLoaded() && this.map.isStyleLoaded() !== false;
  }

  private release(): false {
    this.until = 0;
    this.wake();
    return false;
  }

  private hush(): void {
    if (this.quiet) return;
    this.quiet = true;
    // Never quiet past the hold's limit: a tile that never answers must not leave the map without frames.
    this.quietLimit = setTimeout(() => this.wake(), Math.max(0, this.until - performance.now()) + 1);
  }

  /** Frames again, and one now for whatever was asked for while quiet. */
  private wake(): void {
    if (!this.quiet) return;
    this.quiet = false;
    clearTimeout(this.quietLimit);
    this.repaint();
  }
}
