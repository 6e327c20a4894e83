// The SVG fallback map's projection: the geometry kernel's Web Mercator fitted into the SVG's box, with coordinates
// rounded to 0.1 px (the path strings stay short). Planar, so ring winding does not matter: DataV rings follow the
// GeoJSON right-hand rule, which d3's spherical code would read as "the whole globe minus this province".
import { geoPath, geoTransform, type GeoPermissibleObjects } from 'd3-geo';
import type { Bounds } from '../geometry/bounds';
import { fitMercator } from '../geometry/mercator';

export interface Fit {
  path: (obj: GeoPermissibleObjects) => string;
  point: (lngLat: [number, number]) => [number, number];
}

/** Fits bounds [w, s, e, n] into width × height (with padding), keeping Mercator's aspect. */
export function fitMercatorSvg(bounds: Bounds, width: number, height: number, padding = 8): Fit {
  const fit = fitMercator(bounds, { x: padding, y: padding, width: width - 2 * padding, height: height - 2 * padding });
  const point = ([lng, lat]: [number, number]): [number, number] => {
    const [x, y] = fit.point(lng, lat);
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  };
  const transform = geoTransform({
    point(this: { stream: { point(x: number, y: number): void } }, lng: number, lat: number) {
      const [x, y] = point([lng, lat]);
      this.stream.point(x, y);
    },
  });
  const gp = geoPath(transform);
  return { path: (obj) => gp(obj) ?? '', point };
}
