// Compare mode (issue 5): pick 2–4 provinces, read their coverage matrix (政策机制 / 主要举措 × province), list
// the practices of a cell, and read the practices side by side, aligned by measure. Follows the filters; the
// compared provinces live in the store (and so in the URL, key `cmp`).
import { SearchField } from '../ui/SearchField';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAtlasData } from '../data/context';
import { MAX_COMPARE, useAtlas, useAtlasStore } from '../store/store';
import { practiceById, provinceCounts } from '../store/selectors';
import { practiceSelection } from '../store/selection';
import { useFiltered, useT } from '../store/hooks';
import { fullPlaceName, itemNumber } from '../format/places';
import type { Practice } from '../types';
import {
  alignMatrix,
  coverageMatrix,
  matrixCell,
  provinceList,
  searchProvinces,
  type AlignedMeasure,
  type CoverageMatrix,
  type MatrixRow,
  type ProvinceRef,
} from './compare';
import { cellColorScale } from './colors';
import { programmeUnitsInProvince } from '../store/programmes';
import { ProgrammeShortName, useUnitName } from '../ui/programmes';
import './compare.css';

type Cell = { row: string; province: number };

// How many practices show before a "show more" button: the aligned columns put full texts side by side, and a
// large imported batch could otherwise put thousands of them on the page at once.
const ALIGNED_LIMIT = 3;
const CELL_LIST_LIMIT = 50;

/** Practice texts, taxonomy titles and place names are data: Chinese in every interface language. */
const ZH = 'zh-CN';

