// The documents index and the key-figures index (issue 10): pure functions over a list of practices (the filtered
// ones in the side panel; a province's or a slide's in the briefing). No React, no store: the briefing and the
// exports can reuse them as they are.
import type { Figure, Place, Practice } from '../types';

// ---------------------------------------------------------------------------------------------------------------
// Documents

export interface DocumentEntry {
  /** The title without 《》. */
  title: string;
  /** The practices citing it, in the order given. */
  practices: Practice[];
  /** The distinct actors of those practices (by adcode), in order of first citation. */
  places: Place[];
}

/**
 * Every 《…》 title cited by the practices, with who cites it. Titles cited from more places come first, then
 * more practices, then in order of first citation (the list's own order: mechanism, measure, item).
 */
export function documentIndex(practices: readonly Practice[]): DocumentEntry[] {
  const byTitle = new Map<string, DocumentEntry & { first: number; adcodes: Set<number> }>();
  practices.forEach((p, i) => {
    for (const title of new Set(p.documents)) {
      let e = byTitle.get(title);
      if (!e) byTitle.set(title, (e = { title, practices: [], places: [], first: i, adcodes: new Set() }));
      e.practices.push(p);
      for (const a of p.actors) {
        if (e.adcodes.has(a.adcode)) continue;
        e.adcodes.add(a.adcode);
        e.places.push(a);
      }
    }
  });
  return [...byTitle.values()]
    .sort((a, b) => b.places.length - a.places.length || b.practices.length - a.practices.length || a.first - b.first)
    .map(({ title, practices, places }) => ({ title, practices, places }));
}

/** Cited from more than one place: what the index marks as 多地引用. */
export function isMultiPlace(e: DocumentEntry): boolean {
  return e.places.length > 1;
}

/** Lower-cased, whitespace-separated terms; every one must occur in the title or a citing place's name. */
export function searchDocuments(entries: readonly DocumentEntry[], query: string, placeName: (p: Place) => string = (p) => p.name): DocumentEntry[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...entries];
  return entries.filter((e) => {
    const hay = [e.title, ...e.places.map(placeName)].join('\n').toLowerCase();
    return terms.every((t) => hay.includes(t));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

export const FIGURE_KINDS = ['money', 'area', 'share', 'duration', 'count', 'other'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** Per unit as written: its kind and the factor to the kind's base unit (万元, 平方米, %, 月; counts as written). */
const UNIT_TABLE: Record<string, { kind: FigureKind; factor: number }> = {
  亿元: { kind: 'money', factor: 10_000 },
  万元: { kind: 'money', factor: 1 },
  千元: { kind: 'money', factor: 0.1 },
  元: { kind: 'money', factor: 0.0001 },
  平方公里: { kind: 'area', factor: 1_000_000 },
  平方千米: { kind: 'area', factor: 1_000_000 },
  万平方米: { kind: 'area', factor: 10_000 },
  公顷: { kind: 'area', factor: 10_000 },
  平方米: { kind: 'area', factor: 1 },
  // 1 亩 = 10,000 / 15 m².
  万亩: { kind: 'area', factor: 100_000_000 / 15 },
  亩: { kind: 'area', factor: 10_000 / 15 },
  '%': { kind: 'share', factor: 1 },
  '‰': { kind: 'share', factor: 0.1 },
  个百分点: { kind: 'share', factor: 1 },
  年: { kind: 'duration', factor: 12 },
  个月: { kind: 'duration', factor: 1 },
  天: { kind: 'duration', factor: 1 / 30 },
  日: { kind: 'duration', factor: 1 / 30 },
  小时: { kind: 'duration', factor: 1 / 720 },
  万人: { kind: 'count', factor: 10_000 },
  万户: { kind: 'count', factor: 10_000 },
};
for (const u of ['个', '项', '处', '家', '栋', '幢', '户', '套', '间', '条', '座', '所', '名', '人', '批', '类', '种']) UNIT_TABLE[u] = { kind: 'count', factor: 1 };


export function figureKind(unit: string): FigureKind {
  return UNIT_TABLE[unit]?.kind ?? 'other';
}

/** The figure's value in its kind's base unit (800亿元 → 8,000,000 万元; 125公顷 → 1,250,000 平方米; 5年 → 60 月). */
export function normalisedValue(f: Figure): number {
  // Digits kept as a string (too many for a double) sort by their approximate size; the text shows them as written.
  return Number(f.value) * (UNIT_TABLE[f.unit]?.factor ?? 1);
}

export interface FigureRow {
  practice: Practice;
  figure: Figure;
  kind: FigureKind;
  /** Value in the kind's base unit, for sorting. */
  value: number;
  /** Position in the input (practice order, then figure order): the tie-break. */
  order: number;
}

export interface FigureGroup {
  kind: FigureKind;
  rows: FigureRow[];
}

export type SortDirection = 'asc' | 'desc';

/** Sorts rows by normalised value; equal values keep the practices' order. Returns a new array. */
export function sortFigureRows(rows: readonly FigureRow[], direction: SortDirection): FigureRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (a.value - b.value) || a.order - b.order);
}

/**
 * The figures of the practices grouped by kind (money, area, share, duration, count, other — groups without rows
 * left out), each group sorted by value (largest first unless asked). A figure repeated with the same clause in
 * one practice is listed once.
 */
export function figureIndex(practices: readonly Practice[], direction: SortDirection = 'desc'): FigureGroup[] {
  const groups = new Map<FigureKind, FigureRow[]>(FIGURE_KINDS.map((k) => [k, []]));
  let order = 0;
  for (const p of practices) {
    const seen = new Set<string>();
    for (const f of p.figures) {
      const key = `${f.raw}\u0000${f.phrase}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const kind = figureKind(f.unit);
      (groups.get(kind) as FigureRow[]).push({ practice: p, figure: f, kind, value: normalisedValue(f), order: order++ });
    }
  }
  return FIGURE_KINDS.filter((k) => (groups.get(k) as FigureRow[]).length > 0).map((kind) => ({
    kind,
    rows: sortFigureRows(groups.get(kind) as FigureRow[], direction),
  }));
}
