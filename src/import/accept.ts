// What an import may hand to storage (issue 24.1): one schema for what the import accepts, what IndexedDB keeps
// and what start-up loads. The pipeline checks its candidates with it (messages naming the practice, its line and
// the field), storage checks every record with it before writing and after reading. So a batch that passes at
// import loads after a reload: a figure of 400 digits, or a 原文行 of 100000000000000000000, can no longer be
// accepted, shown, and lost on the next start. Pure.
import { z } from 'zod';
import { batchSchema, practiceSchema, themeSchema } from '../ingest/schema';
import type { HygieneRemoval } from '../ingest/hygiene';
import { MAX_BYTES, utf8Length } from './decode';
import { FIRST_IMPORTED_ID } from './merge';
import type { Candidate, ImportProblem } from './types';

export { utf8Length };
export const MAX_INPUT_BYTES = MAX_BYTES;
export const MAX_INPUT_MB = MAX_BYTES / 1048576;

/** One IndexedDB record: an imported batch under its key. */
export const recordSchema = z.object({
  id: z.number().int().min(FIRST_IMPORTED_ID),
  batch: batchSchema,
  practices: z.array(practiceSchema).min(1),
  themes: z.array(themeSchema),
  importedAt: z.string(),
});

/** zod path → practices[3].source.lines[0]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '') || '(root)';
}

const MAX_LISTED = 8;

/**
 * The candidates as storage will see them: each practice through the record schema. A failure names the practice
 * (id and the line of the input it came from) and the field, e.g. "line 12, practice 1000-1-1-2, field
 * figures[0].value".
 */
export function validateCandidates(candidates: readonly Candidate[], lineOf: (practiceId: string) => number | undefined, prefix = ''): ImportProblem[] {
  const problems: ImportProblem[] = [];
  let more = 0;
  for (const c of candidates) {
    const tax = batchSchema.shape.taxonomy.safeParse(c.taxonomy);
    if (!tax.success) {
      const field = formatPath(['taxonomy', ...tax.error.issues[0]!.path]);
      const msg = tax.error.issues[0]!.message;
      problems.push({ code: 'schema', field, message: `Field ${field}: ${msg}`, messageZh: `字段 ${field}：${msg}` });
    }
    for (const p of c.practices) {
      const r = practiceSchema.safeParse(p);
      if (r.success) continue;
      if (problems.length >= MAX_LISTED) {
        more++;
        continue;
      }
      const issue = r.error.issues[0]!;
      const field = formatPath(issue.path);
      const line = lineOf(p.id);
      const where = line ? `${prefix}line ${line}, ` : '';
      const whereZh = line ? `${prefix}第 ${line} 行，` : '';
      const value = valueAt(p, issue.path);
      const shown = value === undefined ? '' : ` (${describe(value)})`;
      problems.push({
        code: 'schema',
        ...(line ? { line } : {}),
        field,
        message: `${where}practice ${p.id}, field ${field}${shown}: ${issue.message}. It cannot be stored as it is.`,
        messageZh: `${whereZh}做法 ${p.id} 的字段 ${field}${shown}：${zhReason(issue, value)}，无法保存。`,
      });
    }
  }
  if (more) problems.push({ code: 'schema', message: `…and ${more} more practices with the same kind of problem`, messageZh: `……另有 ${more} 项做法有同类问题` });
  return problems;
}

function valueAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = obj;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function describe(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 40)}…"` : `"${v}"`;
  return typeof v;
}

function zhReason(issue: z.core.$ZodIssue, value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return '数值超出可表示的范围';
  if (issue.code === 'too_big') return '数值过大';
  if (issue.code === 'too_small') return '为空或过小';
  if (issue.code === 'invalid_type') return '类型不对';
  return issue.message;
}

/** Removed characters (src/ingest/hygiene.ts) as warnings, one per line. */
export function hygieneWarnings(removed: readonly HygieneRemoval[], prefix: string): ImportProblem[] {
  return removed.map((r) => ({
    code: 'hygiene',
    line: r.line,
    message: `${prefix}line ${r.line}: removed ${r.count} ${r.kinds.join(', ')} character${r.count > 1 ? 's' : ''} (${r.codes.join(' ')}) that would break exports or reverse the text.`,
    messageZh: `${prefix}第 ${r.line} 行：已删除 ${r.count} 个${r.kindsZh.join('、')}（${r.codes.join(' ')}），它们会损坏导出的文件或颠倒文字方向。`,
  }));
}
