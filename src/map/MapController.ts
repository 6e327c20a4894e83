// The one owner of MapLibre's map (create.ts makes it; camera.ts, pointer.ts, labels.ts: camera, pointer, names). React
// feeds it from the store; public methods are idempotent. Decisions live in pure modules (lod, pointer, framing,
// labelPlacement, policy); all it applies goes through one record (applied.ts), which a context restore replays.
import { NavigationControl, type Map as MlMap } from 'maplibre-gl';
import { createMap, mapSink } from './create';
import { buildLayers, buildStyle, focusFilter, FOCUS_LAYERS } from './style';
import { applyLabelLayout, applyLabelNames, markerLabelFilter, ProvinceLabels } from './labels';
import { classRamp, paletteOf, type ThemeName } from '../theme/palette';
import { bboxOf, type Bounds } from '../geometry/bounds';
import { isProvince, provinceOf } from '../geometry/adcode';
import { applyProgrammeUnits, type ProgrammeMarks } from './programmeLayer';
import { CameraControl } from './camera';
import type { Subject } from './policy';
import { HIGHLIGHT_LAYERS, HOVER_LAYERS, LAYER, SRC } from './ids';
import { markerCollection, type MarkerInput, type RegionFeature } from './features';
import { AppliedState, type FeatureTarget } from './applied';
import { DetailStream } from './detailStream';
import { detailDrawn, viewBounds, type DetailCollections, type DetailView } from './lod';
import { Pointer } from './pointer';
import { isSoftwareRenderer, rendererOf } from './renderer';
import type { Camera, GazetteerEntry } from '../types';
import type { MapCallbacks, MapGeo, SelectionTarget } from './contract';

export type { Camera, MapCallbacks, MapGeo, SelectionTarget };

