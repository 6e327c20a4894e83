// The side panel for a selected region or practice. Reads the store and the dataset; never touches the map.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useAtlasData } from '../data/context';
import { useAtlas, useAtlasStore } from '../store/store';
import { groupByCity, groupByTaxonomy, practiceById, practicesOfRegion } from '../store/selectors';
import { practiceSelection, regionSelection } from '../store/selection';
import { useFiltered, useT } from '../store/hooks';
import { fullPlaceName, itemNumber, levelKey } from '../format/places';
import { PracticeCard } from '../ui/PracticeCard';
import { PlaceName, TaxonomyTitle } from '../ui/english';
import { levelLabel, unitTypeLabel } from '../format/levels';
import { fromKeyboard, requestPanelFocus, takePanelFocus } from './focusIntent';
import { programmesOfRegion } from '../store/programmes';
import { ProgrammeName } from '../ui/programmes';
import './panels.css';
import type { Practice } from '../types';
import { isProvince as isProvinceCode } from '../geometry/adcode';

function PanelHeader({ title, subtitle, focusKey }: { title: ReactNode; subtitle: ReactNode; focusKey: string }) {
  const store = useAtlasStore();
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened from the keyboard (Enter in the list), the panel takes the focus the unmounted list dropped.
  useEffect(() => {
    if (takePanelFocus()) headingRef.current?.focus({ preventScroll: true });
  }, [focusKey]);
  return (
    <header className="panel-header">
      <div>
        <h2 className="panel-title" ref={headingRef} tabIndex={-1} data-testid="panel-title">
          {title}
        </h2>
        <p className="panel-subtitle">{subtitle}</p>
      </div>
      <button type="button" className="icon-button" aria-label={t('close')} onClick={() => store.getState().clearSelection()}>
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
          <h3 className="mechanism-title">
            {multiBatch ? <span lang="zh-CN">{g.batch.title} · </span> : ''}
            <span lang="zh-CN">{g.mechanism.code}、</span>
            <TaxonomyTitle zh={g.mechanism.title} />
          </h3>
          {g.measures.map((m) => (
            <section key={m.key} className="measure-group">
              <h4 className="measure-title">
                <span lang="zh-CN">{m.measure.code}</span>
                <TaxonomyTitle zh={m.measure.title} />
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

/**
 * Issue 27: the programmes this region is a unit of, and those it lies inside (a district of 成都市 in the 2021
 * pilot); nothing for a region in none.
 */
function RegionProgrammes({ adcode }: { adcode: number }) {
  const { dataset, geo } = useAtlasData();
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const g = geo.gazetteer.get(adcode);
  const place = useMemo(() => {
    if (!g) return null;
    const province = Math.floor(adcode / 10000) * 10000;
    const parent = geo.gazetteer.get(g.parent);
    return { adcode, name: g.name, level: g.level, province, ...(g.level === 'district' && parent?.level === 'city' ? { city: parent.adcode } : {}) };
  }, [adcode, g, geo]);
  if (!place || !dataset.programmes?.length) return null;
  const { unitOf, inside } = programmesOfRegion(dataset, place);
  if (unitOf.length === 0 && inside.length === 0) return null;
  const sep = lang === 'zh' ? '；' : '; ';
  return (
    <div className="region-programmes" data-testid="region-programmes" data-programmes={unitOf.map((p) => p.id).join(',')}>
      {unitOf.length > 0 && (
        <p>
          <span className="programme-label">{t('programmeUnitOf')}</span>
          {unitOf.map((p, i) => (
            <span key={p.id} data-programme={p.id}>
              {i > 0 ? sep : ''}
              <ProgrammeName programme={p} />
              {p.status === '公示' ? ` (${t('programmeProposed')})` : ''}
            </span>
          ))}
        </p>
      )}
      {inside.length > 0 && (
        <p>
          {inside.map(({ programme, unit }, i) => (
            <span key={programme.id} data-inside={programme.id}>
              {i > 0 ? sep : ''}
              <span className="programme-label">{t('programmeInside', { unit: unit.published })}</span>
              <ProgrammeName programme={programme} />
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

function RegionDetail({ adcode }: { adcode: number }) {
  const store = useAtlasStore();
  const { dataset, geo } = useAtlasData();
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const filtered = useFiltered();
  const practices = useMemo(() => practicesOfRegion(dataset, filtered, adcode), [dataset, filtered, adcode]);
  const g = geo.gazetteer.get(adcode);
  const name = g ? fullPlaceName(adcode, geo.gazetteer) : String(adcode);
  // A provincial unit says what kind it is (省, 自治区, 直辖市, 特别行政区); below it, the level.
  const kind = g ? (g.level === 'province' ? unitTypeLabel(adcode, lang) : t(levelKey(g.level))) : '';
  const subtitle = `${kind} · ${t('adcode')} ${adcode} · ${t('practicesCount', { n: practices.length })}`;
  const isProvince = isProvinceCode(adcode);
  const byCity = useMemo(
    () => (isProvince ? groupByCity(dataset, practices, adcode, (a) => geo.gazetteer.get(a)?.name) : []),
    [dataset, practices, adcode, isProvince, geo],
  );

  return (
    <div className="detail" data-testid="detail-panel" data-region={adcode}>
      <PanelHeader title={<PlaceName adcode={adcode} zh={name} />} subtitle={subtitle} focusKey={`r${adcode}`} />
      <RegionProgrammes adcode={adcode} />
      {practices.length === 0 && <p className="empty">{t('noResults')}</p>}
      {isProvince ? (
        <div className="city-groups">
          {byCity.map((c) => (
            <section key={c.adcode ?? 'province'} className="city-group">
              <h3 className="city-title" data-testid={c.adcode === null ? 'province-level-group' : undefined}>
                {c.adcode === null ? (
                  // The provincial unit as a whole, in its own word: 全省, 全区 or 全市 (北京, 重庆…).
                  levelLabel('province', adcode, lang)
                ) : (
                  <button
                    type="button"
                    className="linklike"
                    onClick={(e) => {
                      if (fromKeyboard(e)) requestPanelFocus();
                      store.getState().select(regionSelection(c.adcode!));
                    }}
                  >
                    <PlaceName adcode={c.adcode} zh={c.name} short />
                  </button>
                )}
                <span className="count"> {c.practices.length}</span>
              </h3>
              <ul className="headline-list">
                {c.practices.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      className="linklike"
                      lang="zh-CN"
                      onClick={(e) => {
                        if (fromKeyboard(e)) requestPanelFocus();
                        store.getState().select(practiceSelection(p.id));
                      }}
                    >
                      <span className="item-no">{itemNumber(p)}</span> {p.headline}
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
        title={actor ? <PlaceName adcode={actor.adcode} zh={fullPlaceName(actor.adcode, geo.gazetteer)} /> : t('selectedPractice')}
        subtitle={
          <>
            <span lang="zh-CN">{p.mechanism.code}、</span>
            <TaxonomyTitle zh={p.mechanism.title} /> › <span lang="zh-CN">{p.measure.code}</span>
            <TaxonomyTitle zh={p.measure.title} />
          </>
        }
        focusKey={`p${id}`}
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
