// Broken CSV: one message per kind of error, naming its lines, instead of the same message once per row.
import { describe, expect, it } from 'vitest';
import { readCsv } from './csvImport';

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
