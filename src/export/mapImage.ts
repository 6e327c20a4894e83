// The map of one subject (the nation, a province, a city or district) drawn onto a 2D canvas straight from the
// boundary geometry: for the exported PNG, the PPTX deck and the DOCX document.
//
// Why not a snapshot of the WebGL map: an export needs fixed frames (16:9 for slides, portrait for documents) and
// a map per briefing slide; moving the live camera to each slide and reading the canvas back would jump the
// user's own map around, depends on WebGL (absent or lost on some office PCs, slow in software rendering) and on
// every tile being idle. Drawing the same geometry, counts, class colours and markers with Canvas 2D is
// synchronous, works in headless chromium and on any PC (the SVG fallback map shows it is enough), and frames the
// subject exactly into the space the title, legend and inset leave free.
import { geoPath, geoTransform } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { markerRadius, type MapColors, type MapScene } from '../scene/scene';
import type { Bounds } from '../geometry/bounds';
import { fitMercator } from '../geometry/mercator';
import { overlaps, type Rect } from '../geometry/rect';

/**
 * Where to frame the subject: of the rectangles of `area` that none of the `avoid` boxes (title, legend, inset)
 * overlap — the band under the top boxes, the band above the bottom ones, the column between the left and right
 * ones — the one in which the bounds come out largest. The subject's whole bounds then sit in free space.
 */
export function freeFrame(area: Rect, avoid: readonly Rect[], bounds: Bounds, gap = 8): Rect {
  const inside = avoid.filter((b) => b.x < area.x + area.width && b.x + b.width > area.x && b.y < area.y + area.height && b.y + b.height > area.y);
  const top = Math.max(area.y, ...inside.filter((b) => b.y + b.height / 2 < area.y + area.height / 2).map((b) => b.y + b.height + gap));
  const bottom = Math.min(area.y + area.height, ...inside.filter((b) => b.y + b.height / 2 >= area.y + area.height / 2).map((b) => b.y - gap));
  const left = Math.max(area.x, ...inside.filter((b) => b.x + b.width / 2 < area.x + area.width / 2).map((b) => b.x + b.width + gap));
  const right = Math.min(area.x + area.width, ...inside.filter((b) => b.x + b.width / 2 >= area.x + area.width / 2).map((b) => b.x - gap));
  const cands: Rect[] = [
    area,
    { x: area.x, y: top, width: area.width, height: bottom - top }, // between the top and the bottom boxes
    { x: left, y: area.y, width: right - left, height: area.height }, // between the left and the right boxes
    // Corners the boxes leave: under the top boxes and between the side ones, and so on.
    { x: left, y: top, width: right - left, height: area.y + area.height - top },
    { x: area.x, y: top, width: right - area.x, height: bottom - top },
    { x: left, y: top, width: area.x + area.width - left, height: bottom - top },
  ];
  const free = cands.filter((c) => c.width > 40 && c.height > 40 && !inside.some((b) => overlaps(b, c)));
  if (!free.length) return { x: left, y: top, width: Math.max(40, right - left), height: Math.max(40, bottom - top) };
  return free.reduce((best, c) => (fitMercator(bounds, c).k > fitMercator(bounds, best).k ? c : best));
}

/** The dash line's parts, one geometry each (the boundary file stores them as one MultiPolygon). */
function dashParts(dash: FeatureCollection): Geometry[] {
  return dash.features.flatMap((f): Geometry[] => {
    const g = f.geometry;
    if (!g) return [];
    if (g.type === 'MultiPolygon') return g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    if (g.type === 'MultiLineString') return g.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }));
    return [g];
  });
}

function halo(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, colors: MapColors) {
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = colors.labelHalo;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = colors.label;
  ctx.fillText(text, x, y);
}

/**
 * Draws the scene: sea, provinces in their class colours, the subject province's cities, the dash line, the
 * subject's outline, markers and labels. Everything outside `area` is clipped; `frame` is where the bounds go.
 */
