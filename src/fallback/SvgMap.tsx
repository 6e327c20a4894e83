// The map for computers without WebGL (or while a lost context is being restored): an SVG choropleth of the
// provinces with the same counts, classes, markers and clicks as the WebGL map, driven by the same store.
import { useEffect, useMemo, useState } from 'react';
import { useAtlasData } from '../data/context';
import { atlasStore, useAtlas } from '../store/store';
import { countsByRegion, markerPoints } from '../store/selectors';
import { classIndex } from '../store/classes';
import { regionSelection } from '../store/selection';
import { classColors, paletteOf } from '../theme/palette';
import { useFiltered, useT, useProvinceBreaks } from '../store/hooks';
import { provinceOf } from '../ingest/gazetteer';
import { fitMercator } from './svgProjection';

const W = 1000;
const H = 760;

/** `reason` null: the SVG map is only the first view while the WebGL map loads (no notice then). */
/** `notice`: what the notice says — WebGL missing (default), or a lost context being restored. */
export function SvgMap({ reason, onPainted, notice = 'webglMissing' }: { reason: string | null; onPainted?: () => void; notice?: 'webglMissing' | 'webglRestoring' }) {
  const { dataset, geo } = useAtlasData();
  const t = useT();
  const theme = useAtlas((s) => s.theme);
  const selection = useAtlas((s) => s.selection);
  const practices = useFiltered();
  const { breaks } = useProvinceBreaks();
  const [hover, setHover] = useState<string | null>(null);
  const palette = paletteOf(theme);
  const colors = classColors(palette, breaks.length);

  const fit = useMemo(() => fitMercator(geo.meta.nationalBounds, W, H), [geo]);
  const shapes = useMemo(
    () =>
      geo.provinces.features.map((f) => ({
        adcode: f.properties.adcode,
        name: f.properties.name,
        d: fit.path(f),
      })),
    [geo, fit],
  );
  const dash = useMemo(() => geo.dash.features.map((f) => fit.path(f)), [geo, fit]);
  const counts = useMemo(() => countsByRegion(dataset, practices), [dataset, practices]);
  const markers = useMemo(
    () =>
      markerPoints(dataset, practices)
        .map((m) => ({ ...m, seat: geo.gazetteer.get(m.adcode)?.center }))
        .filter((m): m is typeof m & { seat: [number, number] } => Boolean(m.seat)),
    [dataset, practices, geo],
  );
  const selectedProvince =
    selection.kind === 'region' ? provinceOf(selection.adcode) : null;

  // Tell the page once the choropleth is on screen (two frames: committed, then painted).
  useEffect(() => {
    if (!onPainted) return;
    let id = requestAnimationFrame(() => {
      id = requestAnimationFrame(() => onPainted());
    });
    return () => cancelAnimationFrame(id);
    // Only the first paint matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const pick = (adcode: number) => atlasStore.getState().select(regionSelection(adcode));

  return (
    <div className={`svg-map${reason === null ? ' first-view' : ''}`} data-testid="svg-map" data-state="idle">
      {reason !== null && (
        <p className="svg-map-notice" role="status">
          {t(notice)} <span className="visually-hidden">{reason}</span>
        </p>
      )}
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t('mapLabel')} preserveAspectRatio="xMidYMid meet">
        <rect width={W} height={H} fill={palette.background} />
        {shapes.map((s) => {
          const n = counts.get(s.adcode) ?? 0;
          const ci = classIndex(n, breaks);
          return (
            <path
              key={s.adcode}
              d={s.d}
              data-adcode={s.adcode}
              data-count={n}
              fill={ci < 0 ? palette.noData : colors[ci]}
              stroke={selectedProvince === s.adcode ? palette.selected : palette.outline}
              strokeWidth={selectedProvince === s.adcode ? 2.5 : 0.7}
              role="button"
              tabIndex={0}
              aria-label={t('countTooltip', { name: s.name, n })}
              onClick={() => pick(s.adcode)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  pick(s.adcode);
                }
              }}
              onMouseEnter={() => setHover(t('countTooltip', { name: s.name, n }))}
              onMouseLeave={() => setHover(null)}
            >
              <title>{t('countTooltip', { name: s.name, n })}</title>
            </path>
          );
        })}
        {dash.map((d, i) => (
          <path key={`dash${i}`} d={d} fill={palette.dash} stroke={palette.dash} strokeWidth={0.5} aria-hidden="true" />
        ))}
        {markers.map((m) => {
          const [x, y] = fit.point(m.seat);
          return (
            <circle
              key={m.adcode}
              cx={x}
              cy={y}
              r={4 + 3 * Math.sqrt(m.count)}
              fill={palette.marker}
              fillOpacity={0.9}
              stroke={palette.markerStroke}
              strokeWidth={1.5}
              data-adcode={m.adcode}
              role="button"
              tabIndex={0}
              aria-label={t('countTooltip', { name: m.name, n: m.count })}
              onClick={() => pick(m.adcode)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  pick(m.adcode);
                }
              }}
            >
              <title>{t('countTooltip', { name: m.name, n: m.count })}</title>
            </circle>
          );
        })}
      </svg>
      {hover && <div className="svg-map-tooltip">{hover}</div>}
    </div>
  );
}
