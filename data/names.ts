// The pure core of `npm run names`: English names for every gazetteer entry and the English taxonomy titles,
// as written to public/data/names-en.json. Provincial units take their official English names; cities and
// districts Hanyu Pinyin without tones, one word, plus the unit word (Chengdu, Jiulongpo District, Zhao County,
// Enshi Tujia and Miao Autonomous Prefecture); reviewed exceptions (data/names-en-reviewed.json) win.
// pinyin-pro is used here only, at build time: it never enters the app bundle.
import { pinyin } from 'pinyin-pro';
import type { NamesEn } from '../src/format/names';
import type { GazetteerEntry } from '../src/types';

export interface ReviewedNames {
  provinces: Record<string, string>;
  suffixes: Record<string, string>;
  ethnic: Record<string, string>;
  characters: Record<string, { pinyin: string; reason: string }>;
  bases: Record<string, { en: string; reason: string }>;
  places: Record<string, { en: string; reason: string }>;
}

export interface TaxonomyEn {
  titles: Record<string, string>;
}

/** Hanyu Pinyin of a Chinese string, toneless, one word, capitalised, with the apostrophe before a, o, e (Xi'an). */
export function pinyinWord(zh: string, characters: ReviewedNames['characters'] = {}): string {
  const syllables = (pinyin(zh, { toneType: 'none', type: 'array', v: false }) as string[]).map(
    (s, i) => characters[zh.charAt(i)]?.pinyin ?? s,
  );
  let out = '';
  syllables.forEach((s, i) => {
    if (!/^[a-zü]+$/.test(s)) throw new Error(`no pinyin for "${zh}" (got "${s}")`);
    out += i > 0 && /^[aoe]/.test(s) ? `'${s}` : s;
  });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** Ethnic groups at the end of a base, longest names first: 恩施土家族苗族 → [恩施, [Tujia, Miao]]. */
function stripEthnic(base: string, ethnic: Record<string, string>): { base: string; groups: string[] } {
  const keys = Object.keys(ethnic).sort((a, b) => b.length - a.length);
  const groups: string[] = [];
  let rest = base;
  for (;;) {
    const k = keys.find((x) => rest.endsWith(x) && rest.length > x.length);
    if (!k) break;
    groups.unshift(ethnic[k] as string);
    rest = rest.slice(0, -k.length);
  }
  return { base: rest, groups };
}

function listEn(items: string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The English name of one city- or district-level entry. Throws, naming the entry, when it cannot. */
export function placeEnglish(g: Pick<GazetteerEntry, 'adcode' | 'name'>, reviewed: ReviewedNames): string {
  const fixed = reviewed.places[String(g.adcode)];
  if (fixed) return fixed.en;
  const suffix = Object.keys(reviewed.suffixes)
    .sort((a, b) => b.length - a.length)
    .find((s) => g.name.endsWith(s) && g.name.length > s.length);
  if (suffix === undefined) throw new Error(`${g.adcode} ${g.name}: no known unit suffix; add it to data/names-en-reviewed.json`);
  let base = g.name.slice(0, -suffix.length);
  let groups: string[] = [];
  if (suffix.startsWith('自治')) {
    // A unit named after its people alone (鄂伦春自治旗 Oroqen Autonomous Banner) has no place name before them.
    const alone = reviewed.ethnic[base];
    if (alone) return `${alone} ${reviewed.suffixes[suffix] as string}`;
    ({ base, groups } = stripEthnic(base, reviewed.ethnic));
    if (groups.length === 0) throw new Error(`${g.adcode} ${g.name}: unknown ethnic group; add it to data/names-en-reviewed.json`);
  }
  const word = reviewed.suffixes[suffix] as string;
  // A one-character base reads with its unit character as one word (城区 Chengqu District, 芒市 Mangshi), except a
  // county, which officials write with the character alone (赵县 Zhao County).
  if (base.length === 1 && suffix !== '县' && groups.length === 0) base = base + suffix.slice(-1);
  const baseEn = reviewed.bases[base]?.en ?? pinyinWord(base, reviewed.characters);
  return [baseEn, groups.length ? listEn(groups) : '', word].filter(Boolean).join(' ');
}

/**
 * names-en.json for a gazetteer: every entry named (provinces from the reviewed list, which must cover all of
 * them), plus the taxonomy titles. `requiredTitles` (the built-in dataset's mechanism and measure titles) must
 * each have an English title. Deterministic: keys in adcode / title order.
 */
export function buildNamesEn(
  gazetteer: readonly GazetteerEntry[],
  reviewed: ReviewedNames,
  taxonomy: TaxonomyEn,
  requiredTitles: readonly string[],
): NamesEn {
  const errors: string[] = [];
  const places: Record<string, string> = {};
  for (const g of [...gazetteer].sort((a, b) => a.adcode - b.adcode)) {
    try {
      if (g.level === 'province') {
        const en = reviewed.provinces[String(g.adcode)];
        if (!en) throw new Error(`${g.adcode} ${g.name}: provincial unit without an official English name in data/names-en-reviewed.json`);
        places[String(g.adcode)] = en;
      } else places[String(g.adcode)] = placeEnglish(g, reviewed);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  for (const t of requiredTitles) if (!taxonomy.titles[t]) errors.push(`taxonomy title "${t}" has no English title in data/taxonomy-en.json`);
  if (errors.length) throw new Error(errors.join('\n'));
  const titles: Record<string, string> = {};
  for (const k of Object.keys(taxonomy.titles).sort()) titles[k] = taxonomy.titles[k] as string;
  return {
    generatedBy: 'data/build-names.ts (npm run names) from public/geo/gazetteer.json, data/names-en-reviewed.json and data/taxonomy-en.json — generated, do not edit',
    places,
    taxonomy: titles,
  };
}

/** The file's text: stable key order, one place per line (small diffs when the gazetteer changes). */
export function serialiseNamesEn(n: NamesEn): string {
  const lines = Object.entries(n.places).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const titles = Object.entries(n.taxonomy).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n  "generatedBy": ${JSON.stringify(n.generatedBy)},\n  "places": {\n${lines.join(',\n')}\n  },\n  "taxonomy": {\n${titles.join(',\n')}\n  }\n}\n`;
}
