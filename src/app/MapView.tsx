// Glue between the store and the one MapController: created once in an effect, fed with store.subscribe.
import { useEffect, useRef, useState } from 'react';
import type { MapController, SelectionTarget } from '../map/MapController';
import { useAtlasData, type AtlasData } from '../data/context';
import { loadDetail, loadDistricts } from '../data/load';
import { atlasStore, type AtlasState } from '../store/store';
import { countsByRegion, filterPractices, markerPoints, practiceById, provinceBreaks } from '../store/selectors';
import { regionSelection, type Selection } from '../store/selection';
import { provinceOf } from '../ingest/gazetteer';
import { tFor } from '../i18n';
import { setMapHandle } from '../map';
import { buildSlides, slideTarget } from '../briefing/slides';
import { useT } from '../store/hooks';

declare global {
  interface Window {
    __atlas?: { map: unknown; controller: MapController; store: typeof atlasStore };
  }
}

export function selectionTarget(sel: Selection, data: AtlasData): SelectionTarget {
  if (sel.kind === 'region') return { adcode: sel.adcode, province: provinceOf(sel.adcode) };
  if (sel.kind === 'practice') {
    const p = practiceById(data.dataset, sel.id);
    const a = p?.actors[0];
    return a ? { adcode: a.adcode, province: a.province } : null;
  }
  return null;
}

