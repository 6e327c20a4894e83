// MapLibre's map as the atlas needs it: offline (own worker, system fonts, no attribution control), no rotation,
// no label fade. Kept apart so that the controller only applies state.
import { Map as MlMap, setWorkerCount, setWorkerUrl, type GeoJSONSource, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';
import type { MapSink } from './applied';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Camera } from '../types';
import { installFastReloadBounds } from './reloadBounds';

// Production builds must point MapLibre at its worker file, served from our own origin.
setWorkerUrl(workerUrl);
// Two workers, not MapLibre's one on a 2-core PC (half the cores): each GeoJSON source lives in one worker, so the
// seven sources' tiles for a new view are cut on both cores while the picture is held (frameHold.ts) and the main
// thread waits. Measured in the bench's briefing walk on the 2-core machine (README, issue 25).
setWorkerCount(Math.max(2, Math.floor((navigator.hardwareConcurrency || 2) / 2)));
// The tiles an updateData diff touches, found in one loop instead of MapLibre's allocating one (reloadBounds.ts).
installFastReloadBounds();

export function createMap(
  container: HTMLElement,
  style: StyleSpecification,
  cam: Camera | null,
  nationalBounds: readonly [number, number, number, number],
  locale: Record<string, string> | undefined,
): MlMap {
  const map = new MlMap({
    container,
    style,
    ...(cam
      ? { center: [cam.lng, cam.lat] as [number, number], zoom: cam.zoom }
      : { bounds: nationalBounds as unknown as LngLatBoundsLike, fitBoundsOptions: { padding: 10 } }),
    // Provenance is shown by the app itself (language-aware, and drawn into exports).
    attributionControl: false,
    // Chinese labels come from the system's CJK font; there is no glyph server.
    localIdeographFontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif',
    dragRotate: false,
    pitchWithRotate: false,
    // Labels appear at once: a fade keeps rendering frames for 300 ms after every change (slow in software GL).
    fadeDuration: 0,
    // 1, not 2: a narrow map (省际比较 at 1280 px leaves ~325 px, the 南海诸岛 inset in its top right) must still be
    // able to frame China whole in what the legend and inset leave free, which takes a zoom of about 1.1.
    minZoom: 1,
    maxZoom: 11,
    // MapLibre's default context, without preserveDrawingBuffer: nothing reads the canvas back (exports and print
    // draw from the geometry), and keeping the buffer costs a copy of every frame in software GL.
    // The controls' labels in the interface language (MapLibre's own strings are English).
    locale,
  });
  map.touchZoomRotate.disableRotation();
  return map;
}

/** The few calls the applied-state record (applied.ts) makes, on MapLibre's map. */
export function mapSink(map: MlMap): MapSink {
  return {
    setData: (id, data) => (map.getSource(id) as GeoJSONSource).setData(data as never),
    updateData: (id, diff) => (map.getSource(id) as GeoJSONSource).updateData(diff as never),
    setFeatureState: (t, s) => map.setFeatureState(t, s),
    // Not validated again at each call (~3 ms a filter in a slide change's profile): the values are the style
    // builders' own, and style.test.ts validates the whole style they come from.
    setLayoutProperty: (l, p, v) => map.setLayoutProperty(l, p as never, v as never, { validate: false }),
    setPaintProperty: (l, p, v) => map.setPaintProperty(l, p as never, v as never, { validate: false }),
    setFilter: (l, f) => map.setFilter(l, f as never, { validate: false }),
    setLayerZoomRange: (l, min, max) => map.setLayerZoomRange(l, min, max),
  };
}
