// Data exports of the filtered practices: CSV for Excel users and JSON in the dataset's own schema. Pure (no DOM):
// the menu turns the strings into downloads.
import { FORMULA_START } from './csvFormula';
import Papa from 'papaparse';
import type { Dataset, GazetteerEntry, Place, Practice } from '../types';
import { levelLabel } from './levels';
import { PROVINCE_NAMES } from '../store/regions';
import { practiceProgrammes } from '../store/programmes';

/** Excel only reads a CSV as UTF-8 (rather than the system's GBK) when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

export type CsvLang = 'zh' | 'en';

/** Column keys, in order (the Chinese header). Stable: scripts downstream may address columns by these names. */
export const CSV_COLUMNS = [
  'id',
  '批次',
  '序号',
  '政策机制',
  '主要举措',
  '标题',
  '全文',
  '省份',
  '省份代码',
  '城市',
  '城市代码',
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
  '城市更新试点与支持',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * English headers. Where the import reads a column (src/import/csvImport.ts CSV_HEADERS) the English name is one
 * it accepts, so an English export imports again.
 */
export const CSV_COLUMNS_EN: Record<CsvColumn, string> = {
  id: 'id',
  批次: 'batch',
  序号: 'item',
  政策机制: 'mechanism',
  主要举措: 'measure',
  标题: 'headline',
  全文: 'text',
  省份: 'province',
  省份代码: 'province_adcode',
  城市: 'city',
  城市代码: 'city_adcode',
  实施主体: 'actors',
  实施主体代码: 'adcodes',
  层级: 'level',
  主题: 'themes',
  引用文件: 'documents',
  关键数据: 'figures',
  提及地点: 'places_mentioned',
  片区与项目: 'sites',
  来源文件: 'source_file',
  原文行: 'source_lines',
  城市更新试点与支持: 'programmes',
};

export function csvHeader(lang: CsvLang): string[] {
  return lang === 'en' ? CSV_COLUMNS.map((c) => CSV_COLUMNS_EN[c]) : [...CSV_COLUMNS];
}

/** Lists inside one cell use the Chinese enumeration comma, as the source texts do. */
const JOIN = '、';

export interface CsvOptions {
  lang?: CsvLang;
  /** Names of the cities that contain the actors (without it, a district's city is named only by its code). */
  gazetteer?: ReadonlyMap<number, GazetteerEntry>;
}

/** The values of a list without repeats, in first-seen order. */
const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** The prefecture-level city an actor belongs to: itself for a city, its prefecture for a district (if any). */
function cityOf(a: Place): number | null {
  if (a.level === 'city') return a.adcode;
  if (a.level === 'district' && a.city !== undefined) return a.city;
  return null;
}

function nameOf(adcode: number, p: Practice, gazetteer: ReadonlyMap<number, GazetteerEntry> | undefined): string {
  // Provinces are always known (a fixed list); a city's name needs the gazetteer unless the city is an actor itself.
  return gazetteer?.get(adcode)?.name ?? PROVINCE_NAMES.get(adcode) ?? p.actors.find((a) => a.adcode === adcode)?.name ?? '';
}

/** Where a practice's actors sit, in words and codes: what a spreadsheet groups by. */
export function practicePlaces(p: Practice, opts: CsvOptions = {}) {
  const lang = opts.lang ?? 'zh';
  const provinces = unique(p.actors.map((a) => a.province));
  const cities = unique(p.actors.map(cityOf).filter((c): c is number => c !== null));
  return {
    provinces: provinces.map((c) => ({ adcode: c, name: nameOf(c, p, opts.gazetteer) })),
    cities: cities.map((c) => ({ adcode: c, name: nameOf(c, p, opts.gazetteer) })),
    levels: unique(p.actors.map((a) => levelLabel(a.level, a.province, lang))),
  };
}

/** One practice as a CSV record keyed by the Chinese column names (every value a string, so it reads back exactly). */
export function csvRecord(dataset: Dataset, p: Practice, opts: CsvOptions = {}): Record<CsvColumn, string> {
  const lang = opts.lang ?? 'zh';
  const batch = dataset.batches.find((b) => b.id === p.batch);
  const themeName = (k: string) => {
    const th = dataset.themes.find((t) => t.key === k);
    return th ? (lang === 'en' ? th.en : th.zh) : k;
  };
  const places = practicePlaces(p, opts);
  return {
    id: p.id,
    批次: batch ? batch.title : String(p.batch),
    序号: `${p.mechanism.code}${p.measure.code}${p.item}`,
    政策机制: `${p.mechanism.code}、${p.mechanism.title}`,
    主要举措: `${p.measure.code}${p.measure.title}`,
    标题: p.headline,
    全文: p.text,
    省份: places.provinces.map((x) => x.name).join(JOIN),
    省份代码: places.provinces.map((x) => x.adcode).join(JOIN),
    城市: places.cities.map((x) => x.name).join(JOIN),
    城市代码: places.cities.map((x) => x.adcode).join(JOIN),
    实施主体: p.actors.map((a) => a.name).join(JOIN),
    实施主体代码: p.actors.map((a) => a.adcode).join(JOIN),
    层级: places.levels.join(JOIN),
    主题: p.themes.map(themeName).join(JOIN),
    引用文件: p.documents.map((d) => `《${d}》`).join(JOIN),
    关键数据: p.figures.map((f) => f.raw).join(JOIN),
    提及地点: p.mentions.map((m) => m.name).join(JOIN),
    片区与项目: p.sites.join(JOIN),
    来源文件: p.source.file,
    原文行: p.source.lines[0] === p.source.lines[1] ? String(p.source.lines[0]) : `${p.source.lines[0]}-${p.source.lines[1]}`,
    // Issue 27: the programmes the practice is in by the rule (an actor is a unit or lies inside one); English
    // titles are unofficial translations.
    城市更新试点与支持: practiceProgrammes(p, dataset.programmes)
      .map((id) => dataset.programmes!.find((x) => x.id === id)!)
      .map((x) => (lang === 'en' ? x.titleEn : x.title))
      .join(JOIN),
  };
}

export { unescapeCsvFormula } from './csvFormula';

/**
 * The practices as CSV: BOM, a header row in the UI language, one record per practice, CRLF line ends (what Excel
 * writes). Quoting is papaparse's: a field with a comma, quote or line break is quoted and its quotes doubled;
 * formula-like cells are escaped (see FORMULA_START).
 */
export function practicesCsv(dataset: Dataset, practices: readonly Practice[], opts: CsvOptions = {}): string {
  const rows = practices.map((p) => {
    const r = csvRecord(dataset, p, opts);
    return CSV_COLUMNS.map((c) => r[c]);
  });
  return (
    BOM +
    Papa.unparse({ fields: csvHeader(opts.lang ?? 'zh'), data: rows }, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START })
  );
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

/**
 * The JSON export: the dataset file, each actor also carrying its province's name, its city's name and code (cityName, cityAdcode) and its
 * level in words (provinceName, cityName, levelLabel). The schema reader ignores extra fields, so the file still
 * imports as a dataset.
 */
export function practicesJson(dataset: Dataset, practices: readonly Practice[], opts: CsvOptions = {}): string {
  const lang = opts.lang ?? 'zh';
  const out = practicesDataset(dataset, practices);
  const practicesOut = out.practices.map((p) => ({
    ...p,
    // Issue 27: ids of the programmes the practice is in (the file's `programmes` lists them).
    programmes: practiceProgrammes(p, dataset.programmes),
    actors: p.actors.map((a) => {
      const city = cityOf(a);
      return {
        ...a,
        provinceName: nameOf(a.province, p, opts.gazetteer),
        // `city` keeps its dataset meaning (a district's prefecture); the export's own field is cityAdcode.
        ...(city !== null ? { cityAdcode: city, cityName: nameOf(city, p, opts.gazetteer) } : {}),
        levelLabel: levelLabel(a.level, a.province, lang),
      };
    }),
  }));
  const programmes = dataset.programmes ? { programmes: dataset.programmes } : {};
  return `${JSON.stringify({ ...out, ...programmes, practices: practicesOut }, null, 2)}\n`;
}
