// Places in practice texts → gazetteer entries. Pure: the gazetteer and the alias file are passed in.
//
// Actors: the chain of place names the headline opens with (山东省潍坊市, 重庆市九龙坡区), possibly several joined
// by 、/和/及/与 (黑龙江省、河南省、四川省…). Mentions: other administrative places named in the text, resolved
// inside the actor's jurisdiction first (江北区 in a 重庆市 practice → 500105, not Ningbo's 330205).
import type { GazetteerEntry, Place } from '../types';
import { COUNTRY_ADCODE, provinceOf } from './gazetteer';

/** data/aliases.json */
export interface AliasFile {
  /** Short and former names, each pointing to one gazetteer adcode. */
  aliases: { name: string; adcode: number; note?: string }[];
  /** Gazetteer names that are also ordinary words (城区, 矿区 …): never read as places. */
  notPlaces: string[];
  /** Gazetteer names that are also common phrases (新城区, 老城区 …): a place only inside the actor's province. */
  jurisdictionOnly: string[];
  /** Words after a place name that make it part of an organisation's name (…分行, …集团). */
  organisationSuffixes: string[];
}

export interface Geocoder {
  byCode: Map<number, GazetteerEntry>;
  /** name → candidate adcodes (full names and aliases). */
  byName: Map<string, number[]>;
  /** first character → names starting with it, longest first. */
  byFirst: Map<string, string[]>;
  aliasNames: Set<string>;
  notPlaces: Set<string>;
  jurisdictionOnly: Set<string>;
  organisation: RegExp;
}

