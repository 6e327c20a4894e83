import { describe, expect, it } from 'vitest';
import builtinJson from '../../public/data/practices.json';
import { practicesCsv, practicesJson, sourceDocument } from '../format/csv';
import { createAliases, createBatch1Text, createGazetteer, createThemes } from '../ingest/test-helpers';
import { parseDataset } from '../ingest/schema';
import { listModel, webPage } from '../ingest/test-forms';
import type { Dataset } from '../types';
import { detectFormat, guessTitle, prepareImport, type PrepareContext } from './pipeline';
import { comparable, createMultiProvinceList, createRandomBytes, encodeGbk } from './test-helpers';
import type { PrepareRequest, PrepareResult, Progress } from './types';

function createContext(): PrepareContext {
  return { gazetteer: createGazetteer(), aliases: createAliases(), themes: createThemes() };
}
const builtin = (): Dataset => parseDataset(structuredClone(builtinJson));
const text = (t: string, firstBatchId = 1000): PrepareRequest => ({ input: { kind: 'text', text: t }, firstBatchId });
const file = (bytes: Uint8Array | string, name: string, firstBatchId = 1000): PrepareRequest => {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return { input: { kind: 'bytes', bytes: b.slice().buffer, name }, firstBatchId };
};
const run = (req: PrepareRequest) => prepareImport(req, createContext());

