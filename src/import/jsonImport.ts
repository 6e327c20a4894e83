// A JSON file in the dataset's schema (public/data/practices.json, the app's own JSON export, `npm run ingest`
// output) → one candidate per batch. Pure. Every message names the field path (practices[3].actors[0].adcode) or
// the line and column of a syntax error.
import { datasetSchema } from '../ingest/schema';
import { hasUnsafe, stripUnsafe } from '../ingest/hygiene';
import { formatPath } from './accept';
import type { Batch, Dataset, GazetteerEntry, Place, Practice, Theme } from '../types';
import type { ImportProblem } from './types';


function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  return { line, column: position - lineStart + 1 };
}

/**
 * Offset of the first JSON syntax error in `text` (-1 when there is none). Engines differ in whether their
 * JSON.parse message gives a position (V8 often quotes the text instead), so the position is found here.
 */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const str = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) return void i++;
      if (c < 0x20) fail();
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i++;
            fail();
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          fail();
        }
      } else i++;
    }
    fail();
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-') fail();
    i += m![0].length;
  };
  // Iterative, with an explicit stack of open containers: a 10,000-level nesting must give a position, not
  // "Maximum call stack size exceeded".
  const value = (): void => {
    const open: ('{' | '[')[] = [];
    /** After a value: a comma or the close of the innermost container; returns true when the top level is done. */
    const afterValue = (): boolean => {
      for (;;) {
        const top = open[open.length - 1];
        if (top === undefined) return true;
        ws();
        if (text[i] === ',') {
          i++;
          if (top === '{') member();
          return false;
        }
        if (text[i] === (top === '{' ? '}' : ']')) {
          i++;
          open.pop();
          continue;
        }
        fail();
      }
    };
    /** `"key":` of an object member (the value follows). */
    const member = () => {
      ws();
      if (text[i] !== '"') fail();
      str();
      ws();
      if (text[i] !== ':') fail();
      i++;
    };
    for (;;) {
      ws();
      const c = text[i];
      if (c === '{') {
        i++;
        ws();
        if (text[i] === '}') i++;
        else {
          open.push('{');
          member();
          continue;
        }
      } else if (c === '[') {
        i++;
        ws();
        if (text[i] === ']') i++;
        else {
          open.push('[');
          continue;
        }
      } else if (c === '"') str();
      else if (c === 't') lit('true');
      else if (c === 'f') lit('false');
      else if (c === 'n') lit('null');
      else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) num();
      else fail();
      if (afterValue()) return;
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
}

/** Line and column (1-based) of a JSON syntax error. */
export function syntaxLocation(text: string): { line: number; column: number } | null {
  const at = syntaxErrorOffset(text);
  return at < 0 ? null : lineColumn(text, at);
}

export interface JsonBatch {
  batch: Batch;
  practices: Practice[];
}

export type JsonParse = { ok: true; batches: JsonBatch[]; themes: Theme[]; warnings: ImportProblem[] } | { ok: false; problems: ImportProblem[] };

const MAX_SCHEMA_PROBLEMS = 8;

export function readDatasetJson(text: string, gazetteer: ReadonlyMap<number, GazetteerEntry>): JsonParse {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = syntaxLocation(text.replace(/^\ufeff/, ''));
    return {
      ok: false,
      problems: [
        {
          code: 'json-syntax',
          line: at?.line,
          message: `Not valid JSON${at ? ` at line ${at.line}, column ${at.column}` : ''}: ${msg}`,
          messageZh: `JSON 格式错误${at ? `（第 ${at.line} 行第 ${at.column} 列）` : ''}：${msg}`,
        },
      ],
    };
  }
  // Text hygiene (issue 24.3): JSON escapes control characters inside strings (\u0007), so they are only visible
  // once parsed. Removed from every string, each field named.
  const warnings: ImportProblem[] = [];
  json = cleanStrings(json, [], warnings);
  const r = datasetSchema.safeParse(json);
  if (!r.success) {
    const problems = r.error.issues.slice(0, MAX_SCHEMA_PROBLEMS).map((i): ImportProblem => {
      const field = formatPath(i.path);
      return {
        code: 'json-schema',
        field,
        message: `Field ${field}: ${i.message} (the file does not follow the dataset schema)`,
        messageZh: `字段 ${field}：${i.message}（文件不符合数据集格式）`,
      };
    });
    const more = r.error.issues.length - problems.length;
    if (more > 0) problems.push({ code: 'json-schema', message: `…and ${more} more problems`, messageZh: `……另有 ${more} 处问题` });
    return { ok: false, problems };
  }
  const checked = checkDataset(r.data, gazetteer);
  return checked.ok ? { ...checked, warnings: [...warnings, ...checked.warnings] } : checked;
}

const MAX_HYGIENE_WARNINGS = 20;

/** A copy of `v` without unsafe characters in its strings; a warning per field (capped, then counted). */
function cleanStrings(v: unknown, path: PropertyKey[], warnings: ImportProblem[]): unknown {
  if (typeof v === 'string') {
    if (!hasUnsafe(v)) return v;
    const field = formatPath(path);
    if (warnings.length < MAX_HYGIENE_WARNINGS)
      warnings.push({
        code: 'hygiene',
        field,
        message: `Field ${field}: removed control, bidirectional or noncharacter code points that would break exports or reverse the text.`,
        messageZh: `字段 ${field}：已删除会损坏导出文件或颠倒文字方向的控制字符、双向文字控制符或非字符。`,
      });
    return stripUnsafe(v);
  }
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const c = cleanStrings(v[i], [...path, i], warnings);
      if (c !== v[i]) (out ??= [...v])[i] = c;
    }
    return out ?? v;
  }
  if (v !== null && typeof v === 'object') {
    let out: Record<string, unknown> | null = null;
    for (const [k, x] of Object.entries(v)) {
      const c = cleanStrings(x, [...path, k], warnings);
      if (c !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = c;
    }
    return out ?? v;
  }
  return v;
}

