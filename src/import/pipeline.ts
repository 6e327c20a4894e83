// The whole import job, from pasted text or a file's bytes to candidates for the preview: decode, detect the
// format, parse, geocode (the same src/ingest code as the data build), collect the questions for the user.
// Pure and synchronous: the Web Worker runs it (ingest.worker.ts), the unit tests call it directly.
import { ingestText, geocoderFor, recordsFromItems } from '../ingest/ingest';
import { htmlText, looksLikeHtml } from '../ingest/html';
import type { AliasFile } from '../ingest/geocode';
import { toPlace } from '../ingest/geocode';
import type { ThemeDef } from '../ingest/extract';
import type { IngestIssue } from '../ingest/issues';
import type { RoleOverrides, StructureLine } from '../ingest/parse';
import type { GazetteerEntry, Practice, Theme } from '../types';
import { CSV_HEADERS, csvToRecords, parseAdcodes, parseLines, readCsv, type CsvRow } from './csvImport';
import { decodeBytes } from './decode';
import { readDatasetJson } from './jsonImport';
import { renumberPractices } from './merge';
import { findUnresolved } from './resolve';
import { hygieneWarnings, MAX_INPUT_BYTES, MAX_INPUT_MB, utf8Length, validateCandidates } from './accept';
import { sanitizeText } from '../ingest/hygiene';
import type { Candidate, DecodedEncoding, ImportFormat, ImportProblem, PrepareRequest, PrepareResult, Progress } from './types';

export interface PrepareContext {
  gazetteer: readonly GazetteerEntry[];
  aliases: AliasFile;
  themes: readonly ThemeDef[];
}

export const PASTED_FILE = 'pasted text';

/** By extension first; pasted text and unknown extensions by their first characters / header line. */
export function detectFormat(name: string | null, text: string): ImportFormat {
  const ext = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  const head = text.replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  const first = head.split(/\r?\n/, 1)[0] ?? '';
  const known = Object.values(CSV_HEADERS).flat();
  const cells = first.split(/[,\t]/).map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  if (cells.length >= 3 && cells.filter((c) => known.includes(c)).length >= 2) return 'csv';
  return 'txt';
}

