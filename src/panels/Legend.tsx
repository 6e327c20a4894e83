// The legend reads the same breaks and colours as the map's step expression.
import { atlasStore, useAtlas } from '../store/store';
import { legendItems } from '../store/selectors';
import { classColors, paletteOf } from '../theme/palette';
import { useProvinceBreaks, useT } from '../store/hooks';

export function Legend() {
  const t = useT();
  const theme = useAtlas((s) => s.theme);
  const { breaks, max } = useProvinceBreaks();
  const scope = useAtlas((s) => s.breaksScope);
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
      <div className="legend-scope" data-testid="legend-scope">
        {t(scope === 'all' ? 'legendScopeAll' : 'legendScopeFiltered')}
        <button
          type="button"
          className="text-button"
          onClick={() => atlasStore.getState().setBreaksScope(scope === 'all' ? 'filtered' : 'all')}
        >
          {t(scope === 'all' ? 'legendScopeToggleToFiltered' : 'legendScopeToggleToAll')}
        </button>
      </div>
      <div className="legend-marker">
        <span className="marker-dot" style={{ background: palette.marker }} />
        {t('markerLegend')}
      </div>
    </div>
  );
}
