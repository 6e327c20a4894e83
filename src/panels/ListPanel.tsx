// The filtered practices as a keyboard-navigable listbox. Virtualised: with 100,000 practices only the rows on
// screen exist in the DOM.
import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useAtlasData } from '../data/context';
import { useAtlasStore } from '../store/store';
import { practiceSelection } from '../store/selection';
import { useFiltered, useT } from '../store/hooks';
import { fullPlaceName, itemNumber } from '../format/places';
import { PlaceName } from '../ui/english';
import { requestPanelFocus } from './focusIntent';

const ROW_ESTIMATE = 64;

export function ListPanel() {
  const store = useAtlasStore();
  const practices = useFiltered();
  const { geo } = useAtlasData();
  const t = useT();
  const parentRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: practices.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
  });

  // A new result set starts at its first row.
  useEffect(() => setActive(0), [practices]);

  const open = (i: number) => {
    const p = practices[i];
    if (p) store.getState().select(practiceSelection(p.id));
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const last = practices.length - 1;
    let next: number;
    if (e.key === 'ArrowDown') next = Math.min(last, active + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, active - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    else if (e.key === 'PageDown') next = Math.min(last, active + 10);
    else if (e.key === 'PageUp') next = Math.max(0, active - 10);
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      requestPanelFocus();
      open(active);
      return;
    } else return;
    e.preventDefault();
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const activeId = practices[active] ? `opt-${practices[active]!.id}` : undefined;

  return (
    <section className="list-panel" aria-labelledby="list-heading" id="practice-list">
      <h2 id="list-heading" className="panel-title small">
        {t('list')} <span className="count">{t('practicesCount', { n: practices.length })}</span>
      </h2>
      {practices.length === 0 ? (
        <p className="empty">{t('noResults')}</p>
      ) : (
        <div
          ref={parentRef}
          className="list-scroll"
          role="listbox"
          tabIndex={0}
          aria-label={t('list')}
          aria-activedescendant={activeId}
          onKeyDown={onKeyDown}
          data-testid="practice-list"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const p = practices[row.index]!;
              const actor = p.actors[0];
              return (
                <div
                  key={p.id}
                  id={`opt-${p.id}`}
                  role="option"
                  aria-selected={row.index === active}
                  data-index={row.index}
                  data-practice={p.id}
                  ref={virtualizer.measureElement}
                  className={`list-row${row.index === active ? ' active' : ''}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
                  onClick={() => {
                    setActive(row.index);
                    open(row.index);
                  }}
                >
                  <span className="list-place">
                    {actor ? <PlaceName adcode={actor.adcode} zh={fullPlaceName(actor.adcode, geo.gazetteer)} /> : ''}
                    {p.actors.length > 1 ? ` +${p.actors.length - 1}` : ''}
                  </span>
                  <span className="item-no" lang="zh-CN">
                    {itemNumber(p)}
                  </span>
                  <span className="list-headline" lang="zh-CN">
                    {p.headline}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
