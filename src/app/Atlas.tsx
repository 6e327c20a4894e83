// The explore screen: header, filters, map with legend and inset, and the side panel (list or detail).
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAtlas, useAtlasStore } from '../store/store';
import { useAtlasData } from '../data/context';
import type { InvalidParam } from '../store/url';
import { MapView } from './MapView';
import { FilterPanel } from '../panels/FilterPanel';
import { RegionPicker } from '../panels/RegionPicker';
import { ListPanel } from '../panels/ListPanel';
import { DetailPanel } from '../panels/DetailPanel';
import { Legend } from '../panels/Legend';
import { Inset } from '../panels/Inset';
import { SearchBox } from '../panels/SearchBox';
import { ResultsAnnouncer } from '../panels/ResultsAnnouncer';
import { SideTabs } from '../panels/SideTabs';
import { useT } from '../store/hooks';
import { ExportMenu } from '../export/ExportMenu';
import { InvalidNotice } from '../panels/InvalidNotice';
import { ViewTools } from './ViewTools';
// Static, not lazy: the SVG map is also the first view while MapLibre loads, and a lazy component would hold
// that first paint back (React reveals suspended content no sooner than ~300 ms after its fallback).
import { SvgMap } from '../fallback/SvgMap';
import { ImportButton } from '../import/ImportButton';
import { StoredBatchProblems } from '../import/StoredBatchProblems';
import { buildSlides, slideIndexOf, windowSlideLayout } from '../store/slides';

// Views that the first screen does not show load on demand, keeping the first view's download small.
const named = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const ComparePanel = named(() => import('../compare/ComparePanel'), 'ComparePanel');
const OverviewPanel = named(() => import('../compare/OverviewPanel'), 'OverviewPanel');
const BriefingOverlay = named(() => import('../briefing/BriefingOverlay'), 'BriefingOverlay');
const DocumentsIndex = named(() => import('../related/DocumentsIndex'), 'DocumentsIndex');
const FiguresIndex = named(() => import('../related/FiguresIndex'), 'FiguresIndex');


function Loading() {
  const t = useT();
  return (
    <p className="empty" role="status">
      {t('loading')}
    </p>
  );
}

/** MapLibre 6 draws with WebGL2; without it (old PCs, WebGL disabled by policy) the SVG map takes over. */
function hasWebGL(): boolean {
  try {
    const c = document.createElement('canvas');
    return Boolean(c.getContext('webgl2'));
  } catch {
    return false;
  }
}