/** A title for the form: the line before the table when it names a list (…清单（第四批）). */
export function guessTitle(text: string): string {
  for (const raw of text.split(/\r?\n/).slice(0, 12)) {
    const line = raw.trim();
    if (/^[一二三四五六七八九十]+[、．.\s]|^序号/.test(line) || /^[（(]/.test(line)) break;
    if (/清单|批/.test(line) && line.length <= 60) return line.replace(/^附件\s*\d*\s*/, '');
  }
  return '';
}

function fromIssue(i: IngestIssue, where: (line: number) => number, prefix = ''): ImportProblem {
  if (i.line === 0) return { code: 'ingest', message: i.message, messageZh: i.messageZh };
  const line = where(i.line);
  return { code: 'ingest', line, message: `${prefix}line ${line}: ${i.message}`, messageZh: `${prefix ? 'CSV ' : ''}第 ${line} 行：${i.messageZh}` };
}

interface ListInput {
  roles?: RoleOverrides;
  text: string;
  file: string;
  format: ImportFormat;
  batchId: number;
  title: string;
  /** Maps a line of `text` to the line the user knows (CSV). */
  where?: (line: number) => number;
  prefix?: string;
}

/** One list through the ingest. Errors that only concern a practice's place become questions; others stop. */
function ingestList(input: ListInput, ctx: PrepareContext): { ok: true; candidate: Candidate } | { ok: false; problems: ImportProblem[]; structure?: StructureLine[] } {
  const where = input.where ?? ((l: number) => l);
  const r = ingestText(input.text, { batchId: input.batchId, file: input.file, gazetteer: ctx.gazetteer, aliases: ctx.aliases, themes: ctx.themes, roles: input.roles });
  const placeless = new Set(r.practices.filter((p) => p.actors.length === 0).map((p) => p.source.lines[0]));
  const blocking = r.errors.filter((e) => !(e.code === 'actor-unresolved' && placeless.has(e.line)));
  // Lists read as text (pasted, .txt, or a .docx / PDF turned into text) show their structure tree.
  const isText = input.format === 'txt' || input.format === 'docx' || input.format === 'pdf';
  if (blocking.length) return { ok: false, problems: blocking.map((e) => fromIssue(e, where, input.prefix)), ...(isText ? { structure: r.structure } : {}) };
  const g = geocoderFor(ctx.gazetteer, ctx.aliases);
  // The text's own title, signature and date (issue 16) prefill the form; the user can still change them.
  const m = r.meta;
  return {
    ok: true,
    candidate: {
      meta: { title: m.title?.value ?? input.title, issuer: m.issuer?.value ?? '', date: m.date?.value ?? '', ...(m.docNumber ? { docNumber: m.docNumber.value } : {}) },
      ...(isText ? { structure: r.structure, metaLines: { title: m.title?.line, issuer: m.issuer?.line, date: m.date?.line, docNumber: m.docNumber?.line } } : {}),
      file: input.file,
      format: input.format,
      taxonomy: r.taxonomy,
      practices: r.practices,
      themes: [],
      unresolved: findUnresolved(g, r.practices, new Set(r.warnings.filter((w) => w.code === 'mention-ambiguous').map((w) => w.line))),
      warnings: r.warnings.filter((w) => w.code !== 'mention-ambiguous').map((w) => fromIssue(w, where, input.prefix)),
    },
  };
}

/**
 * CSV rows → one candidate per 批次. Each row is one practice placed by its own cells (csvToRecords), then the
 * ingest's record step; lines are the CSV's throughout. The source becomes 来源文件 + 原文行 when given, the actors
 * the 实施主体代码 when given.
 */
function csvCandidates(text: string, file: string, firstId: number, ctx: PrepareContext): { ok: true; candidates: Candidate[]; csvLines: Map<string, number> } | { ok: false; problems: ImportProblem[] } {
  const read = readCsv(text);
  if (!read.ok) return read;
  const placed = csvToRecords(read.rows);
  if (!placed.ok) return placed;
  const g = geocoderFor(ctx.gazetteer, ctx.aliases);
  const candidates: Candidate[] = [];
  const problems: ImportProblem[] = [];
  /** Practice id → the CSV line of its row, for the storage check's messages. */
  const csvLines = new Map<string, number>();
  const csvIssue = (i: IngestIssue) => fromIssue(i, (l) => l, 'CSV ');
  placed.batches.forEach((group, i) => {
    const batchId = firstId + i;
    const r = recordsFromItems(group.taxonomy, group.items, { batchId, file, gazetteer: ctx.gazetteer, aliases: ctx.aliases, themes: ctx.themes });
    // As for a list: a practice whose place could not be read becomes a question, other errors stop.
    const placeless = new Set(r.practices.filter((p) => p.actors.length === 0).map((p) => p.source.lines[0]));
    const blocking = r.errors.filter((e) => !(e.code === 'actor-unresolved' && placeless.has(e.line)));
    if (blocking.length) return problems.push(...blocking.map(csvIssue));
    const rowOf = new Map<string, CsvRow>(group.items.map((it) => [`${batchId}-${it.mechanismIndex}-${it.measureIndex}-${it.item}`, it.row]));
    const c: Candidate = {
      meta: { title: group.batch, issuer: '', date: '' },
      file,
      format: 'csv',
      taxonomy: group.taxonomy,
      practices: r.practices,
      themes: [],
      unresolved: findUnresolved(g, r.practices, new Set(r.warnings.filter((w) => w.code === 'mention-ambiguous').map((w) => w.line))),
      warnings: [...group.warnings, ...r.warnings.filter((w) => w.code !== 'mention-ambiguous')].sort((a, b) => a.line - b.line).map(csvIssue),
    };
    c.practices = c.practices.map((p): Practice => {
      const row = rowOf.get(p.id);
      if (!row) return p;
      csvLines.set(p.id, row.lines[0]);
      const lines = parseLines(row.sourceLines);
      if (lines && !lines.every((n) => Number.isSafeInteger(n))) {
        // Digits beyond what a number holds exactly: stored, they would fail the schema on the next start.
        problems.push({
          code: 'csv-row',
          line: row.lines[0],
          column: '原文行',
          message: `CSV line ${row.lines[0]}, column 原文行: "${row.sourceLines}" is not a line number (too large); give the source line, e.g. 12 or 12-14, or leave the cell empty.`,
          messageZh: `CSV 第 ${row.lines[0]} 行“原文行”列：“${row.sourceLines}”超出行号的范围，应为原文的行号（如 12 或 12-14），或留空。`,
        });
        return p;
      }
      const source = row.sourceFile && lines ? { file: row.sourceFile, lines } : { file, lines: row.lines };
      const codes = parseAdcodes(row.adcodes);
      if (!codes) return { ...p, source };
      const bad = codes.findIndex((c) => !g.byCode.has(c));
      if (bad >= 0) {
        const value = row.adcodes!.split(/[、,，;；|\s]+/).filter(Boolean)[bad];
        problems.push({
          code: 'csv-row',
          line: row.lines[0],
          column: '实施主体代码',
          message: `CSV line ${row.lines[0]}, column 实施主体代码: "${value}" is not a division code in the gazetteer; expected six digits such as 370700.`,
          messageZh: `CSV 第 ${row.lines[0]} 行“实施主体代码”列：“${value}”不是有效的行政区划代码，应为六位数字，如 370700。`,
        });
        return p;
      }
      return { ...p, source, actors: codes.map((c) => toPlace(g, c)) };
    });
    // A code column may have answered an actor question already.
    const byId = new Map(c.practices.map((p) => [p.id, p]));
    c.unresolved = c.unresolved.filter((u) => !(u.kind === 'actor' && (byId.get(u.practiceId)?.actors.length ?? 0) > 0));
    candidates.push(c);
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, candidates, csvLines };
}

function jsonCandidates(text: string, firstId: number, ctx: PrepareContext): { ok: true; candidates: Candidate[] } | { ok: false; problems: ImportProblem[] } {
  const r = readDatasetJson(text, new Map(ctx.gazetteer.map((e) => [e.adcode, e])));
  if (!r.ok) return r;
  const builtinThemes = new Set(ctx.themes.map((t) => t.key));
  const used = new Set(r.batches.flatMap((b) => b.practices.flatMap((p) => p.themes)));
  const themes: Theme[] = r.themes.filter((t) => !builtinThemes.has(t.key) && used.has(t.key));
  // Theme keys the app's dictionary lacks are kept as new themes, and said so (issue 24.5).
  const warnings: ImportProblem[] = [
    ...r.warnings,
    ...r.themes
      .filter((t) => !builtinThemes.has(t.key))
      .map((t): ImportProblem => {
        const field = `themes[${r.themes.indexOf(t)}].key`;
        return {
          code: 'theme-unknown',
          field,
          message: `Field ${field}: theme "${t.key}" is not one of the app's themes; ${used.has(t.key) ? 'it is added as a new theme' : 'no practice uses it, so it is left out'}.`,
          messageZh: `字段 ${field}：主题“${t.key}”不在本应用的主题中，${used.has(t.key) ? '将作为新主题加入' : '没有做法使用，不予导入'}。`,
        };
      }),
  ];
  return {
    ok: true,
    candidates: r.batches.map(({ batch, practices }, i) => ({
      meta: { title: batch.title, issuer: batch.issuer, date: batch.date },
      file: batch.file,
      format: 'json',
      taxonomy: batch.taxonomy,
      practices: renumberPractices(practices, firstId + i),
      themes,
      unresolved: [],
      warnings,
    })),
  };
}

export function prepareImport(req: PrepareRequest, ctx: PrepareContext, onProgress: (p: Progress) => void = () => {}): PrepareResult {
  onProgress({ stage: 'decode', fraction: 0.05 });
  let text: string;
  let encoding: DecodedEncoding | null = null;
  let name: string | null = null;
  if (req.input.kind === 'text') {
    text = req.input.text.replace(/^\ufeff/, '');
    // Measured before anything else: a 33 MB paste was once reported as "nothing to import".
    const bytes = utf8Length(text);
    if (bytes > MAX_INPUT_BYTES)
      return {
        ok: false,
        format: null,
        encoding,
        problems: [
          {
            code: 'too-large',
            message: `The pasted text is more than ${MAX_INPUT_MB} MB, over the ${MAX_INPUT_MB} MB limit. Split it into smaller parts.`,
            messageZh: `粘贴的文本超过 ${MAX_INPUT_MB} MB 的上限，请拆分后分别导入。`,
          },
        ],
      };
    if (text.trim() === '')
      return {
        ok: false,
        format: null,
        encoding,
        problems: [{ code: 'empty', message: 'Nothing to import: paste the list (or choose a file) first.', messageZh: '没有可导入的内容：请先粘贴清单文本或选择文件。' }],
      };
  } else if (req.input.kind === 'document') {
    name = req.input.name;
    text = req.input.text;
  } else {
    name = req.input.name;
    const d = decodeBytes(new Uint8Array(req.input.bytes));
    if (!d.ok) return { ok: false, format: null, encoding, problems: [d.problem] };
    text = d.text;
    encoding = d.encoding;
    if (text.trim() === '')
      return { ok: false, format: null, encoding, problems: [{ code: 'empty', message: `The file ${name} is empty.`, messageZh: `文件 ${name} 是空的。` }] };
  }
  const format: ImportFormat = req.input.kind === 'document' ? req.input.format : detectFormat(name, text);
  // A repost saved as a web page: its visible text, blocks as lines and table cells as tabs (issue 23.4).
  if (format === 'txt' && looksLikeHtml(text)) text = htmlText(text);
  // Characters that would break exports or reverse text go before any parsing, each removal named by its line
  // (issue 24.3). JSON escapes them inside strings, so jsonImport cleans its parsed fields itself.
  const cleaned = format === 'json' ? { text, removed: [] } : sanitizeText(text);
  text = cleaned.text;
  onProgress({ stage: 'parse', fraction: 0.25 });
  const file = name ?? PASTED_FILE;
  let res: { ok: true; candidates: Candidate[]; csvLines?: Map<string, number> } | { ok: false; problems: ImportProblem[]; structure?: StructureLine[] };
  if (format === 'json') res = jsonCandidates(text, req.firstBatchId, ctx);
  else if (format === 'csv') {
    onProgress({ stage: 'geocode', fraction: 0.4 });
    res = csvCandidates(text, file, req.firstBatchId, ctx);
  } else {
    onProgress({ stage: 'geocode', fraction: 0.4 });
    const r = ingestList({ text, file, format, batchId: req.firstBatchId, title: guessTitle(text), roles: req.roles }, ctx);
    res = r.ok ? { ok: true, candidates: [r.candidate] } : r;
  }
  onProgress({ stage: 'check', fraction: 0.9 });
  if (!res.ok) return { ok: false, format, encoding, problems: res.problems, ...(res.structure ? { structure: res.structure } : {}) };
  // What storage keeps and start-up loads is checked here, with the same schema: a batch that passes now loads
  // after a reload (issue 24.1).
  const csvLines = res.csvLines;
  const byId = new Map(res.candidates.flatMap((c) => c.practices.map((p) => [p.id, p.source.lines[0]] as const)));
  const invalid = validateCandidates(res.candidates, (id) => (csvLines ? csvLines.get(id) : format === 'txt' ? byId.get(id) : undefined), format === 'csv' ? 'CSV ' : '');
  if (invalid.length) return { ok: false, format, encoding, problems: invalid };
  const removals = hygieneWarnings(cleaned.removed, format === 'csv' ? 'CSV ' : '');
  if (removals.length) for (const c of res.candidates) c.warnings = [...removals, ...c.warnings];
  onProgress({ stage: 'done', fraction: 1 });
  return { ok: true, format, encoding, candidates: res.candidates };
}
