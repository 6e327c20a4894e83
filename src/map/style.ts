// Styles are data: pure functions from (theme, class breaks) to MapLibre style JSON. No maplibre import here,
// so the tests validate them with the style-spec validator without a browser.
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { LAYER, SRC } from './ids';

import { paletteOf, type Palette, type ThemeName } from '../theme/palette';
import { programmeLayers } from './programmeLayer';

/**
 * Fill colour from the feature-state `ramp` that the controller sets per province (classRamp of its count).
 * The expression depends on the theme only: a filter change, even one that moves the class breaks, is then pure
 * feature-state — one frame — where a new step expression would cost a style update and a second frame.
 */
export function choroplethColor(palette: Palette): ExpressionSpecification {
  const match: unknown[] = ['match', ['coalesce', ['feature-state', 'ramp'], -1]];
  palette.classes.forEach((c, i) => match.push(i, c));
  match.push(palette.noData);
  return match as ExpressionSpecification;
}

/**
 * Layers that only matter inside the focused province (picking and highlighting its cities and districts) carry
 * this filter: outside it they would cost a full-country draw pass in every frame for nothing.
 */
export const FOCUS_LAYERS = [
  'city-fill',
  'city-hover',
  'city-outline-focus',
  'city-highlight',
  'district-fill',
  'district-hover',
  'district-outline-focus',
  'district-highlight',
] as const;

export function focusFilter(province: number | null): FilterSpecification {
  return ['==', ['get', 'province'], province ?? -1] as FilterSpecification;
}

/** Practices of a marker's place under the current filters (feature-state set by the controller). */
const MARKER_COUNT: ExpressionSpecification = ['coalesce', ['feature-state', 'count'], 0];

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/** Tile buffer (px of a 512 px tile) of the area sources; see buildStyle. */
export const AREA_BUFFER = 16;
/**
 * How far (px at the tile's zoom) MapLibre's tiler may simplify the area sources' lines: 1 instead of its 0.375.
 * The levels of detail are made within 1 px at their last zoom (geo/build-core.ts); drawn a zoom or two below it, the
 * tiler kept nearly every point for nothing. Borders stay within the 2 px the boundaries promise (e2e/geo.e2e.ts).
 */
export const AREA_TOLERANCE = 1;

/** Zoom from which cities are labelled and their borders drawn inside the focused province. */
export const CITY_ZOOM = 5;
/**
 * Zoom from which city borders are drawn everywhere; below it only inside the focused province. At 4.5 they were
 * the largest layer of a province slide (156k of 302k indices a frame), and at 6 still 137k of 广东's 222k (a
 * province slide is framed at zoom 5.5–7): every neighbour's cities, for context a province outline gives as well.
 * From 7 the view is a region of a few cities, where every border helps.
 */
export const CITY_EVERYWHERE_ZOOM = 7;
/** City borders: thin nationally, a little heavier zoomed in (the same in and outside the focused province). */
const cityWidth = ['interpolate', ['linear'], ['zoom'], CITY_ZOOM - 0.5, 0.6, 8, 1.2];
/** Zoom from which district borders show (districts are loaded per province on demand). */
export const DISTRICT_ZOOM = 6.5;
/**
 * Zoom from which district borders are drawn in every province in view; below it only inside the focused one. A
 * province slide (zoom 5.5–7.5) had drawn the districts of every neighbour in view: half of all the vertices of its
 * frames (611k of 1.23M indices for 广东 at zoom 6.5), and software GL pays for each.
 */
export const DISTRICT_EVERYWHERE_ZOOM = 8;

/**
 * Label sizes. At a desk: 11–15 px province names, 12 px place names from CITY_ZOOM. On a projector (briefing,
 * issue 13.2): at least 20 px, read from the back of a room at 1920×1080, and place names from any zoom (the
 * controller limits them to the focused province, so a national slide names provinces only).
 */
