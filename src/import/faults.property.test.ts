// Issue 24: hostile input at the import boundary. What passes here must load after a reload (the storage schema),
// unsafe characters are removed with a warning naming the line, CSV cells stay one field, JSON actors agree with
// the gazetteer. Property tests draw their inputs from a seeded generator, so a failure can be replayed.
import { describe, expect, it } from 'vitest';
import builtinJson from '../../public/data/practices.json';
import { createAliases, createGazetteer, createThemes } from '../ingest/test-helpers';
import { parseDataset } from '../ingest/schema';
import { sanitizeText } from '../ingest/hygiene';
import { rng } from '../data/synthetic';
import type { Dataset } from '../types';
import { readFileSync } from 'node:fs';
import { figureSchema } from '../ingest/schema';
import { recordSchema } from './accept';
import { toImportedBatch } from './merge';
import { prepareImport, type PrepareContext } from './pipeline';
import type { PrepareRequest, PrepareResult } from './types';

const ctx = (): PrepareContext => ({ gazetteer: createGazetteer(), aliases: createAliases(), themes: createThemes() });
const text = (t: string): PrepareRequest => ({ input: { kind: 'text', text: t }, firstBatchId: 1000 });
const file = (s: string, name: string): PrepareRequest => {
  const b = new TextEncoder().encode(s);
  return { input: { kind: 'bytes', bytes: b.slice().buffer, name }, firstBatchId: 1000 };
};
const run = (req: PrepareRequest) => prepareImport(req, ctx());
const builtin = (): Dataset => parseDataset(structuredClone(builtinJson));

/** What storage keeps and start-up reads: the record through a structured clone and the record schema. */
function storesAndLoads(r: PrepareResult): boolean {
  if (!r.ok) return true;
  // The form's fields are the user's (the dialog checks them); what the input brought is what is tested here.
  const meta = { title: '测试批', issuer: '住房和城乡建设部办公厅', date: '2026-01' };
  return r.candidates.every((c, i) => recordSchema.safeParse(structuredClone({ id: 1000 + i, ...toImportedBatch({ ...c, meta }, 1000 + i) })).success);
}

const LIST = (item: string) => `一、建立城市更新统筹谋划机制\n（一）加强工作统筹和督查考核\n1．${item}\n`;
const HEADER = '政策机制,主要举措,全文,原文行';

