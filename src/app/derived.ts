// Small hooks that join the store with the immutable dataset through the memoised pure selectors.
import { useMemo } from 'react';
import { useAtlasData } from '../data/context';
import { filterPractices } from '../store/selectors';
import { useAtlas } from '../store/store';
import { tFor, type Translate } from '../i18n';
import type { GazetteerEntry, Level, Practice } from '../types';

export function useFiltered(): Practice[] {
  const { dataset } = useAtlasData();
  const filters = useAtlas((s) => s.filters);
  return useMemo(() => filterPractices(dataset, filters), [dataset, filters]);
}

export function useT(): Translate {
  const lang = useAtlas((s) => s.lang);
  return tFor(lang);
}

export function levelKey(level: Level): 'level_province' | 'level_city' | 'level_district' {
  return `level_${level}`;
}

/** The place as users read it: 山东省潍坊市 for a city, 重庆市九龙坡区 for a municipality district. */
export function fullPlaceName(adcode: number, gazetteer: ReadonlyMap<number, GazetteerEntry>): string {
  const chain: string[] = [];
  let g = gazetteer.get(adcode);
  while (g) {
    chain.unshift(g.name);
    g = g.parent && g.parent !== 100000 ? gazetteer.get(g.parent) : undefined;
  }
  return chain.join('') || String(adcode);
}

/** 一（一）2: how the ministry's table numbers an item. */
export function itemNumber(p: Practice): string {
  return `${p.mechanism.code}${p.measure.code}${p.item}`;
}
