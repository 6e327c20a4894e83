// The top bar's export menu: PNG of the current view, print / PDF, and the filtered practices as CSV or JSON.
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useAtlasData } from '../data/context';
import { useAtlas } from '../store/store';
import { useFiltered, useT } from '../store/hooks';
import { fullPlaceName } from '../format/places';
import { practiceById, practicesOfRegion } from '../store/selectors';
import { PracticeCard } from '../panels/PracticeCard';
import type { Selection } from '../store/selection';
import type { Dataset, GazetteerEntry, Practice } from '../types';
import { composeExport, downloadBlob, exportMapPng, type ExportLayout } from './png';
import { useExportDescription } from './describe';
import { practicesCsv, practicesJson } from './csv';
import { isoDay } from './summary';
import './export.css';
import './print.css';

/** A print this soon after the menu placed its 2× image uses it (window.print() opens at once; tests stub it). */
const PREPARED_FRESH_MS = 15_000;

/** Exports quicker than this show no progress indicator (it would only flicker). */
const PROGRESS_DELAY_MS = 300;

type Item = 'png' | 'print' | 'csv' | 'json';
const ITEMS: Item[] = ['png', 'print', 'csv', 'json'];

function fileName(ext: string): string {
  return `renewal-atlas-${isoDay(new Date()).replaceAll('-', '')}.${ext}`;
}

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
  const describe = useExportDescription();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<ExportLayout | null>(null);
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
  const describeRef = useRef(describe);
  describeRef.current = describe;

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

  // Ctrl+P without the menu: compose the print image synchronously from the canvas on screen (preserveDrawingBuffer
  // keeps it readable), so the printed page still carries legend, inset and citation.
  useEffect(() => {
    const onBeforePrint = () => {
      flushSync(() => setPrintCards(true));
      if (Date.now() - preparedAt.current < PREPARED_FRESH_MS) return;
      const live = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas');
      const fig = figureRef.current;
      if (!live || !fig || !live.clientWidth) return;
      try {
        const canvas = document.createElement('canvas');
        composeExport(
          { ...describeRef.current(), map: live, cssWidth: live.clientWidth, cssHeight: live.clientHeight, pixelRatio: live.width / live.clientWidth },
          canvas,
        );
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
    }
  }, []);

  const renderPng = useCallback(async () => {
    const { blob, layout } = await exportMapPng(() => describeRef.current());
    setLast(layout);
    return blob;
  }, []);

  const act = (item: Item) => {
    setOpen(false);
    buttonRef.current?.focus();
    switch (item) {
      case 'png':
        void run(async () => downloadBlob(await renderPng(), fileName('png')));
        break;
      case 'print':
        void run(async () => {
          const blob = await renderPng();
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
        downloadBlob(new Blob([practicesCsv(dataset, practices)], { type: 'text/csv;charset=utf-8' }), fileName('csv'));
        break;
      case 'json':
        downloadBlob(new Blob([practicesJson(dataset, practices)], { type: 'application/json' }), fileName('json'));
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
            {t('exportWorking')}
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
          data-width={last.width}
          data-height={last.height}
          data-legend={[last.legend.x, last.legend.y, last.legend.width, last.legend.height].map(Math.round).join(',')}
          data-footer={[last.footer.x, last.footer.y, last.footer.width, last.footer.height].map(Math.round).join(',')}
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
