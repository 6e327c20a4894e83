// Every MapLibre source and layer id in one place: the controller, the styles and the tests share them.
export const SRC = {
  provinces: 'provinces',
  cities: 'cities',
  districts: 'districts',
  dash: 'dash',
  provinceLabels: 'province-labels',
  markers: 'markers',
} as const;

export const LAYER = {
  background: 'background',
  provinceFill: 'province-fill',
  provinceOutline: 'province-outline',
  provinceHighlight: 'province-highlight',
  provinceCompare: 'province-compare',
  cityFill: 'city-fill',
  cityOutline: 'city-outline',
  cityOutlineFocus: 'city-outline-focus',
  cityHighlight: 'city-highlight',
  districtFill: 'district-fill',
  districtOutline: 'district-outline',
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
