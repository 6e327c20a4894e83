// The levels of detail in motion: fetches what planDetail (lod.ts) asks for and hands the composed collections to
// the controller, in one update per camera move. No MapLibre here either; the controller puts them on the map.
import { composeDetail, isFiner, planDetail, type DetailCollections, type DetailDrawn, type DetailLevels, type DetailView } from './lod';
import type { DetailSlice, RegionFeature } from './features';

export class DetailStream {
  private readonly slices = new Map<number, DetailSlice>();
  private readonly pending = new Map<string, Promise<void>>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private arrived = false;
  private key = '';
  private destroyed = false;
  /** The zoom of the last view followed or prepared (whose districts are drawn depends on it). */
  private zoom: number | null = null;

  constructor(
    private readonly levels: DetailLevels,
    private readonly national: { provinces: readonly RegionFeature[]; cities: readonly RegionFeature[] },
    /** Receives the sources' new contents (only when the combination of slices changed). */
    private readonly put: (c: DetailCollections) => void,
    /** Testing seam: `loading` while a file is on its way, `ready` once all are on the map. */
    private readonly status: (s: 'loading' | 'ready') => void,
    /**
     * Whether a province's districts, and its finer cities, are drawn at a zoom (null: not known yet); the others'
     * stay off the map (composeDetail).
     */
    private readonly drawn: DetailDrawn = { districts: () => true, cities: () => true },
  ) {}

  /** The level each province is drawn at (provinces on the national level are absent). */
  loaded(): Map<number, number> {
    return new Map([...this.slices].map(([p, s]) => [p, s.level]));
  }

  /** Follows the camera: requests the files of the provinces in view, drops the others (but the focused one). */
  follow(view: DetailView): void {
    if (this.destroyed) return;
    this.zoom = view.zoom;
    const plan = planDetail(view, this.levels.levels, this.levels.provinces, this.loaded());
    for (const p of plan.drop) this.slices.delete(p);
    for (const r of plan.request) void this.request(r.level, r.province);
    // With files on their way, the update when they arrive puts the dropped provinces back too. Without, a flush
    // still recomposes: a zoom across DISTRICT_EVERYWHERE_ZOOM changes whose districts are drawn (none if no change).
    if (!this.pending.size) this.scheduleFlush(30);
  }

  /**
   * Before a camera move: asks for the files of the view it will end on and resolves once they are all on the map
   * (one update of the sources; the move's own moveend then finds nothing to do). Without that, a slide made two
   * updates (its province first, the view's level after the move), each re-tiling three sources and drawing
   * several frames, at 300–500 ms a frame in software GL.
   */
  async prepare(view: DetailView): Promise<void> {
    this.follow(view);
    while (this.pending.size) await Promise.all([...this.pending.values()]);
    this.flush();
  }

  /** Warms the file cache for a view shown next (the briefing's next slide); nothing changes on the map. */
  prefetch(view: DetailView): void {
    if (this.destroyed) return;
    const plan = planDetail(view, this.levels.levels, this.levels.provinces, this.loaded());
    for (const r of plan.request) void this.levels.load(r.level, r.province).catch(() => undefined);
  }

  /** The first level of a province (a selection or a framed place inside it); resolves once it is on the map. */
  async ensure(province: number): Promise<void> {
    const first = this.levels.levels[0];
    if (!first) return;
    await this.request(first.level, province);
    // Files of the same move still on their way: they go on the map together (one update, not two).
    while (this.pending.size) await Promise.all([...this.pending.values()]);
    this.flush();
  }

  request(level: number, province: number): Promise<void> {
    if (!isFiner(this.loaded(), province, level)) return Promise.resolve();
    const key = `${level}/${province}`;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.levels
        .load(level, province)
        .then((slice) => {
          if (!slice || this.destroyed || !isFiner(this.loaded(), province, slice.level)) return;
          this.slices.set(province, slice);
          this.arrived = true;
        })
        // A failed file leaves the coarser geometry on the map; the next camera move asks again.
        .catch(() => undefined)
        .finally(() => {
          this.pending.delete(key);
          if (this.arrived) {
            if (!this.pending.size) this.flush();
            else this.scheduleFlush(400);
          }
          this.markReady();
        });
      this.pending.set(key, pending);
      this.status('loading');
    }
    return pending;
  }

  /**
   * The files a camera move asked for go on the map in one update, once the last has arrived (or `maxWait` ms after
   * this call, for a slow one): each update re-tiles three sources (measured 1.4 s to idle in software GL for 江苏's
   * view), and files arriving in two groups had made two.
   */
  private scheduleFlush(maxWait: number): void {
    this.flushTimer ??= setTimeout(() => this.flush(), maxWait);
  }

  /**
   * Hands the loaded levels over when they differ from the last handed. `reset`: the sources were refilled with
   * the national level (first load), so any slice at all must go back on.
   */
  flush(reset = false): void {
    if (reset) this.key = '';
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.arrived = false;
    if (this.destroyed) return;
    this.markReady();
    const c = composeDetail(
      this.national,
      this.slices,
      (p) => this.drawn.districts(p, this.zoom),
      (p) => this.drawn.cities(p, this.zoom),
    );
    if (c.key === this.key) return;
    this.key = c.key;
    this.put(c);
    this.markReady();
  }

  private markReady(): void {
    if (!this.pending.size && !this.flushTimer && !this.destroyed) this.status('ready');
  }

  destroy(): void {
    this.destroyed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }
}
