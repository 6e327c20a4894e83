// The legend reads the same breaks and colours as the map's step expression.
import { useAtlas, useAtlasStore } from '../store/store';
import { legendItems } from '../store/selectors';
import { classColors, paletteOf } from '../theme/palette';
import { useProvinceBreaks, useT } from '../store/hooks';
import { useAtlasData } from '../data/context';

export function Legend() {
  const t = useT();
  const theme = useAtlas((s) => s.theme);
  const { breaks, max } = useProvinceBreaks();
  const scope = useAtlas((s) => s.breaksScope);
  const store = useAtlasStore();
  const palette = paletteOf(theme);
  const colors = classColors(palette, breaks.length);
  const items = legendItems(breaks, max);
  const { dataset } = useAtlasData();
  const hasProgrammes = (dataset.programmes?.length ?? 0) > 0;
  const showProgrammes = useAtlas((s) => s.showProgrammes);
  const progFiltered = useAtlas((s) => s.filters.programmes.length > 0);
  const programmesShown = showProgrammes || progFiltered;
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
          onClick={() => store.getState().setBreaksScope(scope === 'all' ? 'filtered' : 'all')}
        >
          {t(scope === 'all' ? 'legendScopeToggleToFiltered' : 'legendScopeToggleToAll')}
        </button>
      </div>
      <div className="legend-marker">
        <span className="marker-dot" style={{ background: palette.marker }} />
        {t('markerLegend')}
      </div>
      {hasProgrammes && (
        // Issue 27: the programme units' outlines, toggled here; a `prog` filter shows its lists anyway.
        <div className="legend-programmes" data-testid="legend-programmes">
          <label>
            <input
              type="checkbox"
              data-testid="programme-layer-toggle"
              checked={programmesShown}
              disabled={progFiltered}
              onChange={(e) => store.getState().setShowProgrammes(e.currentTarget.checked)}
            />
            {t('programmeLayer')}
          </label>
          {programmesShown && (
            <ul className="legend-programme-keys">
              <li>
                <span className="programme-swatch" style={{ borderColor: palette.programme }} />
                {t('programmeLayerWith')}
              </li>
              <li>
                <span className="programme-swatch programme-swatch-dashed" style={{ borderColor: palette.programme }} />
                {t('programmeLayerWithout')}
              </li>
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