export function drawMapScene(ctx: CanvasRenderingContext2D, area: Rect, frame: Rect, scene: MapScene, keepOut: readonly Rect[] = []): void {
  const { colors } = scene;
  const fit = fitMercator(scene.bounds, frame);
  const transform = geoTransform({
    point(this: { stream: { point(x: number, y: number): void } }, lng: number, lat: number) {
      const [x, y] = fit.point(lng, lat);
      this.stream.point(x, y);
    },
  });
  const path = geoPath(transform, ctx);
  const measure = geoPath(transform);
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.x, area.y, area.width, area.height);
  ctx.clip();
  ctx.fillStyle = colors.background;
  ctx.fillRect(area.x, area.y, area.width, area.height);

  // Provinces: filled by class, thin outline (thicker when zoomed in, as province borders read at that scale).
  const zoomedIn = scene.subject !== null;
  for (const f of scene.provinces.features) {
    ctx.beginPath();
    path(f);
    ctx.fillStyle = scene.provinceFill(f.properties.adcode);
    ctx.fill();
  }
  // The subject province's cities: thin lines inside it, so markers can be read against their city.
  if (scene.subject) {
    ctx.beginPath();
    for (const f of scene.cities.features) if (f.properties.province === scene.subject.province) path(f);
    ctx.strokeStyle = colors.cityOutline;
    ctx.lineWidth = 0.7;
    ctx.stroke();
  }
  ctx.beginPath();
  for (const f of scene.provinces.features) path(f);
  ctx.strokeStyle = colors.outline;
  ctx.lineWidth = zoomedIn ? 1.2 : 0.7;
  ctx.stroke();

  // Each part of the dash line is drawn whole or not at all: a part that would run out of the map area or under a
  // box (legend, inset, footer) is left to the 南海诸岛 inset, which always shows the whole line, rather than cut.
  ctx.beginPath();
  for (const f of dashParts(scene.dash)) {
    const [[x0, y0], [x1, y1]] = measure.bounds(f);
    const r = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    const inside = x0 >= area.x && y0 >= area.y && x1 <= area.x + area.width && y1 <= area.y + area.height;
    if (inside && !keepOut.some((b) => overlaps(b, r))) path(f);
  }
  ctx.fillStyle = colors.dash;
  ctx.strokeStyle = colors.dash;
  ctx.lineWidth = 1.2;
  ctx.fill();
  ctx.stroke();

  if (scene.subject?.feature) {
    ctx.beginPath();
    path(scene.subject.feature);
    ctx.strokeStyle = colors.selected;
    ctx.lineWidth = 2.5;
    ctx.stroke();
  }

  if (scene.programme) {
    const { withPractices, without, color } = scene.programme;
    const outline = (codes: readonly number[], dash: number[]) => {
      const set = new Set(codes);
      ctx.beginPath();
      for (const f of scene.provinces.features) if (set.has(f.properties.adcode)) path(f);
      for (const f of scene.cities.features) if (set.has(f.properties.adcode)) path(f);
      ctx.setLineDash(dash);
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.setLineDash([]);
    };
    outline(withPractices, []);
    outline(without, [4, 3]);
  }

  // Markers, biggest first so small ones stay visible on top.
  const markers = [...scene.markers].sort((a, b) => b.count - a.count);
  const radius = markerRadius;
  for (const m of markers) {
    const [x, y] = fit.point(m.at[0], m.at[1]);
    ctx.beginPath();
    ctx.arc(x, y, radius(m.count), 0, 2 * Math.PI);
    ctx.globalAlpha = 0.9;
    ctx.fillStyle = colors.marker;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = colors.markerStroke;
    ctx.stroke();
  }

  // Labels: province names nationally; the marked cities' names when zoomed in (larger: they are the subject).
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  if (!zoomedIn) {
    ctx.font = `600 12px ${scene.fontFamily}`;
    placeProvinceLabels(ctx, scene, fit.point, path, markers.map((m) => {
      const [x, y] = fit.point(m.at[0], m.at[1]);
      const r = radius(m.count);
      return { x: x - r, y: y - r, width: 2 * r, height: 2 * r };
    }), [area, keepOut]).forEach(({ label, at }) => halo(ctx, label, at[0], at[1], colors));
  } else {
    ctx.font = `600 15px ${scene.fontFamily}`;
    ctx.textAlign = 'left';
    for (const m of markers) {
      if (!m.label) continue;
      const [x, y] = fit.point(m.at[0], m.at[1]);
      halo(ctx, m.label, x + radius(m.count) + 3, y, colors);
    }
  }
  ctx.restore();
}

