// The camera: framing a subject inside the unobstructed part of the map (framing.ts computes the padding), keeping
// it framed when the map's box changes, and jumps to a restored camera. The controller owns it with the map.
import { LngLat, type Map as MlMap } from 'maplibre-gl';
import { framePadding } from './framing';
import { unionBounds, type Bounds } from '../geometry/bounds';
import { measureObstructions } from './obstructions';
import { FrameHold } from './frameHold';
import { TileSweep } from './tileSweep';
import type { Subject } from './policy';
import type { Camera, GazetteerEntry } from '../types';

/** Space (px) kept around a framed subject, from the map's edges and from anything drawn over the map. */
const FIT_MARGIN = 24;
/**
 * A framed city or district stops here: closer, its surroundings (and the neighbouring places) are lost. Not 8 or
 * closer: up to zoom 8 the level of detail made for it is drawn (geo/build-core.ts); past it, the finest level,
 * made for zoom 10, twice the points, which cost a city slide about 450 ms of the worker's cutting in software GL.
 * And just under 8 (DISTRICT_EVERYWHERE_ZOOM, style.ts), district borders show inside the subject's province only:
 * at 8 every province in view brought its districts (江苏's city slide: 292 districts instead of 97, 629 → 407 ms).
 */
const FIT_MAX_ZOOM = 7.9;
/** A camera move of a framed subject (ms); 0 when it happens without the user watching (first load, resize). */
const FIT_DURATION = 800;

export interface CameraHost {
  nationalBounds: Bounds;
  gazetteer: ReadonlyMap<number, GazetteerEntry>;
  /** Waits for the map's sources, and for the boundaries of these regions when not yet loaded (a district). */
  prepare(adcodes: number[]): Promise<void>;
  /** Before a move to this camera: its level-of-detail files on the map (lod.ts viewBounds, detailStream.prepare). */
  beforeMove(center: [number, number], zoom: number): Promise<void>;
  regionBounds(adcode: number): Bounds | null;
  /** False once the controller is destroyed. */
  alive(): boolean;
  busy(): void;
}

export class CameraControl {
  /** The last framed subject, re-fitted when the map's box changes until the user moves the camera. */
  private lastFrame: { bounds: Bounds; maxZoom: number; width: number; height: number } | null = null;
  /** A later frame() wins over one still loading its districts. */
  private frameSeq = 0;
  /** True while this control moves the camera (its own movestart events). */
  private moving = false;
  /** Keeps the last picture through a jump until the new view is complete (frameHold.ts). */
  private readonly hold: FrameHold;
  /** Clears the old view's tiles before the data of a jump to another zoom (tileSweep.ts). */
  private readonly sweep: TileSweep;

  constructor(
    private readonly map: MlMap,
    private readonly container: HTMLElement,
    private readonly host: CameraHost,
  ) {
    this.hold = new FrameHold(map);
    this.sweep = new TileSweep(map as unknown as ConstructorParameters<typeof TileSweep>[0]);
    // A move the user makes (drag, wheel, zoom buttons) ends the framed view: a resize then keeps their camera.
    map.on('movestart', (e) => {
      if ((e as { originalEvent?: unknown }).originalEvent) this.lastFrame = null;
      // Any move not made here (the user's, a script's) wins over a frame still preparing its files, which would
      // otherwise pull the camera back when they arrive; the picture held for that frame is released.
      if (!this.moving) {
        this.frameSeq++;
        this.hold.moved();
      }
    });
  }

  /**
   * Moves the camera so that the subject's whole bounds lie inside the unobstructed part of the map (the map minus
   * legend, inset, attribution, zoom buttons and any panel over it, measured now). A later call wins over one still
   * loading its districts.
   */
  async frame(subject: Subject, animate: boolean): Promise<void> {
    const seq = ++this.frameSeq;
    // A jump: the highlight, the new files and the move are drawn together, once the view is complete.
    if (animate) this.hold.cancel();
    else this.hold.begin();
    try {
      await this.host.prepare(subject.kind === 'regions' ? subject.adcodes : []);
      if (!this.host.alive() || seq !== this.frameSeq) return;
      const bounds = this.boundsOf(subject);
      if (!bounds) return;
      const target = this.target(bounds, FIT_MAX_ZOOM);
      if (target) {
        if (!animate) this.sweep.arm(this.map.getZoom(), target.zoom);
        await this.host.beforeMove(target.center, target.zoom);
      }
      if (!this.host.alive() || seq !== this.frameSeq) return;
      this.fitTo(bounds, FIT_MAX_ZOOM, animate);
    } finally {
      this.sweep.release();
      if (!animate && seq === this.frameSeq && this.host.alive()) this.hold.moved();
    }
  }

  /** The sources are about to change for a jump being prepared: their old tiles go first (tileSweep.ts). */
  sweepTiles(sources: readonly string[]): void {
    this.sweep.sweep(sources);
  }

