// The applied-state record: everything the controller has put on the map besides the style it was built with —
// source data, feature state, layout properties, filters, zoom ranges and paint. Every change goes through it; it
// skips a change the map already has, and while the WebGL context is lost it only records. When the context
// returns, MapLibre rebuilds the style from a snapshot without feature state, and `replay` puts everything back
// from this one record (no per-feature bookkeeping elsewhere). No MapLibre import: applied.test.ts uses a fake.
import type { Feature, FeatureCollection } from 'geojson';

/** The few map calls the record makes (MapLibre's Map, through a thin adapter in the controller). */
export interface MapSink {
  /** Resolves (when the map says) once the map's worker has the data. */
  setData(source: string, data: FeatureCollection): Promise<void> | void;
  /** Changes only the features named (MapLibre then re-cuts only the tiles they touch); ids are promoted ids. */
  updateData(source: string, diff: FeatureDiff): Promise<void> | void;
  setFeatureState(target: FeatureTarget, state: Record<string, unknown>): void;
  setLayoutProperty(layer: string, prop: string, value: unknown): void;
  setPaintProperty(layer: string, prop: string, value: unknown): void;
  setFilter(layer: string, filter: unknown): void;
  setLayerZoomRange(layer: string, min: number, max: number): void;
}

export interface FeatureTarget {
  source: string;
  id: number;
}

/** A change of some features of a source, by id (MapLibre's GeoJSONSourceDiff, the part we use). */
export interface FeatureDiff {
  remove: number[];
  /** New features, and features whose geometry changed (an id already there is replaced). */
  add: Feature[];
}

/**
 * The features that differ between two collections keyed by `id` (the source's promoted id): compared by identity,
 * since a level of detail swaps whole feature objects. Null when nothing changed.
 */
export function featureDiff(prev: FeatureCollection, next: FeatureCollection, id: (f: Feature) => number): FeatureDiff | null {
  const before = new Map(prev.features.map((f) => [id(f), f]));
  const add: Feature[] = [];
  for (const f of next.features) {
    if (before.get(id(f)) !== f) add.push(f);
    before.delete(id(f));
  }
  const remove = [...before.keys()];
  return add.length || remove.length ? { remove, add } : null;
}

type Entry = { layer: string; prop: string; value: unknown; key: string };

export class AppliedState {
  /** False while the WebGL context is lost: changes are recorded, not applied. */
  live = true;
  private readonly data = new Map<string, FeatureCollection>();
  private readonly features = new Map<string, { target: FeatureTarget; state: Record<string, unknown> }>();
  private readonly layout = new Map<string, Entry>();
  private readonly paint = new Map<string, Entry>();
  private readonly filters = new Map<string, { value: unknown; key: string }>();
  private readonly zoomRanges = new Map<string, [number, number]>();

  constructor(private readonly sink: MapSink) {}

  setData(source: string, data: FeatureCollection): void {
    this.data.set(source, data);
    if (this.live) this.sink.setData(source, data);
  }

  /**
   * Replaces a source's data by sending only what changed from the data recorded (a slide that adds one province's
   * slice re-cut every tile of three sources with setData; now only the tiles the changed features touch). Falls
   * back to setData when there is no recorded data to diff against.
   */
  /** Whether the source has been given data (setData or patchData) yet. */
  hasData(source: string): boolean {
    return this.data.has(source);
  }

  /** Resolves once the map's worker has the change (at once when nothing changed or the context is lost). */
  patchData(source: string, data: FeatureCollection, id: (f: Feature) => number): Promise<void> | void {
    const prev = this.data.get(source);
    this.data.set(source, data);
    if (!this.live) return;
    if (!prev) return this.sink.setData(source, data);
    const diff = featureDiff(prev, data, id);
    if (diff) return this.sink.updateData(source, diff);
  }

