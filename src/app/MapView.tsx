// Glue between the store and the one MapController: created once in an effect, fed with store.subscribe.
import { useEffect, useRef, useState } from 'react';
import type { MapController, SelectionTarget } from '../map/MapController';
import { useAtlasData, type AtlasData } from '../data/context';
import { loadDetail, loadDistricts, warmDetail } from '../data/load';
import { useAtlas, useAtlasStore, type AtlasState, type AtlasStore } from '../store/store';
import { useNamesEn } from '../i18n/namesEn';
import { placeNameEn, type NamesEn } from '../format/names';
import { countsByRegion, filterPractices, markerPoints, practiceById, provinceBreaks } from '../store/selectors';
import { regionSelection, type Selection } from '../store/selection';
import { provinceOf } from '../ingest/gazetteer';
import { mapLocale, tFor } from '../i18n';
import { buildSlides, clampSlide, slideRegions, windowSlideLayout } from '../store/slides';
import { programmeMarks } from '../store/programmes';
import { mapJumps } from '../store/motion';
import { cameraBelongs, mapCommands, type MapCommand, type PolicyContext } from '../map/policy';
import { bboxOf, type Bounds } from '../geometry/bounds';
// The briefing's page layout (where the map sits beside the slide panel) loads with the map, not with the lazy
// overlay: the map's box must be final when the first slide is framed.
import '../briefing/layout.css';
import { useT } from '../store/hooks';

