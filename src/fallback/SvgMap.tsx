// The map for computers without WebGL (or while a lost context is being restored): an SVG choropleth of the
// provinces with the same counts, classes, markers and clicks as the WebGL map, driven by the same store. It draws
// the national scene (src/scene) that the exported images draw, with the kernel's Mercator.
import { useEffect, useMemo, useState } from 'react';
import { useAtlasData } from '../data/context';
import { useAtlas, useAtlasStore } from '../store/store';
import { regionSelection } from '../store/selection';
import { paletteOf } from '../theme/palette';
import { markerRadius, nationalScene } from '../scene/scene';
import { useFiltered, useT, useProvinceBreaks } from '../store/hooks';
import { provinceOf } from '../geometry/adcode';
import { fitMercatorSvg } from './svgProjection';
import { programmeMarks } from '../store/programmes';

const W = 1000;
const H = 760;

/** `reason` null: the SVG map is only the first view while the WebGL map loads (no notice then). */
/** `notice`: what the notice says — WebGL missing (default), or a lost context being restored. */
export function SvgMap({ reason, onPainted, notice = 'webglMissing' }: { reason: string | null; onPainted?: () => void; notice?: 'webglMissing' | 'webglRestoring' }) {
  const store = useAtlasStore();
  const { dataset, geo } = useAtlasData();
  const t = useT();
  const theme = useAtlas((s) => s.theme);
  const selection = useAtlas((s) => s.selection);
  const practices = useFiltered();
  const { breaks } = useProvinceBreaks();
  const [hover, setHover] = useState<string | null>(null);
  const palette = paletteOf(theme);
  // No text is drawn on the canvas here, so the scene's font is not read.
  const scene = useMemo(
    () => nationalScene({ dataset, geo, practices, breaks, palette, fontFamily: '' }),
    [dataset, geo, practices, breaks, palette],
  );

  const fit = useMemo(() => fitMercatorSvg(geo.meta.nationalBounds, W, H), [geo]);
  const shapes = useMemo(
    () =>
      scene.provinces.features.map((f) => ({
        adcode: f.properties.adcode,
        name: f.properties.name,
        d: fit.path(f),
      })),
    [scene.provinces, fit],
  );
  const dash = useMemo(() => scene.dash.features.map((f) => fit.path(f)), [scene, fit]);
  // Programme units (issue 27), as on the WebGL map: shown by the legend's toggle or a `prog` filter; solid where
  // the filtered practices reach the unit, dashed where not.
  const showProgrammes = useAtlas((s) => s.showProgrammes);
  const progIds = useAtlas((s) => s.filters.programmes);
  const programmeOutlines = useMemo(() => {
    const ids = progIds.length > 0 ? progIds : showProgrammes ? (dataset.programmes ?? []).map((p) => p.id) : [];
    if (ids.length === 0) return [];
    const marks = programmeMarks(dataset, practices, ids);
    const solid = new Set(marks.withPractices);
    const codes = new Set([...marks.withPractices, ...marks.without]);
    return [...geo.provinces.features, ...geo.cities.features]
      .filter((f) => codes.has(f.properties.adcode))
      .map((f) => ({ adcode: f.properties.adcode, d: fit.path(f), solid: solid.has(f.properties.adcode) }));
  }, [progIds, showProgrammes, dataset, practices, geo, fit]);
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

  const pick = (adcode: number) => store.getState().select(regionSelection(adcode));

  return (
    <div className={`svg-map${reason === null ? ' first-view' : ''}`} data-testid="svg-map" data-state="idle">
      {reason !== null && (
        <p className="svg-map-notice" role="status">
          {t(notice)} <span className="visually-hidden">{reason}</span>
        </p>
      )}
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t('mapLabel')} preserveAspectRatio="xMidYMid meet">
        <rect width={W} height={H} fill={scene.colors.background} />
        {shapes.map((s) => {
          const n = scene.counts.get(s.adcode) ?? 0;
          return (
            <path
              key={s.adcode}
              d={s.d}
              data-adcode={s.adcode}
              data-count={n}
              fill={scene.provinceFill(s.adcode)}
              stroke={selectedProvince === s.adcode ? scene.colors.selected : scene.colors.outline}
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
        {programmeOutlines.map((o) => (
          <path
            key={`prog${o.adcode}`}
            d={o.d}
            fill="none"
            stroke={palette.programme}
            strokeWidth={2}
            strokeDasharray={o.solid ? undefined : '5 4'}
            data-programme-unit={o.adcode}
            pointerEvents="none"
            aria-hidden="true"
          />
        ))}
        {dash.map((d, i) => (
          <path key={`dash${i}`} d={d} fill={scene.colors.dash} stroke={scene.colors.dash} strokeWidth={0.5} aria-hidden="true" />
        ))}
        {scene.markers.map((m) => {
          const [x, y] = fit.point(m.at);
          return (
            <circle
              key={m.adcode}
              cx={x}
              cy={y}
              r={markerRadius(m.count)}
              fill={scene.colors.marker}
              fillOpacity={0.9}
              stroke={scene.colors.markerStroke}
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