export function labelLayout(briefing: boolean): {
  provinceSize: ExpressionSpecification;
  markerSize: number;
  markerMinZoom: number;
} {
  return briefing
    ? { provinceSize: ['interpolate', ['linear'], ['zoom'], 3, 20, 6, 26], markerSize: 22, markerMinZoom: 0 }
    : { provinceSize: ['interpolate', ['linear'], ['zoom'], 2.5, 10.5, 3, 11, 6, 15], markerSize: 12, markerMinZoom: CITY_ZOOM };
}

function highlightWidth(base: number): ExpressionSpecification {
  return [
    'case',
    ['boolean', ['feature-state', 'selected'], false], base + 2,
    ['boolean', ['feature-state', 'hover'], false], base + 1,
    0,
  ];
}

function highlightColor(p: Palette): ExpressionSpecification {
  return ['case', ['boolean', ['feature-state', 'selected'], false], p.selected, p.hover];
}

export function buildLayers(theme: ThemeName): LayerSpecification[] {
  const p = paletteOf(theme);
  const labels = labelLayout(false);
  return [
    { id: LAYER.background, type: 'background', paint: { 'background-color': p.background } },
    {
      id: LAYER.provinceFill,
      type: 'fill',
      source: SRC.provinces,
      // No antialiasing pass: the outline layer draws the edges, and software GL pays for every pass.
      paint: { 'fill-color': choroplethColor(p), 'fill-opacity': 1, 'fill-antialias': false },
    },
    {
      // Transparent fills only catch the pointer (a constant 0 opacity is never drawn, but is still queried); the
      // hover tint is its own layer, shown only while a city or district is hovered: a transparent fill whose
      // opacity depends on feature state is drawn in full in every frame.
      id: LAYER.cityFill,
      filter: focusFilter(null),
      type: 'fill',
      source: SRC.cities,
      paint: { 'fill-color': p.hover, 'fill-opacity': 0, 'fill-antialias': false },
    },
    {
      id: LAYER.cityHover,
      filter: focusFilter(null),
      type: 'fill',
      source: SRC.cities,
      layout: { visibility: 'none' },
      paint: {
        'fill-color': p.hover,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.12, 0],
        'fill-antialias': false,
      },
    },
    {
      id: LAYER.districtFill,
      filter: focusFilter(null),
      type: 'fill',
      source: SRC.districts,
      minzoom: DISTRICT_ZOOM - 0.5,
      paint: { 'fill-color': p.hover, 'fill-opacity': 0, 'fill-antialias': false },
    },
    {
      id: LAYER.districtHover,
      filter: focusFilter(null),
      type: 'fill',
      source: SRC.districts,
      minzoom: DISTRICT_ZOOM - 0.5,
      layout: { visibility: 'none' },
      paint: {
        'fill-color': p.hover,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.12, 0],
        'fill-antialias': false,
      },
    },
    {
      // From DISTRICT_EVERYWHERE_ZOOM everywhere districts are loaded (they follow the camera: only provinces in
      // view are loaded); below it only inside the focused province (the next layer).
      id: LAYER.districtOutline,
      type: 'line',
      source: SRC.districts,
      minzoom: DISTRICT_EVERYWHERE_ZOOM,
      paint: { 'line-color': p.districtOutline, 'line-width': 0.5 },
    },
    {
      id: LAYER.districtOutlineFocus,
      type: 'line',
      source: SRC.districts,
      minzoom: DISTRICT_ZOOM - 0.5,
      maxzoom: DISTRICT_EVERYWHERE_ZOOM,
      filter: focusFilter(null),
      paint: { 'line-color': p.districtOutline, 'line-width': 0.5 },
    },
    {
      // City borders everywhere only from CITY_EVERYWHERE_ZOOM; below it only inside the focused province (a
      // country-wide pass of 476 outlines costs ~30 ms a frame in software GL and reads as noise at national scale).
      id: LAYER.cityOutline,
      type: 'line',
      source: SRC.cities,
      minzoom: CITY_EVERYWHERE_ZOOM,
      paint: { 'line-color': p.cityOutline, 'line-width': cityWidth },
    },
    {
      id: LAYER.cityOutlineFocus,
      type: 'line',
      source: SRC.cities,
      maxzoom: CITY_EVERYWHERE_ZOOM,
      filter: focusFilter(null),
      paint: { 'line-color': p.cityOutline, 'line-width': cityWidth },
    },
    {
      id: LAYER.provinceOutline,
      type: 'line',
      source: SRC.provinces,
      paint: { 'line-color': p.outline, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.7, 7, 1.6] },
    },
    ...programmeLayers(p),
    {
      id: LAYER.districtHighlight,
      filter: focusFilter(null),
      type: 'line',
      source: SRC.districts,
      layout: { visibility: 'none' },
      paint: { 'line-color': highlightColor(p), 'line-width': highlightWidth(1) },
    },
    {
      id: LAYER.cityHighlight,
      filter: focusFilter(null),
      type: 'line',
      source: SRC.cities,
      layout: { visibility: 'none' },
      paint: { 'line-color': highlightColor(p), 'line-width': highlightWidth(1) },
    },
    {
      id: LAYER.provinceHighlight,
      type: 'line',
      source: SRC.provinces,
      layout: { visibility: 'none' },
      paint: { 'line-color': highlightColor(p), 'line-width': highlightWidth(1) },
    },
    {
      // Under the selection's line, a wider casing in the other end of the theme's lightness (issue 26.5): no one
      // colour reaches 3:1 against every class fill, the line or its casing does (palette.selectionContrast).
      id: LAYER.selectionCasing,
      type: 'line',
      source: SRC.selection,
      paint: { 'line-color': p.selectedCasing, 'line-width': 6 },
    },
    {
      // The selected region's outline, from its own one-feature source: the highlight layers above draw the whole
      // source (width 0 where nothing is hovered), 104k indices a frame for the provinces alone, and stay hidden
      // unless something is hovered.
      id: LAYER.selection,
      type: 'line',
      source: SRC.selection,
      paint: { 'line-color': p.selected, 'line-width': 3 },
    },
    {
      // Compared provinces: a thick outline in their column's colour (feature-state `compare` = 1…4).
      id: LAYER.provinceCompare,
      type: 'line',
      source: SRC.provinces,
      layout: { visibility: 'none' },
      paint: {
        'line-color': [
          'match', ['coalesce', ['feature-state', 'compare'], 0],
          1, p.compare[0], 2, p.compare[1], 3, p.compare[2], 4, p.compare[3],
          'rgba(0,0,0,0)',
        ],
        'line-width': ['case', ['>', ['coalesce', ['feature-state', 'compare'], 0], 0], 3.5, 0],
      },
    },
    {
      // The ten dash segments are polygons in the source: filled, they read as the usual bold dashes.
      id: LAYER.dash,
      type: 'fill',
      source: SRC.dash,
      paint: { 'fill-color': p.dash },
    },
    {
      id: LAYER.markers,
      type: 'circle',
      source: SRC.markers,
      paint: {
        // Area-true sizing: radius grows with the square root of the count under the current filters (feature-state;
        // 0 hides the marker and takes it out of hit-testing).
        'circle-radius': [
          'case',
          ['<', MARKER_COUNT, 1], 0,
          ['interpolate', ['linear'], ['sqrt', MARKER_COUNT], 1, 6, 2, 9, 4, 14],
        ],
        'circle-color': p.marker,
        'circle-opacity': 0.9,
        'circle-stroke-color': [
          'case', ['boolean', ['feature-state', 'selected'], false], p.selected,
          ['boolean', ['feature-state', 'hover'], false], p.hover, p.markerStroke,
        ],
        'circle-stroke-width': [
          'case', ['<', MARKER_COUNT, 1], 0,
          ['boolean', ['feature-state', 'selected'], false], 3,
          ['boolean', ['feature-state', 'hover'], false], 2.5, 1.5,
        ],
      },
    },
    {
      id: LAYER.markerLabels,
      type: 'symbol',
      source: SRC.markers,
      minzoom: labels.markerMinZoom,
      layout: {
        'text-field': ['get', 'short'],
        'text-font': ['Noto Sans CJK SC Regular'],
        'text-size': labels.markerSize,
        'text-offset': [0, 1.3],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: {
        'text-color': p.label,
        'text-halo-color': p.labelHalo,
        'text-halo-width': 1.4,
        'text-opacity': ['case', ['<', MARKER_COUNT, 1], 0, 1],
      },
    },
    {
      // Above the markers and the place names: a province's name wins over a city's where they meet (上海 beside
      // 苏州), and no marker is drawn over it (issue 26.2). Where each name goes is decided before it reaches the
      // source (labelPlacement.ts: in the frame, clear of markers and overlays, provinces with practices first):
      // MapLibre draws them all as given, and still keeps the place names below clear of them.
      id: LAYER.provinceLabels,
      type: 'symbol',
      source: SRC.provinceLabels,
      layout: {
        'text-field': ['get', 'short'],
        'text-font': ['Noto Sans CJK SC Regular'],
        'text-size': labels.provinceSize,
        'text-allow-overlap': true,
        'text-padding': 0,
      },
      paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.4 },
    },
  ] as LayerSpecification[];
}