export class MapController {
  readonly map: MlMap;
  /** WebGL drawn in software (no GPU): framed moves jump by default (renderer.ts, store/motion.ts). */
  readonly softwareRendering: boolean;
  /** Everything applied to the map (data, feature state, layout, filters, paint): replayed after a context loss. */
  private readonly applied: AppliedState;
  private readonly pointer: Pointer;
  private readonly camera: CameraControl;
  private readonly labels: ProvinceLabels;
  /** The levels of detail (null without geo/lod/: national geometry at every zoom, districts per province). */
  private readonly detail: DetailStream | null;
  private detailSent: Promise<void> = Promise.resolve(); // the last putDetail, until MapLibre's worker has it
  private programmes = false; // programme units outlined: every slice's cities at their finer level (lod.ts)
  /** Every region with a boundary on the map (provinces, cities, districts once loaded), for framing. */
  private readonly regions = new Map<number, RegionFeature>();
  private readonly cityIds = new Set<number>();
  /** Without levels of detail: provinces whose districts are loaded, and those districts. */
  private readonly loadedProvinces = new Set<number>();
  private readonly districtFeatures: RegionFeature[] = [];
  private readonly ready: Promise<void>;
  private nav: NavigationControl;
  private counts: ReadonlyMap<number, number> = new Map();
  private markersKey = '';
  private markerIds: number[] = [];
  private compared: number[] = [];
  private selected: SelectionTarget = null;
  private selectedTargets: FeatureTarget[] = [];
  /** The regions as drawn now (with their loaded level of detail), for the selection outline; and which levels. */
  private drawn = new Map<number, RegionFeature>();
  private drawnKey = '';
  private selectionKey = '';
  private theme: ThemeName;
  private briefingLabels = false;
  private localeKey: string;
  private destroyed = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly geo: MapGeo,
    private readonly gazetteer: ReadonlyMap<number, GazetteerEntry>,
    private readonly callbacks: MapCallbacks,
    options: { theme: ThemeName; camera: Camera | null; locale?: Record<string, string> },
  ) {
    this.theme = options.theme;
    this.setBusy();
    this.map = createMap(container, buildStyle(this.theme), options.camera, geo.nationalBounds, options.locale);
    this.softwareRendering = isSoftwareRenderer(rendererOf(this.map.painter.context.gl));
    this.localeKey = JSON.stringify(options.locale ?? {});
    this.nav = new NavigationControl({ showCompass: false });
    this.map.addControl(this.nav, 'top-left');

    const map = this.map;
    this.applied = new AppliedState(mapSink(map));
    // The values the style was built with: the record then skips setting them again, and a restore replays them.
    this.applied.assumeLayers(buildLayers(this.theme));
    this.labels = new ProvinceLabels(map, container, this.applied, geo.provinces, () => this.setBusy());

    this.pointer = new Pointer(this.map, container, {
      live: () => this.applied.live,
      focus: () => this.selected?.province ?? null,
      count: (adcode) => this.counts.get(adcode) ?? 0,
      hover: (next, prev) => {
        if (prev) this.applied.featureState(prev, { hover: false });
        if (next) this.applied.featureState(next, { hover: true });
        this.refreshHighlights();
      },
      tooltip: (name, n) => this.callbacks.tooltip(name, n),
      pick: (adcode, additive) => this.callbacks.onPick(adcode, additive),
    });

    this.camera = new CameraControl(this.map, container, {
      nationalBounds: geo.nationalBounds,
      gazetteer,
      prepare: async (adcodes) => {
        await this.ready;
        // Provinces and cities are always known; a district's bounds need its province's districts.
        const missing = new Set(adcodes.filter((a) => !this.regions.has(a)).map((a) => provinceOf(a)));
        await Promise.all([...missing].map((p) => this.ensureDistricts(p)));
      },
      // Moved before MapLibre's worker has the new data, the new view's tiles were cut twice (loading tiles reload).
      beforeMove: async (center, zoom) => (await this.detail?.prepare(this.viewAt(center, zoom)), await this.detailSent),
      regionBounds: (adcode) => this.regionBounds(adcode),
      alive: () => !this.destroyed,
      busy: () => this.setBusy(),
    });

    this.camera.holdForJump(); // the first view is drawn once, complete (each partial picture costs a software frame)
    for (const f of geo.provinces.features) this.regions.set(f.properties.adcode, f);
    for (const f of geo.cities.features) {
      this.regions.set(f.properties.adcode, f);
      this.cityIds.add(f.properties.adcode);
    }
    this.detail = geo.detail
      ? new DetailStream(
          geo.detail,
          { provinces: geo.provinces.features, cities: geo.cities.features },
          (c) => this.putDetail(c),
          (s) => void (this.destroyed || (this.container.dataset.detail = s)),
          detailDrawn(() => ({ focus: this.selected?.province ?? null, zoom: this.map.getZoom(), programmes: this.programmes })),
        )
      : null;

    this.map.on('idle', () => {
      if (!this.destroyed) this.container.dataset.state = 'idle';
    });
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      this.callbacks.onCamera({ lng: c.lng, lat: c.lat, zoom: this.map.getZoom() });
    });
    // Levels of detail and the province names follow the camera.
    this.map.on('moveend', () => (this.followCamera(), this.labels.update()));
    this.map.on('webglcontextlost', () => {
      this.applied.live = false;
      this.pointer.clear();
      this.setBusy();
    });
    this.map.on('webglcontextrestored', () => this.restoreAfterLoss());

    this.ready = new Promise((resolve) => {
      // The style's load, not the map's: the first view's data then reaches the workers without an empty round first.
      this.map.once('style.load', () => {
        this.applied.setData(SRC.provinces, geo.provinces);
        this.applied.setData(SRC.dash, geo.dash);
        // National cities show only in a focused province below zoom 6 (above, slices bring theirs): they follow the
        // first complete view, not hold it up (~130 ms of the main thread at start in software GL).
        this.map.once('idle', () => this.applied.hasData(SRC.cities) || this.applied.setData(SRC.cities, geo.cities));
        this.labels.update();
        // Detail may have arrived before 'load' (a camera from the URL moves the map first): the national data just
        // set replaced it, so put it back.
        this.detail?.flush(true);
        this.camera.firstViewSet();
        resolve();
        this.followCamera();
      });
    });
  }

  /** Runs `fn` once the map is next idle (its view drawn, no tile on its way). */
  afterIdle = (fn: () => void): void => void this.map.once('idle', () => this.destroyed || fn());

  /** Resolves once sources exist; callers may call setters before that, they are queued behind it. */
  whenReady = (): Promise<void> => this.ready;

  private setBusy(): void {
    this.container.dataset.state = 'busy';
  }

  private sourceOf(adcode: number): string {
    if (isProvince(adcode)) return SRC.provinces;
    // Municipality districts live in the cities layer (the build puts every unit of province/*.json there).
    return this.cityIds.has(adcode) ? SRC.cities : SRC.districts;
  }

  /**
   * Counts per region (province, city and district adcodes) and the class breaks that colour provinces. Only
   * feature-state changes (count for tooltips, ramp colour index for the fill), and only where a value changed.
   * Names rank by `inDataset` (no filters): a filter leaves them still and their source untiled (issue 9's budget).
   */
  async setCounts(counts: ReadonlyMap<number, number>, breaks: number[], inDataset: ReadonlyMap<number, number>): Promise<void> {
    await this.ready;
    if (this.destroyed) return;
    this.counts = counts;
    this.labels.set({ counts: inDataset });
    const rampLength = paletteOf(this.theme).classes.length;
    const changed = this.geo.provinces.features.filter(({ properties: { adcode: id } }) => {
      const count = counts.get(id) ?? 0;
      return this.applied.featureState({ source: SRC.provinces, id }, { count, ramp: classRamp(count, breaks, rampLength) });
    });
    if (changed.length) this.setBusy();
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
      this.applied.setData(SRC.markers, built.collection);
      // setData drops feature-state on the new features: set counts and the selection ring again.
      this.applied.forgetFeatureStates(SRC.markers);
      this.selectedTargets = this.selectedTargets.filter((t) => t.source !== SRC.markers);
      this.applySelectionState();
      // Names avoid every marker the dataset can show: a filtered marker is never larger (so filters move no name).
      this.labels.set({ markers: all.flatMap((p) => { const g = this.gazetteer.get(p.adcode); return g ? [{ at: g.center, count: p.count }] : []; }) });
    }
    const counts = new Map(visible.map((p) => [p.adcode, p.count]));
    const changed = this.markerIds.filter((id) => this.applied.featureState({ source: SRC.markers, id }, { count: counts.get(id) ?? 0 }));
    if (changed.length || missing.length) this.setBusy();
    return missing;
  }

  /** Outlines the compared provinces (feature-state `compare` = position + 1); [] clears them. */
  async setCompare(provinces: readonly number[]): Promise<void> {
    await this.ready;
    if (this.destroyed || provinces.join(',') === this.compared.join(',')) return;
    for (const id of this.compared) this.applied.featureState({ source: SRC.provinces, id }, { compare: 0 });
    provinces.forEach((id, i) => this.applied.featureState({ source: SRC.provinces, id }, { compare: i + 1 }));
    this.compared = [...provinces];
    this.applied.layoutProperty(LAYER.provinceCompare, 'visibility', provinces.length > 0 ? 'visible' : 'none');
    this.setBusy();
  }

  /** Outlines programme units (issue 27; programmeLayer.ts); null hides them. Filters only: no source is re-parsed. */
  async setProgrammeUnits(marks: ProgrammeMarks | null): Promise<void> {
    await this.ready;
    if (this.destroyed) return;
    if (this.programmes !== (marks !== null)) {
      this.programmes = marks !== null;
      this.detail?.flush();
    }
    if (applyProgrammeUnits(this.applied, marks)) this.setBusy();
  }

  /** Repaints every layer in the new theme, in place (a setStyle would drop sources and feature state). */
  async setTheme(theme: ThemeName): Promise<void> {
    await this.ready;
    if (this.destroyed || theme === this.theme) return;
    this.theme = theme;
    for (const layer of buildLayers(theme)) {
      const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
      for (const [k, v] of Object.entries(paint)) this.applied.paintProperty(layer.id, k, v);
    }
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
      for (const id of FOCUS_LAYERS) this.applied.filter(id, filter);
      this.applied.filter(LAYER.markerLabels, markerLabelFilter(this.briefingLabels, target?.province ?? null));
      this.labels.set({ focus: target?.province ?? null });
    }
    if (target) await this.ensureDistricts(target.province);
    if (!same) this.applySelectionState();
    if (target && options.fly) void this.frame({ kind: 'regions', adcodes: [target.adcode] }, true);
    if (!same) this.setBusy();
  }

  /** Shows a highlight layer and a tint only while a feature of its source is hovered (the selection has its own outline). */
  private refreshHighlights(): void {
    const hovered = this.pointer.current()?.source;
    for (const [source, layer] of Object.entries(HIGHLIGHT_LAYERS)) {
      this.applied.layoutProperty(layer, 'visibility', hovered === source ? 'visible' : 'none');
    }
    for (const [source, layer] of Object.entries(HOVER_LAYERS)) {
      this.applied.layoutProperty(layer, 'visibility', hovered === source ? 'visible' : 'none');
    }
  }

  /** The selected region's geometry as drawn now (its finest loaded level) into the selection source. */
  private applySelectionOutline(): void {
    const t = this.selected;
    const f = t ? this.drawn.get(t.adcode) ?? this.regions.get(t.adcode) : undefined;
    const key = f ? `${t!.adcode}:${this.drawnKey}` : '';
    if (key === this.selectionKey) return;
    this.selectionKey = key;
    this.applied.setData(SRC.selection, { type: 'FeatureCollection', features: f ? [f] : [] });
  }

  private applySelectionState(): void {
    for (const s of this.selectedTargets) this.applied.featureState(s, { selected: false });
    const t = this.selected;
    this.selectedTargets = t ? [{ source: this.sourceOf(t.adcode), id: t.adcode }] : [];
    if (t && !isProvince(t.adcode)) this.selectedTargets.push({ source: SRC.markers, id: t.adcode });
    for (const s of this.selectedTargets) this.applied.featureState(s, { selected: true });
    this.applySelectionOutline();
    this.refreshHighlights();
  }

  /** Loads a province's districts into the districts source once; returns when they are on the map. */
  async ensureDistricts(province: number): Promise<void> {
    if (this.detail) return this.detail.ensure(province);
    if (this.loadedProvinces.has(province)) return;
    this.loadedProvinces.add(province);
    const fc = await this.geo.loadDistricts(province);
    if (!fc || this.destroyed) return;
    for (const f of fc.features) {
      this.regions.set(f.properties.adcode, f);
      this.districtFeatures.push(f);
    }
    this.applied.setData(SRC.districts, { type: 'FeatureCollection', features: [...this.districtFeatures] });
    this.setBusy();
  }

  // ——— levels of detail (lod.ts decides, detailStream.ts fetches) ———

  /** The level each province is drawn at now (provinces on the national level are absent). */
  detailLevels(): Map<number, number> {
    return this.detail?.loaded() ?? new Map();
  }

  private viewAt(center: [number, number], zoom: number, focus = this.selected?.province ?? null): DetailView {
    return { bounds: viewBounds(center, zoom, this.container.clientWidth, this.container.clientHeight), zoom, focus };
  }

  /**
   * Fetches, without showing them, the files of a subject shown next (the briefing's next slide), once the map is
   * idle: the next slide's move then starts with its files in memory.
   */
  prefetch(subject: Subject): void {
    this.camera.afterChange(async () => {
      const t = this.detail ? await this.camera.targetOf(subject) : null;
      const focus = subject.kind === 'regions' && subject.adcodes[0] !== undefined ? provinceOf(subject.adcodes[0]) : null;
      if (t && !this.destroyed) this.detail?.prefetch(this.viewAt(t.center, t.zoom, focus)); // focused as it will be
    });
  }

  private followCamera(): void {
    if (!this.detail || this.destroyed) return;
    const b = this.map.getBounds();
    this.detail.follow({
      bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      zoom: this.map.getZoom(),
      focus: this.selected?.province ?? null,
    });
  }

  /** Puts the loaded levels on the map: one setData per source; feature-state (counts, selection) is kept by id. */
  private putDetail(c: DetailCollections): void {
    this.camera.sweepTiles([SRC.provinces, SRC.cities, SRC.districts, SRC.selection]);
    for (const f of c.allDistricts) if (!this.regions.has(f.properties.adcode)) this.regions.set(f.properties.adcode, f);
    this.drawn = new Map([...c.provinces, ...c.cities, ...c.districts].map((f) => [f.properties.adcode, f]));
    this.drawnKey = c.key;
    this.applySelectionOutline();
    // Only the features that changed go to MapLibre (a slice swaps one province's features; the others' tiles stay).
    const adcode = (f: { properties: unknown }) => (f.properties as { adcode: number }).adcode;
    const sent = [SRC.provinces, SRC.cities, SRC.districts].map((id) => this.applied.patchData(id, { type: 'FeatureCollection', features: c[id] }, adcode));
    this.detailSent = Promise.all(sent).then(() => undefined, () => undefined);
    this.setBusy();
  }

  // ——— camera (framing: see framing.ts and policy.ts) ———

  /** Frames a subject (camera.ts); a later call wins over one still loading. */
  frame = (subject: Subject, animate: boolean): Promise<void> => this.camera.frame(subject, animate);
  /** A jump comes with this change: the highlights and data before it are drawn with it, not before (frameHold.ts). */
  holdForJump = (): void => this.camera.holdForJump();

  /** [w, s, e, n] of a region drawn on the map (provinces and cities always, districts once loaded). */
  regionBounds(adcode: number): Bounds | null {
    const f = this.regions.get(adcode);
    return f ? bboxOf(f.geometry) : null;
  }

  jumpTo = (camera: Camera): void => this.camera.jumpTo(camera);

  /** Screen position of a place, for tests and for the tour. */
  project = (lngLat: [number, number]): { x: number; y: number } => this.map.project(lngLat);

  resize = (): void => this.camera.resize();

  /** Something over the map appeared or moved: the subject is framed again and the names kept clear of it. */
  reframe(): void {
    this.camera.reframe();
    this.labels.update();
  }

  // ——— labels and controls ———

  /** Projector or desk label sizes (labels.ts). */
  async setLabels(briefing: boolean): Promise<void> {
    await this.ready;
    if (this.destroyed || this.briefingLabels === briefing) return;
    this.briefingLabels = briefing;
    applyLabelLayout(this.applied, briefing, this.selected?.province ?? null);
    this.labels.set({ briefing });
    this.setBusy();
  }

  /** Names the place labels in another language (adcode → name), or in Chinese again with null. */
  async setLabelNames(names: ReadonlyMap<number, string> | null): Promise<void> {
    await this.ready;
    if (!this.destroyed && (this.labels.set({ names }), applyLabelNames(this.applied, names))) this.setBusy();
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
    this.detail?.destroy();
    this.map.remove();
    this.pointer.destroy();
  }

  // While the WebGL context is lost MapLibre has destroyed its style (every style call would throw): the record
  // (applied.ts) only records. On restore MapLibre rebuilds the style from a snapshot taken at the loss, without
  // feature state, and the record is replayed whole.
  private restoreAfterLoss(): void {
    const apply = () => {
      if (this.destroyed || !this.map.style) return;
      this.applied.replay();
      this.setBusy();
    };
    // MapLibre loads the snapshot style asynchronously; until then style calls would throw "not done loading".
    if (this.map.style?.loaded()) apply();
    else this.map.once('style.load', apply);
  }
}
