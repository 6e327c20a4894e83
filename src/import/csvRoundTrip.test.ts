// A practice whose text begins like a formula is exported escaped ("'=…") and the app's own import reads it back
// as the same text (issue 18.4).
import { describe, expect, it } from 'vitest';
import { practicesCsv } from '../format/csv';
import { city, createBatch, createDataset, createPractice } from '../store/test-helpers';
import { readCsv } from './csvImport';

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
  });
});
