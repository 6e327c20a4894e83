// The top bar's export menu: PNG of the current subject (16:9 or portrait), print / PDF, the briefing as a PPTX
// deck, the practices as a DOCX 材料, and the filtered practices as CSV or JSON. The deck and document modules
// (and pptxgenjs / docx with them) are imported only when asked for.
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useAtlasData } from '../data/context';
import { useAtlas } from '../store/store';
import { useFiltered, useT } from '../store/hooks';
import { fullPlaceName } from '../format/places';
import { practiceById, practicesOfRegion } from '../store/selectors';
import { PracticeCard } from '../ui/PracticeCard';
import type { Selection } from '../store/selection';
import type { Dataset, GazetteerEntry, Practice } from '../types';
import { composeExport, renderExportPng, type ExportLayout, type Orientation } from './png';
import { downloadBlob } from '../ui/download';
import { describeExport, describeExportNow, exportSubject, useExportState } from './describe';
import { exportFileName } from '../format/summary';
import { practicesCsv, practicesJson } from '../format/csv';
import './export.css';
import './print.css';

/** A print this soon after the menu placed its 2× image uses it (window.print() opens at once; tests stub it). */
const PREPARED_FRESH_MS = 15_000;

/** Exports quicker than this show no progress indicator (it would only flicker). */
const PROGRESS_DELAY_MS = 300;

type Item = 'png' | 'png-portrait' | 'print' | 'pptx' | 'docx' | 'csv' | 'json';
const ITEMS: Item[] = ['png', 'png-portrait', 'print', 'pptx', 'docx', 'csv', 'json'];

/** A layout box as "x,y,width,height" in device pixels (what the tests read). */
const rectAttr = (r: { x: number; y: number; width: number; height: number }) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');

/** The element print pages put before the app (a portal target of our own, so the map page comes first). */
function usePrintRoot(): HTMLElement | null {
  const [el, setEl] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const div = document.createElement('div');
    div.className = 'print-root';
    const root = document.getElementById('root');
    document.body.insertBefore(div, root ?? document.body.firstChild);
    setEl(div);
    return () => div.remove();
  }, []);
  return el;
}

/** The practices a print shows as cards: the selected practice, or every (filtered) practice of the selected place. */
export function selectedPractices(dataset: Dataset, filtered: readonly Practice[], sel: Selection): Practice[] {
  if (sel.kind === 'practice') {
    const p = practiceById(dataset, sel.id);
    return p ? [p] : [];
  }
  if (sel.kind === 'region') return practicesOfRegion(dataset, filtered, sel.adcode);
  return [];
}

function PrintCards({ practices, selection, gazetteer }: { practices: Practice[]; selection: Selection; gazetteer: ReadonlyMap<number, GazetteerEntry> }) {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  if (practices.length === 0) return null;
  return (
    <section className="print-cards">
      <h2 className="print-cards-title">
        {selection.kind === 'region' && (
          <>
            <span lang="zh-CN">{fullPlaceName(selection.adcode, gazetteer)}</span> ·{' '}
          </>
        )}
        {t('selectedPractices')}
        {lang === 'zh' ? `（${practices.length}）` : ` (${practices.length})`}
      </h2>
      {practices.map((p) => (
        <PracticeCard key={p.id} practice={p} />
      ))}
    </section>
  );
}

