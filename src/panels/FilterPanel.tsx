// Facets with live counts (each counted with the other facets applied), and "clear all".
import { useMemo } from 'react';
import { useAtlasData } from '../data/context';
import { atlasStore, useAtlas } from '../store/store';
import { facetCounts } from '../store/selectors';
import { isEmptyFilters, LEVELS, mechanismKeyOf, measureKeyOf } from '../store/filters';
import { useT } from '../store/hooks';
import { levelFilterLabel } from '../format/levels';
import { taxonomyEn } from '../format/names';
import { useEnglishNames, useLatinSearchNames } from './english';
import './panels.css';

function Option({
  checked,
  label,
  count,
  onChange,
  testid,
  dataLang,
  zhBeside,
}: {
  checked: boolean;
  label: string;
  /** The official Chinese beside an English (unofficial) label. */
  zhBeside?: string;
  /** Set for labels that are data (batch and taxonomy titles stay Chinese in every interface language). */
  dataLang?: string;
  count: number;
  onChange: () => void;
  testid?: string;
}) {
  return (
    <label className={`facet-option${count === 0 && !checked ? ' zero' : ''}`} data-testid={testid}>
      <input type="checkbox" checked={checked} onChange={onChange} />
      <span className="facet-label" lang={zhBeside ? 'en' : dataLang}>
        {label}
        {zhBeside && (
          <span className="zh-beside" lang="zh-CN">
            {' '}
            {zhBeside}
          </span>
        )}
      </span>
      <span className="facet-count" aria-hidden="false">
        {count}
      </span>
    </label>
  );
}

export function FilterPanel() {
  const { dataset } = useAtlasData();
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const filters = useAtlas((s) => s.filters);
  const counts = useMemo(() => facetCounts(dataset, filters), [dataset, filters]);
  const st = atlasStore.getState;
  useLatinSearchNames();
  const names = useEnglishNames();
  /** A taxonomy option: in English the (unofficial) English title with the Chinese beside it. */
  const taxonomyLabel = (code: string, sep: string, zh: string) => {
    const en = taxonomyEn(names, zh);
    return en ? { label: `${code}${sep}${en}`, zhBeside: zh } : { label: `${code}${sep}${zh}` };
  };

  return (
    <section className="filter-panel" aria-labelledby="filters-heading">
      <div className="filter-head">
        <h2 id="filters-heading" className="panel-title small">
          {t('filters')}
        </h2>
        <button type="button" className="text-button" disabled={isEmptyFilters(filters)} onClick={() => st().clearFilters()}>
          {t('clearAll')}
        </button>
      </div>

      {dataset.batches.length > 0 && (
        <fieldset className="facet">
          <legend>{t('batch')}</legend>
          {dataset.batches.map((b) => (
            <Option
              key={b.id}
              checked={filters.batches.includes(b.id)}
              label={b.title}
              dataLang="zh-CN"
              count={counts.batches.get(b.id) ?? 0}
              onChange={() => st().toggleBatch(b.id)}
            />
          ))}
        </fieldset>
      )}

      <fieldset className="facet">
        <legend>
          {t('mechanism')} › {t('measure')}
        </legend>
        {dataset.batches.map((b) =>
          b.taxonomy.map((m) => {
            const mk = mechanismKeyOf(b.id, m.index);
            return (
              <div key={mk} className="facet-tree">
                <Option
                  testid={`mechanism-${mk}`}
                  checked={filters.mechanisms.includes(mk)}
                  {...taxonomyLabel(`${dataset.batches.length > 1 ? `[${b.id}] ` : ''}${m.code}`, '、', m.title)}
                  dataLang="zh-CN"
                  count={counts.mechanisms.get(mk) ?? 0}
                  onChange={() => st().toggleMechanism(mk)}
                />
                <div className="facet-children">
                  {m.measures.map((ms) => {
                    const key = measureKeyOf(b.id, m.index, ms.index);
                    return (
                      <Option
                        key={key}
                        testid={`measure-${key}`}
                        checked={filters.measures.includes(key)}
                        {...taxonomyLabel(ms.code, '', ms.title)}
                        dataLang="zh-CN"
                        count={counts.measures.get(key) ?? 0}
                        onChange={() => st().toggleMeasure(key)}
                      />
                    );
                  })}
                </div>
              </div>
            );
          }),
        )}
      </fieldset>

      {names && <p className="facet-note">{t('taxonomyEnNote')}</p>}

      <fieldset className="facet">
        <legend>{t('theme')}</legend>
        <p className="facet-note" data-testid="themes-how">
          {t('themesHow')}
        </p>
        <div className="facet-grid">
          {dataset.themes.map((th) => (
            <Option
              key={th.key}
              testid={`theme-${th.key}`}
              checked={filters.themes.includes(th.key)}
              label={lang === 'en' ? th.en : th.zh}
              count={counts.themes.get(th.key) ?? 0}
              onChange={() => st().toggleTheme(th.key)}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="facet">
        <legend>{t('level')}</legend>
        {LEVELS.map((lv) => (
          <Option
            key={lv}
            testid={`level-${lv}`}
            checked={filters.levels.includes(lv)}
            label={levelFilterLabel(lv, lang)}
            count={counts.levels.get(lv) ?? 0}
            onChange={() => st().toggleLevel(lv)}
          />
        ))}
      </fieldset>
    </section>
  );
}
