// npm run ingest -- <file> [--out <file>] [--batch <id>] [--title <t>] [--issuer <i>] [--date <YYYY-MM>]
// Ingests one list and writes the dataset JSON ({ batches, themes, practices }) to stdout or --out; a short report
// (counts per mechanism, measure and level; unresolved places) goes to stderr. Any error → exit code 1, no output.
// A Word .docx or a PDF attachment is read exactly as the app's import reads it (src/import/documents.ts; pdfjs's
// legacy build for Node); other document formats are refused with how to get a .docx or PDF. Text files are decoded
// as the app decodes them (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030), and nothing from the file
// reaches the terminal as raw control characters.
// Batch details (title, issuer, date, 文号) come from the options, data/batches.json, or the document itself (the
// notice before the table); never invented: when one is missing the CLI says which and asks for the option.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { assembleDataset, ingestBatch, serialiseDataset, summarise, type BatchMeta } from '../src/ingest/dataset';
import { formatIssue, type IngestIssue } from '../src/ingest/issues';
import { parseDataset } from '../src/ingest/schema';
import { decodeBytes } from '../src/import/decode';
import { readDocument } from '../src/import/documents';
import type { PdfjsLike } from '../src/import/readers/pdf';
import { parseList } from '../src/ingest/parse';
import { htmlText, looksLikeHtml } from '../src/ingest/html';
import { escapeControls, loadAliases, loadBatches, loadCorrections, loadGazetteer, loadReviewedThemes, loadThemes, ROOT } from './lib';

export { escapeControls };

/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

function printIssues(io: CliIo, kind: 'error' | 'warning', issues: readonly IngestIssue[], file: string): void {
  for (const i of issues) io.err(`${kind}: ${escapeControls(formatIssue(i, file))}\n`);
}

const USAGE = 'usage: npm run ingest -- <file> [--out <file>] [--batch <id>] [--title <t>] [--issuer <i>] [--date <YYYY-MM>]';

export interface CliArgs {
  file: string;
  out?: string;
  batch?: number;
  title?: string;
  issuer?: string;
  date?: string;
}

export function parseArgs(argv: readonly string[]): CliArgs | string {
  const args: Partial<CliArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--out') args.out = value();
      else if (a === '--batch') {
        const n = Number(value());
        if (!Number.isInteger(n) || n <= 0) return `--batch must be a positive integer`;
        args.batch = n;
      } else if (a === '--title') args.title = value();
      else if (a === '--issuer') args.issuer = value();
      else if (a === '--date') args.date = value();
      else if (a.startsWith('--')) return `unknown option ${a}`;
      else if (args.file === undefined) args.file = a;
      else return `unexpected argument ${a}`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!args.file) return 'missing <file>';
  return args as CliArgs;
}