export function ExportMenu() {
  const t = useT();
  const { dataset, geo } = useAtlasData();
  const practices = useFiltered();
  const selection = useAtlas((s) => s.selection);
  const exportState = useExportState();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  /** What the progress line says (the image message by default). */
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<{ layout: ExportLayout; title: string; subtitle: string } | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const figureRef = useRef<HTMLDivElement>(null);
  /** When the menu last placed its 2× image: a print starting soon after keeps it instead of recomposing. */
  const preparedAt = useRef(0);
  /** The blob URL of the print image on the sheet (revoked when the next one replaces it). */
  const printUrl = useRef<string | null>(null);
  /** Cards are rendered only while printing (each PracticeCard has ids the detail panel also uses). */
  const [printCards, setPrintCards] = useState(false);
  const printRoot = usePrintRoot();
  const cards = printCards ? selectedPractices(dataset, practices, selection) : [];
  const stateRef = useRef(exportState);
  stateRef.current = exportState;

  // Clicking elsewhere closes the menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    itemRefs.current[0]?.focus();
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  // Ctrl+P without the menu: compose the print image synchronously (the dialog opens when this returns), drawn from
  // the geometry like every export, so the printed page still carries legend, inset and citation. The live WebGL
  // canvas is not read: the map runs without preserveDrawingBuffer (a buffer copy per frame saved in software GL).
  useEffect(() => {
    const onBeforePrint = () => {
      flushSync(() => setPrintCards(true));
      if (Date.now() - preparedAt.current < PREPARED_FRESH_MS) return;
      const mapEl = document.querySelector<HTMLElement>('[data-testid="map"]');
      const fig = figureRef.current;
      if (!mapEl || !fig || !mapEl.clientWidth) return;
      try {
        const canvas = document.createElement('canvas');
        // The map's own size on screen, at 2× like the menu's print image (paper has more dots than a screen).
        composeExport({ ...describeExportNow(stateRef.current()), cssWidth: mapEl.clientWidth, cssHeight: mapEl.clientHeight, pixelRatio: 2 }, canvas);
        fig.replaceChildren(canvas);
      } catch {
        // A print without the map image is still a print of the cards.
      }
    };
    const onAfterPrint = () => {
      preparedAt.current = 0;
      setPrintCards(false);
    };
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    return () => {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
    };
  }, []);

  /**
   * Runs an export with a progress indicator that becomes visible only after PROGRESS_DELAY_MS. Redrawing the map
   * at 2× blocks the main thread (so a 300 ms timer would fire only when the work is done): the indicator is
   * therefore put on the page at once, painted, and revealed by a CSS animation delay, which the compositor runs
   * even while the main thread is busy. A quicker export removes it before it ever shows.
   */
  const run = useCallback(async (work: () => Promise<void>) => {
    setError(null);
    flushSync(() => setBusy(true));
    await new Promise<void>((resolve) => requestAnimationFrame(() => window.setTimeout(resolve, 0)));
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }, []);

  const renderPng = useCallback(async (orientation: Orientation) => {
    const state = stateRef.current();
    const description = await describeExport(state);
    const { blob, layout } = await renderExportPng(description, orientation);
    setLast({ layout, title: description.title, subtitle: description.subtitle });
    return { blob, name: exportSubject(state).name, lang: state.lang };
  }, []);

  /**
   * "城市更新实践地图-江苏省苏州市-2026-11-29.ext": the subject and the day. The deck (the briefing's slides) and the
   * data files hold every filtered practice, so their subject is the country; the document is the selection's.
   */
  const nameFor = (ext: string, national: boolean) => {
    const state = stateRef.current();
    return exportFileName(state.lang, national ? t('national') : exportSubject(state).name, ext);
  };

  const act = (item: Item) => {
    setOpen(false);
    buttonRef.current?.focus();
    switch (item) {
      case 'png':
      case 'png-portrait':
        void run(async () => {
          const { blob, name, lang } = await renderPng(item === 'png' ? 'landscape' : 'portrait');
          downloadBlob(blob, exportFileName(lang, name, 'png'));
        });
        break;
      case 'pptx':
        void run(async () => {
          setProgress(t('exportDeckProgress', { i: 0, n: '…' }));
          const { buildDeck } = await import('./pptx');
          const { blob } = await buildDeck(stateRef.current(), (p) => setProgress(t('exportDeckProgress', { i: p.done, n: p.total })));
          downloadBlob(blob, nameFor('pptx', true));
        });
        break;
      case 'docx':
        void run(async () => {
          setProgress(t('exportDocWorking'));
          const { buildDocument } = await import('./docx');
          const { blob } = await buildDocument(stateRef.current());
          downloadBlob(blob, nameFor('docx', false));
        });
        break;
      case 'print':
        void run(async () => {
          const { blob } = await renderPng('landscape');
          const img = new Image();
          if (printUrl.current) URL.revokeObjectURL(printUrl.current);
          printUrl.current = img.src = URL.createObjectURL(blob);
          img.alt = t('mapLabel');
          await img.decode();
          figureRef.current?.replaceChildren(img);
          preparedAt.current = Date.now();
          flushSync(() => setPrintCards(true));
          window.print();
        });
        break;
      case 'csv':
        downloadBlob(
          new Blob([practicesCsv(dataset, practices, { lang: stateRef.current().lang, gazetteer: geo.gazetteer })], { type: 'text/csv;charset=utf-8' }),
          nameFor('csv', true),
        );
        break;
      case 'json':
        downloadBlob(
          new Blob([practicesJson(dataset, practices, { lang: stateRef.current().lang, gazetteer: geo.gazetteer })], { type: 'application/json' }),
          nameFor('json', true),
        );
        break;
    }
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    const i = itemRefs.current.findIndex((b) => b === document.activeElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = ITEMS.length;
      itemRefs.current[(i + (e.key === 'ArrowDown' ? 1 : n - 1) + n) % n]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      itemRefs.current[e.key === 'Home' ? 0 : ITEMS.length - 1]?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };

  const label: Record<Item, string> = {
    png: t('exportPng'),
    'png-portrait': t('exportPngPortrait'),
    pptx: t('exportPptx'),
    docx: t('exportDocx'),
    print: t('exportPrint'),
    csv: t('exportCsv'),
    json: t('exportJson'),
  };

  return (
    <div className="export-menu" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className="text-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'export-menu-list' : undefined}
        data-testid="export-button"
        onClick={() => setOpen((o) => !o)}
      >
        {t('exportMenu')} ▾
      </button>
      {open && (
        <ul className="export-list" role="menu" id="export-menu-list" aria-label={t('exportMenu')} onKeyDown={onMenuKey}>
          {ITEMS.map((item, i) => (
            <li key={item} role="none">
              <button
                ref={(b) => {
                  itemRefs.current[i] = b;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                data-testid={`export-${item}`}
                onClick={() => act(item)}
              >
                {label[item]}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div
        className={`export-status${busy ? ' busy' : ''}${error ? ' failed' : ''}`}
        style={{ '--progress-delay': `${PROGRESS_DELAY_MS}ms` } as React.CSSProperties}
        role="status"
        aria-live="polite"
      >
        {busy && (
          <span className="export-progress" data-testid="export-progress">
            <span className="export-spinner" aria-hidden="true" />
            {progress ?? t('exportWorking')}
          </span>
        )}
        {error && (
          <span className="export-error" data-testid="export-error">
            {t('exportFailed', { msg: error === 'map not ready' ? t('exportMapNotReady') : error })}
          </span>
        )}
      </div>
      {last && (
        <output
          hidden
          data-testid="export-result"
          data-title={last.title}
          data-subtitle={last.subtitle}
          data-width={last.layout.width}
          data-height={last.layout.height}
          data-title-box={rectAttr(last.layout.title)}
          data-map-area={rectAttr(last.layout.mapArea)}
          data-map-frame={rectAttr(last.layout.mapFrame)}
          data-inset={last.layout.inset ? rectAttr(last.layout.inset) : ''}
          data-legend={rectAttr(last.layout.legend)}
          data-footer={rectAttr(last.layout.footer)}
        />
      )}
      {printRoot &&
        createPortal(
          <section className={`print-sheet${printCards && cards.length ? ' with-cards' : ''}`} aria-hidden="true" data-testid="print-sheet">
            <div className="print-figure" ref={figureRef} />
            {printCards && <PrintCards practices={cards} selection={selection} gazetteer={geo.gazetteer} />}
          </section>,
          printRoot,
        )}
    </div>
  );
}
