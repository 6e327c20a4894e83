// Places the ingest could not pin down, and the user's choices for them. Uses the ingest's own geocoder functions,
// so a choice is recorded exactly as an automatic match would be. Pure.
import { documentSpans } from '../ingest/extract';
import { findMentions, resolveActors, toPlace, type Geocoder } from '../ingest/geocode';
import { headlineOf } from '../ingest/extract';
import type { GazetteerEntry, Practice } from '../types';
import type { Unresolved } from './types';

function itemLabel(p: Practice): string {
  return `${p.mechanism.code}${p.measure.code}${p.item}`;
}

/** Start of the text the ingest took as the actor (so mentions are not searched there). */
function actorSpan(g: Geocoder, text: string): number {
  const r = resolveActors(g, headlineOf(text));
  if (r.ok) return r.end;
  return r.reason === 'ambiguous' && r.name && text.startsWith(r.name) ? r.name.length : 0;
}

/**
 * Every practice without an actor, and every name that could be several places. `mentionLines`, when given, are
 * the lines where the ingest reported an ambiguous mention: only those practices are searched again (the search
 * costs as much as the ingest's own).
 */
export function findUnresolved(g: Geocoder, practices: readonly Practice[], mentionLines?: ReadonlySet<number>): Unresolved[] {
  const out: Unresolved[] = [];
  for (const p of practices) {
    const line = p.source.lines[0];
    if (p.actors.length === 0) {
      const r = resolveActors(g, p.headline);
      const ambiguous = !r.ok && r.reason === 'ambiguous';
      const name = ambiguous ? (r.name ?? '') : '';
      const candidates = ambiguous ? (r.candidates ?? []) : [];
      out.push({
        key: `${p.id}:actor`,
        kind: 'actor',
        practiceId: p.id,
        line,
        name,
        candidates,
        message: ambiguous
          ? `${itemLabel(p)}: "${name}" could be ${candidates.length} places; choose the one meant.`
          : `${itemLabel(p)}: the first sentence does not open with a known place; choose where this practice belongs, or leave it without a place (listed, not on the map).`,
        messageZh: ambiguous
          ? `${itemLabel(p)}：“${name}”可能指 ${candidates.length} 个地方，请选择。`
          : `${itemLabel(p)}：首句未以可识别的地名开头，请选择该做法所属的地方，也可不选（保留为无地点做法，列出但不上图）。`,
      });
    }
    if (mentionLines && p.actors.length > 0 && !mentionLines.has(line)) continue;
    const found = findMentions(g, p.text, p.actors, [[0, actorSpan(g, p.text)], ...documentSpans(p.text)]);
    const seen = new Set<string>();
    for (const u of found.unresolved) {
      if (seen.has(u.name)) continue;
      seen.add(u.name);
      out.push({
        key: `${p.id}:mention:${u.name}`,
        kind: 'mention',
        practiceId: p.id,
        line,
        name: u.name,
        candidates: u.candidates,
        message: `${itemLabel(p)}: the text names "${u.name}", which could be ${u.candidates.length} places; choose one to link it, or leave it.`,
        messageZh: `${itemLabel(p)}：文中提到“${u.name}”，可能指 ${u.candidates.length} 个地方；可选择其一作为提及地点，也可不选。`,
      });
    }
  }
  return out;
}

/**
 * The practices with the user's choices applied: an actor choice sets the actors (and recomputes the mentions,
 * which are read relative to the actor); a mention choice adds the place to the mentions once.
 */
export function applyChoices(g: Geocoder, practices: readonly Practice[], unresolved: readonly Unresolved[], choices: ReadonlyMap<string, number>): Practice[] {
  const byPractice = new Map<string, Unresolved[]>();
  for (const u of unresolved) {
    if (!choices.has(u.key)) continue;
    const list = byPractice.get(u.practiceId);
    if (list) list.push(u);
    else byPractice.set(u.practiceId, [u]);
  }
  return practices.map((p) => {
    const mine = byPractice.get(p.id);
    if (!mine) return p;
    let next: Practice = { ...p };
    const actor = mine.find((u) => u.kind === 'actor');
    if (actor) {
      const place = toPlace(g, choices.get(actor.key)!);
      const skip: [number, number][] = [[0, actorSpan(g, p.text)], ...documentSpans(p.text)];
      next = { ...next, actors: [place], mentions: findMentions(g, p.text, [place], skip).mentions };
    }
    for (const u of mine) {
      if (u.kind !== 'mention') continue;
      const code = choices.get(u.key)!;
      if (next.mentions.some((m) => m.adcode === code) || next.actors.some((a) => a.adcode === code)) continue;
      next = { ...next, mentions: [...next.mentions, toPlace(g, code)] };
    }
    return next;
  });
}

/**
 * Actor questions still open that block the import: a name that could be several places must be decided. A
 * practice whose text names no place (no candidates) may stay without one: it is listed but not on the map.
 */
export function openActorQuestions(unresolved: readonly Unresolved[], choices: ReadonlyMap<string, number>): Unresolved[] {
  return unresolved.filter((u) => u.kind === 'actor' && u.candidates.length > 0 && !choices.has(u.key));
}

/** The place as people write it: 重庆市江北区, 浙江省宁波市江北区. */
export function chainName(adcode: number, gazetteer: ReadonlyMap<number, GazetteerEntry>): string {
  const parts: string[] = [];
  let e = gazetteer.get(adcode);
  for (let guard = 0; e && guard < 4; guard++) {
    parts.unshift(e.name);
    e = e.parent && e.parent !== 100000 && e.parent !== e.adcode ? gazetteer.get(e.parent) : undefined;
  }
  return parts.join('') || String(adcode);
}

/**
 * Gazetteer search for the picker: exact name or short name first, then names starting with the query, then
 * names containing it; provinces before cities before districts; at most `limit`.
 */
export function searchGazetteer(entries: readonly GazetteerEntry[], query: string, limit = 12): GazetteerEntry[] {
  const q = query.trim();
  if (!q) return [];
  const rank = (e: GazetteerEntry): number => {
    if (e.name === q || e.short === q) return 0;
    if (e.name.startsWith(q) || e.short.startsWith(q)) return 1;
    if (e.name.includes(q)) return 2;
    return -1;
  };
  const level = { province: 0, city: 1, district: 2 } as const;
  return entries
    .map((e) => [e, rank(e)] as const)
    .filter(([, r]) => r >= 0)
    .sort((a, b) => a[1] - b[1] || level[a[0].level] - level[b[0].level] || a[0].adcode - b[0].adcode)
    .slice(0, limit)
    .map(([e]) => e);
}