const processIo: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** pdfjs's legacy build for Node, with the package's CMaps for fonts a PDF does not embed. Used by the tests too. */
export const nodeLoaders = {
  pdfjs: async (): Promise<PdfjsLike> => {
    const lib = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsLike;
    const cMapUrl = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/cmaps/`;
    return { getDocument: (src) => lib.getDocument({ ...src, cMapUrl, cMapPacked: true }) };
  },
};
const loaders = nodeLoaders;

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`error: ${escapeControls(args)}\n${USAGE}\n`);
    return 1;
  }
  const path = resolve(args.file); // relative to where the command runs (npm run: the repository root)
  const rel = relative(ROOT, path).split('\\').join('/');
  const known = loadBatches().find((b) => b.file === rel);
  const bytes = new Uint8Array(readFileSync(path));
  const doc = await readDocument(bytes, rel, loaders);
  let text: string;
  if (doc.kind === 'refused') {
    io.err(`error: ${escapeControls(`${rel}: ${doc.problem.message} / ${doc.problem.messageZh}`)}\nnothing written.\n`);
    return 1;
  } else if (doc.kind === 'document') {
    text = doc.text;
    io.err(`note: ${escapeControls(rel)} read as ${doc.format === 'pdf' ? `PDF (${doc.pages} pages)` : 'Word document'}\n`);
    // What the PDF's layout dropped by its place on the page, as the dialog lists it (by kind, with its pages).
    const byKind = new Map<string, { pages: Set<number>; texts: Set<string> }>();
    for (const d of doc.dropped ?? []) {
      const k = byKind.get(d.kind) ?? { pages: new Set(), texts: new Set() };
      k.pages.add(d.page);
      k.texts.add(d.text);
      byKind.set(d.kind, k);
    }
    const label = { 'page-number': 'page numbers', running: 'running headers/footers', header: 'the header row repeated' } as Record<string, string>;
    for (const [kind, k] of byKind) {
      const texts = [...k.texts];
      io.err(`note: dropped by its place on the page: ${label[kind] ?? kind} on ${k.pages.size} page(s) (${escapeControls(texts.slice(0, 3).join(' · '))}${texts.length > 3 ? ' …' : ''})\n`);
    }
  } else {
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      const p = decoded.problem;
      const where = p.line ? `:${p.line}` : p.offset !== undefined ? ` (byte ${p.offset + 1})` : '';
      io.err(`error: ${escapeControls(`${rel}${where}: ${p.message} / ${p.messageZh}`)}\nnothing written.\n`);
      return 1;
    }
    if (decoded.encoding !== 'utf-8' && decoded.encoding !== 'utf-8-bom') io.err(`note: ${escapeControls(rel)} read as ${decoded.encoding.toUpperCase()}\n`);
    // A repost saved as a web page reads as the app reads it: its visible text.
    text = looksLikeHtml(decoded.text) ? htmlText(decoded.text) : decoded.text;
  }
  // What the text itself says (the notice's title, signature, date, 文号), after the options and batches.json.
  const fromText = parseList(text).meta;
  const title = args.title ?? known?.title ?? fromText.title?.value;
  const issuer = args.issuer ?? known?.issuer ?? fromText.issuer?.value;
  const date = args.date ?? known?.date ?? fromText.date?.value;
  const missing = [!title && '--title', !issuer && '--issuer', !date && '--date'].filter(Boolean);
  if (missing.length) {
    io.err(
      `error: ${escapeControls(rel)} does not name its ${missing.map((m) => (m as string).slice(2)).join(', ')} (the notice before the table carries them in the ministry's attachment); give ${missing.join(' and ')}. Nothing is invented.\nnothing written.\n`,
    );
    return 1;
  }
  for (const [k, f] of [['title', fromText.title], ['issuer', fromText.issuer], ['date', fromText.date], ['文号', fromText.docNumber]] as const)
    if (f && !(k === 'title' && (args.title ?? known?.title)) && !(k === 'issuer' && (args.issuer ?? known?.issuer)) && !(k === 'date' && (args.date ?? known?.date)))
      io.err(`note: ${k} read from line ${f.line}: ${escapeControls(f.value)}\n`);
  // A list that is not one of data/batches.json is an import: ids from 1000 up, as the app numbers them.
  const meta: BatchMeta = {
    id: args.batch ?? known?.id ?? 1000,
    title: title!,
    issuer: issuer!,
    date: date!,
    ...(fromText.docNumber && !known ? { docNumber: fromText.docNumber.value } : {}),
    file: known?.file ?? rel,
  };
  const themes = loadThemes();
  // Reviewed themes wherever the practice is one that was reviewed (same id and headline): strictly for a built-in
  // list, as a match for a copy of one (e.g. a repost of batch 1 with --batch 1); keyword suggestions otherwise.
  const ingest = ingestBatch(meta, text, { gazetteer: loadGazetteer(), aliases: loadAliases(), themes, document: doc.kind === 'document' }, known ? loadCorrections() : [], {
    entries: loadReviewedThemes(),
    strict: Boolean(known),
  });
  const { result } = ingest;
  printIssues(io, 'warning', result.warnings, rel);
  printIssues(io, 'error', result.errors, rel);
  if (!result.ok) {
    io.err(`${result.errors.length} error(s); nothing written.\n`);
    return 1;
  }
  const dataset = { ...assembleDataset([ingest], themes), generatedBy: 'data/ingest-cli.ts' };
  const json = serialiseDataset(dataset);
  parseDataset(JSON.parse(json));
  if (args.out) writeFileSync(resolve(args.out), json);
  else io.out(json);

  const s = summarise(result.practices);
  const lines = [`${rel}: batch ${meta.id}, ${result.taxonomy.length} mechanisms, ${result.taxonomy.reduce((n, m) => n + m.measures.length, 0)} measures, ${result.practices.length} practices, ${s.provinces.size} provinces`];
  lines.push('per mechanism:', ...[...s.mechanisms].map(([k, n]) => `  ${k}: ${n}`));
  lines.push('per measure:', ...[...s.measures].map(([k, n]) => `  ${k}: ${n}`));
  lines.push('actors per level:', ...['province', 'city', 'district'].map((l) => `  ${l}: ${s.levels.get(l) ?? 0}`));
  const unresolved = result.warnings.filter((w) => w.code === 'mention-ambiguous');
  lines.push(`unresolved places: ${unresolved.length === 0 ? 'none' : ''}`, ...unresolved.map((w) => `  line ${w.line}: ${w.message}`));
  if (args.out) lines.push(`wrote ${args.out}`);
  io.err(`${escapeControls(lines.join('\n'))}\n`);
  return 0;
}

// Run only as a script (the tests import parseArgs).
if (process.argv[1] && /ingest-cli\.ts$/.test(process.argv[1])) {
  try {
    main(process.argv.slice(2)).then(
      (code) => (process.exitCode = code),
      (e: unknown) => {
        process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      },
    );
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
