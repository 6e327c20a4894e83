// Facets with live counts (each counted with the other facets applied), and "clear all".
import { useMemo } from 'react';
import { useAtlasData } from '../data/context';
import { useAtlas, useAtlasStore } from '../store/store';
import { facetCounts, type FacetCounts } from '../store/selectors';
import { FACETS, type FacetDef, isEmptyFilters, mechanismKeyOf, measureKeyOf } from '../store/filters';
import { useT } from '../store/hooks';
import { taxonomyEn } from '../format/names';
import { useEnglishNames, useLatinSearchNames } from '../ui/english';
import './panels.css';

function Option({
  checked,
  label,
  count,
  onChange,
  testid,
  dataLang,
  zhBeside,
  code,
}: {
  checked: boolean;
  label: string;
  /** The table's numbering before an English label (一、, （一）): Chinese, marked so. */
  code?: string;
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
        {code && <span lang="zh-CN">{code}</span>}
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

/** A facet of the registry other than the taxonomy, typed loosely: the panel only reads and toggles its options. */
type SetFacetDef = FacetDef<(typeof FACETS)[number]['key'], string | number>;

/** One facet of the registry as checkboxes with live counts: every option of the dataset, zero counts too. */
function SetFacet({ def, counts }: { def: SetFacetDef; counts: Map<string | number, number> }) {
  const store = useAtlasStore();
  const { dataset } = useAtlasData();
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const chosen: readonly (string | number)[] = useAtlas((s) => s.filters[def.key]);
  // Options come from the counts (the index lists the registry's options, then any other value a practice has).
  const options = [...counts.keys()];
  if (options.length === 0) return null;
  const boxes = options.map((v) => (
    <Option
      key={v}
      testid={`${def.label}-${v}`}
      checked={chosen.includes(v)}
      label={def.optionLabel(v, dataset, lang)}
      dataLang={def.dataLang}
      count={counts.get(v) ?? 0}
      onChange={() => store.getState().toggleFacet(def.key, v as never)}
    />
  ));
  return (
    <fieldset className="facet" data-facet={def.key}>
      <legend>{t(def.label)}</legend>
      {def.note && (
        <p className="facet-note" data-testid={`${def.key}-how`}>
          {t(def.note)}
        </p>
      )}
      {def.panel === 'grid' ? <div className="facet-grid">{boxes}</div> : boxes}
    </fieldset>
  );
}

/** Mechanisms and measures: one facet (the taxonomy), drawn as the table's tree. */
function TaxonomyFacet({ counts }: { counts: FacetCounts }) {
  const store = useAtlasStore();
  const { dataset } = useAtlasData();
  const t = useT();
  const filters = useAtlas((s) => s.filters);
  const st = store.getState;
  const names = useEnglishNames();
  /** A taxonomy option: in English the (unofficial) English title with the Chinese beside it. */
  const taxonomyLabel = (code: string, sep: string, zh: string) => {
    const en = taxonomyEn(names, zh);
    return en ? { code: `${code}${sep}`, label: en, zhBeside: zh } : { label: `${code}${sep}${zh}` };
  };

  return (
    <>
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
    </>
  );
}

export function FilterPanel() {
  const store = useAtlasStore();
  const { dataset } = useAtlasData();
  const t = useT();
  const filters = useAtlas((s) => s.filters);
  const counts = useMemo(() => facetCounts(dataset, filters), [dataset, filters]);
  useLatinSearchNames();

  return (
    <section className="filter-panel" aria-labelledby="filters-heading">
      <div className="filter-head">
        <h2 id="filters-heading" className="panel-title small">
          {t('filters')}
        </h2>
        <button type="button" className="text-button" disabled={isEmptyFilters(filters)} onClick={() => store.getState().clearFilters()}>
          {t('clearAll')}
        </button>
      </div>

      {FACETS.map((d) =>
        d.panel === 'taxonomy' ? (
          d.key === 'mechanisms' && <TaxonomyFacet key="taxonomy" counts={counts} />
        ) : (
          <SetFacet key={d.key} def={d as SetFacetDef} counts={counts[d.key] as Map<string | number, number>} />
        ),
      )}
    </section>
  );
}
