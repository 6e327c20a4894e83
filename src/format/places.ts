// How places and items are written for readers. Pure: no React, no store.
import type { GazetteerEntry, Level, Practice } from '../types';

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
