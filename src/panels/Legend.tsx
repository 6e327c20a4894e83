// The legend reads the same breaks and colours as the map's step expression.
import { useMemo } from 'react';
import { useAtlasData } from '../data/context';
import { useAtlas } from '../store/store';
import { classBreaks, countsByRegion, legendItems } from '../store/selectors';
import { classColors, paletteOf } from '../map/style';
import { useFiltered, useT } from '../app/derived';

export function useProvinceBreaks(): { breaks: number[]; max: number } {
  const { dataset, geo } = useAtlasData();
  const practices = useFiltered();
  return useMemo(() => {
    const counts = countsByRegion(dataset, practices);
    const values = geo.provinces.features.map((f) => counts.get(f.properties.adcode) ?? 0);
    return { breaks: classBreaks(values), max: Math.max(0, ...values) };
  }, [dataset, geo, practices]);
}

export function Legend() {
  const t = useT();
  const theme = useAtlas((s) => s.theme);
  const { breaks, max } = useProvinceBreaks();
  const palette = paletteOf(theme);
  const colors = classColors(palette, breaks.length);
  const items = legendItems(breaks, max);
  return (
    <div className="legend" data-testid="legend" aria-label={t('legendTitle')}>
      <div className="legend-title">{t('legendTitle')}</div>
      <ul>
        <li>
          <span className="swatch" style={{ background: palette.noData }} />
          {t('legendNone')}
        </li>
        {items.map((it, i) => (
          <li key={it.from}>
            <span className="swatch" style={{ background: colors[i] }} />
            {it.label}
          </li>
        ))}
      </ul>
      <div className="legend-marker">
        <span className="marker-dot" style={{ background: palette.marker }} />
        {t('markerLegend')}
      </div>
    </div>
  );
}
