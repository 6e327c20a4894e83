// Land of the neighbouring countries for the South China Sea inset only: Natural Earth 1:50m land (public domain),
// as redistributed by the world-atlas package 2.0.2 (ISC), copied unchanged to geo/sources/natural-earth/.
// It never draws a boundary and never an island of its own (see CONTEXT_MIN_AREA in build-core.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';

export const NEIGHBOURS_FILE = resolve(import.meta.dirname, 'sources/natural-earth/land-50m.json');

export function loadNeighbours(path = NEIGHBOURS_FILE): FeatureCollection {
  const topo = JSON.parse(readFileSync(path, 'utf8')) as Topology;
  const land = topo.objects['land'] as GeometryCollection | undefined;
  if (!land) throw new Error(`${path}: no "land" object`);
  return feature(topo, land) as unknown as FeatureCollection;
}
