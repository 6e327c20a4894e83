// 南海诸岛附图: a small, non-interactive SVG map of the South China Sea islands and the ten dash segments.
import { useMemo } from 'react';
import { useAtlasData } from '../data/context';
import { INSET_SIZE, insetPaths } from '../theme/inset';
import { useAtlas } from '../store/store';
import { paletteOf } from '../theme/palette';
import { useT } from '../store/hooks';
import './inset.css';

/** Above this zoom the view is a region, not China: the national view on a 4K screen stays below it. */
export const NATIONAL_MAX_ZOOM = 5;

export function Inset() {
  const { geo } = useAtlasData();
  const t = useT();
  const theme = useAtlas((s) => s.theme);
  const p = paletteOf(theme);
  const paths = useMemo(() => insetPaths(geo.inset, INSET_SIZE.width, INSET_SIZE.height), [geo]);
  // The inset belongs to the national view; zoomed into a region it would only cover the map. It then stays in
  // the layout, invisible and without its test id: the map's framing measures where it would be (a subject framed
  // below NATIONAL_MAX_ZOOM keeps clear of it; see src/map/framing.ts).
  const zoom = useAtlas((s) => s.camera?.zoom ?? null);
  const shown = zoom === null || zoom < NATIONAL_MAX_ZOOM;
  return (
    <figure
      className="scs-inset"
      data-testid={shown ? 'scs-inset' : undefined}
      data-map-obstruction-max-zoom={NATIONAL_MAX_ZOOM}
      aria-label={t('inset')}
      aria-hidden={shown ? undefined : true}
      style={shown ? undefined : { visibility: 'hidden' }}
    >
      <svg viewBox={paths.viewBox} width={INSET_SIZE.width} height={INSET_SIZE.height} role="img" aria-label={t('inset')}>
        <rect x="0" y="0" width="100%" height="100%" fill={p.background} />
        {paths.context.map((d, i) => (
          <path key={`c${i}`} d={d} fill={p.context} />
        ))}
        {paths.land.map((d, i) => (
          <path key={`l${i}`} d={d} fill={p.noData} stroke={p.outline} strokeWidth={0.4} />
        ))}
        {paths.dash.map((d, i) => (
          <path key={`d${i}`} d={d} fill={p.dash} stroke={p.dash} strokeWidth={0.8} />
        ))}
      </svg>
      {/* The map's own label stays 南海诸岛 as on every standard map of China (like the province labels); the
          English name is given to assistive technology through the figure's aria-label. */}
      <figcaption lang="zh-CN">南海诸岛</figcaption>
    </figure>
  );
}