declare global {
  interface Window {
    __atlas?: { map: unknown; controller: MapController; store: AtlasStore };
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

/** What the policy needs to know about the data and the map's geometry. */
function policyContext(data: () => AtlasData, ctl: MapController | null): PolicyContext {
  return {
    slideRegions: (s) => {
      const { dataset } = data();
      const slides = buildSlides(dataset, s.filters, windowSlideLayout());
      return slideRegions(dataset, slides[clampSlide(s.slide, slides.length)]);
    },
    selectionRegion: (sel) => selectionTarget(sel, data())?.adcode ?? null,
    regionBounds: (adcode) => ctl?.regionBounds(adcode) ?? featureBounds(data(), adcode),
  };
}

function featureBounds({ geo }: AtlasData, adcode: number): Bounds | null {
  const f =
    geo.provinces.features.find((x) => x.properties.adcode === adcode) ?? geo.cities.features.find((x) => x.properties.adcode === adcode);
  return f ? bboxOf(f.geometry) : null;
}

/** The longest the SVG first view waits for the WebGL map's first complete view once MapLibre has loaded (ms). */
const FIRST_VIEW_WAIT = 4000;

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
  // The store of the context (App's, or a test's own): the map follows whichever store the tree was given.
  const atlasStore = useAtlasStore();
  const data = useAtlasData();
  const ref = useRef<HTMLDivElement>(null);
  const t = useT();
  const [ready, setReady] = useState(false);
  // The dataset grows when a batch is imported; the map must not be rebuilt for that, only recounted.
  const dataRef = useRef(data);
  dataRef.current = data;
  const applyRef = useRef<(() => void) | null>(null);
  useEffect(() => applyRef.current?.(), [data.dataset]);
  // In English the map's own labels speak English too, once the English names have loaded.
  const ctlRef = useRef<MapController | null>(null);
  const lang = useAtlas((s) => s.lang);
  const namesEn = useNamesEn(lang === 'en');
  useEffect(() => {
    if (ready) void ctlRef.current?.setLabelNames(namesEn ? labelNames(namesEn, data) : null);
  }, [ready, namesEn, data]);

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
  }, [data.geo, load, atlasStore]);

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
        // A camera from the URL is used only when it belongs to the view (see cameraBelongs); else the first
        // command frames the subject.
        {
          theme: initial.theme,
          camera: cameraBelongs(initial, policyContext(() => data, null)) ? initial.camera : null,
          locale: mapLocale(initial.lang),
        },
      );
    } catch (err) {
      onFailure(err, false);
      return undefined;
    }
    ctl.map.on('webglcontextlost', () => onFailure(new Error('webglcontextlost'), true));
    ctl.map.on('webglcontextrestored', () => onRestored());
    window.__atlas = { map: ctl.map, controller: ctl, store: atlasStore };
    atlasStore.getState().setSoftwareMap(ctl.softwareRendering);
    ctlRef.current = ctl;

    const applyFilters = (s: AtlasState) => {
      const { dataset } = dataRef.current;
      const practices = filterPractices(dataset, s.filters);
      const counts = countsByRegion(dataset, practices);
      const { breaks } = provinceBreaks(dataset, geo.provinces, s.breaksScope === 'filtered' ? practices : dataset.practices);
      void ctl.setCounts(counts, breaks, countsByRegion(dataset, dataset.practices));
      void ctl.setMarkers(markerPoints(dataset, dataset.practices), markerPoints(dataset, practices));
    };
    // Programme units (issue 27): shown when the legend's toggle is on or a `prog` filter is set (then only those
    // lists), and on a programme's briefing slide (that list); solid where the filtered practices reach the unit.
    const applyProgrammes = (s: AtlasState) => {
      const { dataset } = dataRef.current;
      if (!dataset.programmes?.length) return void ctl.setProgrammeUnits(null);
      let ids: readonly string[] | null = null;
      if (s.mode === 'briefing') {
        const slides = buildSlides(dataset, s.filters, windowSlideLayout());
        const cur = slides[clampSlide(s.slide, slides.length)];
        if (cur?.kind === 'programme') ids = [cur.id];
      }
      if (!ids && s.filters.programmes.length > 0) ids = s.filters.programmes;
      if (!ids && s.showProgrammes) ids = dataset.programmes.map((p) => p.id);
      void ctl.setProgrammeUnits(ids ? programmeMarks(dataset, filterPractices(dataset, s.filters), ids) : null);
    };
    applyRef.current = () => {
      applyFilters(atlasStore.getState());
      applyProgrammes(atlasStore.getState());
    };
    // Ready once the first view is drawn whole (the SVG map stays until then: no half-tiled picture in between), or
    // after FIRST_VIEW_WAIT whatever keeps the map busy (the SVG map must not stay for good); then the provinces'
    // first level comes ahead of any click (load.ts).
    let shown = false;
    let firstViewTimer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      if (shown) return;
      shown = true;
      clearTimeout(firstViewTimer);
      setReady(true);
      onReady?.();
      void warmDetail(data.geo);
    };
    void ctl.whenReady().then(() => {
      ctl.afterIdle(show);
      firstViewTimer = setTimeout(show, FIRST_VIEW_WAIT);
    });

    // Store → map: the policy (src/map/policy.ts) says what to do; this only carries it out.
    const ctx = policyContext(() => dataRef.current, ctl);
    // Commands after a layout change wait a frame, until React has given the map its new box.
    let pending: MapCommand[] = [];
    let frameId = 0;
    // Whether a framed move will jump: where WebGL is drawn in software, or by the presenter's choice (motion.ts).
    const jumps = (c: MapCommand) => c.type === 'jump' || (c.type === 'frame' && !(c.animate && !mapJumps(atlasStore.getState().softwareMap)));
    const run = (cmds: readonly MapCommand[]) => {
      // The highlight and counts of a slide are drawn together with its jump, once its view is complete.
      if (cmds.some(jumps)) ctl.holdForJump();
      for (let i = 0; i < cmds.length; i++) {
        const c = cmds[i]!;
        if (c.type === 'layout') {
          pending = [...pending, ...cmds.slice(i + 1)];
          if (!frameId) {
            frameId = requestAnimationFrame(() => {
              frameId = 0;
              const later = pending;
              pending = [];
              ctl.resize();
              run(later);
            });
          }
          return;
        }
        if (frameId) {
          pending.push(c);
          continue;
        }
        apply(c);
      }
    };
    const apply = (c: MapCommand) => {
      switch (c.type) {
        case 'counts':
          return applyFilters(atlasStore.getState());
        case 'theme':
          return void ctl.setTheme(c.theme);
        case 'locale':
          return ctl.setLocale(mapLocale(c.lang));
        case 'compare':
          return void ctl.setCompare(c.provinces);
        case 'labels':
          // Projector sizes are for a projector or a laptop, not a phone's 390 px map.
          return void ctl.setLabels(c.briefing && window.innerWidth > 700);
        case 'highlight':
          return void ctl.setSelection(c.adcode === null ? null : { adcode: c.adcode, province: provinceOf(c.adcode) }, { fly: false });
        case 'frame':
          // Jumps where WebGL is drawn in software, or where the presenter chose to (store/motion.ts).
          return void ctl.frame(c.subject, !jumps(c));
        case 'jump':
          return ctl.jumpTo(c.camera);
        case 'layout':
          return;
      }
    };
    // In a briefing the next slide's level-of-detail files are fetched while the current one is shown.
    const prefetchNext = (s: AtlasState, prev: AtlasState | null) => {
      if (s.mode !== 'briefing' || (prev && prev.mode === s.mode && prev.slide === s.slide && prev.filters === s.filters)) return;
      const next = ctx.slideRegions({ ...s, slide: s.slide + 1 });
      ctl.prefetch(next.length ? { kind: 'regions', adcodes: next } : { kind: 'national' });
    };
    run(mapCommands(null, initial, ctx));
    applyProgrammes(initial);
    prefetchNext(initial, null);
    const unsub = atlasStore.subscribe((s, prev) => {
      run(mapCommands(prev, s, ctx));
      if (s.filters !== prev.filters || s.mode !== prev.mode || s.slide !== prev.slide || s.showProgrammes !== prev.showProgrammes) applyProgrammes(s);
      prefetchNext(s, prev);
    });
    // The map's box also changes without a state change (window, side sheet, late CSS): the controller re-frames
    // its subject for the new box unless the user has moved the map since.
    const observer = new ResizeObserver(() => ctl.resize());
    observer.observe(el);
    // Overlays that come and go over the map without resizing it (the lazily loaded briefing panel and its credits
    // line) are direct children of the workspace: when one appears, the subject is framed again around it.
    const workspace = el.closest('.workspace');
    let overlayFrame = 0;
    const reframeNextFrame = () => {
      cancelAnimationFrame(overlayFrame);
      overlayFrame = requestAnimationFrame(() => ctl.reframe());
    };
    const overlays = new MutationObserver(reframeNextFrame);
    if (workspace) overlays.observe(workspace, { childList: true });
    // On a phone the side panel is a sheet over the map that sizes to its content: entering 省际比较 framed China
    // while the lazily loaded panel was still a short placeholder, and the grown sheet then covered all but 黑龙江.
    // When the sheet changes size the subject is framed again around it.
    const side = workspace?.querySelector('.side-column');
    const sheet = new ResizeObserver(reframeNextFrame);
    if (side) sheet.observe(side);
    return () => {
      shown = true;
      clearTimeout(firstViewTimer);
      unsub();
      observer.disconnect();
      overlays.disconnect();
      sheet.disconnect();
      cancelAnimationFrame(frameId);
      cancelAnimationFrame(overlayFrame);
      applyRef.current = null;
      ctlRef.current = null;
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

/** The English name of every place the map labels: the provincial units and every city or district with a marker. */
function labelNames(names: NamesEn, { dataset, geo }: AtlasData): Map<number, string> {
  const out = new Map<number, string>();
  const add = (adcode: number) => {
    const en = placeNameEn(names, adcode);
    if (en) out.set(adcode, en);
  };
  for (const f of geo.provinces.features) add(f.properties.adcode);
  for (const m of markerPoints(dataset, dataset.practices)) add(m.adcode);
  return out;
}

/** 4 decimals ≈ 10 m, 2 for zoom: enough for a shared link, short in the URL. */
function roundCamera(c: { lng: number; lat: number; zoom: number }) {
  return { lng: Math.round(c.lng * 1e4) / 1e4, lat: Math.round(c.lat * 1e4) / 1e4, zoom: Math.round(c.zoom * 100) / 100 };
}
