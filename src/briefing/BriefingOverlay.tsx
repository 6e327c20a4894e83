// Briefing mode: a slide panel beside the full-screen map, which flies to each slide's place (MapView follows
// `slideTarget`). Keys: → ↓ Space PageDown next, ← ↑ Shift+Space PageUp previous (what presenter remotes send),
// Home/End first/last, Esc leaves. Every slide has its own URL (slide=N, pushed to history by the URL sync).
// All practice text is rendered as React text, never as HTML.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAtlasData } from '../data/context';
import { useAtlas, useAtlasStore } from '../store/store';
import { countsByRegion, legendItems, practiceById } from '../store/selectors';
import { PROVINCE_NAMES } from '../store/regions';
import { classColors, paletteOf } from '../theme/palette';
import { useFiltered, useT, useProvinceBreaks } from '../store/hooks';
import { fullPlaceName, itemNumber } from '../format/places';
import { type Translate } from '../i18n';
import { useDeployConfig } from '../data/config';
import { filterSummary } from '../format/summary';
import type { Dataset, GazetteerEntry, Practice } from '../types';
import { isMainlandUnit } from '../format/units';
import { practiceCitationParts } from '../format/citation';
import { CitationText } from '../ui/english';
import {
  buildSlides,
  clampSlide,
  documentsNotInText,
  figuresNotInText,
  practiceBody,
  provinceSlidePractices,
  slideIndexOf,
  windowSlideLayout,
  type Slide,
  type SlideLayout,
} from '../store/slides';
import { segmentText, type Segment } from '../format/segments';
import { SegmentedText } from '../ui/SegmentedText';
import { programmeById, programmeCoverage } from '../store/programmes';
import { ProgrammeCoverageView, ProgrammeName, ProgrammeSources, ProgrammeStatus } from '../ui/programmes';
import { useSlideGuard } from './slideGuard';
import { mapJumps, setMotionChoice } from '../store/motion';
import './briefing.css';
import { isProvince } from '../geometry/adcode';

/** A province slide lists at most this many headlines; the rest are counted ("另有 N 项") so the slide never scrolls. */
const MAX_HEADLINES = 7;

/**
 * How many headlines a province slide's card holds (a phone's holds fewer): each is a grid row of its item number
 * (~6 characters wide) and its headline at 1.4 leading, 0.55 em apart, under the title (1.6 lines), the count line
 * and the "另有 N 项" line (1.4 each). `lines` and `chars` are the card's (slides.ts slideLayout).
 */
function headlinesShown(list: readonly Practice[], layout: SlideLayout): number {
  const room = layout.lines - 0.6 - 1.6 - 1.4;
  const width = Math.max(4, layout.chars - 6);
  let used = 0;
  let n = 0;
  for (const p of list.slice(0, MAX_HEADLINES)) {
    used += Math.ceil(p.headline.length / width) * (1.4 / 1.5) + 0.37;
    // The last one must leave room for the "另有 N 项" line unless it is the last of the list.
    const more = n + 1 < list.length ? 1.4 : 0;
    if (used + more > room) break;
    n++;
  }
  return Math.max(1, n);
}

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

function placeName(adcode: number, fallback: string, gazetteer: ReadonlyMap<number, GazetteerEntry>): string {
  return gazetteer.has(adcode) ? fullPlaceName(adcode, gazetteer) : fallback;
}

function provinceName(adcode: number, gazetteer: ReadonlyMap<number, GazetteerEntry>): string {
  return gazetteer.get(adcode)?.name ?? PROVINCE_NAMES.get(adcode) ?? String(adcode);
}

/** The slide's title, also announced to screen readers. */
function slideTitle(slide: Slide, dataset: Dataset, gazetteer: ReadonlyMap<number, GazetteerEntry>, t: Translate): string {
  if (slide.kind === 'national') return t('briefingNationalTitle');
  if (slide.kind === 'province') return provinceName(slide.adcode, gazetteer);
  if (slide.kind === 'programme') {
    const prog = programmeById(dataset, slide.id);
    return prog?.title ?? slide.id;
  }
  const headline = practiceById(dataset, slide.id)?.headline ?? slide.id;
  return (slide.part ?? 0) > 0 ? `${headline}${t('briefingContinued')}` : headline;
}

function Citation({ practice, dataset }: { practice: Practice; dataset: Dataset }) {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const b = dataset.batches.find((x) => x.id === practice.batch);
  return (
    <p className="briefing-citation">
      {t('citation')}
      {lang === 'zh' ? '：' : ': '}
      <CitationText parts={practiceCitationParts(b, practice, lang)} />
    </p>
  );
}

