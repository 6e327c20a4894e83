// English names of places and taxonomy titles (public/data/names-en.json, built by data/build-names.ts), and
// how the English interface and a Latin-letter search use them. Pure: the file is loaded elsewhere (lazily, only
// for the English interface or a search in Latin letters), and handed in.
import type { GazetteerEntry, Practice, Theme } from '../types';

/** The shape of public/data/names-en.json. */
export interface NamesEn {
  generatedBy?: string;
  /** adcode → English name: official names for provincial units, Hanyu Pinyin for cities and districts. */
  places: Readonly<Record<string, string>>;
  /** Chinese title of a mechanism or measure → its English title (an unofficial translation). */
  taxonomy: Readonly<Record<string, string>>;
}

/** A place's English name, or undefined when the table has none. */
export function placeNameEn(names: NamesEn | null | undefined, adcode: number): string | undefined {
  return names?.places[String(adcode)];
}

/**
 * The place as an English reader reads it, smallest unit first: "Weifang, Shandong", "Jiulongpo District,
 * Chongqing"; a province alone: "Sichuan". Undefined when any link of the chain has no English name.
 */
export function fullPlaceNameEn(
  adcode: number,
  gazetteer: ReadonlyMap<number, GazetteerEntry>,
  names: NamesEn | null | undefined,
): string | undefined {
  if (!names) return undefined;
  const chain: string[] = [];
  let a: number | undefined = adcode;
  while (a !== undefined && a !== 100000) {
    const en = placeNameEn(names, a);
    if (!en) return undefined;
    chain.push(en);
    a = gazetteer.get(a)?.parent;
  }
  return chain.length ? chain.join(', ') : undefined;
}

/** A taxonomy title in English (unofficial translation), or undefined. */
export function taxonomyEn(names: NamesEn | null | undefined, zhTitle: string): string | undefined {
  return names?.taxonomy[zhTitle];
}

/**
 * How Latin text is compared: lower case, ü as u (and v, as typed on keyboards, as u), apostrophes and hyphens
 * dropped, so "xian", "Xi'an" and "XI-AN" meet, and "lvliang" finds Lüliang.
 */
export function normaliseLatin(s: string): string {
  return s.toLowerCase().replace(/ü/g, 'u').replace(/['’-]/g, '');
}

/** Does a query term contain Latin letters (so that the English names are worth loading and searching)? */
export function hasLatin(s: string): boolean {
  return /[a-z]/i.test(s);
}

/**
 * What a Latin-letter query searches besides the Chinese text: the English names of each actor and of the
 * province and prefecture it lies in (Chengdu, Sichuan), of the places mentioned, the English titles of the
 * practice's mechanism and measure, and of its themes. Fields joined by a newline, normalised (normaliseLatin).
 */
export function englishSearchTextOf(p: Practice, names: NamesEn, themes: ReadonlyMap<string, Theme>): string {
  const parts: string[] = [];
  const place = (adcode: number | undefined) => {
    if (adcode === undefined) return;
    const en = placeNameEn(names, adcode);
    if (en) parts.push(en);
  };
  for (const a of p.actors) {
    place(a.adcode);
    if (a.province !== a.adcode) place(a.province);
    if (a.city !== undefined && a.city !== a.adcode) place(a.city);
  }
  for (const m of p.mentions) place(m.adcode);
  for (const title of [p.mechanism.title, p.measure.title]) {
    const en = taxonomyEn(names, title);
    if (en) parts.push(en);
  }
  for (const k of p.themes) {
    const th = themes.get(k);
    if (th?.en) parts.push(th.en);
  }
  return normaliseLatin(parts.join('\n'));
}
