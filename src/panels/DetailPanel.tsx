// The side panel for a selected region or practice. Reads the store and the dataset; never touches the map.
import { useMemo } from 'react';
import { useAtlasData } from '../data/context';
import { atlasStore, useAtlas } from '../store/store';
import { groupByCity, groupByTaxonomy, practiceById, practicesOfRegion } from '../store/selectors';
import { practiceSelection, regionSelection } from '../store/selection';
import { useFiltered, useT } from '../store/hooks';
import { fullPlaceName, levelKey } from '../format/places';
import { PracticeCard } from './PracticeCard';
import type { Practice } from '../types';

function PanelHeader({ title, subtitle, subtitleLang }: { title: string; subtitle: string; subtitleLang?: string }) {
  const t = useT();
  return (
    <header className="panel-header">
      <div>
        {/* Titles are place names: Chinese data in either interface language. */}
        <h2 className="panel-title" lang="zh-CN">
          {title}
        </h2>
        <p className="panel-subtitle" lang={subtitleLang}>
          {subtitle}
        </p>
      </div>
      <button type="button" className="icon-button" aria-label={t('close')} onClick={() => atlasStore.getState().clearSelection()}>
        ×
      </button>
    </header>
  );
}

/** Practices nested 政策机制 → 主要举措, each in full. */
function TaxonomyGroups({ practices }: { practices: Practice[] }) {
  const { dataset } = useAtlasData();
  const groups = useMemo(() => groupByTaxonomy(dataset, practices), [dataset, practices]);
  const multiBatch = new Set(groups.map((g) => g.batch.id)).size > 1;
  return (
    <div className="taxonomy-groups">
      {groups.map((g) => (
        <section key={g.key} className="mechanism-group">
          <h3 className="mechanism-title" lang="zh-CN">
            {multiBatch ? `${g.batch.title} · ` : ''}
            {g.mechanism.code}、{g.mechanism.title}
          </h3>
          {g.measures.map((m) => (
            <section key={m.key} className="measure-group">
              <h4 className="measure-title" lang="zh-CN">
                {m.measure.code}
                {m.measure.title}
              </h4>
              {m.practices.map((p) => (
                <PracticeCard key={p.id} practice={p} headingLevel={4} />
              ))}
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

function RegionDetail({ adcode }: { adcode: number }) {
  const { dataset, geo } = useAtlasData();
  const t = useT();
  const filtered = useFiltered();
  const practices = useMemo(() => practicesOfRegion(dataset, filtered, adcode), [dataset, filtered, adcode]);
  const g = geo.gazetteer.get(adcode);
  const name = g ? fullPlaceName(adcode, geo.gazetteer) : String(adcode);
  const subtitle = `${g ? t(levelKey(g.level)) : ''} · ${t('adcode')} ${adcode} · ${t('practicesCount', { n: practices.length })}`;
  const isProvince = adcode % 10000 === 0;
  const byCity = useMemo(
    () => (isProvince ? groupByCity(dataset, practices, adcode, (a) => geo.gazetteer.get(a)?.name) : []),
    [dataset, practices, adcode, isProvince, geo],
  );

  return (
    <div className="detail" data-testid="detail-panel" data-region={adcode}>
      <PanelHeader title={name} subtitle={subtitle} />
      {practices.length === 0 && <p className="empty">{t('noResults')}</p>}
      {isProvince ? (
        <div className="city-groups">
          {byCity.map((c) => (
            <section key={c.adcode ?? 'province'} className="city-group">
              <h3 className="city-title">
                {c.adcode === null ? (
                  t('provinceLevelGroup')
                ) : (
                  <button type="button" className="linklike" lang="zh-CN" onClick={() => atlasStore.getState().select(regionSelection(c.adcode!))}>
                    {c.name}
                  </button>
                )}
                <span className="count"> {c.practices.length}</span>
              </h3>
              <ul className="headline-list">
                {c.practices.map((p) => (
                  <li key={p.id}>
                    <button type="button" className="linklike" lang="zh-CN" onClick={() => atlasStore.getState().select(practiceSelection(p.id))}>
                      <span className="item-no">{p.mechanism.code}{p.measure.code}{p.item}</span> {p.headline}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : (
        <TaxonomyGroups practices={practices} />
      )}
    </div>
  );
}

function PracticeDetail({ id }: { id: string }) {
  const { dataset, geo } = useAtlasData();
  const t = useT();
  const p = practiceById(dataset, id);
  if (!p) return null;
  const actor = p.actors[0];
  return (
    <div className="detail" data-testid="detail-panel" data-practice={id}>
      <PanelHeader
        title={actor ? fullPlaceName(actor.adcode, geo.gazetteer) : t('selectedPractice')}
        subtitle={`${p.mechanism.code}、${p.mechanism.title} › ${p.measure.code}${p.measure.title}`}
        subtitleLang="zh-CN"
      />
      <PracticeCard practice={p} />
    </div>
  );
}

export function DetailPanel() {
  const selection = useAtlas((s) => s.selection);
  if (selection.kind === 'region') return <RegionDetail adcode={selection.adcode} />;
  if (selection.kind === 'practice') return <PracticeDetail id={selection.id} />;
  return null;
}
