// Assembling the dataset file from ingested batches: metadata, corrections, themes, deterministic order. Pure.
import type { Batch, Dataset, Practice, Theme } from '../types';
import type { ThemeDef } from './extract';
import { ingestText, type IngestOptions, type IngestResult } from './ingest';
import { issue, type IngestIssue } from './issues';
import { applyReviewedThemes, type ReviewedThemes } from './reviewedThemes';
import { withRelated } from './similarity';

export const GENERATED_BY = 'data/build.ts — do not edit; run npm run data';

/** One entry of data/batches.json. */
export interface BatchMeta {
  id: number;
  title: string;
  issuer: string;
  date: string;
  /** The notice's 文号 when the document names it. */
  docNumber?: string;
  file: string;
}

/** One entry of data/corrections.json: a reviewed replacement of one field of one practice. */
export interface Correction {
  id: string;
  field: 'actors' | 'mentions' | 'sites' | 'documents' | 'figures' | 'themes' | 'headline';
  value: unknown;
  reason: string;
}

const CORRECTABLE: readonly Correction['field'][] = ['actors', 'mentions', 'sites', 'documents', 'figures', 'themes', 'headline'];

/** Applies the corrections whose id is a practice of this list (others belong to other batches). */
export function applyCorrections(practices: Practice[], corrections: readonly Correction[]): IngestIssue[] {
  const errors: IngestIssue[] = [];
  for (const c of corrections) {
    const p = practices.find((x) => x.id === c.id);
    if (!p) continue;
    const line = p.source.lines[0];
    if (!CORRECTABLE.includes(c.field)) {
      errors.push(issue(line, 'correction-invalid', `correction for ${c.id}: field "${c.field}" cannot be corrected; expected one of ${CORRECTABLE.join(', ')}`, `对${c.id}的修正：字段“${c.field}”不可修正`));
    } else if (typeof c.reason !== 'string' || c.reason.trim() === '') {
      errors.push(issue(line, 'correction-invalid', `correction for ${c.id}.${c.field} has no reason; every correction must say why`, `对${c.id}.${c.field}的修正缺少理由`));
    } else {
      (p as unknown as Record<string, unknown>)[c.field] = c.value;
    }
  }
  return errors;
}

/** Corrections whose id matches no practice of any batch: reported by the build so none goes stale silently. */
export function unusedCorrections(practices: readonly Practice[], corrections: readonly Correction[]): Correction[] {
  const ids = new Set(practices.map((p) => p.id));
  return corrections.filter((c) => !ids.has(c.id));
}

export function publicThemes(defs: readonly ThemeDef[]): Theme[] {
  return defs.map(({ key, zh, en }) => ({ key, zh, en }));
}

export interface BatchIngest {
  meta: BatchMeta;
  result: IngestResult;
}

/**
 * `reviewed`: the reviewed themes (data/themes-reviewed.json). `strict` for built-in batches (every practice must have
 * an entry); otherwise entries apply only where the id and headline match, and the rest keep suggested themes.
 */
export function ingestBatch(
  meta: BatchMeta,
  text: string,
  options: Omit<IngestOptions, 'batchId' | 'file'>,
  corrections: readonly Correction[] = [],
  reviewed?: { entries: readonly ReviewedThemes[]; strict: boolean },
): BatchIngest {
  const result = ingestText(text, { ...options, batchId: meta.id, file: meta.file });
  if (reviewed) {
    const r = applyReviewedThemes(result.practices, reviewed.entries, options.themes.map((t) => t.key), reviewed.strict);
    result.errors.push(...r.errors);
    result.warnings.push(...r.warnings);
  }
  result.errors.push(...applyCorrections(result.practices, corrections));
  result.ok = result.errors.length === 0;
  return { meta, result };
}

/** Batches and practices in order, with each practice's related practices (issue 10, data/SIMILARITY.md). */
export function assembleDataset(ingests: readonly BatchIngest[], themes: readonly ThemeDef[]): Dataset {
  const batches: Batch[] = ingests
    .map(({ meta, result }) => ({ id: meta.id, title: meta.title, issuer: meta.issuer, date: meta.date, ...(meta.docNumber ? { docNumber: meta.docNumber } : {}), file: meta.file, taxonomy: result.taxonomy }))
    .sort((a, b) => a.id - b.id);
  const practices = withRelated(
    ingests
      .flatMap((i) => i.result.practices)
      .sort((a, b) => a.batch - b.batch || a.mechanism.index - b.mechanism.index || a.measure.index - b.measure.index || a.item - b.item),
  );
  return { generatedBy: GENERATED_BY, batches, themes: publicThemes(themes), practices };
}

/** The file's bytes: 2-space JSON, trailing newline. Key order comes from construction, so equal input → equal bytes. */
export function serialiseDataset(d: Dataset): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

/** Counts for the CLI report: per mechanism, per measure, per actor level. */
export function summarise(practices: readonly Practice[]): { mechanisms: Map<string, number>; measures: Map<string, number>; levels: Map<string, number>; provinces: Set<number> } {
  const mechanisms = new Map<string, number>();
  const measures = new Map<string, number>();
  const levels = new Map<string, number>();
  const provinces = new Set<number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const p of practices) {
    inc(mechanisms, `${p.mechanism.code} ${p.mechanism.title}`);
    inc(measures, `${p.mechanism.code}${p.measure.code} ${p.measure.title}`);
    for (const a of p.actors) {
      inc(levels, a.level);
      provinces.add(a.province);
    }
  }
  return { mechanisms, measures, levels, provinces };
}