function ok(r: PrepareResult) {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r;
}
function problems(r: PrepareResult) {
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('prepareImport: official text', () => {
  it('gives the built-in records for the batch-1 text (apart from batch id, id prefix and source file)', () => {
    const r = ok(run(text(createBatch1Text())));
    expect(r.format).toBe('txt');
    const [c] = r.candidates;
    expect(c!.practices.every((p) => p.batch === 1000 && p.id.startsWith('1000-') && p.source.file === 'pasted text')).toBe(true);
    expect(comparable(c!)).toEqual(comparable(builtin()));
    expect(c!.taxonomy).toEqual(builtin().batches[0]!.taxonomy);
    expect(c!.unresolved.filter((u) => u.kind === 'actor')).toEqual([]);
  });

  it('gives an imported list the keyword rules’ themes as suggestions, for the preview to confirm', () => {
    const [c] = ok(run(text(createBatch1Text()))).candidates;
    expect(c!.practices.every((p) => p.themeSource === 'suggested')).toBe(true);
    expect(c!.practices.find((p) => p.id === '1000-1-1-1')!.themes).toEqual(['organisation', 'finance']);
  });

  it('reads the same list from a GBK file', () => {
    const r = ok(run(file(encodeGbk(createBatch1Text()), 'batch1-gbk.txt')));
    expect(r.encoding).toBe('gbk');
    expect(comparable(r.candidates[0]!)).toEqual(comparable(builtin()));
    expect(r.candidates[0]!.file).toBe('batch1-gbk.txt');
  });

  it('attaches an item that names three provinces to each of them', () => {
    const [c] = ok(run(text(createMultiProvinceList()))).candidates;
    expect(c!.practices[0]!.actors.map((a) => a.adcode)).toEqual([230000, 410000, 510000]);
    expect(c!.meta.title).toBe('实施城市更新行动可复制经验做法清单（测试批）');
  });

  it('asks for the place of an item whose headline opens with no known place, and with an ambiguous one', () => {
    const list = ['一、机制', '（一）举措', '1．某地建立工作专班。', '2．江北区开展专项体检。', ''].join('\n');
    const [c] = ok(run(text(list))).candidates;
    const actors = c!.unresolved.filter((u) => u.kind === 'actor');
    expect(actors.map((u) => [u.practiceId, u.line, u.name])).toEqual([
      ['1000-1-1-1', 3, ''],
      ['1000-1-1-2', 4, '江北区'],
    ]);
    expect(actors[1]!.candidates).toEqual(expect.arrayContaining([500105, 330205]));
  });

  it('reports structural errors with their line and produces no candidate', () => {
    const list = ['一、机制', '（一）举措', '1．北京市建立工作专班。', '3．上海市开展城市体检。', ''].join('\n');
    const ps = problems(run(text(list)));
    expect(ps.length).toBeGreaterThan(0);
    expect(ps[0]).toMatchObject({ code: 'ingest', line: 4 });
    expect(ps[0]!.messageZh).toMatch(/^第 4 行：/);
  });

  it('refuses an empty paste and an empty file with a message', () => {
    expect(problems(run(text('  \n\t ')))[0]).toMatchObject({ code: 'empty', messageZh: expect.stringContaining('粘贴') });
    expect(problems(run(file('', 'x.txt')))[0]!.code).toBe('empty');
  });

  it('refuses 10 MB of random bytes and reports progress up to the refusal only', () => {
    const seen: Progress[] = [];
    const r = prepareImport(file(createRandomBytes(10 * 1024 * 1024), 'random.txt'), createContext(), (p) => seen.push(p));
    expect(problems(r)[0]!.code).toBe('binary');
    expect(seen.map((p) => p.stage)).toEqual(['decode']);
  });

  it('reports progress through every stage for a good list', () => {
    const seen: Progress[] = [];
    prepareImport(text(createBatch1Text()), createContext(), (p) => seen.push(p));
    expect(seen.map((p) => p.stage)).toEqual(['decode', 'parse', 'geocode', 'check', 'done']);
    expect(seen.map((p) => p.fraction)).toEqual([...seen.map((p) => p.fraction)].sort((a, b) => a - b));
  });
});

describe('prepareImport: CSV', () => {
  it('reads back the CSV export of batch 1 as the same records, sources included', () => {
    const d = builtin();
    const r = ok(run(file(practicesCsv(d, d.practices), 'export.csv')));
    expect(r.format).toBe('csv');
    expect(r.candidates).toHaveLength(1);
    const c = r.candidates[0]!;
    expect(c.meta.title).toBe(d.batches[0]!.title);
    expect(comparable(c)).toEqual(comparable(d));
    // The lines come back as they were; the file is the published list the CSV names (issue 26: not a repo path).
    expect(c.practices.map((p) => p.source.lines)).toEqual(d.practices.map((p) => p.source.lines));
    expect(new Set(c.practices.map((p) => p.source.file))).toEqual(new Set([sourceDocument(d.batches[0], d.practices[0]!, 'zh')]));
  });

  it('reads a minimal CSV (mechanism, measure, text) and numbers items in order; sources are CSV lines', () => {
    const csv = ['政策机制,主要举措,全文', '一、统筹机制,（一）加强统筹,北京市建立工作专班。', '一、统筹机制,（一）加强统筹,"山东省潍坊市建立联席会议制度。市长为召集人，19个部门参加。"', ''].join('\r\n');
    const [c] = ok(run(file(csv, 'min.csv'))).candidates;
    expect(c!.practices.map((p) => [p.id, p.actors[0]!.adcode, p.source.lines[0]])).toEqual([
      ['1000-1-1-1', 110000, 2],
      ['1000-1-1-2', 370700, 3],
    ]);
  });

  it('names the missing columns and the header line', () => {
    const csv = ['id,批次,序号,标题', '1-1-1-1,第一批,一（一）1,北京市建立工作专班。', ''].join('\n');
    const [p] = problems(run(file(csv, 'bad.csv')));
    expect(p).toMatchObject({ code: 'csv-columns', line: 1, column: '政策机制, 主要举措, 全文' });
    expect(p!.messageZh).toContain('缺少列：政策机制、主要举措、全文');
  });

  it('names the line and column of an empty required cell, counting line breaks inside quoted cells', () => {
    const csv = ['政策机制,主要举措,全文', '一、机制,（一）举措,"北京市建立工作专班。\n第二行"', '一、机制,,上海市开展城市体检。', ''].join('\n');
    const [p] = problems(run(file(csv, 'gap.csv')));
    expect(p).toMatchObject({ code: 'csv-row', line: 4, column: '主要举措' });
  });

  it('refuses a repeated item number on the CSV line of the row, naming the other line', () => {
    const csv = ['政策机制,主要举措,序号,全文', '一、机制,（一）举措,一（一）1,北京市建立工作专班。', '一、机制,（一）举措,一（一）1,上海市开展城市体检。', ''].join('\n');
    const [p] = problems(run(file(csv, 'twice.csv')));
    expect(p).toMatchObject({ code: 'csv-row', line: 3, column: '序号' });
    expect(p!.messageZh).toMatch(/^CSV 第 3 行“序号”列：条目一（一）1与第 2 行重复/);
  });

  it('keeps the numbers as written, gaps and all (an export of some practices reads back with its own numbers)', () => {
    const csv = ['政策机制,主要举措,序号,全文', '三、机制,（二）举措,三（二）3,北京市建立工作专班。', '三、机制,（二）举措,三（二）1,上海市开展城市体检。', ''].join('\n');
    const c = ok(run(file(csv, 'gap.csv'))).candidates[0]!;
    expect(c.practices.map((p) => [p.id, p.source.lines[0]])).toEqual([
      ['1000-3-2-1', 3],
      ['1000-3-2-3', 2],
    ]);
    expect(c.taxonomy).toEqual([{ code: '三', index: 3, title: '机制', measures: [{ code: '（二）', index: 2, title: '举措' }] }]);
  });

  it('takes the actors from 实施主体代码 and refuses an unknown code with line and column', () => {
    const head = '政策机制,主要举措,全文,实施主体代码';
    const good = ok(run(file([head, '一、机制,（一）举措,某地建立工作专班。,230000、410000', ''].join('\n'), 'a.csv')));
    expect(good.candidates[0]!.practices[0]!.actors.map((a) => a.adcode)).toEqual([230000, 410000]);
    expect(good.candidates[0]!.unresolved.filter((u) => u.kind === 'actor')).toEqual([]);
    const [p] = problems(run(file([head, '一、机制,（一）举措,北京市建立工作专班。,999999', ''].join('\n'), 'b.csv')));
    expect(p).toMatchObject({ code: 'csv-row', line: 2, column: '实施主体代码' });
  });
});

describe('prepareImport: JSON', () => {
  it('reads the JSON export as one candidate per batch, renumbered', () => {
    const d = builtin();
    const r = ok(run(file(practicesJson(d, d.practices), 'export.json', 1004)));
    expect(r.format).toBe('json');
    const [c] = r.candidates;
    expect(c!.meta).toEqual({ title: d.batches[0]!.title, issuer: d.batches[0]!.issuer, date: d.batches[0]!.date });
    expect(c!.practices[0]!.id).toBe(`1004-${d.practices[0]!.id.slice(2)}`);
    expect(comparable(c!)).toEqual(comparable(d));
  });

  it('names the field path when the file fails the schema', () => {
    const d = builtin() as unknown as { practices: { text: string; headline?: string }[] };
    d.practices[3]!.text = '';
    delete d.practices[5]!.headline;
    const ps = problems(run(file(JSON.stringify(d), 'bad.json')));
    expect(ps.map((p) => p.field)).toEqual(['practices[3].text', 'practices[5].headline']);
    expect(ps[0]!.messageZh).toMatch(/^字段 practices\[3\]\.text：/);
  });

  it('names an unknown division code by its path', () => {
    const d = builtin();
    d.practices[2]!.actors[0]!.adcode = 999999;
    const [p] = problems(run(file(JSON.stringify(d), 'bad.json')));
    expect(p).toMatchObject({ code: 'json-place', field: 'practices[2].actors[0].adcode' });
  });

  it('gives the line and column of a syntax error', () => {
    const [p] = problems(run(file('{\n  "batches": [\n    }\n', 'broken.json')));
    expect(p!.code).toBe('json-syntax');
    expect(p!.line).toBe(3);
    expect(p!.messageZh).toMatch(/第 3 行第 \d+ 列/);
  });
});

describe('detectFormat and guessTitle', () => {
  it('goes by extension, then by content', () => {
    expect(detectFormat('a.JSON', 'x')).toBe('json');
    expect(detectFormat('a.csv', '一、')).toBe('csv');
    expect(detectFormat(null, ' {"batches":[]}')).toBe('json');
    expect(detectFormat(null, 'id,批次,政策机制,主要举措,全文\n')).toBe('csv');
    expect(detectFormat('list.txt', '\t一\n\t（一）标题\n1．北京市，上海市，天津市。')).toBe('txt');
  });

  it('takes the list title from the line before the table', () => {
    expect(guessTitle('附件\n实施城市更新行动可复制经验做法清单（第四批）\n序号 政策机制\n一、机制')).toBe('实施城市更新行动可复制经验做法清单（第四批）');
    expect(guessTitle('一、机制\n（一）清单')).toBe('');
  });
});

describe('prepareImport: questions in CSV', () => {
  it('points a place question at the CSV line of its row', () => {
    const csv = ['政策机制,主要举措,全文', '一、机制,（一）举措,北京市建立工作专班。', '一、机制,（一）举措,江北区开展专项体检。', ''].join('\n');
    const [c] = ok(run(file(csv, 'q.csv'))).candidates;
    expect(c!.unresolved.map((u) => [u.kind, u.practiceId, u.line])).toEqual([['actor', '1000-1-1-2', 3]]);
  });
});

describe('prepareImport: pasted forms (issue 16)', () => {
  function createWebCopy(): string {
    const d = builtin();
    const b = d.batches[0]!;
    return webPage(listModel(b.title, b.taxonomy, d.practices.filter((p) => p.batch === 1)));
  }

  it('prefills title, issuer and date from the notice, with the lines they come from, and gives the tree', () => {
    const [c] = ok(run(text(createWebCopy()))).candidates;
    expect(c!.meta).toEqual({ title: '实施城市更新行动可复制经验做法清单（第一批）', issuer: '住房城乡建设部办公厅', date: '2022-11-25' });
    const lines = createWebCopy().split('\r\n');
    expect(c!.metaLines).toEqual({ title: lines.findIndex((l) => l.startsWith('为贯彻落实')) + 1, issuer: lines.indexOf('住房城乡建设部办公厅') + 1, date: lines.indexOf('2022年11月25日') + 1 });
    expect(c!.structure!.filter((l) => l.role === 'practice')).toHaveLength(30);
    expect(c!.practices).toHaveLength(30);
  });

  it('applies the roles set in the preview', () => {
    const lines = createWebCopy().split('\r\n');
    const at = lines.findIndex((l) => l.startsWith('3.宁夏回族自治区银川市')) + 1;
    const [c] = ok(run({ ...text(createWebCopy()), roles: { [String(at)]: 'ignore' } })).candidates;
    expect(c!.practices).toHaveLength(29);
    expect(c!.structure!.find((l) => l.line === at)).toMatchObject({ role: 'ignore', overridden: true });
  });

  it('returns the structure with the problems when it cannot be placed, so the roles can be corrected', () => {
    // A mechanism title the rules cannot take for one (a colon makes it a sentence).
    const lines = createWebCopy().split('\r\n');
    const at = lines.indexOf('建立政府引导、市场运作、公众参与的可持续实施模式');
    lines[at] = `${lines[at]}：`;
    const broken = run(text(lines.join('\n')));
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.structure!.find((l) => l.line === at + 1)!.role).toBe('continuation');
    const fixed = ok(run({ ...text(lines.join('\n')), roles: { [String(at + 1)]: 'mechanism' } }));
    expect(fixed.candidates[0]!.taxonomy).toHaveLength(3);
    expect(fixed.candidates[0]!.practices).toHaveLength(30);
  });
});