describe('one schema from import to storage (24.1)', () => {
  it('keeps a 400-digit figure as its digits, and the batch loads after a reload', () => {
    const digits = '9'.repeat(400);
    const r = run(text(LIST(`山东省潍坊市投资${digits}亿元建设项目。`)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const fig = r.candidates[0]!.practices[0]!.figures[0]!;
    expect(fig.value).toBe(digits);
    expect(fig.raw).toBe(`${digits}亿元`);
    expect(storesAndLoads(r)).toBe(true);
  });

  it('refuses a 原文行 of 100000000000000000000, naming the CSV line and column', () => {
    const csv = `${HEADER}\n一、机制,（一）举措,山东省潍坊市建立联席会议制度。,12\n一、机制,（一）举措,山东省青岛市建立联席会议制度。,100000000000000000000\n`;
    const r = run(file(csv, 'lines.csv'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code: 'csv-row', line: 3, column: '原文行' });
    expect(r.problems[0]!.messageZh).toMatch(/^CSV 第 3 行“原文行”列/);
  });

  it('data/README.md says Figure.value is a number or a digit string, as the schema has it', () => {
    const doc = readFileSync(new URL('../../data/README.md', import.meta.url), 'utf8');
    expect(doc).toMatch(/`Figure\.value` is a number or a digit string/);
    expect(figureSchema.safeParse({ value: 19, unit: '个', raw: '19个', phrase: '19个单位' }).success).toBe(true);
    expect(figureSchema.safeParse({ value: '9'.repeat(400), unit: '亿元', raw: `${'9'.repeat(400)}亿元`, phrase: '投资' }).success).toBe(true);
    expect(figureSchema.safeParse({ value: Infinity, unit: '亿元', raw: '9亿元', phrase: '投资' }).success).toBe(false);
    expect(figureSchema.safeParse({ value: '九', unit: '亿元', raw: '九亿元', phrase: '投资' }).success).toBe(false);
  });

  it('property: whatever a text import accepts, the storage schema accepts (numbers of any length)', () => {
    const next = rng(24);
    for (let k = 0; k < 60; k++) {
      const len = 1 + Math.floor(next() * 420);
      const digits = Array.from({ length: len }, (_, i) => String(i === 0 ? 1 + Math.floor(next() * 9) : Math.floor(next() * 10))).join('');
      const unit = ['亿元', '万元', '公顷', '%', '个', ''][Math.floor(next() * 6)]!;
      const r = run(text(LIST(`山东省潍坊市完成${digits}${unit}，占比${digits}.5%。`)));
      expect(storesAndLoads(r), `${len} digits ${unit}`).toBe(true);
    }
  });
});

describe('text hygiene at the ingest boundary (24.3)', () => {
  const HOSTILE = ['\u0007', '\ufffe', '\uffff', '\u202e', '\u2066', '\ud800', '\udc00', '\u0085', '\u001b'];

  it('removes each unsafe character with a warning naming its line, and keeps tabs and line breaks', () => {
    for (const bad of HOSTILE) {
      const r = run(text(LIST(`山东省潍坊市建立${bad}城市更新工作联席会议制度。`)));
      expect(r.ok, JSON.stringify(bad)).toBe(true);
      if (!r.ok) continue;
      const p = r.candidates[0]!.practices[0]!;
      expect(p.text).toBe('山东省潍坊市建立城市更新工作联席会议制度。');
      const w = r.candidates[0]!.warnings.find((x) => x.code === 'hygiene');
      expect(w).toMatchObject({ line: 3 });
      expect(w!.messageZh).toMatch(/^第 3 行：已删除/);
    }
  });

  it('property: no unsafe character survives sanitizeText, and the line count is kept', () => {
    const next = rng(7);
    const alphabet = ['a', '市', '\t', '\n', '\r\n', '\ud83c\udfd9', ...HOSTILE];
    for (let k = 0; k < 300; k++) {
      const s = Array.from({ length: 40 }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const out = sanitizeText(s).text;
      // eslint-disable-next-line no-control-regex -- the characters under test
      expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\u202a-\u202e\u2066-\u2069]/);
      expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(out.split(/\r\n|\r|\n/).length).toBe(s.split(/\r\n|\r|\n/).length);
      expect(out).toContain(s.includes('\ud83c\udfd9') ? '\ud83c\udfd9' : '');
    }
  });

  it('cleans the strings of a JSON import, naming the field', () => {
    const d = builtin();
    d.practices[0]!.text = `${d.practices[0]!.text}\u202e\u0007`;
    const r = run(file(JSON.stringify(d), 'hostile.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.candidates[0]!.practices[0]!.text).toBe(builtin().practices[0]!.text);
    expect(r.candidates[0]!.warnings.find((w) => w.code === 'hygiene')).toMatchObject({ field: 'practices[0].text' });
  });
});

describe('CSV cells stay one field (24.4)', () => {
  it('a quoted 全文 cell with tabs and "二、… （一）… 1．…" is one practice under its own measure', () => {
    const cell = '山东省潍坊市建立联席会议制度。\t二、新机制\t（一）新举措\n1．又一项做法。';
    const csv = `${HEADER}\n一、机制,（一）举措,"${cell}",\n一、机制,（一）举措,山东省青岛市建立联席会议制度。,\n`;
    const r = run(file(csv, 'tabs.csv'));
    expect(r.ok, JSON.stringify(!r.ok && r.problems)).toBe(true);
    if (!r.ok) return;
    const [c] = r.candidates;
    expect(c!.taxonomy.map((m) => m.title)).toEqual(['机制']);
    expect(c!.taxonomy[0]!.measures.map((m) => m.title)).toEqual(['举措']);
    expect(c!.practices).toHaveLength(2);
    expect(c!.practices[0]!.text).toContain('二、新机制');
    expect(c!.practices[0]!.text).toContain('1．又一项做法。');
  });

  it('property: random tabs and breaks inside quoted cells never change the number of practices', () => {
    const next = rng(4);
    const junk = ['\t', '\n', '\r\n', '二、', '（一）', '1．', '三、标题', ' '];
    for (let k = 0; k < 40; k++) {
      const rows = Array.from({ length: 3 }, (_, i) => {
        const extra = Array.from({ length: 4 }, () => junk[Math.floor(next() * junk.length)]).join('');
        return `一、机制,（一）举措,"山东省潍坊市做法${i + 1}${extra}完成。",`;
      });
      const r = run(file(`${HEADER}\n${rows.join('\n')}\n`, 'p.csv'));
      expect(r.ok, JSON.stringify(!r.ok && r.problems[0])).toBe(true);
      if (!r.ok) continue;
      expect(r.candidates[0]!.practices).toHaveLength(3);
      expect(r.candidates[0]!.taxonomy).toHaveLength(1);
    }
  });
  it('property: each row is one record whose fields are its cells, whatever the cells hold', () => {
    const next = rng(44);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    const junk = ['\t', '\n', '\r\n', '二、', '（一）', '(二)', '1．', '12.', '三、标题', '序号', '具体做法', '【打印】', '分享到', ' ', '""', ',', '，', '。', '做法', 'abc'];
    const mechs = ['一、统筹机制', '二、实施机制', '统筹机制', '十二、其他'];
    const measures = ['（一）加强统筹', '（二）完善规划', '加强统筹'];
    for (let k = 0; k < 60; k++) {
      const n = 1 + Math.floor(next() * 5);
      const rows = Array.from({ length: n }, (_, i) => ({
        mech: pick(mechs),
        measure: pick(measures),
        text: `山东省潍坊市做法${i + 1}${Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(junk)).join('')}`,
      }));
      const csv = `政策机制,主要举措,全文\n${rows.map((r) => `${r.mech},${r.measure},"${r.text}"`).join('\n')}\n`;
      const r = run(file(csv, 'cells.csv'));
      expect(r.ok, `${JSON.stringify(csv)}: ${JSON.stringify(!r.ok && r.problems[0])}`).toBe(true);
      if (!r.ok) continue;
      const practices = r.candidates.flatMap((c) => c.practices);
      expect(practices).toHaveLength(n);
      // The CSV line of each row: the header is line 1; a quoted cell's line breaks count.
      let line = 2;
      const expected = rows.map((row) => {
        const at = line;
        line += row.text.split(/\r\n|\n/).length;
        return {
          line: at,
          mechanism: row.mech.replace(/^[一二三四五六七八九十]+、/, ''),
          measure: row.measure.replace(/^（[一二三四五六七八九十]+）/, ''),
          text: row.text.replace(/""/g, '"').replace(/\s*[\t\r\n]+\s*/g, ' ').trim(),
        };
      });
      const got = practices.map((p) => ({ line: p.source.lines[0], mechanism: p.mechanism.title, measure: p.measure.title, text: p.text }));
      expect(got.sort((a, b) => a.line - b.line), JSON.stringify(csv)).toEqual(expected);
      for (const p of practices) expect(p.incomplete).toBeUndefined();
    }
  });
});

describe('JSON actors against the gazetteer (24.5)', () => {
  it('refuses an actor whose name, level or province contradicts its code, naming the field', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ adcode: 110105, name: '长春市朝阳区', level: 'district', province: 110000 }, 'name'],
      [{ adcode: 110105, name: '朝阳区', level: 'province', province: 110000 }, 'level'],
      [{ adcode: 110105, name: '朝阳区', level: 'district', province: 220000 }, 'province'],
      [{ adcode: 110105, name: '长春市朝阳区', level: 'province', province: 220000 }, 'name'],
    ];
    for (const [actor, field] of cases) {
      const d = builtin();
      (d.practices[0]!.actors as unknown[])[0] = actor;
      const r = run(file(JSON.stringify(d), 'actors.json'));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems[0]).toMatchObject({ code: 'json-place', field: `practices[0].actors[0].${field}` });
    }
  });

  it('accepts the name written with its province (北京市朝阳区)', () => {
    const d = builtin();
    (d.practices[0]!.actors as unknown[])[0] = { adcode: 110105, name: '北京市朝阳区', level: 'district', province: 110000 };
    expect(run(file(JSON.stringify(d), 'actors.json')).ok).toBe(true);
  });

  it('warns about theme keys the app does not know', () => {
    const d = builtin();
    d.themes.push({ key: 'night-markets', zh: '夜市', en: 'Night markets' });
    d.practices[0]!.themes = ['night-markets'];
    const r = run(file(JSON.stringify(d), 'themes.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.candidates[0]!.warnings.find((w) => w.code === 'theme-unknown')).toMatchObject({ field: `themes[${d.themes.length - 1}].key` });
  });
});