export function createGeocoder(gazetteer: readonly GazetteerEntry[], aliases: AliasFile): Geocoder {
  const byCode = new Map<number, GazetteerEntry>();
  const byName = new Map<string, number[]>();
  const add = (name: string, adcode: number) => {
    const list = byName.get(name);
    if (!list) byName.set(name, [adcode]);
    else if (!list.includes(adcode)) list.push(adcode);
  };
  for (const e of gazetteer) {
    if (e.adcode === COUNTRY_ADCODE) continue;
    byCode.set(e.adcode, e);
    add(e.name, e.adcode);
  }
  const aliasNames = new Set<string>();
  for (const a of aliases.aliases) {
    if (!byCode.has(a.adcode)) throw new Error(`aliases: ${a.name} points to unknown adcode ${a.adcode}`);
    add(a.name, a.adcode);
    aliasNames.add(a.name);
  }
  const byFirst = new Map<string, string[]>();
  for (const name of byName.keys()) {
    const first = name[0]!;
    const list = byFirst.get(first);
    if (list) list.push(name);
    else byFirst.set(first, [name]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const list of byName.values()) list.sort((a, b) => a - b);
  const suffixes = [...aliases.organisationSuffixes].sort((a, b) => b.length - a.length).map(escapeRe);
  return {
    byCode,
    byName,
    byFirst,
    aliasNames,
    notPlaces: new Set(aliases.notPlaces),
    jurisdictionOnly: new Set(aliases.jurisdictionOnly),
    // An organisation suffix within the next few characters of the same phrase: 安徽省分行, 上海地产集团,
    // 南京市城市更新公司. Six characters: longer gaps are rarely still one name.
    organisation: new RegExp(`^[^，。；、：,;:（）()《》“”\\s与和及]{0,6}(?:${suffixes.join('|')})`),
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function toPlace(g: Geocoder, adcode: number): Place {
  const e = g.byCode.get(adcode);
  if (!e) throw new Error(`unknown adcode ${adcode}`);
  const place: Place = { adcode: e.adcode, name: e.name, level: e.level, province: provinceOf(e.adcode) };
  if (e.level === 'district') {
    const parent = g.byCode.get(e.parent);
    if (parent && parent.level === 'city') place.city = parent.adcode;
  }
  return place;
}

/** True when `adcode` is `ancestor` or lies inside it. */
export function isWithin(g: Geocoder, adcode: number, ancestor: number): boolean {
  let cur: number | undefined = adcode;
  for (let guard = 0; cur !== undefined && guard < 5; guard++) {
    if (cur === ancestor) return true;
    const e = g.byCode.get(cur);
    if (!e || e.parent === cur) return false;
    cur = e.parent;
  }
  return false;
}

/** Names starting at `pos`, longest first, that pass `accept`. */
function namesAt(g: Geocoder, text: string, pos: number, accept: (name: string) => boolean): string[] {
  const list = g.byFirst.get(text[pos]!);
  if (!list) return [];
  const out: string[] = [];
  for (const name of list) if (text.startsWith(name, pos) && accept(name)) out.push(name);
  return out;
}

export interface Chain {
  start: number;
  end: number;
  /** The surface name of each link, e.g. ['山东省', '潍坊市']. */
  names: string[];
  /** Candidates of the most specific link (several only when the first link alone was ambiguous). */
  candidates: number[];
}

/**
 * The chain of nested place names at `pos` (山东省潍坊市, 重庆市九龙坡区). The first link must be a name
 * `acceptFirst` allows; later links must lie inside the previous one (any gazetteer name, so two-character
 * counties such as 和县 count after their province or city).
 */
export function chainAt(g: Geocoder, text: string, pos: number, acceptFirst: (name: string) => boolean): Chain | null {
  for (const first of namesAt(g, text, pos, acceptFirst)) {
    let candidates = g.byName.get(first)!;
    const names = [first];
    let end = pos + first.length;
    for (;;) {
      let next: { name: string; codes: number[] } | null = null;
      for (const name of namesAt(g, text, end, (n) => !g.notPlaces.has(n))) {
        const codes = g.byName.get(name)!.filter((c) => candidates.some((p) => c !== p && isWithin(g, c, p)));
        if (codes.length > 0) {
          next = { name, codes };
          break;
        }
      }
      if (!next) break;
      names.push(next.name);
      candidates = next.codes;
      end += next.name.length;
    }
    return { start: pos, end, names, candidates };
  }
  return null;
}

export type ActorResult =
  | { ok: true; actors: Place[]; end: number }
  | { ok: false; reason: 'none' }
  /** A name shared by several units (江北区 alone). */
  | { ok: false; reason: 'ambiguous'; name: string; candidates: number[] }
  /** A place right after another that does not lie inside it (山东省银川市). */
  | { ok: false; reason: 'outside'; name: string; container: string };

const ACTOR_JOINERS = ['以及', '、', '和', '及', '与'];

/** The places a headline opens with. Full names and aliases only: precision matters more than recall here. */
export function resolveActors(g: Geocoder, headline: string): ActorResult {
  const actors: Place[] = [];
  const acceptFirst = (n: string) => !g.notPlaces.has(n);
  let pos = 0;
  let end = 0;
  for (;;) {
    const chain = chainAt(g, headline, pos, acceptFirst);
    if (!chain) break;
    let codes = chain.candidates;
    if (codes.length > 1 && actors.length > 0) {
      // 重庆市渝中区、江北区: a later name is read inside the province of the earlier ones.
      const near = codes.filter((c) => actors.some((a) => provinceOf(c) === a.province));
      if (near.length > 0) codes = near;
    }
    if (codes.length !== 1) return { ok: false, reason: 'ambiguous', name: chain.names.join(''), candidates: codes };
    const code = codes[0]!;
    if (!actors.some((a) => a.adcode === code)) actors.push(toPlace(g, code));
    end = chain.end;
    const joiner = ACTOR_JOINERS.find((j) => headline.startsWith(j, chain.end));
    if (!joiner) {
      // 山东省银川市: a second full name that is not inside the first is a mistake, not a second actor.
      const next = chainAt(g, headline, chain.end, (n) => acceptFirst(n) && (n.length >= 3 || g.aliasNames.has(n)));
      if (next) return { ok: false, reason: 'outside', name: next.names.join(''), container: chain.names.join('') };
      break;
    }
    pos = chain.end + joiner.length;
  }
  return actors.length > 0 ? { ok: true, actors, end } : { ok: false, reason: 'none' };
}

// A place name followed by these characters is part of a word (区域 "area", 县域 "county-wide", 市场 "market").
const WORD_AFTER: Record<string, RegExp> = {
  区: /^[域间位块划别分]/,
  县: /^[域级城]/,
  市: /^[场民值集井容]/,
};

const CITY_WORD_AFTER = /^(?:更新|建设|体检|发展|规划|设计|病|功能|品质|治理|管理|安全|生态|居住|历史|空间|结构|会客厅|合伙人|工作)/;

export interface MentionResult {
  mentions: Place[];
  /** Names that look like places but could not be pinned to one unit. */
  unresolved: { name: string; at: number; candidates: number[] }[];
}

/**
 * Administrative places named in `text`, other than the actors and the units containing them, in order of first
 * appearance. `skip` ranges (the actor at the start, 《document titles》) are not searched. A chain
 * (安徽省合肥市) counts as one mention of its most specific unit. Names inside organisations (国家开发银行安徽省分行)
 * are not mentions.
 */
export function findMentions(g: Geocoder, text: string, actors: readonly Place[], skip: readonly [number, number][]): MentionResult {
  const mentions: Place[] = [];
  const unresolved: MentionResult['unresolved'] = [];
  const seen = new Set<number>();
  for (const a of actors) {
    for (let c: number | undefined = a.adcode; c !== undefined && c !== COUNTRY_ADCODE; c = g.byCode.get(c)?.parent) seen.add(c);
  }
  const acceptFirst = (name: string) =>
    !g.notPlaces.has(name) && (name.length >= 3 || g.aliasNames.has(name)); // 2-char counties (和县, 新县) are words too
  let i = 0;
  while (i < text.length) {
    const skipTo = skip.find(([s, e]) => i >= s && i < e);
    if (skipTo) {
      i = skipTo[1];
      continue;
    }
    const chain = chainAt(g, text, i, acceptFirst);
    if (!chain) {
      i++;
      continue;
    }
    const last = chain.names[chain.names.length - 1]!;
    const after = text.slice(chain.end, chain.end + 8);
    const wordRule = WORD_AFTER[last[last.length - 1]!];
    if (wordRule && wordRule.test(after)) {
      i++;
      continue;
    }
    if (g.organisation.test(after)) {
      i = chain.end;
      continue;
    }
    // 项城市, 晋城市, 盐城市 …: "X城市" is usually X + 城市 (10项城市更新指标). Such a name counts only after its
    // province (河南省项城市) or inside the actor's province, and never before a word that continues 城市.
    const cityWord = last.endsWith('城市') && chain.names.length === 1;
    if (cityWord && CITY_WORD_AFTER.test(after)) {
      i++;
      continue;
    }
    const name = chain.names.join('');
    let codes = chain.candidates;
    const restricted = g.jurisdictionOnly.has(last) || cityWord;
    if (codes.length > 1 || restricted) {
      const inside = codes.filter((c) => actors.some((a) => isWithin(g, c, a.adcode)));
      const sameProvince = codes.filter((c) => actors.some((a) => provinceOf(c) === a.province));
      if (inside.length > 0) codes = inside;
      else if (sameProvince.length > 0) codes = sameProvince;
      else if (restricted) codes = [];
    }
    if (codes.length === 1) {
      const code = codes[0]!;
      if (!seen.has(code)) {
        seen.add(code);
        mentions.push(toPlace(g, code));
      }
    } else if (codes.length > 1) {
      unresolved.push({ name, at: chain.start, candidates: codes });
    }
    i = chain.end;
  }
  return { mentions, unresolved };
}
