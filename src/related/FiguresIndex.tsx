// The key-figures tab (issue 10): the figures of the filtered practices grouped by kind (money, area, shares,
// durations, counts, other), sortable by value (亿元 and 万元 compared as 万元, 公顷 and 平方米 as 平方米 …), each
// row with its clause and a link to its practice. `FigureTable` takes any rows, for the briefing to reuse.
import { useMemo, useState } from 'react';
import { useAtlasData } from '../data/context';
import { useAtlasStore } from '../store/store';
import { practiceSelection } from '../store/selection';
import { useFiltered, useT } from '../store/hooks';
import { fullPlaceName, itemNumber } from '../format/places';
import { PlaceName } from '../ui/english';
import { FIGURE_KINDS, figureIndex, type FigureKind, type FigureRow, type SortDirection } from './indexes';
import './related.css';

const KIND_KEY = {
  money: 'figureKind_money',
  area: 'figureKind_area',
  share: 'figureKind_share',
  duration: 'figureKind_duration',
  count: 'figureKind_count',
  other: 'figureKind_other',
} as const satisfies Record<FigureKind, string>;

export function FigureTable({ rows, direction, onSort, caption }: { rows: readonly FigureRow[]; direction: SortDirection; onSort?: () => void; caption: string }) {
  const store = useAtlasStore();
  const { geo } = useAtlasData();
  const t = useT();
  return (
    <table className="fig-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" aria-sort={direction === 'desc' ? 'descending' : 'ascending'} className="fig-value-col">
            {onSort ? (
              <button type="button" className="linklike sort-button" onClick={onSort} title={direction === 'desc' ? t('figuresSortAsc') : t('figuresSortDesc')}>
                {t('figuresValue')} {direction === 'desc' ? '↓' : '↑'}
              </button>
            ) : (
              t('figuresValue')
            )}
          </th>
          <th scope="col">{t('figuresContext')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const actor = r.practice.actors[0];
          return (
            <tr key={`${r.practice.id}:${r.order}`} data-figure={r.figure.raw} data-practice={r.practice.id}>
              <td className="fig-raw" lang="zh-CN">{r.figure.raw}</td>
              <td>
                <span className="fig-phrase" lang="zh-CN">{r.figure.phrase}</span>
                <button type="button" className="linklike fig-source" onClick={() => store.getState().select(practiceSelection(r.practice.id))}>
                  {actor ? <PlaceName adcode={actor.adcode} zh={fullPlaceName(actor.adcode, geo.gazetteer)} /> : ''} · <span lang="zh-CN">{itemNumber(r.practice)}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function FiguresIndex() {
  const practices = useFiltered();
  const t = useT();
  const [direction, setDirection] = useState<SortDirection>('desc');
  const [kind, setKind] = useState<FigureKind | 'all'>('all');
  const groups = useMemo(() => figureIndex(practices, direction), [practices, direction]);
  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const shown = kind === 'all' ? groups : groups.filter((g) => g.kind === kind);
  const flip = () => setDirection((d) => (d === 'desc' ? 'asc' : 'desc'));

  return (
    <section className="related-index" data-testid="figures-index" aria-labelledby="figures-heading">
      <h2 id="figures-heading" className="panel-title small">
        {t('figuresIndex')} <span className="count">{t('figuresCount', { n: total })}</span>
      </h2>
      <p className="index-note">{t('indexFollowsFilters', { n: practices.length })}</p>
      <div className="index-controls">
        <label>
          <span className="label">{t('figuresKind')}</span>{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as FigureKind | 'all')} data-testid="figures-kind">
            <option value="all">{t('figuresKindAll')}</option>
            {FIGURE_KINDS.map((k) => {
              const n = groups.find((g) => g.kind === k)?.rows.length ?? 0;
              return (
                <option key={k} value={k} disabled={n === 0}>
                  {t(KIND_KEY[k])} ({n})
                </option>
              );
            })}
          </select>
        </label>
        <button type="button" className="text-button" onClick={flip} data-testid="figures-sort" data-direction={direction}>
          {t('figuresSort')}{direction === 'desc' ? t('figuresSortDesc') : t('figuresSortAsc')}
        </button>
      </div>
      {total === 0 ? (
        <p className="empty">{t('figuresNone')}</p>
      ) : (
        shown.map((g) => (
          <section key={g.kind} className="fig-group" data-kind={g.kind} aria-labelledby={`fig-${g.kind}`}>
            <h3 id={`fig-${g.kind}`} className="fig-group-title">
              {t(KIND_KEY[g.kind])} <span className="count">{g.rows.length}</span>
            </h3>
            <FigureTable rows={g.rows} direction={direction} onSort={flip} caption={t(KIND_KEY[g.kind])} />
          </section>
        ))
      )}
    </section>
  );
}