  /** A jump is coming (the store changed the subject): hold the picture from now (frameHold.ts). */
  holdForJump(): void {
    this.hold.begin();
  }

  /** The first view's data is on the map: it is drawn once its tiles are all there (held since the map was made). */
  firstViewSet(): void {
    this.hold.moved();
  }

  /**
   * Runs `fn` once the map is idle after the change being made now: looked at a frame later, when the change's own
   * commands have begun. A change that does not move the map (the briefing's next practice in the same place) draws
   * no frame and no 'idle' follows it; waiting for one, no slide's files had come early (issue 25).
   */
  afterChange(fn: () => void): void {
    requestAnimationFrame(() => {
      if (!this.host.alive()) return;
      if (this.container.dataset.state === 'idle' && this.map.loaded() && !this.map.isMoving()) fn();
      else this.map.once('idle', () => this.host.alive() && fn());
    });
  }

  /** The camera that frames a subject, without moving (for the briefing's next slide: its files, in advance). */
  async targetOf(subject: Subject): Promise<{ center: [number, number]; zoom: number } | null> {
    await this.host.prepare(subject.kind === 'regions' ? subject.adcodes : []);
    const bounds = this.boundsOf(subject);
    return bounds ? this.target(bounds, FIT_MAX_ZOOM) : null;
  }

  private boundsOf(subject: Subject): Bounds | null {
    if (subject.kind === 'national') return this.host.nationalBounds;
    const bounds = unionBounds(subject.adcodes.map((a) => this.host.regionBounds(a)).filter((b): b is Bounds => b !== null));
    if (bounds) return bounds;
    // A place known only by its seat (no boundary drawn for it).
    const g = this.host.gazetteer.get(subject.adcodes[0] as number);
    if (!g) return null;
    const [lng, lat] = g.center;
    return [lng - 0.3, lat - 0.25, lng + 0.3, lat + 0.25];
  }

  private target(bounds: Bounds, maxZoom: number): { center: [number, number]; zoom: number } | null {
    const { map, obstructions } = measureObstructions(this.container);
    const padding = framePadding(map, obstructions, bounds, { margin: FIT_MARGIN, maxZoom });
    const [w, s, e, n] = bounds;
    const t = this.map.cameraForBounds([[w, s], [e, n]], { padding, maxZoom });
    if (!t?.center || t.zoom === undefined) return null;
    const { lng, lat } = LngLat.convert(t.center);
    return { center: [lng, lat], zoom: t.zoom };
  }

  private fitTo(bounds: Bounds, maxZoom: number, animate: boolean): void {
    this.lastFrame = { bounds, maxZoom, width: this.container.clientWidth, height: this.container.clientHeight };
    const target = this.target(bounds, maxZoom);
    if (!target) return;
    const c = this.map.getCenter();
    const [lng, lat] = target.center;
    // Already there (a re-frame for an unchanged layout): no move, and no busy state that no render would end.
    if (!this.map.isMoving() && Math.abs(c.lng - lng) < 1e-6 && Math.abs(c.lat - lat) < 1e-6 && Math.abs(this.map.getZoom() - target.zoom) < 1e-4) {
      return;
    }
    this.host.busy();
    this.own(() =>
      animate ? this.map.easeTo({ center: [lng, lat], zoom: target.zoom, duration: FIT_DURATION }) : this.map.jumpTo({ center: [lng, lat], zoom: target.zoom }),
    );
  }

  /** Moves the camera without animation (URL restore); skips when already there. */
  jumpTo(camera: Camera): void {
    const c = this.map.getCenter();
    const near =
      Math.abs(c.lng - camera.lng) < 1e-4 && Math.abs(c.lat - camera.lat) < 1e-4 && Math.abs(this.map.getZoom() - camera.zoom) < 0.01;
    if (near) return this.hold.moved();
    // A restored camera is somebody's own view: it is kept as it is when the window resizes.
    this.lastFrame = null;
    this.frameSeq++;
    this.host.busy();
    this.hold.begin();
    this.own(() => this.map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom }));
    this.hold.moved();
  }

  /** Runs a camera change of this control's own (its movestart does not cancel a frame in preparation). */
  private own(move: () => unknown): void {
    this.moving = true;
    try {
      move();
    } finally {
      this.moving = false;
    }
  }

  /** Follows the container's size; a framed subject (not moved by the user since) is framed again for it. */
  resize(): void {
    this.own(() => this.map.resize());
    const f = this.lastFrame;
    if (f && (f.width !== this.container.clientWidth || f.height !== this.container.clientHeight)) {
      this.fitTo(f.bounds, f.maxZoom, false);
    }
  }

  /** Frames the last subject again (something over the map appeared or moved); nothing if the user moved the map. */
  reframe(): void {
    const f = this.lastFrame;
    // Still flying there: keep flying, to the corrected frame.
    if (f) this.fitTo(f.bounds, f.maxZoom, this.map.isMoving());
  }
}
