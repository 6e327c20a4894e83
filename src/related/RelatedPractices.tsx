// "相似做法" in a practice's card (issue 10): the related practices from other places, computed at build time (or
// on import), each with its place, headline and score; a click opens it, which also moves the map to it.
// All related practices are listed, those outside the current filters marked (see relatedItems).
import { useMemo } from 'react';
import { useAtlasData } from '../data/context';
import { useAtlasStore } from '../store/store';
import { practiceSelection } from '../store/selection';
import { practiceById } from '../store/selectors';
import { useFiltered, useT } from '../store/hooks';
import { fullPlaceName, itemNumber } from '../format/places';
import { PlaceName } from '../ui/english';
import type { Practice } from '../types';
import { practiceSet, relatedItems, scorePercent } from './relatedItems';
import './related.css';

export function RelatedPractices({ practice }: { practice: Practice }) {
  const store = useAtlasStore();
  const { dataset, geo } = useAtlasData();
  const t = useT();
  const filtered = useFiltered();
  const items = useMemo(() => {
    const inFilters = practiceSet(filtered);
    return relatedItems(practice, (id) => practiceById(dataset, id), (q) => inFilters.has(q));
  }, [practice, dataset, filtered]);
  if (items.length === 0) return null;
  const headingId = `rel-${practice.id}`;

  return (
    <section className="related" aria-labelledby={headingId} data-testid="related-practices">
      <p id={headingId} className="related-title">
        {t('relatedTitle')}
        <span className="related-hint">{t('relatedHint')}</span>
      </p>
      <ol className="related-list">
        {items.map(({ practice: q, score, inFilters }) => {
          const actor = q.actors[0];
          const placeName = actor ? fullPlaceName(actor.adcode, geo.gazetteer) : '';
          const pct = scorePercent(score);
          return (
            <li key={q.id}>
              <button
                type="button"
                className={`related-item${inFilters ? '' : ' outside'}`}
                data-related={q.id}
                onClick={() => store.getState().select(practiceSelection(q.id))}
                title={t('openPractice')}
              >
                <span className="related-place">
                  {actor ? <PlaceName adcode={actor.adcode} zh={placeName} /> : ''}
                  {q.actors.length > 1 ? ` +${q.actors.length - 1}` : ''}
                  <span className="related-no" lang="zh-CN">{itemNumber(q)}</span>
                </span>
                <span className="related-headline" lang="zh-CN">
                  {q.headline}
                </span>
                <span className="related-score" title={t('relatedScore', { p: pct })}>
                  <span className="related-bar" aria-hidden="true">
                    <span style={{ width: `${pct}%` }} />
                  </span>
                  <span aria-hidden="true">{pct}%</span>
                  <span className="visually-hidden">{t('relatedScore', { p: pct })}</span>
                </span>
                {!inFilters && <span className="related-outside">{t('relatedOutside')}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
