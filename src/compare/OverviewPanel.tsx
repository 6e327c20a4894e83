// The overview tab (issue 5): provinces ranked by practices, the provincial units with none ("not yet
// represented"), and compact bar charts by mechanism, measure, theme and level. Everything under the current
// filters; bars are plain HTML (no chart library).
import { useMemo } from 'react';
import { useAtlasData } from '../data/context';
import { useAtlas, useAtlasStore } from '../store/store';
import { classIndex } from '../store/selectors';
import { regionSelection } from '../store/selection';
import { classColors, paletteOf } from '../theme/palette';
import { useFiltered, useT, useProvinceBreaks } from '../store/hooks';
import { Bilingual, useEnglishNames } from '../ui/english';
import { levelFilterLabel } from '../format/levels';
import { placeNameEn, taxonomyEn } from '../format/names';
import { APART_UNITS, isMainlandUnit } from '../format/units';
import type { Level } from '../types';
import { distributions, missingProvinces, provinceList, provinceRanking, type Bar } from './compare';
import { programmesCoverage } from '../store/programmes';
import { ProgrammeCoverageView, ProgrammeSources } from '../ui/programmes';
import './compare.css';

function BarChart({
  id,
  title,
  bars,
  label,
  codeOf,
  selected,
  onToggle,
  note,
  dataLang,
}: {
  id: string;
  title: string;
  bars: Bar[];
  label: (b: Bar) => string;
  /** The table's numbering before the label (一、 or 一（一）): Chinese in every interface language. */
  codeOf?: (b: Bar) => string;
  selected: readonly string[];
  onToggle: (key: string) => void;
  note?: string;
  /** Set when the labels are data (taxonomy titles stay Chinese in every interface language). */
  dataLang?: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <section className="ov-section" aria-labelledby={`ov-${id}`} data-testid={`overview-${id}`}>
      <h3 id={`ov-${id}`} className="ov-h3">
        {title}
      </h3>
      <ul className="ov-bars">
        {bars.map((b) => {
          const on = selected.includes(b.key);
          const text = label(b);
          const code = codeOf?.(b) ?? '';
          return (
            <li key={b.key}>
              <button
                type="button"
                className={`ov-bar-row${b.count === 0 ? ' ov-zero' : ''}${b.parent ? ' ov-child' : ''}`}
                aria-pressed={on}
                data-key={b.key}
                data-count={b.count}
                title={code + text}
                onClick={() => onToggle(b.key)}
              >
                <span className="ov-bar-label" lang={dataLang}>
                  {code && !dataLang ? <span lang="zh-CN">{code}</span> : code}
                  {text}
                </span>
                <span className="ov-bar-track" aria-hidden="true">
                  <span className="ov-bar-fill" style={{ width: `${(100 * b.count) / max}%` }} />
                </span>
                <span className="ov-bar-count">{b.count}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {note && <p className="ov-note">{note}</p>}
    </section>
  );
}

export function OverviewPanel() {
  const store = useAtlasStore();
  const t = useT();
  const { dataset, geo } = useAtlasData();
  const practices = useFiltered();
  const filters = useAtlas((s) => s.filters);
  const lang = useAtlas((s) => s.lang);
  const theme = useAtlas((s) => s.theme);
  const { breaks } = useProvinceBreaks();
  const names = useEnglishNames();
  // Officials count the 31 省（区、市） of the mainland; 香港、澳门、台湾 are named on their own line (the map still
  // draws and colours them).
  const allUnits = useMemo(() => provinceList(geo.gazetteer), [geo]);
  const provinces = useMemo(() => allUnits.filter((p) => isMainlandUnit(p.adcode)), [allUnits]);
  const apartUnits = useMemo(() => APART_UNITS.flatMap((a) => allUnits.filter((p) => p.adcode === a)), [allUnits]);
  const ranking = useMemo(() => provinceRanking(dataset, practices, provinces), [dataset, practices, provinces]);
  const missing = useMemo(() => missingProvinces(dataset, practices, provinces), [dataset, practices, provinces]);
  const apart = useMemo(
    () => provinceRanking(dataset, practices, apartUnits, { includeZero: true }).sort((a, b) => APART_UNITS.indexOf(a.adcode) - APART_UNITS.indexOf(b.adcode)),
    [dataset, practices, apartUnits],
  );
  // Issue 27: each programme's units against the practices under the current filters, by the rule (programmes.ts).
  const programmes = useMemo(() => programmesCoverage(dataset, practices), [dataset, practices]);
  const apartWith = apart.filter((r) => r.count > 0);
  const apartWithout = apart.filter((r) => r.count === 0);
  const unitName = (adcode: number, short: string) => <Bilingual en={placeNameEn(names, adcode)} zh={short} />;
  const dist = useMemo(
    () => distributions(dataset, practices, { batches: filters.batches }),
    [dataset, practices, filters.batches],
  );
  // A measure reads with its mechanism's number (一（二）), as the ministry's table numbers it.
  const mechanismCode = new Map(dist.mechanisms.map((m) => [m.key, m.code]));
  // Ranking bars take the map's class colours, so a bar and its province on the map read the same.
  const colors = classColors(paletteOf(theme), breaks.length);
  const max = Math.max(1, ...ranking.map((r) => r.count));
  const st = store.getState;
  const sep = lang === 'en' ? ', ' : '、';

  return (
    <section className="overview-panel" data-testid="overview-panel" aria-labelledby="ov-heading">
      <h2 id="ov-heading" className="panel-title small">
        {t('overview')}
      </h2>
      <p className="panel-subtitle">{t('overviewSummary', { n: practices.length, p: ranking.length })}</p>

      <section className="ov-section" aria-labelledby="ov-ranking" data-testid="overview-ranking">
        <h3 id="ov-ranking" className="ov-h3">
          {t('ranking')} <span className="count">{t('rankingHint')}</span>
        </h3>
        {ranking.length === 0 ? (
          <p className="empty">{t('noResults')}</p>
        ) : (
          <ol className="ov-bars ov-ranking">
            {ranking.map((r) => {
              const ci = classIndex(r.count, breaks);
              return (
                <li key={r.adcode}>
                  <button
                    type="button"
                    className="ov-bar-row"
                    data-adcode={r.adcode}
                    data-count={r.count}
                    title={r.name}
                    onClick={() => st().select(regionSelection(r.adcode))}
                  >
                    <span className="ov-rank">{r.rank}</span>
                    <span className="ov-bar-label">{unitName(r.adcode, r.short)}</span>
                    <span className="ov-bar-track" aria-hidden="true">
                      <span
                        className="ov-bar-fill ov-classed"
                        style={{ width: `${(100 * r.count) / max}%`, background: ci >= 0 ? colors[ci] : undefined }}
                      />
                    </span>
                    <span className="ov-bar-count">{r.count}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section className="ov-section ov-missing" aria-labelledby="ov-missing" data-testid="missing-provinces" data-count={missing.length}>
        <h3 id="ov-missing" className="ov-h3">
          {t('notRepresented')} <span className="count">{missing.length}</span>
        </h3>
        {missing.length === 0 ? (
          <p className="ov-note">{t('notRepresentedNone')}</p>
        ) : (
          <p className="ov-missing-text">
            {t('notRepresentedCount', { n: missing.length })}
            {missing.map((p, i) => (
              <span key={p.adcode} className="ov-missing-name" data-adcode={p.adcode} title={p.name}>
                {unitName(p.adcode, p.short)}
                {i < missing.length - 1 ? sep : ''}
              </span>
            ))}
          </p>
        )}
      </section>

      <section className="ov-section ov-apart" aria-labelledby="ov-apart" data-testid="apart-units" data-with={apartWith.length}>
        <h3 id="ov-apart" className="ov-h3">
          {t('apartUnits')}
        </h3>
        <p className="ov-missing-text">
          {apartWith.map((r) => (
            <button
              key={r.adcode}
              type="button"
              className="linklike ov-apart-name"
              data-adcode={r.adcode}
              data-count={r.count}
              onClick={() => st().select(regionSelection(r.adcode))}
            >
              {t('apartCount', { name: lang === 'en' ? (placeNameEn(names, r.adcode) ?? r.short) : r.short, n: r.count })}
            </button>
          ))}
          {apartWith.length > 0 && apartWithout.length > 0 ? (lang === 'en' ? '; ' : '；') : ''}
          {apartWithout.length > 0 && (
            <span data-testid="apart-none" data-adcodes={apartWithout.map((r) => r.adcode).join(',')}>
              {t('apartNone', {
                names: apartWithout.map((r) => (lang === 'en' ? (placeNameEn(names, r.adcode) ?? r.short) : r.short)).join(sep),
              })}
            </span>
          )}
        </p>
        <p className="ov-note">{t('apartNote')}</p>
      </section>

      {programmes.length > 0 && (
        <section className="ov-section ov-programmes" aria-labelledby="ov-programmes" data-testid="overview-programmes">
          <h3 id="ov-programmes" className="ov-h3">
            {t('programmeOverview')}
          </h3>
          {programmes.map((c) => (
            <div key={c.programme.id} className="ov-programme">
              <ProgrammeCoverageView coverage={c} onPick={(adcode) => st().select(regionSelection(adcode))} />
              <ProgrammeSources programme={c.programme} />
            </div>
          ))}
          <p className="ov-note" data-testid="programme-rule">
            {t('programmeRule')}
          </p>
        </section>
      )}

      <p className="ov-note">{t('barsHint')}</p>
      <BarChart
        id="mechanisms"
        title={t('byMechanism')}
        bars={dist.mechanisms}
        codeOf={(b) => `${b.code}、`}
        label={(b) => taxonomyEn(names, b.label) ?? b.label}
        selected={filters.mechanisms}
        dataLang={names ? undefined : 'zh-CN'}
        onToggle={(k) => st().toggleMechanism(k)}
      />
      <BarChart
        id="measures"
        title={t('byMeasure')}
        bars={dist.measures}
        codeOf={(b) => `${mechanismCode.get(b.parent ?? '') ?? ''}${b.code}`}
        label={(b) => taxonomyEn(names, b.label) ?? b.label}
        selected={filters.measures}
        dataLang={names ? undefined : 'zh-CN'}
        onToggle={(k) => st().toggleMeasure(k)}
      />
      <BarChart
        id="themes"
        title={t('byTheme')}
        bars={dist.themes}
        label={(b) => (lang === 'en' && b.en ? b.en : b.label)}
        selected={filters.themes}
        onToggle={(k) => st().toggleTheme(k)}
      />
      <BarChart
        id="levels"
        title={t('byLevel')}
        bars={dist.levels}
        label={(b) => levelFilterLabel(b.key as Level, lang)}
        selected={filters.levels}
        onToggle={(k) => st().toggleLevel(k as Level)}
        note={t('levelsNote')}
      />
    </section>
  );
}