export function MapView({
  onFailure,
  onRestored,
  onReady,
  load = true,
  hidden = false,
}: {
  /** False until the first view is painted: the MapLibre chunk is requested only then. */
  load?: boolean;
  onFailure: (err: unknown, lost: boolean) => void;
  onRestored: () => void;
  /** The WebGL map has its sources: the lightweight first view can step aside. */
  onReady?: () => void;
  hidden?: boolean;
}) {
  const data = useAtlasData();
  const ref = useRef<HTMLDivElement>(null);
  const t = useT();
  const [ready, setReady] = useState(false);
  // The dataset grows when a batch is imported; the map must not be rebuilt for that, only recounted.
  const dataRef = useRef(data);
  dataRef.current = data;
  const applyRef = useRef<(() => void) | null>(null);
  useEffect(() => applyRef.current?.(), [data.dataset]);

  useEffect(() => {
    const el = ref.current;
    if (!el || !load) return;
    // MapLibre (~400 KB gzip with its worker) is fetched after the first view is on screen: until it arrives the
    // SVG map answers the same questions (see Atlas).
    let cleanup: (() => void) | undefined;
    let cancelled = false;
    import('../map/MapController')
      .then(({ MapController }) => {
        if (!cancelled) cleanup = attach(MapController, el);
      })
      .catch((err: unknown) => onFailure(err, false));
    return () => {
      cancelled = true;
      cleanup?.();
    };
    // The controller lives as long as the geometry; everything else reaches it through the store.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data.geo, load]);

  function attach(MapControllerClass: typeof MapController, el: HTMLDivElement): (() => void) | undefined {
    const { geo } = data;
    const initial = atlasStore.getState();
    let ctl: MapController;
    try {
      ctl = new MapControllerClass(
        el,
        {
          provinces: geo.provinces,
          cities: geo.cities,
          dash: geo.dash,
          nationalBounds: geo.meta.nationalBounds,
          loadDistricts: (p) => loadDistricts(geo, p),
          ...(geo.lod ? { detail: { levels: geo.lod.levels, provinces: geo.lod.provinces, load: (l, p) => loadDetail(geo, l, p) } } : {}),
        },
        geo.gazetteer,
        {
          onPick: (adcode, additive) => {
            if (adcode === null) return;
            const st = atlasStore.getState();
            // In compare mode (or with a modifier key) a click adds or removes the province from the comparison.
            if (st.mode === 'compare' || additive) {
              st.toggleCompare(provinceOf(adcode));
              if (st.mode !== 'compare') st.setMode('compare');
              return;
            }
            st.select(regionSelection(adcode));
          },
          onCamera: (camera) => atlasStore.getState().setCamera(roundCamera(camera)),
          tooltip: (name, n) => tFor(atlasStore.getState().lang)('countTooltip', { name, n }),
        },
        { theme: initial.theme, camera: initial.camera },
      );
    } catch (err) {
      onFailure(err, false);
      return undefined;
    }
    ctl.map.on('webglcontextlost', () => onFailure(new Error('webglcontextlost'), true));
    ctl.map.on('webglcontextrestored', () => onRestored());
    window.__atlas = { map: ctl.map, controller: ctl, store: atlasStore };
    setMapHandle(ctl);

    const applyFilters = (s: AtlasState) => {
      const { dataset } = dataRef.current;
      const practices = filterPractices(dataset, s.filters);
      const counts = countsByRegion(dataset, practices);
      const { breaks } = provinceBreaks(dataset, geo.provinces, s.breaksScope === 'filtered' ? practices : dataset.practices);
      void ctl.setCounts(counts, breaks);
      void ctl.setMarkers(markerPoints(dataset, dataset.practices), markerPoints(dataset, practices));
    };
    applyFilters(initial);
    applyRef.current = () => applyFilters(atlasStore.getState());
    void ctl.setSelection(selectionTarget(initial.selection, data), { fly: initial.camera === null });
    void ctl.whenReady().then(() => {
      setReady(true);
      onReady?.();
    });

    // Briefing: the map follows the slides (each slide names a place), not the selection.
    const showSlide = (s: AtlasState) => {
      const slides = buildSlides(dataRef.current.dataset, s.filters);
      const adcode = slideTarget(slides[Math.min(s.slide, slides.length - 1)]);
      if (adcode === null) {
        void ctl.setSelection(null, { fly: false });
        ctl.fitNational();
      } else void ctl.setSelection({ adcode, province: provinceOf(adcode) }, { fly: true });
    };
    if (initial.mode === 'briefing') showSlide(initial);
    const compareOf = (s: AtlasState) => (s.mode === 'compare' ? s.compare : []);
    void ctl.setCompare(compareOf(initial));

    const unsub = atlasStore.subscribe((s, prev) => {
      if (s.filters !== prev.filters || s.breaksScope !== prev.breaksScope) applyFilters(s);
      if (s.theme !== prev.theme) void ctl.setTheme(s.theme);
      if (s.compare !== prev.compare || s.mode !== prev.mode) void ctl.setCompare(compareOf(s));
      if (s.mode === 'briefing') {
        if (prev.mode !== 'briefing') {
          // Entering changes the layout: fit the slide once React has resized the map's box.
          requestAnimationFrame(() => {
            ctl.resize();
            showSlide(atlasStore.getState());
          });
        } else if (s.slide !== prev.slide || s.filters !== prev.filters) showSlide(s);
        return;
      }
      if (prev.mode === 'briefing') {
        requestAnimationFrame(() => {
          ctl.resize();
          void ctl.setSelection(selectionTarget(atlasStore.getState().selection, dataRef.current), { fly: true });
        });
      } else if (s.mode !== prev.mode) requestAnimationFrame(() => ctl.resize());
      const cameraRestored = s.camera !== prev.camera && s.camera !== null;
      if (s.selection !== prev.selection) {
        // A selection that arrives together with a camera (URL restore, back/forward) keeps that camera.
        void ctl.setSelection(selectionTarget(s.selection, dataRef.current), {
          fly: s.selection.kind !== 'none' && !cameraRestored,
        });
      }
      if (cameraRestored && s.camera) ctl.jumpTo(s.camera);
      if (s.camera === null && prev.camera !== null && s.selection.kind === 'none') ctl.fitNational();
    });
    const onResize = () => ctl.resize();
    window.addEventListener('resize', onResize);
    return () => {
      unsub();
      window.removeEventListener('resize', onResize);
      applyRef.current = null;
      setMapHandle(null);
      ctl.destroy();
      delete window.__atlas;
    };
  }

  return (
    <div
      ref={ref}
      className="map"
      hidden={hidden}
      data-testid="map"
      data-state="loading"
      data-ready={ready ? 'true' : 'false'}
      role="application"
      aria-label={t('mapLabel')}
    />
  );
}

/** 4 decimals ≈ 10 m, 2 for zoom: enough for a shared link, short in the URL. */
function roundCamera(c: { lng: number; lat: number; zoom: number }) {
  return { lng: Math.round(c.lng * 1e4) / 1e4, lat: Math.round(c.lat * 1e4) / 1e4, zoom: Math.round(c.zoom * 100) / 100 };
}
