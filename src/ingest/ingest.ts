// The single entry of the ingest: text of one official list → taxonomy, practice records, errors, warnings.
// Pure and synchronous, so the data build (Node) and the in-app import (Web Worker) call the same code.
import type { GazetteerEntry, Mechanism, Place, Practice } from '../types';
import { documentSpans, extractDocuments, extractFigures, extractSites, headlineOf, assignThemes, type ThemeDef } from './extract';
import { createGeocoder, findMentions, resolveActors, type AliasFile, type Geocoder } from './geocode';
import { issue, type IngestIssue } from './issues';
import { parseList, type RawItem, type RoleOverrides, type StructureLine } from './parse';
import type { ListMeta } from './listMeta';

export interface IngestOptions {
  batchId: number;
  /** Source path recorded in every practice (`source.file`). */
  file: string;
  gazetteer: readonly GazetteerEntry[];
  aliases: AliasFile;
  themes: readonly ThemeDef[];
  /** Roles set by hand for some lines (the import preview's corrections), by cell key. */
  roles?: RoleOverrides;
}

export interface IngestResult {
  /** True when there are no errors; records are then complete. */
  ok: boolean;
  taxonomy: Mechanism[];
  practices: Practice[];
  errors: IngestIssue[];
  warnings: IngestIssue[];
  /** Every line with the role it was given: the import preview's tree. */
  structure: StructureLine[];
  /** Title, issuer and date when the text before the table names them. */
  meta: ListMeta;
}

// Building the name index costs ~10 ms; a Worker importing several files reuses it.
const geocoders = new WeakMap<readonly GazetteerEntry[], WeakMap<AliasFile, Geocoder>>();

export function geocoderFor(gazetteer: readonly GazetteerEntry[], aliases: AliasFile): Geocoder {
  let inner = geocoders.get(gazetteer);
  if (!inner) geocoders.set(gazetteer, (inner = new WeakMap()));
  let g = inner.get(aliases);
  if (!g) inner.set(aliases, (g = createGeocoder(gazetteer, aliases)));
  return g;
}

export function ingestText(text: string, options: IngestOptions): IngestResult {
  const parsed = parseList(text, { roles: options.roles });
  const records = recordsFromItems(parsed.taxonomy, parsed.items, options);
  const errors = [...parsed.errors, ...records.errors];
  const warnings = [...parsed.warnings, ...records.warnings];
  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return { ok: errors.length === 0, taxonomy: parsed.taxonomy, practices: records.practices, errors, warnings, structure: parsed.structure, meta: parsed.meta };
}

/**
 * Items already placed in a taxonomy → practice records: actors, mentions, sites, documents, figures, themes. The
 * parser's items, and a CSV's rows, which map to items directly (a cell is never read as structure, issue 24.4).
 * Issues name the items' own lines.
 */
export function recordsFromItems(taxonomy: readonly Mechanism[], items: readonly RawItem[], options: Omit<IngestOptions, 'roles'>): { practices: Practice[]; errors: IngestIssue[]; warnings: IngestIssue[] } {
  const g = geocoderFor(options.gazetteer, options.aliases);
  const errors: IngestIssue[] = [];
  const warnings: IngestIssue[] = [];
  const practices: Practice[] = [];

  for (const raw of items) {
    const mech = taxonomy.find((m) => m.index === raw.mechanismIndex);
    const measure = mech?.measures.find((m) => m.index === raw.measureIndex);
    if (!mech || !measure) continue; // reported by the parser
    const headline = headlineOf(raw.text);
    const actor = resolveActors(g, headline);
    const line = raw.lines[0];
    let actors: Place[] = [];
    let actorEnd = 0;
    if (!actor.ok) {
      const start = headline.slice(0, 12);
      const where = `item ${mech.code}${measure.code}${raw.item}`;
      const whereZh = `${mech.code}${measure.code}第${raw.item}条`;
      if (actor.reason === 'ambiguous') {
        const names = actor.candidates.map((c) => `${g.byCode.get(c)?.name}(${c})`).join(', ');
        errors.push(
          issue(line, 'actor-unresolved', `${where}: "${actor.name}" names several places (${names}); expected the province or city before it, e.g. 浙江省宁波市江北区`, `${whereZh}：“${actor.name}”对应多个地方（${names}），应写明所属省市，如“浙江省宁波市江北区”`),
        );
      } else if (actor.reason === 'outside') {
        errors.push(
          issue(line, 'actor-unresolved', `${where}: "${actor.name}" is not inside ${actor.container}; expected a place within it, or 、 between two places`, `${whereZh}：“${actor.name}”不在${actor.container}辖区内，应为其下辖地方，或用“、”分隔两个地方`),
        );
      } else {
        // Some practices name no place (a ministry-wide or unnamed case): kept without one, listed but not on the
        // map. A misspelt place lands here too, so the warning says how to fix it.
        warnings.push(
          issue(line, 'actor-none', `${where}: the headline "${start}…" does not open with a known place; kept without a place (listed, not on the map). If it names one, write it as 山东省潍坊市 or add an alias to data/aliases.json`, `${whereZh}：首句“${start}…”未以可识别的地名开头；已保留为无地点做法（列出但不上图）。如有地名，请写成“山东省潍坊市”的形式`),
        );
      }
    } else {
      actors = actor.actors;
      actorEnd = actor.end;
    }

    const docs = documentSpans(raw.text);
    const skip: [number, number][] = [[0, actorEnd], ...docs];
    const found = findMentions(g, raw.text, actors, skip);
    for (const u of found.unresolved) {
      const names = u.candidates.map((c) => `${g.byCode.get(c)?.name}(${c})`).join(', ');
      warnings.push(
        issue(line, 'mention-ambiguous', `item ${mech.code}${measure.code}${raw.item}: "${u.name}" could be ${names}; not recorded as a mention`, `${mech.code}${measure.code}第${raw.item}条：“${u.name}”可能指${names}，未记为提及地点`),
      );
    }
    practices.push({
      id: `${options.batchId}-${mech.index}-${measure.index}-${raw.item}`,
      batch: options.batchId,
      mechanism: { code: mech.code, index: mech.index, title: mech.title },
      measure: { code: measure.code, index: measure.index, title: measure.title },
      item: raw.item,
      headline,
      text: raw.text,
      source: { file: options.file, lines: raw.lines },
      actors,
      mentions: found.mentions,
      sites: extractSites(g, raw.text, docs),
      documents: extractDocuments(raw.text),
      figures: extractFigures(raw.text),
      themes: assignThemes(raw.text, options.themes),
      // Keyword rules only suggest; the build replaces them with data/themes-reviewed.json, the import preview
      // asks the user to confirm them.
      themeSource: 'suggested',
      ...(raw.converted ? { converted: raw.converted } : {}),
      ...(raw.incomplete ? { incomplete: true } : {}),
    });
  }
  return { practices, errors, warnings };
}