/**
 * What a place label says: its short Chinese name, or the name `names` gives its adcode (the English names, in the
 * English interface; a place the table lacks keeps its Chinese name). MapLibre draws Latin letters locally too,
 * so no glyph server is needed for either.
 */
export function labelTextField(names: ReadonlyMap<number, string> | null): ExpressionSpecification {
  if (!names || names.size === 0) return ['get', 'short'];
  const pairs = [...names].sort((a, b) => a[0] - b[0]).flatMap(([adcode, name]) => [adcode, name]);
  return ['match', ['get', 'adcode'], ...pairs, ['get', 'short']] as unknown as ExpressionSpecification;
}

/**
 * The whole offline style: no tiles, no sprite, and no `glyphs` — MapLibre then draws every label locally
 * from system fonts (Noto CJK on the deployment machines), so the app never calls a glyph server.
 */
export function buildStyle(theme: ThemeName): StyleSpecification {
  // Areas and lines: a 16 px tile buffer instead of MapLibre's 128 (of 512). Every tile carries and draws the
  // geometry of its buffer too (clipped away, but each vertex still costs in software GL): with 128 px a tile holds
  // 2.25× its own area. 16 px is more than the widest line (3.5 px) needs at a tile edge. Points (markers, labels)
  // keep the default: a marker near a tile edge must not be cut.
  // Small sources stop their tiles at a low zoom (`maxzoom`; beyond, MapLibre re-cuts the same tile at each zoom):
  // a view then needs one or two tiles of them instead of six to nine, and each tile that arrives draws a frame
  // (150–600 ms in software GL). Their grid stays finer than a pixel where they are drawn: a unit of a zoom-5 tile
  // is 150 m, 0.5 px at zoom 8 (the closest a slide frames); of a zoom-7 tile 38 m, 1 px at the map's zoom 11.
  const geojson = (promoteId: string | null, area = true, maxzoom?: number) => ({
    type: 'geojson' as const,
    data: EMPTY,
    ...(promoteId ? { promoteId } : {}),
    ...(area ? { buffer: AREA_BUFFER, tolerance: AREA_TOLERANCE } : {}),
    ...(maxzoom !== undefined ? { maxzoom } : {}),
  });
  return {
    version: 8,
    name: `renewal-atlas-${theme}`,
    // No animated paint transitions: a new class break or theme repaints at once (each transition frame costs a
    // full canvas read-back in software-composited browsers).
    transition: { duration: 0, delay: 0 },
    sources: {
      [SRC.provinces]: geojson('adcode'),
      [SRC.cities]: geojson('adcode'),
      [SRC.districts]: geojson('adcode'),
      [SRC.dash]: geojson(null, true, 5),
      [SRC.provinceLabels]: geojson(null, false, 5),
      [SRC.markers]: geojson('adcode', false, 7),
      [SRC.selection]: geojson(null),
    },
    layers: buildLayers(theme),
  } as unknown as StyleSpecification;
}
