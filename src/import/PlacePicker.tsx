// Choose a gazetteer unit by name: the ambiguity's candidates as quick choices, and a search over the gazetteer.
import { SearchField } from '../ui/SearchField';
import { useId, useMemo, useState } from 'react';
import { useAtlasData } from '../data/context';
import { useImportT } from './strings';
import type { GazetteerEntry } from '../types';
import { chainName, searchGazetteer } from './resolve';

export function PlacePicker({
  label,
  candidates,
  initialQuery,
  chosen,
  onChoose,
  testid,
}: {
  label: string;
  candidates: readonly number[];
  initialQuery: string;
  chosen: number | undefined;
  onChoose: (adcode: number | undefined) => void;
  testid?: string;
}) {
  const t = useImportT();
  const { geo } = useAtlasData();
  const entries = useMemo<GazetteerEntry[]>(() => [...geo.gazetteer.values()], [geo.gazetteer]);
  const [query, setQuery] = useState(initialQuery);
  const id = useId();
  const results = useMemo(() => searchGazetteer(entries, query, 8), [entries, query]);
  const name = (code: number) => chainName(code, geo.gazetteer);

  if (chosen !== undefined)
    return (
      <div className="place-picker chosen" data-testid={testid} data-chosen={chosen}>
        <span>{t('importChosen', { name: name(chosen) })}</span>
        <button type="button" className="text-button small" onClick={() => onChoose(undefined)}>
          {t('importChange')}
        </button>
      </div>
    );
  return (
    <div className="place-picker" data-testid={testid}>
      {candidates.length > 0 && (
        <div className="picker-candidates">
          <span className="label">{t('importCouldBe')}</span>
          {candidates.map((c) => (
            <button key={c} type="button" className="chip" onClick={() => onChoose(c)} data-adcode={c}>
              {name(c)}
            </button>
          ))}
        </div>
      )}
      <SearchField
        id={`${id}-q`}
        label={label}
        visibleLabel
        value={query}
        placeholder={t('importSearchPlace')}
        onChange={setQuery}
        controls={`${id}-results`}
      />
      <ul id={`${id}-results`} className="picker-results" aria-live="polite">
        {query.trim() !== '' && results.length === 0 && <li className="empty">{t('importNoMatch')}</li>}
        {results.map((e) => (
          <li key={e.adcode}>
            <button type="button" className="linklike" onClick={() => onChoose(e.adcode)} data-adcode={e.adcode}>
              {name(e.adcode)} <span className="count">{e.adcode}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
