// The public face of src/map for code that must not load MapLibre (it is fetched after the first view): the types
// the app fills in and reads. The controller itself (MapController.ts) is imported lazily by src/app/MapView.tsx.
export type { MapCallbacks, MapGeo, SelectionTarget } from './contract';
export type { DetailLevels } from './lod';
export type { MapCommand, PolicyContext, PolicyState, Subject } from './policy';
