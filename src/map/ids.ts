// Every MapLibre source and layer id in one place: the controller, the styles and the tests share them.
export const SRC = {
  provinces: 'provinces',
  cities: 'cities',
  districts: 'districts',
  dash: 'dash',
  provinceLabels: 'province-labels',
  markers: 'markers',
  /** The selected region's own geometry (one feature): its outline is then a tiny layer, not a pass over a whole source. */
  selection: 'selection',
} as const;

export const LAYER = {
  background: 'background',
  provinceFill: 'province-fill',
  provinceOutline: 'province-outline',
  provinceHighlight: 'province-highlight',
  provinceCompare: 'province-compare',
  selection: 'selection-outline',
  cityFill: 'city-fill',
  cityOutline: 'city-outline',
  cityOutlineFocus: 'city-outline-focus',
  cityHighlight: 'city-highlight',
  cityHover: 'city-hover',
  districtFill: 'district-fill',
  districtHover: 'district-hover',
  districtOutline: 'district-outline',
  districtOutlineFocus: 'district-outline-focus',
  districtHighlight: 'district-highlight',
  dash: 'dash-line',
  provinceLabels: 'province-labels',
  markers: 'markers',
  markerLabels: 'marker-labels',
  // Programme units (issue 27; style in programmeLayer.ts): solid where the unit has practices, dashed where not.
  programmeProvince: 'programme-province',
  programmeProvinceNone: 'programme-province-none',
  programmeCity: 'programme-city',
  programmeCityNone: 'programme-city-none',
  programmeDistrict: 'programme-district',
  programmeDistrictNone: 'programme-district-none',
} as const;

/** Layers a pointer can hit, topmost first (markers win over areas). */
export const INTERACTIVE_LAYERS = [LAYER.markers, LAYER.districtFill, LAYER.cityFill, LAYER.provinceFill] as const;

/** Highlight outlines, shown only while a feature of their source is hovered (the selection has its own layer). */
export const HIGHLIGHT_LAYERS: Record<string, string> = {
  [SRC.provinces]: LAYER.provinceHighlight,
  [SRC.cities]: LAYER.cityHighlight,
  [SRC.districts]: LAYER.districtHighlight,
};

/** Hover tints, shown only while a feature of their source is hovered. */
export const HOVER_LAYERS: Record<string, string> = { [SRC.cities]: LAYER.cityHover, [SRC.districts]: LAYER.districtHover };