  /** Merges `state` into the feature's; only the keys whose value changed reach the map. True if any did. */
  featureState(target: FeatureTarget, state: Record<string, unknown>): boolean {
    const k = `${target.source}\u0000${target.id}`;
    const rec = this.features.get(k) ?? { target, state: {} };
    const diff: Record<string, unknown> = {};
    let changed = false;
    for (const [key, v] of Object.entries(state)) {
      if (rec.state[key] === v) continue;
      diff[key] = v;
      changed = true;
    }
    if (!changed) return false;
    Object.assign(rec.state, diff);
    this.features.set(k, rec);
    if (this.live) this.sink.setFeatureState(target, diff);
    return true;
  }

  /** The feature states of a source as recorded (read by the controller, e.g. what is selected). */
  featureStates(source: string): { target: FeatureTarget; state: Readonly<Record<string, unknown>> }[] {
    return [...this.features.values()].filter((f) => f.target.source === source);
  }

  /** A source's new data drops its features' state in MapLibre: forget it here too, so it is set again. */
  forgetFeatureStates(source: string): void {
    for (const [k, f] of this.features) if (f.target.source === source) this.features.delete(k);
  }

  layoutProperty(layer: string, prop: string, value: unknown): boolean {
    return this.property(this.layout, layer, prop, value, (e) => this.sink.setLayoutProperty(e.layer, e.prop, e.value));
  }

  paintProperty(layer: string, prop: string, value: unknown): boolean {
    return this.property(this.paint, layer, prop, value, (e) => this.sink.setPaintProperty(e.layer, e.prop, e.value));
  }

  /**
   * Records a value the style was built with, without applying it: a later change to the same value is skipped,
   * and a context restore replays it.
   */
  assume(kind: 'paint' | 'layout', layer: string, prop: string, value: unknown): void {
    (kind === 'paint' ? this.paint : this.layout).set(`${layer}\u0000${prop}`, { layer, prop, value, key: JSON.stringify(value) });
  }

  assumeFilter(layer: string, value: unknown): void {
    this.filters.set(layer, { value, key: JSON.stringify(value) });
  }

  /** Assumes every paint and layout value and filter of the style's layers (what the map was built with). */
  assumeLayers(layers: readonly { id: string; paint?: object; layout?: object; filter?: unknown }[]): void {
    for (const { id, paint = {}, layout = {}, filter } of layers) {
      for (const [k, v] of Object.entries(paint)) this.assume('paint', id, k, v);
      for (const [k, v] of Object.entries(layout)) this.assume('layout', id, k, v);
      this.assumeFilter(id, filter ?? null);
    }
  }

  filter(layer: string, value: unknown): boolean {
    const key = JSON.stringify(value);
    if (this.filters.get(layer)?.key === key) return false;
    this.filters.set(layer, { value, key });
    if (this.live) this.sink.setFilter(layer, value);
    return true;
  }

  zoomRange(layer: string, min: number, max: number): boolean {
    const prev = this.zoomRanges.get(layer);
    if (prev && prev[0] === min && prev[1] === max) return false;
    this.zoomRanges.set(layer, [min, max]);
    if (this.live) this.sink.setLayerZoomRange(layer, min, max);
    return true;
  }

  /** Applies the whole record again (the map was rebuilt without it); the record becomes live. */
  replay(): void {
    this.live = true;
    for (const [source, data] of this.data) this.sink.setData(source, data);
    for (const e of this.paint.values()) this.sink.setPaintProperty(e.layer, e.prop, e.value);
    for (const e of this.layout.values()) this.sink.setLayoutProperty(e.layer, e.prop, e.value);
    for (const [layer, f] of this.filters) this.sink.setFilter(layer, f.value);
    for (const [layer, [min, max]] of this.zoomRanges) this.sink.setLayerZoomRange(layer, min, max);
    for (const f of this.features.values()) this.sink.setFeatureState(f.target, f.state);
  }

  private property(table: Map<string, Entry>, layer: string, prop: string, value: unknown, apply: (e: Entry) => void): boolean {
    const k = `${layer}\u0000${prop}`;
    const key = JSON.stringify(value);
    if (table.get(k)?.key === key) return false;
    const e = { layer, prop, value, key };
    table.set(k, e);
    if (this.live) apply(e);
    return true;
  }
}
