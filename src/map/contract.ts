// What the controller is given (geometry, callbacks) and what it is told (a selection): the types MapView fills in.
import type { FeatureCollection } from 'geojson';
import type { RegionCollection } from './features';
import type { DetailLevels } from './lod';
import type { Camera } from '../types';

export interface MapGeo {
  provinces: RegionCollection;
  cities: RegionCollection;
  dash: FeatureCollection;
  /** [w, s, e, n] that frames the mainland with Hainan. */
  nationalBounds: [number, number, number, number];
  /** Loads one province's districts (null when the province has none, e.g. municipalities). */
  loadDistricts: (province: number) => Promise<RegionCollection | null>;
  /** Levels of detail that follow the camera (geo/lod/); without them the national geometry is drawn at every zoom. */
  detail?: DetailLevels;
}

export interface MapCallbacks {
  /** A click on a region or marker (adcode), or on empty map (null); `additive` when Shift/Ctrl/⌘ was held. */
  onPick: (adcode: number | null, additive: boolean) => void;
  onCamera: (camera: Camera) => void;
  tooltip: (name: string, count: number) => string;
}

export type SelectionTarget = { adcode: number; province: number } | null;

