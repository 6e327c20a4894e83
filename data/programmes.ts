// data/programmes/*.json → Programme (src/types.ts): each published name resolved to one gazetteer unit. Pure (the
// file's text and the gazetteer are passed in); data/build.ts reads and writes the files.
//
// A name is read as a whole (河北省唐山市, 重庆市九龙坡区: the chain of full names the ingest reads for actors) or, as
// the finance lists write them, a short form (石家庄, 重庆, 乌鲁木齐) matched against the gazetteer's short names of
// provinces and cities. Anything else — unknown, shared by several units, or a chain with text left over — is an
// error naming the file and the line, and the build writes nothing: a programme unit is never guessed.
import { readdirSync, readFileSync } from 'node:fs';
import type { GazetteerEntry, Programme, ProgrammeSource, ProgrammeUnit } from '../src/types';
import { createGeocoder, resolveActors, toPlace, type Geocoder } from '../src/ingest/geocode';
import { fromRoot, loadAliases, loadGazetteer } from './lib';

export const PROGRAMMES_DIR = 'data/programmes';

export interface ProgrammeIssue {
  file: string;
  line: number;
  message: string;
}

export type ProgrammeResult = { ok: true; programme: Programme } | { ok: false; errors: ProgrammeIssue[] };

const STATUSES = ['公示', '正式'] as const;
const REQUIRED = ['id', 'title', 'titleEn', 'issuer', 'date', 'status', 'sources', 'units'] as const;
const OPTIONAL = ['short', 'shortEn', 'document', 'docNumber', 'period', 'note'] as const;

/** The 1-based line of the n-th occurrence of `"name"` after the "units" key (JSON keeps one name a line). */
function lineOf(text: string, name: string, nth: number): number {
  const quoted = JSON.stringify(name);
  let pos = Math.max(0, text.indexOf('"units"'));
  for (let k = 0; k <= nth; k++) {
    const at = text.indexOf(quoted, pos);
    if (at < 0) break;
    pos = at + (k < nth ? quoted.length : 0);
  }
  return text.slice(0, pos).split('\n').length;
}