/**
 * Where each province's name goes on a national export: at its label point when that is clear, else nudged by a
 * line or half a name (still inside the province where it can be) off the names already placed, the markers and
 * the boxes over the map — 北京 and 河北 were drawn over each other, 江苏 over 上海's marker. The smallest provinces
 * are placed first: they have the least room, and a large one's name can move within it.
 */
export function placeProvinceLabels(
  ctx: CanvasRenderingContext2D,
  scene: MapScene,
  project: (lng: number, lat: number) => [number, number],
  path: (f: Feature<Geometry>) => void,
  markers: readonly Rect[],
  [area, keepOut]: [Rect, readonly Rect[]],
): { label: string; at: [number, number] }[] {
  const features = new Map(scene.provinces.features.map((f) => [f.properties.adcode, f]));
  const projected = geoTransform({
    point(this: { stream: { point(x: number, y: number): void } }, lng: number, lat: number) {
      this.stream.point(...project(lng, lat));
    },
  });
  const size = (adcode: number) => {
    const f = features.get(adcode);
    if (!f) return Infinity;
    const [[x0, y0], [x1, y1]] = geoPath(projected).bounds(f);
    return (x1 - x0) * (y1 - y0);
  };
  const inProvince = (adcode: number, x: number, y: number) => {
    const f = features.get(adcode);
    if (!f) return true;
    ctx.beginPath();
    path(f);
    // The path is in CSS pixels under the canvas's scale; the point is tested in device pixels.
    const p = ctx.getTransform().transformPoint({ x, y });
    return ctx.isPointInPath(p.x, p.y);
  };
  const placed: Rect[] = [];
  const out: { label: string; at: [number, number] }[] = [];
  const h = 12 * 1.2 + 2;
  for (const l of [...scene.provinceLabels].sort((a, b) => size(a.adcode) - size(b.adcode))) {
    const [x, y] = project(l.at[0], l.at[1]);
    const w = ctx.measureText(l.label).width + 4;
    const box = (cx: number, cy: number): Rect => ({ x: cx - w / 2, y: cy - h / 2, width: w, height: h });
    const [dx, dy] = [w * 0.6, h];
    const offsets = [[0, 0], [0, -dy], [0, dy], [-dx, 0], [dx, 0], [-dx, -dy], [dx, -dy], [-dx, dy], [dx, dy], [0, -2 * dy], [0, 2 * dy]];
    const spots = offsets.map(([ox, oy]): [number, number] => [x + ox!, y + oy!]);
    const clear = ([cx, cy]: [number, number], strict: number) => {
      const b = box(cx, cy);
      if (b.x < area.x || b.y < area.y || b.x + b.width > area.x + area.width || b.y + b.height > area.y + area.height) return false;
      if (placed.some((p) => overlaps(p, b)) || keepOut.some((k) => overlaps(k, b))) return false;
      if (strict >= 1 && !inProvince(l.adcode, cx, cy)) return false;
      return strict < 2 || !markers.some((m) => overlaps(m, b));
    };
    let at: [number, number] | undefined;
    for (const strict of [2, 1, 0]) if (!at) at = spots.find((s) => clear(s, strict));
    at ??= [x, y];
    placed.push(box(at[0], at[1]));
    out.push({ label: l.label, at });
  }
  return out;
}