/** The province (and city, for a district) a gazetteer unit lies in, by walking up its parents. */
function ancestry(e: GazetteerEntry, gazetteer: ReadonlyMap<number, GazetteerEntry>): { province?: GazetteerEntry; city?: GazetteerEntry } {
  const out: { province?: GazetteerEntry; city?: GazetteerEntry } = {};
  let cur: GazetteerEntry | undefined = e;
  for (let guard = 0; cur && guard < 5; guard++) {
    if (cur.level === 'province') out.province = cur;
    if (cur.level === 'city' && cur !== e) out.city = cur;
    if (cur.parent === cur.adcode) break;
    cur = gazetteer.get(cur.parent);
  }
  if (e.level === 'province') out.province = e;
  return out;
}

/** Names a place may be written with: its own name or short form, optionally after its province's and city's. */
function acceptedNames(e: GazetteerEntry, up: { province?: GazetteerEntry; city?: GazetteerEntry }): Set<string> {
  const own = [e.name, e.short];
  const prov = up.province && up.province !== e ? ['', up.province.name, up.province.short] : [''];
  const city = up.city ? ['', up.city.name, up.city.short] : [''];
  const names = new Set<string>();
  for (const p of prov) for (const c of city) for (const o of own) names.add(p + c + o);
  return names;
}

/**
 * A JSON actor or mention against the gazetteer (issue 24.5): name, level and province must agree with the code,
 * or the map would count it in one province while its heading names another. Returns the first field that
 * disagrees with what the gazetteer says, or null.
 */
function placeDisagrees(a: Place, e: GazetteerEntry, gazetteer: ReadonlyMap<number, GazetteerEntry>): { field: string; expected: string } | null {
  const up = ancestry(e, gazetteer);
  if (!acceptedNames(e, up).has(a.name)) return { field: 'name', expected: e.name };
  if (a.level !== e.level) return { field: 'level', expected: e.level };
  if (up.province && a.province !== up.province.adcode) return { field: 'province', expected: String(up.province.adcode) };
  if (a.city !== undefined && e.level === 'district' && up.city && a.city !== up.city.adcode) return { field: 'city', expected: String(up.city.adcode) };
  return null;
}

/** Consistency the schema cannot see: every practice in a listed batch, under a listed measure, at known places. */
function checkDataset(d: Dataset, gazetteer: ReadonlyMap<number, GazetteerEntry>): JsonParse {
  const problems: ImportProblem[] = [];
  const add = (field: string, message: string, messageZh: string, code: 'json-schema' | 'json-place' = 'json-schema') => {
    if (problems.length < MAX_SCHEMA_PROBLEMS) problems.push({ code, field, message: `Field ${field}: ${message}`, messageZh: `字段 ${field}：${messageZh}` });
  };
  const batchIds = new Set<number>();
  d.batches.forEach((b, i) => {
    if (batchIds.has(b.id)) add(`batches[${i}].id`, `batch id ${b.id} appears twice`, `批次编号 ${b.id} 重复`);
    batchIds.add(b.id);
  });
  if (d.batches.length === 0) add('batches', 'no batch in the file', '文件中没有批次');
  const ids = new Set<string>();
  d.practices.forEach((p, i) => {
    const b = d.batches.find((x) => x.id === p.batch);
    if (!b) return add(`practices[${i}].batch`, `batch ${p.batch} is not in "batches"`, `批次 ${p.batch} 不在 batches 中`);
    const m = b.taxonomy.find((x) => x.index === p.mechanism.index);
    if (!m || !m.measures.some((x) => x.index === p.measure.index))
      add(`practices[${i}].measure`, `${p.mechanism.code}${p.measure.code} is not in the taxonomy of batch ${b.id}`, `${p.mechanism.code}${p.measure.code} 不在批次 ${b.id} 的分类中`);
    if (ids.has(p.id)) add(`practices[${i}].id`, `id ${p.id} appears twice`, `编号 ${p.id} 重复`);
    ids.add(p.id);
    const places = [...p.actors.map((a, j) => [a, `actors[${j}]`] as const), ...p.mentions.map((a, j) => [a, `mentions[${j}]`] as const)];
    for (const [a, where] of places) {
      const e = gazetteer.get(a.adcode);
      if (!e) {
        add(`practices[${i}].${where}.adcode`, `unknown division code ${a.adcode} (${a.name})`, `未知的行政区划代码 ${a.adcode}（${a.name}）`, 'json-place');
        continue;
      }
      const bad = placeDisagrees(a, e, gazetteer);
      if (bad)
        add(
          `practices[${i}].${where}.${bad.field}`,
          `"${String(a[bad.field as keyof Place])}" does not agree with division code ${a.adcode} (${e.name}), which has ${bad.field} ${bad.expected}`,
          `“${String(a[bad.field as keyof Place])}”与行政区划代码 ${a.adcode}（${e.name}）不符，应为 ${bad.expected}`,
          'json-place',
        );
    }
  });
  for (const b of d.batches)
    if (!d.practices.some((p) => p.batch === b.id)) add(`batches[${d.batches.indexOf(b)}]`, `batch ${b.id} has no practices`, `批次 ${b.id} 没有做法`);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    batches: d.batches.map((batch) => ({ batch, practices: d.practices.filter((p) => p.batch === batch.id) })),
    themes: d.themes,
    warnings: [],
  };
}