export function Atlas({ invalid, onDismissInvalid }: { invalid: InvalidParam[]; onDismissInvalid: () => void }) {
  const store = useAtlasStore();
  const t = useT();
  const { geo, dataset } = useAtlasData();
  // 'none': no WebGL at all (fallback only); 'lost': the context was lost, the WebGL map waits hidden for its return.
  const [glState, setGlState] = useState<{ kind: 'ok' } | { kind: 'none' | 'lost'; reason: string }>(() =>
    hasWebGL() ? { kind: 'ok' } : { kind: 'none', reason: 'no WebGL' },
  );
  // Until MapLibre has loaded, the SVG map is the first view (it needs a fraction of the download).
  const [glReady, setGlReady] = useState(false);
  // Below 1280 px the filters fold into a drawer opened from the top bar.
  const [filtersOpen, setFiltersOpen] = useState(false);
  // MapLibre is fetched only once the first view is painted, so the two do not compete for the network and CPU.
  const [firstPainted, setFirstPainted] = useState(false);
  useEffect(() => {
    // Should the SVG first view never report (a failed chunk), the WebGL map starts anyway.
    const id = window.setTimeout(() => setFirstPainted(true), 3000);
    return () => window.clearTimeout(id);
  }, []);
  const { selection, lang, theme, mode, panel } = useAtlas(
    useShallow((s) => ({ selection: s.selection, lang: s.lang, theme: s.theme, mode: s.mode, panel: s.panel })),
  );
  const sideRef = useRef<HTMLElement>(null);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // A new selection scrolls the side panel back to its top.
  useEffect(() => {
    sideRef.current?.scrollTo({ top: 0 });
  }, [selection]);

  // Esc closes the detail panel and leaves the zoom: back to the national view (issue 26.6).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const st = store.getState();
      if (st.mode === 'briefing') return;
      if (st.selection.kind !== 'none' || st.camera !== null) st.showNational();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const toggleCompare = () => store.getState().setMode(mode === 'compare' ? 'explore' : 'compare');
  // One state change, so entering the briefing is one history entry; it opens at the selection's slide.
  const startBriefing = () => {
    const st = store.getState();
    st.enterBriefing(slideIndexOf(buildSlides(dataset, st.filters, windowSlideLayout()), st.selection));
  };

  return (
    <div className={`atlas mode-${mode}`}>
      <a className="skip-link" href="#practice-list">
        {t('skipToList')}
      </a>
      <header className="topbar">
        <div className="brand">
          <h1>{t('appTitle')}</h1>
          <p className="subtitle">{t('appSubtitle')}</p>
        </div>
        <SearchBox />
        <nav className="top-actions">
          <button
            type="button"
            className="text-button filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="filters-column"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {t('filters')}
          </button>
          <button
            type="button"
            className={`text-button${mode === 'compare' ? ' active' : ''}`}
            aria-pressed={mode === 'compare'}
            data-testid="mode-compare"
            onClick={toggleCompare}
          >
            {t('compare')}
          </button>
          <button type="button" className="text-button" data-testid="mode-briefing" onClick={startBriefing}>
            {t('briefing')}
          </button>
          <ImportButton />
          <ExportMenu />
          <button
            type="button"
            className="text-button"
            onClick={() => store.getState().showNational()}
          >
            {t('nationalView')}
          </button>
          <ViewTools compareActive={mode === 'compare'} onCompare={toggleCompare} onBriefing={startBriefing} />
          <button
            type="button"
            className="text-button"
            title={t('languageLabel')}
            onClick={() => store.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
          >
            {t('language')}
          </button>
        </nav>
      </header>
      <InvalidNotice invalid={invalid} onDismiss={onDismissInvalid} />
      <StoredBatchProblems showStorage={false} dismissible />
      <ResultsAnnouncer />
      <main className={`workspace mode-${mode}${filtersOpen ? ' filters-open' : ''}`}>
        <aside className="filters-column" id="filters-column" aria-label={t('filters')}>
          <RegionPicker />
          <FilterPanel />
        </aside>
        <section className="map-column" aria-label={t('mapLabel')}>
          {glState.kind !== 'none' && (
            <MapView
              load={firstPainted}
              hidden={glState.kind === 'lost'}
              onReady={() => setGlReady(true)}
              onFailure={(e, lost) =>
                setGlState({ kind: lost ? 'lost' : 'none', reason: e instanceof Error ? e.message : String(e) })
              }
              onRestored={() => setGlState({ kind: 'ok' })}
            />
          )}
          {(glState.kind !== 'ok' || !glReady) && (
            <SvgMap
              reason={glState.kind === 'ok' ? null : glState.reason}
              notice={glState.kind === 'lost' ? 'webglRestoring' : 'webglMissing'}
              onPainted={() => setFirstPainted(true)}
            />
          )}
          <Legend />
          <Inset />
          <p className="provenance" data-testid="provenance">
            {geo.meta.attribution[lang]}
          </p>
        </section>
        {mode === 'briefing' && (
          <Suspense fallback={null}>
            <BriefingOverlay />
          </Suspense>
        )}
        <aside className="side-column" ref={sideRef} aria-label={mode === 'compare' ? t('compare') : selection.kind === 'none' ? t('list') : t('practicesHere')}>
          <Suspense fallback={<Loading />}>
            {mode === 'compare' ? (
              <ComparePanel />
            ) : selection.kind !== 'none' ? (
              <DetailPanel />
            ) : (
              <>
                <SideTabs panel={panel} />
                {panel === 'overview' ? (
                  <OverviewPanel />
                ) : panel === 'documents' ? (
                  <DocumentsIndex />
                ) : panel === 'figures' ? (
                  <FiguresIndex />
                ) : (
                  <ListPanel />
                )}
              </>
            )}
          </Suspense>
        </aside>
      </main>
    </div>
  );
}
