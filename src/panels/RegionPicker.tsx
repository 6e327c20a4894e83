// Every region reachable without the map: a native select (keyboard and screen-reader friendly by construction)
// of the 34 provincial units and, under each, the cities and districts that have practices.
import { useMemo } from 'react';
import { useAtlasData } from '../data/context';
import { useAtlas, useAtlasStore } from '../store/store';
import { countsByRegion } from '../store/selectors';
import { regionSelection } from '../store/selection';
import { useFiltered, useT } from '../store/hooks';
import { practiceById } from '../store/selectors';
import { useEnglishNames } from '../ui/english';
import { placeNameEn } from '../format/names';

export function RegionPicker() {
  const store = useAtlasStore();
  const { dataset, geo } = useAtlasData();
  const t = useT();
  const practices = useFiltered();
  const selection = useAtlas((s) => s.selection);
  const counts = useMemo(() => countsByRegion(dataset, practices), [dataset, practices]);
  const groups = useMemo(() => {
    const provinces = geo.provinces.features.map((f) => f.properties.adcode).sort((a, b) => a - b);
    // Places below province level that any practice belongs to (the dataset's actors), under their province.
    const below = new Map<number, number[]>();
    for (const p of dataset.practices)
      for (const a of p.actors) {
        if (a.level === 'province') continue;
        const list = below.get(a.province) ?? [];
        if (!list.includes(a.adcode)) list.push(a.adcode);
        below.set(a.province, list);
      }
    return provinces.map((adcode) => ({ adcode, places: (below.get(adcode) ?? []).sort((a, b) => a - b) }));
  }, [dataset, geo]);
  // A practice that is open shows its (first) place: the menu says where the map is (issue 26.6).
  const place =
    selection.kind === 'region'
      ? selection.adcode
      : selection.kind === 'practice'
        ? (practiceById(dataset, selection.id)?.actors[0]?.adcode ?? null)
        : null;
  const value = place === null ? '' : String(place);
  const names = useEnglishNames();
  const lang = useAtlas((s) => s.lang);
  // In English, official English names for provinces and pinyin for cities. An option holds plain text only, so it
  // cannot mark a Chinese part beside the English one: the English name stands alone, and a place whose English
  // name has not loaded (or does not exist) keeps its Chinese name, marked as Chinese for screen readers.
  const name = (adcode: number) => {
    const zh = geo.gazetteer.get(adcode)?.name ?? String(adcode);
    const en = lang === 'en' ? placeNameEn(names, adcode) : undefined;
    return en ?? zh;
  };
  const langOf = (adcode: number) => (lang === 'en' && placeNameEn(names, adcode) ? 'en' : 'zh-CN');

  return (
    <div className="region-picker">
      <label htmlFor="region-picker">{t('regionPicker')}</label>
      <select
        id="region-picker"
        value={value}
        data-testid="region-picker"
        onChange={(e) => {
          const adcode = Number(e.target.value);
          if (adcode) store.getState().select(regionSelection(adcode));
          else store.getState().clearSelection();
        }}
      >
        <option value="">{t('national')}</option>
        {groups.map((g) => (
          <optgroup key={g.adcode} label={name(g.adcode)} lang={langOf(g.adcode)}>
            <option value={g.adcode} lang={langOf(g.adcode)}>
              {name(g.adcode)} ({counts.get(g.adcode) ?? 0})
            </option>
            {g.places.map((a) => (
              <option key={a} value={a} lang={langOf(a)}>
                {'　'}
                {name(a)} ({counts.get(a) ?? 0})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
