// Data exports of the filtered practices: CSV for Excel users and JSON in the dataset's own schema. Pure (no DOM):
// the menu turns the strings into downloads.
import Papa from 'papaparse';
import type { Dataset, Practice } from '../types';

/** Excel only reads a CSV as UTF-8 (rather than the system's GBK) when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

/** Column headers, in order. Stable: scripts downstream may address columns by these names. */
export const CSV_COLUMNS = [
  'id',
  '批次',
  '序号',
  '政策机制',
  '主要举措',
  '标题',
  '全文',
  '实施主体',
  '实施主体代码',
  '层级',
  '主题',
  '引用文件',
  '关键数据',
  '提及地点',
  '片区与项目',
  '来源文件',
  '原文行',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const LEVEL_ZH = { province: '省级', city: '地市级', district: '区县级' } as const;

/** Lists inside one cell use the Chinese enumeration comma, as the source texts do. */
const JOIN = '、';

/** One practice as a CSV record (every value a string, so the file reads back exactly). */
export function csvRecord(dataset: Dataset, p: Practice): Record<CsvColumn, string> {
  const batch = dataset.batches.find((b) => b.id === p.batch);
  const themeName = (k: string) => dataset.themes.find((t) => t.key === k)?.zh ?? k;
  return {
    id: p.id,
    批次: batch ? batch.title : String(p.batch),
    序号: `${p.mechanism.code}${p.measure.code}${p.item}`,
    政策机制: `${p.mechanism.code}、${p.mechanism.title}`,
    主要举措: `${p.measure.code}${p.measure.title}`,
    标题: p.headline,
    全文: p.text,
    实施主体: p.actors.map((a) => a.name).join(JOIN),
    实施主体代码: p.actors.map((a) => a.adcode).join(JOIN),
    层级: [...new Set(p.actors.map((a) => LEVEL_ZH[a.level]))].join(JOIN),
    主题: p.themes.map(themeName).join(JOIN),
    引用文件: p.documents.map((d) => `《${d}》`).join(JOIN),
    关键数据: p.figures.map((f) => f.raw).join(JOIN),
    提及地点: p.mentions.map((m) => m.name).join(JOIN),
    片区与项目: p.sites.join(JOIN),
    来源文件: p.source.file,
    原文行: p.source.lines[0] === p.source.lines[1] ? String(p.source.lines[0]) : `${p.source.lines[0]}-${p.source.lines[1]}`,
  };
}

/**
 * The practices as CSV: BOM, a header row, one record per practice, CRLF line ends (what Excel writes). Quoting
 * is papaparse's: a field with a comma, quote or line break is quoted and its quotes doubled.
 */
export function practicesCsv(dataset: Dataset, practices: readonly Practice[]): string {
  const rows = practices.map((p) => CSV_COLUMNS.map((c) => csvRecord(dataset, p)[c]));
  return BOM + Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false });
}

/**
 * The practices as a dataset file in the schema of public/data/practices.json (parseDataset accepts it): the
 * batches they belong to, the whole theme dictionary (small, and every theme key stays resolvable), the
 * practices in their order.
 */
export function practicesDataset(dataset: Dataset, practices: readonly Practice[], generatedBy = 'renewal-atlas export'): Dataset {
  const batchIds = new Set(practices.map((p) => p.batch));
  return {
    generatedBy,
    batches: dataset.batches.filter((b) => batchIds.has(b.id)),
    themes: dataset.themes,
    practices: [...practices],
  };
}

export function practicesJson(dataset: Dataset, practices: readonly Practice[]): string {
  return `${JSON.stringify(practicesDataset(dataset, practices), null, 2)}\n`;
}
