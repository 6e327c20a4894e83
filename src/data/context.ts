import { createContext, useContext } from 'react';
import type { Dataset } from '../types';
import type { GeoBundle } from './load';

/** The immutable, loaded-once data: kept out of the store (ARCHITECTURE example 6). */
export interface AtlasData {
  dataset: Dataset;
  geo: GeoBundle;
}

export const AtlasDataContext = createContext<AtlasData | null>(null);

export function useAtlasData(): AtlasData {
  const d = useContext(AtlasDataContext);
  if (!d) throw new Error('useAtlasData outside <AtlasDataContext.Provider>');
  return d;
}
