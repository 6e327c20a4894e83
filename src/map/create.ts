// MapLibre's map as the atlas needs it: offline (own worker, system fonts, no attribution control), no rotation,
// no label fade. Kept apart so that the controller only applies state.
import { Map as MlMap, setWorkerUrl, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Camera } from '../types';

// Production builds must point MapLibre at its worker file, served from our own origin.
setWorkerUrl(workerUrl);

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
    minZoom: 2,
    maxZoom: 11,
    // MapLibre's default context, without preserveDrawingBuffer: nothing reads the canvas back (exports and print
    // draw from the geometry), and keeping the buffer costs a copy of every frame in software GL.
    // The controls' labels in the interface language (MapLibre's own strings are English).
    locale,
  });
  map.touchZoomRotate.disableRotation();
  return map;
}