/** "仅江苏有" / "only 江苏", with the province name marked as Chinese inside the English sentence. */
function OnlyMarkerText({ name }: { name: string }) {
  const t = useT();
  const [before = '', after = ''] = t('compareOnly', { name: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <span lang={ZH}>{name}</span>
      {after}
    </>
  );
}

/** Opens a practice in the explore screen's detail panel. */
function useOpenPractice(): (id: string) => void {
  const store = useAtlasStore();
  return (id) => {
    const st = store.getState();
    st.select(practiceSelection(id));
    st.setMode('explore');
  };
}

function rowLabel(row: Pick<MatrixRow, 'kind' | 'code' | 'title'>): string {
  return row.kind === 'mechanism' ? `${row.code}、${row.title}` : `${row.code}${row.title}`;
}

function useProvinces(): { list: ProvinceRef[]; byAdcode: Map<number, ProvinceRef> } {
  const { geo } = useAtlasData();
  return useMemo(() => {
    const list = provinceList(geo.gazetteer);
    return { list, byAdcode: new Map(list.map((p) => [p.adcode, p])) };
  }, [geo]);
}

// ---------------------------------------------------------------------------------------------------------------

function Picker({ provinces, compare }: { provinces: ProvinceRef[]; compare: number[] }) {
  const t = useT();
  const { dataset } = useAtlasData();
  const practices = useFiltered();
  const [query, setQuery] = useState('');
  // The full list of 34 folds away once two provinces are chosen (it would push the matrix off a laptop screen);
  // typing in the search box always shows the matches.
  const [showAll, setShowAll] = useState<boolean | null>(null);
  const listOpen = query.trim() !== '' || (showAll ?? compare.length < 2);
  const counts = provinceCounts(dataset, practices);
  const byAdcode = new Map(provinces.map((p) => [p.adcode, p]));
  // Provinces with practices first (most first), so the likely picks are at hand; then the rest by adcode.
  const ordered = useMemo(
    () => [...provinces].sort((a, b) => (counts.get(b.adcode) ?? 0) - (counts.get(a.adcode) ?? 0) || a.adcode - b.adcode),
    [provinces, counts],
  );
  const shown = searchProvinces(ordered, query);
  const st = useAtlasStore().getState;

  return (
    <section className="cmp-picker" aria-labelledby="cmp-picked-heading">
      <h3 id="cmp-picked-heading" className="cmp-h3">
        {t('comparePicked')} <span className="count">{compare.length}/{MAX_COMPARE}</span>
      </h3>
      <ul className="cmp-chips" data-testid="compare-chips">
        {compare.map((a, i) => {
          const name = byAdcode.get(a)?.short ?? String(a);
          return (
            <li key={a} className={`cmp-chip cmp-col-${i}`} data-testid={`compare-chip-${a}`} data-adcode={a}>
              <span lang={ZH}>{name}</span>
              <span className="cmp-chip-count">{counts.get(a) ?? 0}</span>
              <button
                type="button"
                className="cmp-chip-remove"
                aria-label={t('compareRemove', { name })}
                title={t('compareRemove', { name })}
                onClick={() => st().toggleCompare(a)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <p className="cmp-hint">{t('compareHint', { max: MAX_COMPARE })}</p>
      <SearchField
        id="cmp-search-input"
        className="cmp-search"
        label={t('compareSearch')}
        value={query}
        placeholder={t('compareSearchPlaceholder')}
        onChange={setQuery}
        onSubmit={() => {
          const first = shown.find((p) => !compare.includes(p.adcode));
          if (first && query.trim() !== '') {
            st().toggleCompare(first.adcode);
            setQuery('');
          }
        }}
        testid="compare-search"
      />
      {query.trim() === '' && (
        <button
          type="button"
          className="cmp-fold"
          aria-expanded={listOpen}
          aria-controls="cmp-options"
          data-testid="compare-show-all"
          onClick={() => setShowAll(!listOpen)}
        >
          {listOpen ? t('compareHideProvinces') : t('compareAllProvinces', { n: provinces.length })}
          <span aria-hidden="true">{listOpen ? ' ▴' : ' ▾'}</span>
        </button>
      )}
      {!listOpen ? null : shown.length === 0 ? (
        <p className="empty">{t('compareNoMatch')}</p>
      ) : (
        <ul className="cmp-options" id="cmp-options" aria-label={t('compareSearch')}>
          {shown.map((p) => {
            const n = counts.get(p.adcode) ?? 0;
            const on = compare.includes(p.adcode);
            return (
              <li key={p.adcode}>
                <button
                  type="button"
                  className={`cmp-option${n === 0 ? ' cmp-option-zero' : ''}`}
                  aria-pressed={on}
                  data-testid={`compare-option-${p.adcode}`}
                  title={p.name}
                  onClick={() => st().toggleCompare(p.adcode)}
                >
                  <span lang={ZH}>{p.short}</span>
                  <span className="cmp-option-count">{n}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------

function Matrix({
  matrix,
  names,
  cell,
  onCell,
}: {
  matrix: CoverageMatrix;
  names: Map<number, ProvinceRef>;
  cell: Cell | null;
  onCell: (c: Cell | null) => void;
}) {
  const t = useT();
  const theme = useAtlas((s) => s.theme);
  const lang = useAtlas((s) => s.lang);
  const { dataset } = useAtlasData();
  const unitName = useUnitName(true);
  const programmesIn = (a: number) => programmeUnitsInProvince(dataset, a);
  const measureColor = useMemo(() => cellColorScale(matrix.maxMeasure, theme), [matrix.maxMeasure, theme]);
  const short = (a: number) => names.get(a)?.short ?? String(a);

  return (
    <section className="cmp-matrix-section" aria-labelledby="cmp-matrix-heading">
      <h3 id="cmp-matrix-heading" className="cmp-h3">
        {t('compareMatrix')}
      </h3>
      <div className="cmp-table-wrap">
        <table className="cmp-matrix" data-testid="compare-matrix">
          <caption className="cmp-caption">{t('compareMatrixCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="cmp-rowhead-col">
                {t('compareRowHeader')}
              </th>
              {matrix.provinces.map((a, i) => (
                <th key={a} scope="col" className={`cmp-colhead cmp-col-${i}`} data-province={a}>
                  <span className="cmp-colname" lang={ZH}>
                    {short(a)}
                  </span>
                  <span className="cmp-coltotal">{t('compareColumnTotal', { n: matrix.totals[i] ?? 0 })}</span>
                  {programmesIn(a).length > 0 && (
                    // Issue 27: the province holds units of these programmes (listed by name under the table).
                    <span className="cmp-colprog" data-programmes={programmesIn(a).map((h) => h.programme.id).join(',')}>
                      {programmesIn(a).map((h) => (
                        <span key={h.programme.id} className="cmp-programme">
                          <span className="cmp-programme-mark" aria-hidden="true">
                            ◆
                          </span>
                          <ProgrammeShortName programme={h.programme} />
                        </span>
                      ))}
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.key} className={`cmp-row-${row.kind}`} data-row={row.key}>
                <th scope="row" className={`cmp-rowhead cmp-k-${row.kind}`} lang={ZH}>
                  {rowLabel(row)}
                </th>
                {row.cells.map((c) => {
                  const selected = cell?.row === row.key && cell.province === c.province;
                  const color = row.kind === 'measure' ? measureColor(c.count) : null;
                  return (
                    <td key={c.province} className="cmp-td">
                      {c.count === 0 ? (
                        <span className="cmp-zero" data-province={c.province} data-count={0}>
                          0
                        </span>
                      ) : (
                        <button
                          type="button"
                          className={`cmp-cell cmp-k-${row.kind}${selected ? ' cmp-selected' : ''}`}
                          style={color ? { background: color.background, color: color.color } : undefined}
                          aria-pressed={selected}
                          aria-label={t('compareCellLabel', { name: short(c.province), row: rowLabel(row), n: c.count })}
                          data-province={c.province}
                          data-count={c.count}
                          onClick={() => onCell(selected ? null : { row: row.key, province: c.province })}
                        >
                          {c.count}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {matrix.provinces.some((a) => programmesIn(a).length > 0) && (
        <p className="cmp-programmes-note" data-testid="compare-programmes">
          <span className="programme-label">{t('programmeMatrix')}{lang === 'zh' ? '：' : ': '}</span>
          {matrix.provinces
            .filter((a) => programmesIn(a).length > 0)
            .map((a, k) => (
              <span key={a} data-province={a} data-programmes={programmesIn(a).map((h) => h.programme.id).join(',')}>
                {k > 0 ? (lang === 'zh' ? '；' : '; ') : ''}
                <span lang="zh-CN">{short(a)}</span>
                {' — '}
                {programmesIn(a).map((h, i) => (
                  <span key={h.programme.id}>
                    {i > 0 ? (lang === 'zh' ? '，' : ', ') : ''}
                    <ProgrammeShortName programme={h.programme} /> <span lang="zh-CN">{h.units.map(unitName).join(lang === 'zh' ? '、' : ', ')}</span>
                  </span>
                ))}
              </span>
            ))}
        </p>
      )}
      {matrix.maxMeasure > 0 && (
        <p className="cmp-scale" aria-hidden="true">
          <span className="cmp-scale-ramp">
            {Array.from({ length: Math.min(matrix.maxMeasure, 6) }, (_, i) => {
              const n = matrix.maxMeasure <= 6 ? i + 1 : Math.round(1 + (i * (matrix.maxMeasure - 1)) / 5);
              const c = measureColor(n)!;
              return (
                <span key={i} className="cmp-scale-step" style={{ background: c.background, color: c.color }}>
                  {n}
                </span>
              );
            })}
          </span>
          {t('compareScale', { max: matrix.maxMeasure })}
        </p>
      )}
    </section>
  );
}

function CellList({ matrix, cell, names, onClose }: { matrix: CoverageMatrix; cell: Cell; names: Map<number, ProvinceRef>; onClose: () => void }) {
  const openPractice = useOpenPractice();
  const t = useT();
  const { dataset, geo } = useAtlasData();
  const ref = useRef<HTMLElement>(null);
  const [all, setAll] = useState(false);
  // The list opens below the matrix, often below the fold: bring it into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
    setAll(false);
  }, [cell.row, cell.province]);
  const row = matrix.rows.find((r) => r.key === cell.row);
  const c = matrixCell(matrix, cell.row, cell.province);
  if (!row || !c) return null;
  const name = names.get(cell.province)?.short ?? String(cell.province);
  const ids = all ? c.practiceIds : c.practiceIds.slice(0, CELL_LIST_LIMIT);
  const practices = ids.map((id) => practiceById(dataset, id)).filter((p): p is Practice => p !== undefined);
  const hidden = c.practiceIds.length - ids.length;
  return (
    <section ref={ref} className="cmp-cell-list" data-testid="compare-cell-list" data-row={cell.row} data-province={cell.province} aria-live="polite">
      <header className="cmp-cell-list-head">
        <h3 className="cmp-h3">
          <span lang={ZH}>
            {name} · {rowLabel(row)}
          </span>{' '}
          <span className="count">{t('practicesCount', { n: c.count })}</span>
        </h3>
        <button type="button" className="icon-button" aria-label={t('compareCellClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <ul className="cmp-practice-list">
        {practices.map((p) => (
          <li key={p.id} data-practice={p.id}>
            <button type="button" className="linklike" onClick={() => openPractice(p.id)} lang={ZH}>
              <span className="item-no">{itemNumber(p)}</span>{' '}
              <span className="cmp-place">{placesIn(p, cell.province, geo.gazetteer)}</span> {p.headline}
            </button>
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" className="cmp-fold" onClick={() => setAll(true)}>
          {t('compareShowMore', { n: hidden })}
        </button>
      )}
    </section>
  );
}

/** The practice's actors that lie in the province, as users read them (苏州市姑苏区). */
function placesIn(p: Practice, province: number, gazetteer: Parameters<typeof fullPlaceName>[1]): string {
  const names = p.actors
    .filter((a) => a.province === province)
    .map((a) => {
      const full = fullPlaceName(a.adcode, gazetteer);
      // Drop the province prefix: the column already says which province.
      const prov = gazetteer.get(province)?.name;
      return prov && full.startsWith(prov) && full !== prov ? full.slice(prov.length) : full === String(a.adcode) ? a.name : full;
    });
  return names.join('、');
}

/** The text after the headline (the headline is its first sentence), so the two are not read twice. */
function bodyOf(p: Practice): string {
  return p.text.startsWith(p.headline) ? p.text.slice(p.headline.length).trim() : p.text;
}

function Aligned({ aligned, provinces, names }: { aligned: AlignedMeasure[]; provinces: number[]; names: Map<number, ProvinceRef> }) {
  const openPractice = useOpenPractice();
  const t = useT();
  const { geo } = useAtlasData();
  const short = (a: number) => names.get(a)?.short ?? String(a);
  const cols = { gridTemplateColumns: `repeat(${provinces.length}, minmax(0, 1fr))` };
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  let lastMechanism = '';
  return (
    <section className="cmp-aligned" data-testid="compare-aligned" aria-labelledby="cmp-aligned-heading">
      <h3 id="cmp-aligned-heading" className="cmp-h3">
        {t('compareAligned')}
      </h3>
      <p className="cmp-note">{t('compareAlignedNote')}</p>
      {aligned.length === 0 ? (
        <p className="empty">{t('compareNothing')}</p>
      ) : (
        <>
          <div className="cmp-aligned-head" style={cols} aria-hidden="true">
            {provinces.map((a, i) => (
              <div key={a} className={`cmp-aligned-name cmp-col-${i}`} lang={ZH}>
                {short(a)}
              </div>
            ))}
          </div>
          {aligned.map((m) => {
            const showMechanism = m.mechanism.key !== lastMechanism;
            lastMechanism = m.mechanism.key;
            const open = expanded.has(m.key);
            const longest = Math.max(...m.columns.map((c) => c.practices.length));
            return (
              <section key={m.key} className="cmp-measure" data-measure={m.key} data-only={m.onlyProvince ?? undefined}>
                {showMechanism && (
                  <h4 className="cmp-mechanism-title" lang={ZH}>
                    {m.mechanism.code}、{m.mechanism.title}
                  </h4>
                )}
                <h5 className="cmp-measure-title" lang={ZH}>
                  {m.measure.code}
                  {m.measure.title}
                </h5>
                <div className="cmp-columns" style={cols}>
                  {m.columns.map((c, i) => (
                    <div
                      key={c.province}
                      className={`cmp-column cmp-col-${i}${c.only ? ' cmp-only' : ''}${c.practices.length === 0 ? ' cmp-empty' : ''}`}
                      data-province={c.province}
                      data-count={c.practices.length}
                    >
                      <div className="cmp-column-name" lang={ZH}>
                        {short(c.province)}
                      </div>
                      {c.only && (
                        <span className="cmp-only-marker" data-testid="only-marker">
                          <OnlyMarkerText name={short(c.province)} />
                        </span>
                      )}
                      {c.practices.length === 0 ? (
                        <p className="cmp-none">{t('compareNone')}</p>
                      ) : (
                        (open ? c.practices : c.practices.slice(0, ALIGNED_LIMIT)).map((p) => (
                          <article key={p.id} className="cmp-practice" data-practice={p.id} lang={ZH}>
                            <p className="cmp-practice-place">
                              {placesIn(p, c.province, geo.gazetteer)} <span className="item-no">{itemNumber(p)}</span>
                            </p>
                            <h6 className="cmp-practice-headline">
                              <button type="button" className="linklike" onClick={() => openPractice(p.id)}>
                                {p.headline}
                              </button>
                            </h6>
                            {bodyOf(p) !== '' && <p className="cmp-practice-text">{bodyOf(p)}</p>}
                          </article>
                        ))
                      )}
                    </div>
                  ))}
                </div>
                {longest > ALIGNED_LIMIT && (
                  <button type="button" className="cmp-fold" aria-expanded={open} onClick={() => toggle(m.key)}>
                    {open
                      ? t('compareShowFewer')
                      : t('compareShowMore', {
                          n: m.columns.reduce((sum, c) => sum + Math.max(0, c.practices.length - ALIGNED_LIMIT), 0),
                        })}
                  </button>
                )}
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------

export function ComparePanel() {
  const store = useAtlasStore();
  const t = useT();
  const { dataset } = useAtlasData();
  const practices = useFiltered();
  const compare = useAtlas(useShallow((s) => s.compare));
  const batches = useAtlas(useShallow((s) => s.filters.batches));
  const { list, byAdcode } = useProvinces();
  const [cell, setCell] = useState<Cell | null>(null);

  const opts = useMemo(() => ({ batches }), [batches]);
  const matrix = useMemo(() => coverageMatrix(dataset, practices, compare, opts), [dataset, practices, compare, opts]);
  const aligned = useMemo(() => alignMatrix(matrix, practices), [matrix, practices]);
  // A cell whose province was removed, or whose count dropped to zero under new filters, closes.
  const openCell = cell && (matrixCell(matrix, cell.row, cell.province)?.count ?? 0) > 0 ? cell : null;

  return (
    <section className="compare-panel" data-testid="compare-panel" aria-labelledby="cmp-heading">
      <header className="panel-header">
        <div>
          <h2 id="cmp-heading" className="panel-title">
            {t('compare')}
          </h2>
          <p className="panel-subtitle">{t('compareSubtitle', { n: practices.length })}</p>
        </div>
        <button type="button" className="text-button" data-testid="compare-exit" onClick={() => store.getState().setMode('explore')}>
          {t('compareExit')}
        </button>
      </header>
      <Picker provinces={list} compare={compare} />
      {compare.length < 2 && (
        <p className="cmp-need" role="status">
          {t('compareNeedMore', { n: 2 - compare.length })}
        </p>
      )}
      {compare.length > 0 && (
        <>
          <Matrix matrix={matrix} names={byAdcode} cell={openCell} onCell={setCell} />
          {openCell && <CellList matrix={matrix} cell={openCell} names={byAdcode} onClose={() => setCell(null)} />}
          <Aligned aligned={aligned} provinces={compare} names={byAdcode} />
        </>
      )}
    </section>
  );
}
