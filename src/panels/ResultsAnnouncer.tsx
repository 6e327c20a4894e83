// Tells screen-reader users how many practices and provinces the filters leave, after each change.
import { useAtlas } from '../store/store';
import { useAtlasData } from '../data/context';
import { countsByRegion } from '../store/selectors';
import { useFiltered, useT } from '../store/hooks';
import { usePlaceText } from '../ui/english';
import { splitUnits } from '../format/units';
import { isProvince } from '../geometry/adcode';

/** Announces the size of the result set to screen readers after each filter change. */
export function ResultsAnnouncer() {
  const t = useT();
  const { dataset } = useAtlasData();
  const practices = useFiltered();
  const provinces = [...countsByRegion(dataset, practices).keys()].filter(isProvince);
  // Counted as officials count: the mainland's 省（区、市）, with 香港、澳门、台湾 named apart (OFFICIAL-CONVENTIONS).
  const { mainland, apart } = splitUnits(provinces, (a) => a);
  const placeText = usePlaceText();
  const lang = useAtlas((s) => s.lang);
  const names = apart.map(placeText).join(lang === 'zh' ? '、' : ', ');
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="results-announce">
      {t('resultsAnnounce', { n: practices.length, p: mainland.length })}
      {apart.length > 0 && t('resultsAnnounceApart', { names })}
    </p>
  );
}