function keyLine(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/** One published name → one unit, or why not. */
export function resolveUnitName(g: Geocoder, gazetteer: readonly GazetteerEntry[], name: string): { ok: true; adcode: number } | { ok: false; message: string } {
  const full = resolveActors(g, name);
  if (full.ok && full.actors.length === 1 && full.end === name.length) return { ok: true, adcode: full.actors[0]!.adcode };
  if (!full.ok && full.reason === 'ambiguous' && full.name === name)
    return { ok: false, message: `"${name}" is ambiguous (${full.candidates.join(', ')}): write it with its province` };
  if (!full.ok && full.reason === 'outside') return { ok: false, message: `"${full.name}" does not lie inside "${full.container}"` };
  // Short forms (the finance lists): provinces and prefecture-level cities only — a 2-character district short form
  // (朝阳) would be a guess.
  const shorts = gazetteer.filter((e) => e.level !== 'district' && e.short === name);
  if (shorts.length === 1) return { ok: true, adcode: shorts[0]!.adcode };
  if (shorts.length > 1) return { ok: false, message: `"${name}" is ambiguous (${shorts.map((e) => `${e.name} ${e.adcode}`).join(', ')}): write it with its province` };
  return { ok: false, message: `"${name}" is not a province, city or district of the gazetteer` };
}

/** Reads one reviewed programme file. `file` is its path from the repository root (for messages and `file`). */
export function readProgramme(file: string, text: string, g: Geocoder, gazetteer: readonly GazetteerEntry[]): ProgrammeResult {
  const errors: ProgrammeIssue[] = [];
  const err = (line: number, message: string) => errors.push({ file, line, message });
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    return { ok: false, errors: [{ file, line: 1, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: [{ file, line: 1, message: 'expected an object' }] };
  for (const k of REQUIRED) if (raw[k] === undefined || raw[k] === '') err(1, `missing "${k}"`);
  for (const k of Object.keys(raw)) if (!(REQUIRED as readonly string[]).includes(k) && !(OPTIONAL as readonly string[]).includes(k)) err(keyLine(text, k), `unknown field "${k}"`);
  const str = (k: string): string => {
    const v = raw[k];
    if (v !== undefined && typeof v !== 'string') err(keyLine(text, k), `"${k}" must be a string`);
    return typeof v === 'string' ? v : '';
  };
  const id = str('id');
  if (id && !/^[a-z][a-z0-9-]*$/.test(id)) err(keyLine(text, 'id'), `id "${id}" must be lower-case letters, digits and -`);
  const expectedFile = `${id}.json`;
  if (id && !file.endsWith(`/${expectedFile}`) && file !== expectedFile) err(keyLine(text, 'id'), `id "${id}" does not match the file name (expected ${expectedFile})`);
  const date = str('date');
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) err(keyLine(text, 'date'), `date "${date}" is not YYYY-MM-DD`);
  const status = str('status');
  if (status && !(STATUSES as readonly string[]).includes(status)) err(keyLine(text, 'status'), `status "${status}" is not 公示 or 正式`);
  const sources: ProgrammeSource[] = [];
  if (raw['sources'] !== undefined) {
    if (!Array.isArray(raw['sources']) || raw['sources'].length === 0) err(keyLine(text, 'sources'), '"sources" must list at least one citation');
    else
      for (const s of raw['sources'] as unknown[]) {
        const o = (s ?? {}) as Record<string, unknown>;
        const ok = ['title', 'publisher', 'date', 'url'].every((k) => typeof o[k] === 'string' && o[k] !== '');
        if (!ok || !/^https?:\/\//.test(String(o['url'])) || !/^\d{4}-\d{2}-\d{2}$/.test(String(o['date'])))
          err(keyLine(text, 'sources'), 'each source needs title, publisher, date (YYYY-MM-DD) and url (its address)');
        else sources.push({ title: o['title'] as string, publisher: o['publisher'] as string, date: o['date'] as string, url: o['url'] as string });
      }
  }
  const units: ProgrammeUnit[] = [];
  const names = raw['units'];
  if (names !== undefined && (!Array.isArray(names) || names.length === 0)) err(keyLine(text, 'units'), '"units" must list the names as published');
  const seen = new Map<number, string>();
  const count = new Map<string, number>();
  if (Array.isArray(names))
    for (const name of names as unknown[]) {
      if (typeof name !== 'string' || name.trim() === '') {
        err(keyLine(text, 'units'), `a unit is not a name: ${JSON.stringify(name)}`);
        continue;
      }
      const nth = count.get(name) ?? 0;
      count.set(name, nth + 1);
      const line = lineOf(text, name, nth);
      const r = resolveUnitName(g, gazetteer, name.trim());
      if (!r.ok) {
        err(line, r.message);
        continue;
      }
      const before = seen.get(r.adcode);
      if (before !== undefined) {
        err(line, `"${name}" is the same unit as "${before}" (${r.adcode})`);
        continue;
      }
      seen.set(r.adcode, name);
      units.push({ ...toPlace(g, r.adcode), published: name });
    }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  const programme: Programme = {
    id,
    title: str('title'),
    titleEn: str('titleEn'),
    issuer: str('issuer'),
    date,
    status: status as Programme['status'],
    ...Object.fromEntries(OPTIONAL.filter((k) => typeof raw[k] === 'string' && raw[k] !== '').map((k) => [k, raw[k]])),
    sources,
    file,
    units,
  };
  return { ok: true, programme };
}

/** Programmes in a stable order: by date, then id. */
export function sortProgrammes(ps: Programme[]): Programme[] {
  return [...ps].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function serialiseProgrammes(ps: readonly Programme[]): string {
  return `${JSON.stringify({ generatedBy: 'data/build.ts (data/programmes/*.json)', programmes: ps }, null, 2)}\n`;
}

/** Every data/programmes/*.json resolved, or the errors (file:line: message). A new programme is one new file. */
export function buildProgrammes(dir = PROGRAMMES_DIR, gazetteer = loadGazetteer(), aliases = loadAliases()): { ok: true; programmes: Programme[] } | { ok: false; errors: string[] } {
  const g = createGeocoder(gazetteer, aliases);
  const programmes: Programme[] = [];
  const errors: string[] = [];
  const files = readdirSync(fromRoot(dir)).filter((f) => f.endsWith('.json')).sort();
  for (const f of files) {
    const file = `${dir}/${f}`;
    const r = readProgramme(file, readFileSync(fromRoot(file), 'utf8'), g, gazetteer);
    if (r.ok) programmes.push(r.programme);
    else for (const e of r.errors) errors.push(`${e.file}:${e.line}: ${e.message}`);
  }
  const ids = new Set<string>();
  for (const p of programmes) {
    if (ids.has(p.id)) errors.push(`${p.file}:1: programme id "${p.id}" is used twice`);
    ids.add(p.id);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, programmes: sortProgrammes(programmes) };
}