function NationalSlide({ slides }: { slides: readonly Slide[] }) {
  const t = useT();
  const { dataset, geo } = useAtlasData();
  const { filters, lang } = useAtlas(useShallow((s) => ({ filters: s.filters, lang: s.lang })));
  const practices = useFiltered();
  const counts = countsByRegion(dataset, practices);
  // Officials count the 31 省（区、市）; 香港、澳门、台湾 are named on their own line, never mixed in.
  let provinces = 0;
  let places = 0;
  const apart: string[] = [];
  for (const [a, n] of counts) {
    if (!isProvince(a)) places++;
    else if (isMainlandUnit(a)) provinces++;
    else apart.push(t('apartCount', { name: provinceName(a, geo.gazetteer), n }));
  }
  const summary = filterSummary(dataset, filters, lang);
  const agenda = slides.filter((s): s is Extract<Slide, { kind: 'province' }> => s.kind === 'province');
  return (
    <>
      <h2 className="briefing-title">{t('briefingNationalTitle')}</h2>
      <p className="briefing-subtitle">{summary || t('filterAll')}</p>
      <div className="briefing-stats">
        <p>
          <strong>{practices.length}</strong>
          <span>{t('briefingStatPractices')}</span>
        </p>
        <p>
          <strong>{provinces}</strong>
          <span>{t('briefingStatProvinces')}</span>
        </p>
        <p>
          <strong>{places}</strong>
          <span>{t('briefingStatPlaces')}</span>
        </p>
      </div>
      {apart.length > 0 && <p className="briefing-subtitle" data-testid="briefing-apart">{`${t('apartUnits')}${lang === 'zh' ? '：' : ': '}${apart.join(lang === 'zh' ? '；' : '; ')}`}</p>}
      <p className="visually-hidden">{t('briefingTotals', { n: practices.length, p: provinces, c: places })}</p>
      {agenda.length > 0 && (
        <ol className="briefing-agenda" aria-label={t('briefingAgenda')} lang="zh-CN">
          {agenda.map((s) => (
            <li key={s.adcode}>
              <span>{provinceName(s.adcode, geo.gazetteer)}</span> <span className="briefing-num">{counts.get(s.adcode) ?? 0}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/**
 * A programme (issue 27): the sentence "N 个城市（区）中 M 个有做法入选", its units with practices and without (the
 * map beside outlines them, solid and dashed), the list's status and source, and the rule.
 */
function ProgrammeSlide({ id }: { id: string }) {
  const t = useT();
  const { dataset } = useAtlasData();
  const practices = useFiltered();
  const prog = programmeById(dataset, id);
  const coverage = useMemo(() => (prog ? programmeCoverage(prog, practices) : null), [prog, practices]);
  if (!prog || !coverage) return <h2 className="briefing-title">{id}</h2>;
  return (
    <>
      <p className="briefing-kicker">{t('programmeSlideKicker')}</p>
      <h2 className="briefing-title">
        <ProgrammeName programme={prog} />
      </h2>
      <p className="briefing-subtitle">
        <ProgrammeStatus programme={prog} />
      </p>
      <ProgrammeCoverageView coverage={coverage} short />
      <ProgrammeSources programme={prog} compact />
    </>
  );
}

function ProvinceSlide({ adcode, layout }: { adcode: number; layout: SlideLayout }) {
  const t = useT();
  const { dataset, geo } = useAtlasData();
  const practices = useFiltered();
  const list = useMemo(() => provinceSlidePractices(dataset, practices, adcode), [dataset, practices, adcode]);
  const shown = list.slice(0, headlinesShown(list, layout));
  return (
    <>
      <h2 className="briefing-title" lang="zh-CN">
        {provinceName(adcode, geo.gazetteer)}
      </h2>
      <p className="briefing-subtitle">{t('practicesCount', { n: list.length })}</p>
      <ol className="briefing-headlines" lang="zh-CN">
        {shown.map((p) => (
          <li key={p.id}>
            <span className="briefing-item-no">{itemNumber(p)}</span>
            <span>{p.headline}</span>
          </li>
        ))}
      </ol>
      {shown.length < list.length && <p className="briefing-more">{t('briefingMore', { n: list.length - shown.length })}</p>}
    </>
  );
}

/** Figures grouped by the clause they stand in (容积率由2.94降为2.82 is one line with both numbers). */
function figureLines(figures: Practice['figures']): { raws: string[]; phrase: string }[] {
  const out: { raws: string[]; phrase: string }[] = [];
  for (const f of figures) {
    const same = out.find((x) => x.phrase === f.phrase);
    if (same) {
      if (!same.raws.includes(f.raw)) same.raws.push(f.raw);
    } else out.push({ raws: [f.raw], phrase: f.phrase });
  }
  return out;
}

/** The part of a practice's text a slide shows, with its figures marked and cited documents set off. */
function BodyText({ p, from, to }: { p: Practice; from: number; to: number }) {
  const body = practiceBody(p);
  // Marked on the whole text, then cut: a figure is marked even when the cut falls just after it.
  const segments = segmentText(body, p.figures, p.documents);
  const parts: Segment[] = [];
  let at = 0;
  for (const seg of segments) {
    const start = Math.max(at, from);
    const end = Math.min(at + seg.value.length, to);
    if (end > start) parts.push({ kind: seg.kind, value: body.slice(start, end) });
    at += seg.value.length;
  }
  return (
    <p className="briefing-text" lang="zh-CN" data-testid="briefing-text">
      <SegmentedText segments={parts} />
    </p>
  );
}

function PracticeSlide({ slide }: { slide: Extract<Slide, { kind: 'practice' }> }) {
  const t = useT();
  const { dataset, geo } = useAtlasData();
  const p = practiceById(dataset, slide.id);
  if (!p) return <h2 className="briefing-title">{slide.id}</h2>;
  const body = practiceBody(p);
  const part = slide.part ?? 0;
  const parts = slide.parts ?? 1;
  const from = slide.from ?? 0;
  const to = slide.to ?? body.length;
  const last = part === parts - 1;
  // Figures and documents in the text are marked there; any other is listed (on the last part).
  const documents = last ? documentsNotInText(p) : [];
  const figures = last ? figureLines(figuresNotInText(p)) : [];
  return (
    <>
      <p className="briefing-kicker" lang="zh-CN">
        {p.actors.map((a) => placeName(a.adcode, a.name, geo.gazetteer)).join('、')}
        <span className="briefing-item-no">{itemNumber(p)}</span>
        {part > 0 && (
          <span className="briefing-continued" data-testid="briefing-continued">
            {t('briefingContinued')}
          </span>
        )}
      </p>
      <h2 className="briefing-title briefing-headline" lang="zh-CN">
        {p.headline}
      </h2>
      {part === 0 && (
        <p className="briefing-measure" lang="zh-CN">
          {p.measure.code}
          {p.measure.title}
        </p>
      )}
      {to > from && <BodyText p={p} from={from} to={to} />}
      {!last && (
        <p className="briefing-more" data-testid="briefing-continues">
          {t('briefingContinues')}
        </p>
      )}
      {figures.length > 0 && (
        <section className="briefing-section" aria-label={t('figures')}>
          <h3>{t('figures')}</h3>
          <ul className="briefing-figures" lang="zh-CN">
            {figures.map((f, i) => (
              <li key={i}>
                <strong>{f.raws.join('、')}</strong>
                <span>{f.phrase}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {documents.length > 0 && (
        <section className="briefing-section" aria-label={t('documents')}>
          <h3>{t('documents')}</h3>
          <ul className="briefing-documents" lang="zh-CN">
            {documents.map((d) => (
              <li key={d}>《{d}》</li>
            ))}
          </ul>
        </section>
      )}
      <Citation practice={p} dataset={dataset} />
    </>
  );
}

/** The map legend, large: same breaks and colours as the map. */
/** The slide's legend: the classes and markers, and on a programme's slide what its outlines mean. */
function BriefingLegend({ programme = false }: { programme?: boolean }) {
  const t = useT();
  const theme = useAtlas((s) => s.theme);
  const { breaks, max } = useProvinceBreaks();
  const palette = paletteOf(theme);
  const colors = classColors(palette, breaks.length);
  return (
    <div className="briefing-legend" aria-label={t('legendTitle')}>
      <span className="briefing-legend-title">{t('legendTitle')}</span>
      <span className="briefing-legend-item">
        <span className="briefing-swatch" style={{ background: palette.noData }} />
        {t('legendNone')}
      </span>
      {legendItems(breaks, max).map((it, i) => (
        <span key={it.from} className="briefing-legend-item">
          <span className="briefing-swatch" style={{ background: colors[i] }} />
          {it.label}
        </span>
      ))}
      <span className="briefing-legend-item">
        <span className="briefing-dot" style={{ background: palette.marker }} />
        {t('briefingMarkers')}
      </span>
      {programme && (
        // The units outlined on the map: solid where practices reach the unit, dashed where not (issue 27); the
        // slide named them, but not what the two lines mean.
        <>
          <span className="briefing-legend-item" data-testid="briefing-legend-programme">
            <span className="briefing-outline" style={{ borderColor: palette.programme }} />
            {t('programmeLayerWith')}
          </span>
          <span className="briefing-legend-item">
            <span className="briefing-outline briefing-outline-dashed" style={{ borderColor: palette.programme }} />
            {t('programmeLayerWithout')}
          </span>
        </>
      )}
    </div>
  );
}

/**
 * A programme slide lists up to two dozen units and the sources of its list, the national slide the provinces with
 * practices: each reads at the body size (2.9 % of the screen's height) where the card holds it, and only where it
 * does not — long English names and labels, a phone — a step smaller at a time, down to 0.6 of it, so that nothing
 * is hidden below the card's edge (issue 26: at a fixed 0.75 em the Chinese programme slides read at 2.2 % of the
 * height, and the English ones ran up to 131 px past the card; the English national slide ran 92 px past it at
 * 1366×768). Fitted again when the window changes and when the slide's text does (English names arrive later).
 */
function useFitToCard(ref: React.RefObject<HTMLElement | null>, active: boolean, deps: readonly unknown[]): void {
  useLayoutEffect(() => {
    const card = ref.current;
    if (!card || !active) return;
    const fit = () => {
      for (let size = 1; size >= 0.6; size -= 0.05) {
        card.style.fontSize = `${size.toFixed(2)}em`;
        if (card.scrollHeight <= card.clientHeight + 1) return;
      }
    };
    fit();
    const changes = new MutationObserver(fit);
    changes.observe(card, { childList: true, subtree: true, characterData: true });
    return () => changes.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, ...deps]);
}

/** The card's layout for the window, followed as the window changes (a phone turned, a window resized). */
function useSlideLayout(): SlideLayout {
  const [layout, setLayout] = useState(windowSlideLayout);
  useEffect(() => {
    const onResize = () =>
      setLayout((old) => {
        const next = windowSlideLayout();
        return next.lines === old.lines && next.chars === old.chars ? old : next;
      });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return layout;
}

export function BriefingOverlay() {
  const t = useT();
  const { dataset, geo } = useAtlasData();
  const { filters, slide, lang, theme, softwareMap } = useAtlas(
    useShallow((s) => ({ filters: s.filters, slide: s.slide, lang: s.lang, theme: s.theme, softwareMap: s.softwareMap })),
  );
  const config = useDeployConfig();
  const layout = useSlideLayout();
  /** Jumping between slides instead of flying: the presenter's choice, else the machine's default (store/motion.ts). */
  const [chosen, setChosen] = useState<boolean | null>(null);
  const jump = chosen ?? mapJumps(softwareMap);
  const slides = useMemo(() => buildSlides(dataset, filters, layout), [dataset, filters, layout]);
  const n = slides.length;
  const index = clampSlide(slide, n);
  const current = slides[index] as Slide;
  const panelRef = useRef<HTMLElement>(null);
  const cardRef = useRef<HTMLElement>(null);
  useFitToCard(cardRef, current.kind === 'programme' || current.kind === 'national', [index, lang, layout]);

  const store = useAtlasStore();
  const slideNotice = useSlideGuard(store, slides, slide, dataset);
  const go = useCallback((k: number) => store.getState().setSlide(clampSlide(k, n)), [store, n]);
  // Back to exploring, in one state change (one history entry); the slide number leaves the URL with it.
  const leave = useCallback(() => store.getState().leaveBriefing(), [store]);

  // Opened from a selection (and not from a link to a given slide): start at that practice or province.
  useEffect(() => {
    const s = store.getState();
    if (s.slide === 0 && s.selection.kind !== 'none') {
      const start = slideIndexOf(buildSlides(dataset, s.filters, windowSlideLayout()), s.selection);
      if (start > 0) s.setSlide(start);
    }
    panelRef.current?.focus({ preventScroll: true });
    // Only when briefing opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Keys. Capture phase, so that the map's own keyboard handlers (arrows pan) and the explore screen's Esc never
  // see them while a briefing runs. A layout effect: attached before the first slide is painted, so a key pressed
  // as soon as the slide shows is never lost to the explore screen.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const at = clampSlide(store.getState().slide, n);
      let handled = true;
      if (e.key === 'Escape') leave();
      else if (NEXT_KEYS.has(e.key) || (e.key === ' ' && !e.shiftKey)) go(at + 1);
      else if (PREV_KEYS.has(e.key) || (e.key === ' ' && e.shiftKey)) go(at - 1);
      else if (e.key === 'Home') go(0);
      else if (e.key === 'End') go(n - 1);
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store, n, go, leave]);

  // Full screen when the browser allows it (it needs the click that opened the briefing; a link opened cold, or a
  // headless browser, may refuse: the briefing then simply fills the window). Leaving full screen (the browser
  // takes Esc for that itself) leaves the briefing too.
  useEffect(() => {
    let entered = false;
    const root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) {
      root
        .requestFullscreen()
        .then(() => {
          entered = true;
        })
        .catch(() => undefined);
    }
    // The change event, not only the request's promise, marks entering: an Esc pressed while the request is still
    // settling exits full screen before the promise resolves, and must still leave the briefing.
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) {
        entered = false;
        leave();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [leave]);

  const title = slideTitle(current, dataset, geo.gazetteer, t);
  const pct = n > 1 ? (index / (n - 1)) * 100 : 100;

  return (
    <div className="briefing-overlay" data-testid="briefing" data-slide={index} data-kind={current.kind} lang={lang === 'en' ? 'en' : 'zh-CN'}>
      <section
        className="briefing-panel"
        ref={panelRef}
        tabIndex={-1}
        aria-roledescription={t('briefingSlides')}
        aria-label={t('briefingSlides')}
      >
        <header className="briefing-top">
          <span className="briefing-brand">{t('appTitle')}</span>
          <span className="briefing-tools">
            <button
              type="button"
              className="briefing-button"
              data-testid="briefing-theme"
              aria-label={t('briefingThemeToggle')}
              onClick={() => store.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}
            >
              {theme === 'dark' ? t('briefingThemeLight') : t('briefingThemeDark')}
            </button>
            <button
              type="button"
              className="briefing-button briefing-jump"
              data-testid="briefing-jump"
              aria-pressed={jump}
              title={t('briefingMotionToggle')}
              onClick={() => {
                setMotionChoice(!jump);
                setChosen(!jump);
              }}
            >
              {t('briefingJump')}
            </button>
            <button type="button" className="briefing-button" data-testid="briefing-exit" onClick={leave}>
              {t('briefingExit')}
            </button>
          </span>
        </header>
        {slideNotice && (
          <p className="briefing-notice" role="status" data-testid="slide-notice">
            {slideNotice.kind === 'out-of-range' ? t('slideOutOfRange', { asked: slideNotice.asked, n: slideNotice.n, shown: slideNotice.shown }) : t('slideBatchGone', { shown: slideNotice.shown })}
          </p>
        )}
        <article className={`briefing-card briefing-${current.kind}`} key={index} data-testid="briefing-card" ref={cardRef}>
          {current.kind === 'national' ? (
            <NationalSlide slides={slides} />
          ) : current.kind === 'province' ? (
            <ProvinceSlide adcode={current.adcode} layout={layout} />
          ) : current.kind === 'programme' ? (
            <ProgrammeSlide id={current.id} />
          ) : (
            <PracticeSlide slide={current} />
          )}
        </article>
        <BriefingLegend programme={current.kind === 'programme'} />
        <nav className="briefing-nav" aria-label={t('briefingSlides')}>
          <button
            type="button"
            className="briefing-button"
            data-testid="briefing-prev"
            disabled={index === 0}
            onClick={() => go(index - 1)}
            aria-label={t('briefingPrev')}
          >
            ‹ {t('briefingPrev')}
          </button>
          <div className="briefing-progress">
            <span className="briefing-count" data-testid="briefing-progress" aria-hidden="true">
              {index + 1} / {n}
            </span>
            <div
              className="briefing-bar"
              role="progressbar"
              aria-label={t('briefingProgress', { i: index + 1, n })}
              aria-valuemin={1}
              aria-valuemax={n}
              aria-valuenow={index + 1}
            >
              <span style={{ width: `${pct}%` }} />
            </div>
          </div>
          <button
            type="button"
            className="briefing-button"
            data-testid="briefing-next"
            disabled={index >= n - 1}
            onClick={() => go(index + 1)}
            aria-label={t('briefingNext')}
          >
            {t('briefingNext')} ›
          </button>
        </nav>
        {current.kind === 'national' && (
          <p className="briefing-hint" aria-hidden="true">
            {t('briefingKeys')}
          </p>
        )}
      </section>
      <p className="briefing-credits" data-testid="briefing-credits">
        {geo.meta.attribution[lang]}
        {config.approvalNumber ? ` · ${t('approvalNumber', { n: config.approvalNumber })}` : ''}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="briefing-announce">
        {`${t('briefingProgress', { i: index + 1, n })}${lang === 'zh' ? '：' : ': '}`}
        <span lang={current.kind === 'national' ? undefined : 'zh-CN'}>{title}</span>
      </p>
    </div>
  );
}
