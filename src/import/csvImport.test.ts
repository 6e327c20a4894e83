// Broken CSV: one message per kind of error, naming its lines, instead of the same message once per row.
import { describe, expect, it } from 'vitest';
import { csvToRecords, readCsv } from './csvImport';

const HEADER = '政策机制,主要举措,全文';
const row = (i: number) => `一、机制,（一）举措,山东省潍坊市做法${i}。`;

describe('readCsv problems', () => {
  it('gives one message for many unterminated quotes, with the lines', () => {
    // A stray quote opens a field that never closes; papaparse reports it per row it swallows.
    const lines = [HEADER, row(1), '一、机制,"（一）举措,山东省潍坊市做法2。', ...Array.from({ length: 30 }, (_, i) => `"${row(i + 3)}`)];
    const r = readCsv(lines.join('\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const kinds = r.problems.map((p) => p.message.replace(/^CSV lines? [\d, …and more]+: /, ''));
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(r.problems[0]!.messageZh).toMatch(/^CSV 第 3(、\d+)* 行：格式错误（引号/);
  });

  it('lists each row of one kind in a single message, capped', () => {
    const quoted = (i: number) => `一、机制,（一）举措,山东省"潍坊市"做法${i}。x"`;
    const lines = [HEADER, ...Array.from({ length: 40 }, (_, i) => (i % 2 ? row(i) : quoted(i)))];
    const r = readCsv(lines.join('\n'));
    if (r.ok) return;
    const codes = r.problems.map((p) => p.messageZh.replace(/^CSV 第 .* 行：/, ''));
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of r.problems) expect(p.message.length).toBeLessThan(400);
  });

  it('gives one message per column of empty required cells', () => {
    const lines = [HEADER, ',（一）举措,山东省潍坊市做法。', ',（一）举措,山东省潍坊市做法。', '一、机制,,山东省潍坊市做法。'];
    const r = readCsv(lines.join('\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.column, p.line])).toEqual([
      ['政策机制', 2],
      ['主要举措', 4],
    ]);
    expect(r.problems[0]!.messageZh).toMatch(/^CSV 第 2、3 行“政策机制”列为空/);
  });
});

describe('csvToRecords: rows placed by their own cells', () => {
  const place = (lines: string[]) => {
    const r = readCsv(['政策机制,主要举措,序号,全文', ...lines].join('\n'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return csvToRecords(r.rows);
  };

  it('numbers titles written alone in order, and finds a numbered heading by its title', () => {
    const r = place(['统筹机制,加强统筹,,北京市做法。', '一、统筹机制,（二）完善规划,,上海市做法。', '实施机制,推进实施,,天津市做法。']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.batches[0]!.taxonomy.map((m) => [m.code, m.title, m.measures.map((s) => s.code + s.title)])).toEqual([
      ['一', '统筹机制', ['（一）加强统筹', '（二）完善规划']],
      ['二', '实施机制', ['（一）推进实施']],
    ]);
  });

  it('refuses one number with two titles, a 序号 that names another heading, and a measure level used by half the rows', () => {
    const r = place([
      '一、统筹机制,（一）加强统筹,,北京市做法。',
      '一、实施机制,（一）加强统筹,,上海市做法。',
      '一、统筹机制,（一）加强统筹,二（一）3,天津市做法。',
      '一、统筹机制,（一）加强统筹,第三条,重庆市做法。',
      '二、实施机制,实施机制,,河北省做法。',
      '二、实施机制,（一）推进实施,,山西省做法。',
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [3, '政策机制'],
      [4, '序号'],
      [5, '序号'],
      [6, '主要举措'],
    ]);
    expect(r.problems[0]!.messageZh).toContain('第 2 行为“统筹机制”');
  });
});
