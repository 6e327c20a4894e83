// The documents tab (issue 10): every 《…》 title cited by the filtered practices, with the places and practices
// citing it; searchable; a title cited from several places is marked 多地引用.
import { SearchField } from '../ui/SearchField';
import { useMemo, useState } from 'react';
import { useAtlasData } from '../data/context';
import { useAtlasStore } from '../store/store';
import { practiceSelection } from '../store/selection';
import { useFiltered, useT } from '../store/hooks';
import { fullPlaceName, itemNumber } from '../format/places';
import { PlaceName } from '../ui/english';
import { documentIndex, isMultiPlace, searchDocuments } from './indexes';
import './related.css';

export function DocumentsIndex() {
  const store = useAtlasStore();
  const practices = useFiltered();
  const { geo } = useAtlasData();
  const t = useT();
  const [query, setQuery] = useState('');
  const entries = useMemo(() => documentIndex(practices), [practices]);
  const shown = useMemo(
    () => searchDocuments(entries, query, (p) => fullPlaceName(p.adcode, geo.gazetteer)),
    [entries, query, geo],
  );

  return (
    <section className="related-index" data-testid="documents-index" aria-labelledby="documents-heading">
      <h2 id="documents-heading" className="panel-title small">
        {t('documentsIndex')} <span className="count">{t('documentsCount', { n: entries.length })}</span>
      </h2>
      <p className="index-note">{t('indexFollowsFilters', { n: practices.length })}</p>
      <SearchField
        id="documents-search"
        inputClassName="index-search"
        label={t('documentsSearch')}
        value={query}
        placeholder={t('documentsSearch')}
        onChange={setQuery}
        testid="documents-search"
      />
      {shown.length === 0 ? (
        <p className="empty">{entries.length === 0 ? t('documentsNone') : t('noResults')}</p>
      ) : (
        <ul className="doc-list">
          {shown.map((e) => (
            <li key={e.title} className="doc-entry" data-document={e.title}>
              <p className="doc-title">
                <cite lang="zh-CN">《{e.title}》</cite>
                {isMultiPlace(e) && <span className="badge multi">{t('documentsMulti', { n: e.places.length })}</span>}
              </p>
              <ul className="doc-citations" aria-label={t('documentsCitedBy', { n: e.practices.length })}>
                {e.practices.map((p) => {
                  const actor = p.actors[0];
                  return (
                    <li key={p.id}>
                      <button type="button" className="linklike cite-link" data-practice={p.id} onClick={() => store.getState().select(practiceSelection(p.id))}>
                        <span className="cite-place">
                          {actor ? <PlaceName adcode={actor.adcode} zh={fullPlaceName(actor.adcode, geo.gazetteer)} /> : ''}
                          {p.actors.length > 1 ? ` +${p.actors.length - 1}` : ''}
                        </span>
                        <span className="cite-no" lang="zh-CN">{itemNumber(p)}</span>
                        <span className="cite-headline" lang="zh-CN">{p.headline}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
