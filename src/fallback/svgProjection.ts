// A planar Web-Mercator fit for the SVG fallback map. geoTransform (not a spherical d3 projection) so that ring
// winding does not matter: DataV rings follow the GeoJSON right-hand rule, which d3's spherical code would read
// as "the whole globe minus this province".
import { geoPath, geoTransform, type GeoPermissibleObjects } from 'd3-geo';

export interface Fit {
  path: (obj: GeoPermissibleObjects) => string;
  point: (lngLat: [number, number]) => [number, number];
}

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Fits bounds [w, s, e, n] into width × height (with padding), keeping Mercator's aspect. */
export function fitMercator(bounds: [number, number, number, number], width: number, height: number, padding = 8): Fit {
  const [w, s, e, n] = bounds;
  const x0 = (w * Math.PI) / 180;
  const x1 = (e * Math.PI) / 180;
  const y0 = mercY(n);
  const y1 = mercY(s);
  const k = Math.min((width - 2 * padding) / (x1 - x0), (height - 2 * padding) / (y0 - y1));
  const ox = (width - k * (x1 - x0)) / 2;
  const oy = (height - k * (y0 - y1)) / 2;
  const point = ([lng, lat]: [number, number]): [number, number] => [
    Math.round((ox + k * ((lng * Math.PI) / 180 - x0)) * 10) / 10,
    Math.round((oy + k * (y0 - mercY(lat))) * 10) / 10,
  ];
  const transform = geoTransform({
    point(this: { stream: { point(x: number, y: number): void } }, lng: number, lat: number) {
      const [x, y] = point([lng, lat]);
      this.stream.point(x, y);
    },
  });
  const gp = geoPath(transform);
  return { path: (obj) => gp(obj) ?? '', point };
}
