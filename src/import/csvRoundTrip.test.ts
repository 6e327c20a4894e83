// The CSV export reads back through the app's own import as the same records (issue 18.4, 24.4): each row maps to
// one record from its own cells — a text that looks like headings, has spaces or ends without a full stop, a
// practice directly under its mechanism, an export of some practices with gaps in the numbers, several batches.
import { describe, expect, it } from 'vitest';
import { practicesCsv } from '../format/csv';
import { createAliases, createGazetteer, createThemes } from '../ingest/test-helpers';
import { city, createBatch, createDataset, createPractice } from '../store/test-helpers';
import type { Batch, Dataset, Practice } from '../types';
import { readCsv } from './csvImport';
import { prepareImport } from './pipeline';

const ctx = { gazetteer: createGazetteer(), aliases: createAliases(), themes: createThemes() };

function importCsv(csv: string) {
  const r = prepareImport({ input: { kind: 'bytes', bytes: new TextEncoder().encode(csv).buffer as ArrayBuffer, name: 'export.csv' }, firstBatchId: 1000 }, ctx);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.candidates;
}

/** What the CSV carries of a record (figures, themes and the like are derived from the text again). */
const carried = (p: Practice) => ({
  id: p.id.replace(/^\d+-/, ''),
  mechanism: p.mechanism,
  measure: p.measure,
  item: p.item,
  text: p.text,
  actors: p.actors.map((a) => a.adcode),
  lines: p.source.lines,
  incomplete: p.incomplete ?? false,
  converted: p.converted ?? [],
});

describe('CSV round trip', () => {
  it('escapes formula-like text on export and reads it back unchanged', () => {
    const hostile = "=cmd|' /C calc'!A0 南京市做法。";
    const dataset = createDataset({
      batches: [createBatch(1, [1])],
      practices: [createPractice({ id: '1-1-1-1', actors: [city(320100, '南京市')], headline: hostile, text: hostile })],
    });
    const csv = practicesCsv(dataset, dataset.practices);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
    const read = readCsv(csv);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.rows[0]!.text).toBe(hostile);
    expect(importCsv(csv)[0]!.practices[0]!.text).toBe(hostile);
  });

  it('gives the same records for texts that look like structure, a stand-in measure, gaps and two batches', () => {
    const standIn: Batch = { ...createBatch(2, [1]), taxonomy: [{ code: '一', index: 1, title: '机制1', measures: [{ code: '', index: 1, title: '机制1' }] }] };
    const texts = [
      '山东省潍坊市建立联席会议制度。二、新机制（一）新举措1．又一项做法。',
      '北京市 建立 工作专班，覆盖 10 个部门',
      '南京市：三、 （二） 4．',
      '1．上海市开展城市体检。',
    ];
    const at = (i: number) => [city(370700, '潍坊市'), { adcode: 110000, name: '北京市', level: 'province' as const, province: 110000 }, city(320100, '南京市'), { adcode: 310000, name: '上海市', level: 'province' as const, province: 310000 }][i]!;
    const practices: Practice[] = [
      createPractice({ batch: 1, mech: 1, meas: 1, item: 2, actors: [at(0)], text: texts[0], source: { file: 'a', lines: [12, 13] } }),
      createPractice({ batch: 1, mech: 1, meas: 3, item: 5, actors: [at(1)], text: texts[1], source: { file: 'a', lines: [20, 20] } }),
      createPractice({ batch: 1, mech: 3, meas: 2, item: 1, actors: [at(2)], text: texts[2], source: { file: 'a', lines: [31, 31] } }),
      { ...createPractice({ batch: 2, mech: 1, meas: 1, item: 1, actors: [at(3)], text: texts[3], source: { file: 'b', lines: [4, 4] } }), measure: { code: '', index: 1, title: '机制1' } },
    ];
    const dataset: Dataset = createDataset({ batches: [createBatch(1, [3, 3, 3]), standIn], practices });
    const candidates = importCsv(practicesCsv(dataset, practices));
    expect(candidates.map((c) => c.meta.title)).toEqual(['第1批', '第2批']);
    expect(candidates.flatMap((c) => c.practices.map(carried))).toEqual(practices.map(carried));
    // The taxonomy holds what the rows name, nothing made up from a cell's content.
    expect(candidates[0]!.taxonomy.map((m) => [m.code, m.title, m.measures.map((s) => s.code + s.title)])).toEqual([
      ['一', '机制1', ['（一）举措1.1', '（三）举措1.3']],
      ['三', '机制3', ['（二）举措3.2']],
    ]);
    expect(candidates[1]!.taxonomy).toEqual(standIn.taxonomy);
  });
});
