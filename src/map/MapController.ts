// The one owner of MapLibre (the only module that imports maplibre-gl). React creates it once and feeds it from
// the store; every public method is idempotent and skips work when its input has not changed.
import { LngLat, Map as MlMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import type { MapGeoJSONFeature, MapMouseEvent, GeoJSONSource, LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import { buildStyle, focusFilter, FOCUS_LAYERS, labelLayout, labelTextField } from './style';
import { classRamp, paletteOf, type ThemeName } from '../theme/palette';
import { framePadding } from './framing';
import { unionBounds, type Bounds } from '../geometry/bounds';
import { measureObstructions } from './obstructions';
import type { Subject } from './policy';
import { INTERACTIVE_LAYERS, LAYER, SRC } from './ids';
import { adcodeFilter, PROGRAMME_LAYERS, type ProgrammeMarks } from './programmeLayer';
import {
  markerCollection,
  provinceLabelCollection,
  type DetailSlice,
  type MarkerInput,
  type RegionCollection,
  type RegionFeature,
} from './features';
import type { Camera, GazetteerEntry } from '../types';

// Production builds must point MapLibre at its worker file, served from our own origin.
setWorkerUrl(workerUrl);

export type { Camera };

export interface MapGeo {
  provinces: RegionCollection;
  cities: RegionCollection;
  dash: FeatureCollection;
  /** [w, s, e, n] that frames the mainland with Hainan. */
  nationalBounds: [number, number, number, number];
  /** Loads one province's districts (null when the province has none, e.g. municipalities). */
  loadDistricts: (province: number) => Promise<RegionCollection | null>;
  /** Levels of detail that follow the camera (geo/lod/); without them the national geometry is drawn at every zoom. */
  detail?: DetailLevels;
}

export interface DetailLevels {
  /** Ascending; a level is drawn from its minZoom on (the previous level's maxZoom). */
  levels: readonly { level: number; minZoom: number; maxZoom: number }[];
  /** Every province with its bbox [w, s, e, n], to know which are in view. */
  provinces: readonly { adcode: number; bbox: readonly [number, number, number, number] }[];
  load: (level: number, province: number) => Promise<DetailSlice | null>;
}

export interface MapCallbacks {
  /** A click on a region or marker (adcode), or on empty map (null); `additive` when Shift/Ctrl/⌘ was held. */
  onPick: (adcode: number | null, additive: boolean) => void;
  onCamera: (camera: Camera) => void;
  tooltip: (name: string, count: number) => string;
}

export type SelectionTarget = { adcode: number; province: number } | null;

/** Space (px) kept around a framed subject, from the map's edges and from anything drawn over the map. */
const FIT_MARGIN = 24;
/** A framed city or district stops here: closer, its surroundings (and the neighbouring places) are lost. */
const FIT_MAX_ZOOM = 8.5;
/** A camera move of a framed subject (ms); 0 when it happens without the user watching (first load, resize). */
const FIT_DURATION = 800;

export class MapController {
  readonly map: MlMap;
  private readonly container: HTMLElement;
  private readonly tooltipEl: HTMLDivElement;
  private readonly regions = new Map<number, RegionFeature>();
  private readonly cityIds = new Set<number>();
  private readonly loadedProvinces = new Set<number>();
  private readonly districtFeatures: RegionFeature[] = [];
  private counts: ReadonlyMap<number, number> = new Map();
  private readonly provinceStates = new Map<number, { count: number; ramp: number }>();
  private markersKey = '';
  private markerIds: number[] = [];
  private compared: number[] = [];
  private compareKey = '';
  private markerCounts = new Map<number, number>();
  private selected: SelectionTarget = null;
  private hovered: { source: string; id: number } | null = null;
  private selectedStates: { source: string; id: number }[] = [];
  private theme: ThemeName;
  private ready: Promise<void>;
  private destroyed = false;
  /** The WebGL context is lost: MapLibre has no style until it returns, so style calls wait (see restoreAfterLoss). */
  private lost = false;
  private markerData: FeatureCollection | null = null;
  private nav: NavigationControl;
  private localeKey: string;

  constructor(
    container: HTMLElement,
    private readonly geo: MapGeo,
    private readonly gazetteer: ReadonlyMap<number, GazetteerEntry>,
    private readonly callbacks: MapCallbacks,
    options: { theme: ThemeName; camera: Camera | null; locale?: Record<string, string> },
  ) {
    this.container = container;
    this.theme = options.theme;
    this.setBusy();
    const cam = options.camera;
    this.map = new MlMap({
      container,
      style: buildStyle(this.theme),
      ...(cam
        ? { center: [cam.lng, cam.lat] as [number, number], zoom: cam.zoom }
        : { bounds: geo.nationalBounds as LngLatBoundsLike, fitBoundsOptions: { padding: 10 } }),
      // Provenance is shown by the app itself (language-aware, and drawn into exports).
      attributionControl: false,
      // Chinese labels come from the system's CJK font; there is no glyph server.
      localIdeographFontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif',
      dragRotate: false,
      pitchWithRotate: false,
      // Labels appear at once: a fade keeps rendering frames for 300 ms after every change (slow in software GL).
      fadeDuration: 0,
      minZoom: 2,
      maxZoom: 11,
      // Needed so that image export can read the canvas back.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      // The controls' labels in the interface language (MapLibre's own strings are English).
      locale: options.locale,
    });
    this.localeKey = JSON.stringify(options.locale ?? {});
    this.map.touchZoomRotate.disableRotation();
    this.nav = new NavigationControl({ showCompass: false });
    this.map.addControl(this.nav, 'top-left');

    this.tooltipEl = document.createElement('div');
    this.tooltipEl.className = 'map-tooltip';
    this.tooltipEl.setAttribute('role', 'status');
    this.tooltipEl.hidden = true;
    container.appendChild(this.tooltipEl);

    for (const f of geo.provinces.features) this.regions.set(f.properties.adcode, f);
    for (const f of geo.cities.features) {
      this.regions.set(f.properties.adcode, f);
      this.cityIds.add(f.properties.adcode);
    }

    this.map.on('idle', () => {
      if (!this.destroyed) this.container.dataset.state = 'idle';
    });
    // A move the user makes (drag, wheel, zoom buttons) ends the framed view: a resize then keeps their camera.
    this.map.on('movestart', (e) => {
      if ((e as { originalEvent?: unknown }).originalEvent) this.lastFrame = null;
    });
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      this.callbacks.onCamera({ lng: c.lng, lat: c.lat, zoom: this.map.getZoom() });
    });
    // Levels of detail follow the camera (see updateDetail).
    this.map.on('moveend', () => this.updateDetail());
    this.map.on('mousemove', (e) => this.onHover(e));
    this.map.on('mouseout', () => this.clearHover());
    this.map.on('click', (e) => this.onClick(e));
    this.map.on('webglcontextlost', () => {
      this.lost = true;
      this.hovered = null;
      this.setBusy();
    });
    this.map.on('webglcontextrestored', () => this.restoreAfterLoss());

    this.ready = new Promise((resolve) => {
      this.map.once('load', () => {
        this.source(SRC.provinces).setData(geo.provinces);
        this.source(SRC.cities).setData(geo.cities);
        this.source(SRC.dash).setData(geo.dash);
        this.source(SRC.provinceLabels).setData(provinceLabelCollection(geo.provinces));
        // Detail may have arrived before 'load' (a camera from the URL moves the map first): the national data just
        // set replaced it, so put it back.
        this.detailKey = '';
        this.flushDetail();
        resolve();
        this.updateDetail();
      });
    });
  }

  /** Resolves once sources exist; callers may call setters before that, they are queued behind it. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private setBusy(): void {
    this.container.dataset.state = 'busy';
  }

  private source(id: string): GeoJSONSource {
    return this.map.getSource(id) as GeoJSONSource;
  }

  private sourceOf(adcode: number): string {
    if (adcode % 10000 === 0) return SRC.provinces;
    // Municipality districts live in the cities layer (the build puts every unit of province/*.json there).
    return this.cityIds.has(adcode) ? SRC.cities : SRC.districts;
  }

  /**
   * Counts per region (province, city and district adcodes) and the class breaks that colour provinces. Only
   * feature-state changes (count for tooltips, ramp colour index for the fill), and only where a value changed.
   */
  async setCounts(counts: ReadonlyMap<number, number>, breaks: number[]): Promise<void> {
    await this.ready;
    if (this.destroyed) return;
    this.counts = counts;
    const rampLength = paletteOf(this.theme).classes.length;
    let changed = false;
    for (const f of this.geo.provinces.features) {
      const id = f.properties.adcode;
      const count = counts.get(id) ?? 0;
      const ramp = classRamp(count, breaks, rampLength);
      const prev = this.provinceStates.get(id);
      if (prev && prev.count === count && prev.ramp === ramp) continue;
      this.provinceStates.set(id, { count, ramp });
      this.setFeatureState({ source: SRC.provinces, id }, { count, ramp });
      changed = true;
    }
    if (changed) this.setBusy();
  }

  /**
   * Markers: `all` is every city/district actor of the dataset (the geometry, set once per dataset), `visible` the
   * counts under the current filters. A filter change only updates feature-state — no GeoJSON is re-parsed or
   * re-tiled, which keeps filter → idle within a frame or two. Returns adcodes missing from the gazetteer.
   */
  async setMarkers(all: readonly MarkerInput[], visible: readonly MarkerInput[]): Promise<number[]> {
    await this.ready;
    if (this.destroyed) return [];
    let missing: number[] = [];
    const key = all.map((p) => `${p.adcode}:${p.count}`).join(',');
    if (key !== this.markersKey) {
      this.markersKey = key;
      const built = markerCollection(all, this.gazetteer);
      missing = built.missing;
      this.markerIds = built.collection.features.map((f) => f.properties.adcode);
      this.markerCounts = new Map();
      this.markerData = built.collection;
      this.setSourceData(SRC.markers, built.collection);
      // setData drops feature-state on the new features: restore the selection ring.
      this.applySelectionState();
    }
    const counts = new Map(visible.map((p) => [p.adcode, p.count]));
    let changed = false;
    for (const id of this.markerIds) {
      const n = counts.get(id) ?? 0;
      if (this.markerCounts.get(id) === n) continue;
      this.markerCounts.set(id, n);
      this.setFeatureState({ source: SRC.markers, id }, { count: n });
      changed = true;
    }
    if (changed || missing.length) this.setBusy();
    return missing;
  }

  /** Outlines the compared provinces (feature-state `compare` = position + 1); [] clears them. */
  async setCompare(provinces: readonly number[]): Promise<void> {
    await this.ready;
    if (this.destroyed) return;
    const key = provinces.join(',');
    if (key === this.compareKey) return;
    for (const id of this.compared) this.setFeatureState({ source: SRC.provinces, id }, { compare: 0 });
    provinces.forEach((id, i) => this.setFeatureState({ source: SRC.provinces, id }, { compare: i + 1 }));
    this.compared = [...provinces];
    this.compareKey = key;
    this.setVisible(LAYER.provinceCompare, provinces.length > 0);
    this.setBusy();
  }

  /** Outlines programme units (issue 27; programmeLayer.ts); null hides them. Filters only: no source is re-parsed. */
  async setProgrammeUnits(marks: ProgrammeMarks | null): Promise<void> {
    await this.ready;
    const key = marks ? `${marks.withPractices.join(',')}|${marks.without.join(',')}` : '';
    if (this.destroyed || key === this.programmeKey) return;
    this.programmeKey = key;
    for (const [solid, dashed] of PROGRAMME_LAYERS) {
      if (!this.lost && marks) {
        this.map.setFilter(solid, adcodeFilter(marks.withPractices));
        this.map.setFilter(dashed, adcodeFilter(marks.without));
      }
      this.setVisible(solid, !!marks && marks.withPractices.length > 0);
      this.setVisible(dashed, !!marks && marks.without.length > 0);
    }
    this.setBusy();
  }
  private programmeKey = '';

  async setTheme(theme: ThemeName): Promise<void> {
    await this.ready;
    if (this.destroyed || theme === this.theme) return;
    this.theme = theme;
    this.paintTheme();
    this.setBusy();
  }

  /** Highlights the selected region and zooms to it (loading its province's districts first when needed). */
  async setSelection(target: SelectionTarget, options: { fly: boolean }): Promise<void> {
    await this.ready;
    if (this.destroyed) return;
    const same = target?.adcode === this.selected?.adcode;
    const focusChanged = target?.province !== this.selected?.province;
    this.selected = target;
    if (focusChanged) {
      const filter = focusFilter(target?.province ?? null);
      if (!this.lost) {
        for (const id of FOCUS_LAYERS) this.map.setFilter(id, filter);
        if (this.briefingLabels) this.applyMarkerLabelFilter();
      }
    }
    if (target) await this.ensureDistricts(target.province);
    if (!same) this.applySelectionState();
    if (target && options.fly) this.fitRegion(target.adcode);
    if (!same) this.setBusy();
  }

  private readonly visibility = new Map<string, boolean>();
  private setVisible(layer: string, on: boolean): void {
    if ((this.visibility.get(layer) ?? false) === on) return;
    this.visibility.set(layer, on);
    if (!this.lost) this.map.setLayoutProperty(layer, 'visibility', on ? 'visible' : 'none');
  }

  /** Shows each highlight layer only while a feature of its source is hovered or selected. */
  private refreshHighlights(): void {
    const used = new Set<string>(this.selectedStates.map((s) => s.source));
    if (this.hovered) used.add(this.hovered.source);
    this.setVisible(LAYER.provinceHighlight, used.has(SRC.provinces));
    this.setVisible(LAYER.cityHighlight, used.has(SRC.cities));
    this.setVisible(LAYER.districtHighlight, used.has(SRC.districts));
  }

  private applySelectionState(): void {
    for (const s of this.selectedStates) this.setFeatureState(s, { selected: false });
    this.selectedStates = [];
    const t = this.selected;
    if (!t) {
      this.refreshHighlights();
      return;
    }
    const targets = [{ source: this.sourceOf(t.adcode), id: t.adcode }];
    if (t.adcode % 10000 !== 0) targets.push({ source: SRC.markers, id: t.adcode });
    for (const s of targets) {
      this.setFeatureState(s, { selected: true });
      this.selectedStates.push(s);
    }
    this.refreshHighlights();
  }

  /** Loads a province's districts into the districts source once; returns when they are on the map. */
  async ensureDistricts(province: number): Promise<void> {
    const first = this.geo.detail?.levels[0];
    if (first) {
      await this.requestDetail(first.level, province);
      this.flushDetail();
      return;
    }
    if (this.loadedProvinces.has(province)) return;
    this.loadedProvinces.add(province);
    const fc = await this.geo.loadDistricts(province);
    if (!fc || this.destroyed) return;
    for (const f of fc.features) {
      this.regions.set(f.properties.adcode, f);
      this.districtFeatures.push(f);
    }
    this.setSourceData(SRC.districts, { type: 'FeatureCollection', features: this.districtFeatures });
    this.setBusy();
  }

  // ——— camera (framing: see framing.ts and policy.ts) ———

  /** The last framed subject, re-fitted when the map's box changes until the user moves the camera. */
  private lastFrame: { bounds: Bounds; maxZoom: number; width: number; height: number } | null = null;
  private frameSeq = 0;

  /**
   * Moves the camera so that the subject's whole bounds lie inside the unobstructed part of the map (the map minus
   * legend, inset, attribution, zoom buttons and any panel over it, measured now). A later call wins over one still
   * loading its districts.
   */
  async frame(subject: Subject, animate: boolean): Promise<void> {
    const seq = ++this.frameSeq;
    await this.ready;
    if (subject.kind === 'regions') {
      const provinces = new Set(subject.adcodes.filter((a) => a % 10000 !== 0).map((a) => Math.floor(a / 10000) * 10000));
      await Promise.all([...provinces].map((p) => this.ensureDistricts(p)));
    }
    if (this.destroyed || seq !== this.frameSeq) return;
    if (subject.kind === 'national') {
      this.fitTo(this.geo.nationalBounds, FIT_MAX_ZOOM, animate);
      return;
    }
    const bounds = unionBounds(subject.adcodes.map((a) => this.regionBounds(a)).filter((b): b is Bounds => b !== null));
    if (bounds) {
      this.fitTo(bounds, FIT_MAX_ZOOM, animate);
      return;
    }
    // A place known only by its seat (no boundary drawn for it).
    const g = this.gazetteer.get(subject.adcodes[0] as number);
    if (g) {
      const [lng, lat] = g.center;
      this.fitTo([lng - 0.3, lat - 0.25, lng + 0.3, lat + 0.25], FIT_MAX_ZOOM, animate);
    }
  }

  /** [w, s, e, n] of a region drawn on the map (provinces and cities always, districts once loaded). */
  regionBounds(adcode: number): Bounds | null {
    const f = this.regions.get(adcode);
    return f ? (bbox(f) as Bounds) : null;
  }

  private fitTo(bounds: Bounds, maxZoom: number, animate: boolean): void {
    const { map, obstructions } = measureObstructions(this.container);
    const padding = framePadding(map, obstructions, bounds, { margin: FIT_MARGIN, maxZoom });
    this.lastFrame = { bounds, maxZoom, width: this.container.clientWidth, height: this.container.clientHeight };
    const [w, s, e, n] = bounds;
    const target = this.map.cameraForBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding, maxZoom },
    );
    if (!target?.center || target.zoom === undefined) return;
    const c = this.map.getCenter();
    const { lng, lat } = LngLat.convert(target.center);
    // Already there (a re-frame for an unchanged layout): no move, and no busy state that no render would end.
    if (!this.map.isMoving() && Math.abs(c.lng - lng) < 1e-6 && Math.abs(c.lat - lat) < 1e-6 && Math.abs(this.map.getZoom() - target.zoom) < 1e-4) {
      return;
    }
    this.setBusy();
    if (animate) this.map.easeTo({ center: [lng, lat], zoom: target.zoom, duration: FIT_DURATION });
    else this.map.jumpTo({ center: [lng, lat], zoom: target.zoom });
  }

  // ——— levels of detail ———
  // Each province is drawn at the finest level loaded for it, never coarser than what is already on screen: a
  // finer file replaces the coarser geometry when it arrives (no blank in between, no flash), and files stay
  // cached (src/data/load.ts), so coming back costs nothing. Levels are chosen so that the drawn border stays
  // within about 2 px of the source at every zoom (geo/README.md).
  private readonly detail = new Map<number, DetailSlice>();
  private readonly detailPending = new Map<string, Promise<void>>();
  private detailFlushTimer: ReturnType<typeof setTimeout> | null = null;

  /** The level of detail for a zoom: the one whose range holds it (beyond the last: the last); none below the first. */
  static levelFor(levels: DetailLevels['levels'], zoom: number): number | null {
    let pick: number | null = null;
    for (const l of levels) if (zoom > l.minZoom) pick = l.level;
    return pick;
  }

  /**
   * Requests the level for the current zoom for every province in view, and puts every other province (but
   * the focused one) back on the national level. The files stay cached (data/load.ts), so coming back costs no
   * fetch; the sources only hold what is near the view. Without that, a briefing that had visited every province
   * kept them all at their finest level in the sources, and every later update re-tiled and drew all of them (the
   * briefing's browser tests ran 40–80 % slower).
   */
  private updateDetail(): void {
    const d = this.geo.detail;
    if (!d || this.destroyed) return;
    const level = MapController.levelFor(d.levels, this.map.getZoom());
    const b = this.map.getBounds();
    const [w, s, e, n] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    // The view itself, no margin: every province loaded costs parsing, tiling and drawing in every frame (measured:
    // half a view of margin took 江苏's frame from 5 to 14 provinces at level 1, +3 s to idle in software GL). A
    // province dropped and seen again comes back from the cache.
    const near = (bbox: readonly number[]) => !(bbox[2]! < w || bbox[0]! > e || bbox[3]! < s || bbox[1]! > n);
    const focus = this.selected?.province ?? null;
    let dropped = false;
    for (const province of [...this.detail.keys()]) {
      if (province === focus) continue;
      const p = d.provinces.find((x) => x.adcode === province);
      if (level === null || !p || !near(p.bbox)) {
        this.detail.delete(province);
        dropped = true;
      }
    }
    if (level !== null) for (const p of d.provinces) if (near(p.bbox)) void this.requestDetail(level, p.adcode);
    // With files on their way, the update when they arrive puts the dropped provinces back too.
    if (dropped && !this.detailPending.size) this.scheduleDetailFlush(30);
  }

  private requestDetail(level: number, province: number): Promise<void> {
    const d = this.geo.detail;
    if (!d || (this.detail.get(province)?.level ?? -1) >= level) return Promise.resolve();
    const key = `${level}/${province}`;
    let pending = this.detailPending.get(key);
    if (!pending) {
      pending = d
        .load(level, province)
        .then((slice) => {
          if (!slice || this.destroyed) return;
          if ((this.detail.get(province)?.level ?? -1) >= slice.level) return;
          this.detail.set(province, slice);
          this.detailArrived = true;
        })
        // A failed file leaves the coarser geometry on the map; the next camera move asks again.
        .catch(() => undefined)
        .finally(() => {
          this.detailPending.delete(key);
          if (this.detailArrived) {
            if (!this.detailPending.size) this.flushDetail();
            else this.scheduleDetailFlush(400);
          }
          this.markDetailReady();
        });
      this.detailPending.set(key, pending);
      this.container.dataset.detail = 'loading';
    }
    return pending;
  }

  /**
   * The files a camera move asked for go on the map in one update, once the last has arrived (or `maxWait` ms after
   * this call, for a slow one): each update re-tiles three sources (measured 1.4 s to idle in software GL for 江苏's
   * view), and files arriving in two groups had made two.
   */
  private scheduleDetailFlush(maxWait: number): void {
    this.detailFlushTimer ??= setTimeout(() => this.flushDetail(), maxWait);
  }
  private detailArrived = false;

  /** Puts the loaded levels on the map: one setData per source; feature-state (counts, selection) is kept by id. */
  private flushDetail(): void {
    if (this.detailFlushTimer) clearTimeout(this.detailFlushTimer);
    this.detailFlushTimer = null;
    this.detailArrived = false;
    if (this.destroyed) return;
    this.markDetailReady();
    const provinces = this.geo.provinces.features.map((f) => this.detail.get(f.properties.adcode)?.provinces.features[0] ?? f);
    const cities = this.geo.cities.features.filter((f) => !this.detail.has(f.properties.province));
    const districts: RegionFeature[] = [];
    for (const slice of [...this.detail.values()].sort((a, b) => a.province - b.province)) {
      cities.push(...slice.cities.features);
      for (const f of slice.districts?.features ?? []) {
        districts.push(f);
        if (!this.regions.has(f.properties.adcode)) this.regions.set(f.properties.adcode, f);
      }
    }
    const key = [...this.detail.values()].map((x) => `${x.province}:${x.level}`).sort().join(',');
    if (key === this.detailKey) return;
    this.detailKey = key;
    // While the context is lost these only update the record; restoreAfterLoss puts them back (detailKey reset).
    this.setSourceData(SRC.provinces, { type: 'FeatureCollection', features: provinces });
    this.setSourceData(SRC.cities, { type: 'FeatureCollection', features: cities });
    this.setSourceData(SRC.districts, { type: 'FeatureCollection', features: districts });
    this.setBusy();
    this.markDetailReady();
  }
  private detailKey = '';

  /** Testing seam: `data-detail` is `loading` while a level file is on its way, `ready` once all are on the map. */
  private markDetailReady(): void {
    if (!this.detailPending.size && !this.detailFlushTimer && !this.destroyed) this.container.dataset.detail = 'ready';
  }

  fitRegion(adcode: number): void {
    void this.frame({ kind: 'regions', adcodes: [adcode] }, true);
  }

  fitNational(): void {
    void this.frame({ kind: 'national' }, true);
  }

  /** Moves the camera without animation (URL restore); skips when already there. */
  jumpTo(camera: Camera): void {
    const c = this.map.getCenter();
    const near =
      Math.abs(c.lng - camera.lng) < 1e-4 && Math.abs(c.lat - camera.lat) < 1e-4 && Math.abs(this.map.getZoom() - camera.zoom) < 0.01;
    if (near) return;
    // A restored camera is somebody's own view: it is kept as it is when the window resizes.
    this.lastFrame = null;
    this.frameSeq++;
    this.setBusy();
    this.map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom });
  }

  /** Screen position of a place, for tests and for the tour. */
  project(lngLat: [number, number]): { x: number; y: number } {
    const p = this.map.project(lngLat);
    return { x: p.x, y: p.y };
  }

  /** Follows the container's size; a framed subject (not moved by the user since) is framed again for it. */
  resize(): void {
    this.map.resize();
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

  /**
   * Projector labels in a briefing (issue 13.2: ≥ 20 px at 1920×1080): larger text, and the names of the focused
   * province's places from any zoom (a large province is framed below the zoom where city names normally appear);
   * elsewhere the desk sizes.
   */
  async setLabels(briefing: boolean): Promise<void> {
    await this.ready;
    if (this.destroyed || this.briefingLabels === briefing) return;
    this.briefingLabels = briefing;
    const l = labelLayout(briefing);
    this.map.setLayoutProperty(LAYER.provinceLabels, 'text-size', l.provinceSize);
    this.map.setLayoutProperty(LAYER.markerLabels, 'text-size', l.markerSize);
    this.map.setLayerZoomRange(LAYER.markerLabels, l.markerMinZoom, 24);
    this.applyMarkerLabelFilter();
    this.setBusy();
  }

  private briefingLabels = false;

  /** Names the place labels in another language (adcode → name), or in Chinese again with null. */
  async setLabelNames(names: ReadonlyMap<number, string> | null): Promise<void> {
    await this.ready;
    const field = labelTextField(names);
    const key = JSON.stringify(field);
    if (this.destroyed || key === this.labelNamesKey) return;
    this.labelNamesKey = key;
    this.labelField = field;
    // While the context is lost there is no style: restoreAfterLoss applies the field.
    if (!this.lost) this.applyLabelField();
  }

  private labelNamesKey = JSON.stringify(labelTextField(null));
  private labelField = labelTextField(null);

  private applyLabelField(): void {
    this.map.setLayoutProperty(LAYER.provinceLabels, 'text-field', this.labelField);
    this.map.setLayoutProperty(LAYER.markerLabels, 'text-field', this.labelField);
    this.setBusy();
  }

  /** In a briefing only the focused province's places are named (a national slide names provinces, not cities). */
  private applyMarkerLabelFilter(): void {
    const province = this.selected?.province ?? null;
    this.map.setFilter(
      LAYER.markerLabels,
      this.briefingLabels ? ['==', ['*', ['floor', ['/', ['get', 'adcode'], 10000]], 10000], province ?? -1] : null,
    );
  }

  /** The controls' labels after a language switch. MapLibre reads its UI strings when a control is added. */
  setLocale(locale: Record<string, string>): void {
    const key = JSON.stringify(locale);
    if (key === this.localeKey) return;
    this.localeKey = key;
    this.map._locale = { ...this.map._locale, ...locale };
    this.map.removeControl(this.nav);
    this.nav = new NavigationControl({ showCompass: false });
    this.map.addControl(this.nav, 'top-left');
    const title = locale['Map.Title'];
    if (title) this.map.getCanvas().setAttribute('aria-label', title);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.detailFlushTimer) clearTimeout(this.detailFlushTimer);
    this.map.remove();
    this.tooltipEl.remove();
  }

  // ——— context loss ———
  // While the WebGL context is lost MapLibre has destroyed its style (every style call would throw). The setters
  // above keep updating this controller's own record (counts, markers, districts, compare, selection, theme) and
  // skip the map; on restore MapLibre rebuilds the style from a snapshot taken at the loss, without feature state,
  // and everything is applied again from that record.

  private setFeatureState(target: { source: string; id: number }, state: Record<string, unknown>): void {
    if (!this.lost) this.map.setFeatureState(target, state);
  }

  private setSourceData(id: string, data: FeatureCollection): void {
    if (!this.lost) this.source(id).setData(data as never);
  }

  /** Repaints every layer in the current theme, in place (a setStyle would drop sources and feature state). */
  private paintTheme(): void {
    if (this.lost) return;
    for (const layer of buildStyle(this.theme).layers) {
      const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
      for (const [k, v] of Object.entries(paint)) this.map.setPaintProperty(layer.id, k as never, v as never);
    }
  }

  private restoreAfterLoss(): void {
    const apply = () => {
      if (this.destroyed || !this.map.style) return;
      this.lost = false;
      this.source(SRC.provinces).setData(this.geo.provinces);
      this.source(SRC.cities).setData(this.geo.cities);
      this.source(SRC.dash).setData(this.geo.dash);
      this.source(SRC.provinceLabels).setData(provinceLabelCollection(this.geo.provinces));
      if (this.markerData) this.source(SRC.markers).setData(this.markerData);
      if (this.districtFeatures.length) this.source(SRC.districts).setData({ type: 'FeatureCollection', features: this.districtFeatures });
      // The finer levels of detail loaded before the loss go back on the map too.
      this.detailKey = '';
      this.flushDetail();
      this.paintTheme();
      const filter = focusFilter(this.selected?.province ?? null);
      for (const id of FOCUS_LAYERS) this.map.setFilter(id, filter);
      for (const [layer, on] of this.visibility) this.map.setLayoutProperty(layer, 'visibility', on ? 'visible' : 'none');
      this.applyLabelField();
      for (const [id, st] of this.provinceStates) this.map.setFeatureState({ source: SRC.provinces, id }, st);
      for (const [id, count] of this.markerCounts) this.map.setFeatureState({ source: SRC.markers, id }, { count });
      this.compared.forEach((id, i) => this.map.setFeatureState({ source: SRC.provinces, id }, { compare: i + 1 }));
      // The old selection states went with the old style: start the record afresh.
      this.selectedStates = [];
      this.applySelectionState();
      this.setBusy();
    };
    // MapLibre loads the snapshot style asynchronously; until then style calls would throw "not done loading".
    if (this.map.style?.loaded()) apply();
    else this.map.once('style.load', apply);
  }

  // ——— pointer ———

  /**
   * Which region a pointer means. Outside the focused province a click means the province; inside it, the
   * deepest unit drawn at this zoom (district once their borders show, else city). Markers always win.
   */
  private pick(e: MapMouseEvent): { source: string; adcode: number; name: string } | null {
    if (this.lost) return null;
    const layers = INTERACTIVE_LAYERS.filter((l) => this.map.getLayer(l));
    const hits: MapGeoJSONFeature[] = this.map.queryRenderedFeatures(e.point, { layers: [...layers] });
    const marker = hits.find((h) => h.layer.id === LAYER.markers);
    if (marker) return { source: SRC.markers, adcode: Number(marker.properties.adcode), name: String(marker.properties.name) };
    const province = hits.find((h) => h.layer.id === LAYER.provinceFill);
    if (!province) return null;
    const pAdcode = Number(province.properties.adcode);
    const focus = this.selected?.province ?? null;
    if (focus === pAdcode) {
      const district = hits.find((h) => h.layer.id === LAYER.districtFill);
      if (district) return { source: SRC.districts, adcode: Number(district.properties.adcode), name: String(district.properties.name) };
      const city = hits.find((h) => h.layer.id === LAYER.cityFill);
      if (city) return { source: SRC.cities, adcode: Number(city.properties.adcode), name: String(city.properties.name) };
    }
    return { source: SRC.provinces, adcode: pAdcode, name: String(province.properties.name) };
  }

  private onHover(e: MapMouseEvent): void {
    const hit = this.pick(e);
    if (!hit) {
      this.clearHover();
      return;
    }
    if (this.hovered?.id !== hit.adcode || this.hovered.source !== hit.source) {
      this.clearHover();
      this.hovered = { source: hit.source, id: hit.adcode };
      this.setFeatureState(this.hovered, { hover: true });
      this.refreshHighlights();
    }
    this.map.getCanvas().style.cursor = 'pointer';
    this.tooltipEl.hidden = false;
    this.tooltipEl.textContent = this.callbacks.tooltip(hit.name, this.counts.get(hit.adcode) ?? 0);
    this.tooltipEl.style.transform = `translate(${Math.round(e.point.x + 14)}px, ${Math.round(e.point.y + 14)}px)`;
  }

  private clearHover(): void {
    if (this.hovered) this.setFeatureState(this.hovered, { hover: false });
    const had = this.hovered !== null;
    this.hovered = null;
    if (had) this.refreshHighlights();
    this.tooltipEl.hidden = true;
    this.map.getCanvas().style.cursor = '';
  }

  private onClick(e: MapMouseEvent): void {
    // The tooltip would otherwise stay over the panel or fly-to that the click opens; the next move shows it again.
    this.clearHover();
    const hit = this.pick(e);
    const ev = e.originalEvent;
    this.callbacks.onPick(hit ? hit.adcode : null, ev.shiftKey || ev.ctrlKey || ev.metaKey);
  }
}
