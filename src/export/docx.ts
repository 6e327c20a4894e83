// The selected or filtered practices as a 材料 in Word format (A4), laid out the way Chinese party and government
// documents are (GB/T 9704, OFFICIAL-CONVENTIONS.md "Documents"): a 2号 小标宋 title, 3号 仿宋 body on a fixed
// 28 pt line, 一、 headings in 黑体, （一） in 楷体, 1. in 仿宋 bold, page numbers "— 1 —" at the foot, margins
// 37 mm top and 28 mm left. Practices are grouped by 政策机制 → 主要举措 under the ministry's own numbers (the
// 序号 a reader cites), each with its place, full text and citation; the map and a table of counts by province come
// first, each numbered, with the source under it. Loaded on demand, like the deck.
import type { Dataset, Practice } from '../types';
import { xmlSafe } from '../format/xmlSafe';
import { tFor, formatDate } from '../i18n';
import { fullPlaceName } from '../format/places';
import { groupByTaxonomy, provinceCounts } from '../store/selectors';
import { programmesCoverage } from '../store/programmes';
import { composeExport, EXPORT_PIXEL_RATIO } from './png';
import { describeExport, exportSubject, type ExportState } from './describe';
import { dataCitation, filterSummary, isoDay, practiceCitation, sourceLinesWords } from '../format/summary';

/** Faces by role; Word falls back to its CJK default where one is missing (the roles stay recognisable by size). */
export const DOC_FONTS = { title: '方正小标宋简体', body: '仿宋', h1: '黑体', h2: '楷体', number: '宋体' } as const;
const PT = (pt: number) => pt * 2; // docx sizes are half-points
const BODY_PT = 16; // 三号
const TITLE_PT = 22; // 二号
const FOOT_PT = 14; // 四号
/** GB/T 9704: 22 lines a page → a fixed line of about 28 pt (560 twips). */
const LINE = 560;
/** First-line indent of body paragraphs: two characters of 三号. */
const INDENT = 2 * BODY_PT * 20;
/** A4 text width in CSS pixels at 96 dpi: 210 − 28 − 26 mm. */
const TEXT_WIDTH_PX = Math.round(((210 - 28 - 26) / 25.4) * 96);

function dataUrlBytes(url: string): Uint8Array {
  const b64 = url.slice(url.indexOf(',') + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The document's practices: the selected practice or region's, else every filtered practice. */
export function documentPractices(state: ExportState): Practice[] {
  if (state.selection.kind === 'practice') {
    const p = state.filtered.find((x) => state.selection.kind === 'practice' && x.id === state.selection.id);
    return p ? [p] : exportSubject(state).practices;
  }
  return exportSubject(state).practices;
}

/** Provinces by count, most first (ties by adcode): the table's rows. */
export function countsTable(dataset: Dataset, practices: readonly Practice[]): { adcode: number; count: number }[] {
  return [...provinceCounts(dataset, practices)].map(([adcode, count]) => ({ adcode, count })).sort((a, b) => b.count - a.count || a.adcode - b.adcode);
}

export async function buildDocument(state: ExportState): Promise<{ blob: Blob; practices: Practice[] }> {
  const docx = await import('docx');
  const {
    AlignmentType,
    BorderStyle,
    Document,
    Footer,
    ImageRun,
    LineRuleType,
    Packer,
    PageNumber,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    TextRun,
    VerticalAlign,
    WidthType,
    convertMillimetersToTwip: mm,
  } = docx;
  const { dataset, geo, lang } = state;
  const t = tFor(lang);
  const zh = lang === 'zh';
  const subject = exportSubject(state);
  const practices = documentPractices(state);
  const place = (a: number) => fullPlaceName(a, geo.gazetteer);
  const source = dataCitation(dataset, practices, lang);

  // Every text run, and the document's properties below, pass the one XML-safe function (issue 24.3).
  const run = (text: string, font: string, pt: number, extra: { bold?: boolean } = {}) =>
    new TextRun({ text: xmlSafe(text), font: { eastAsia: font, ascii: font === DOC_FONTS.body ? 'Times New Roman' : font, hAnsi: font === DOC_FONTS.body ? 'Times New Roman' : font }, size: PT(pt), ...extra });
  const fixedLine = { line: LINE, lineRule: LineRuleType.EXACT };
  // Widow and orphan control: a paragraph split by a page keeps at least two lines on each side.
  const body = (children: InstanceType<typeof TextRun>[], indent = true, keepNext = false, keepLines = false) =>
    new Paragraph({
      children,
      spacing: fixedLine,
      indent: indent ? { firstLine: INDENT } : undefined,
      alignment: AlignmentType.JUSTIFIED,
      keepNext,
      keepLines,
      widowControl: true,
    });

  // ——— Title and lead ———
  const title = xmlSafe(zh ? `${subject.name}城市更新可复制经验做法` : `Urban renewal practices: ${subject.name}`);
  const filters = filterSummary(dataset, state.filters, lang);
  const provinces = countsTable(dataset, practices);
  const lead = zh
    ? `本材料据${source.replace(/^数据来源：/, '')}整理，收录${subject.name === t('national') ? '全国' : subject.name}做法 ${practices.length} 项，涉及 ${provinces.length} 个省（区、市）${filters ? `（筛选条件：${filters}）` : ''}。做法按政策机制、主要举措分类，序号与原文一致。`
    : `Compiled from ${source.replace(/^Source: /, '')}: ${practices.length} practices (${subject.name}) in ${provinces.length} provincial units${filters ? ` (filters: ${filters})` : ''}. Grouped by mechanism and measure; item numbers as in the source.`;

  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [
    new Paragraph({
      children: [run(title, DOC_FONTS.title, TITLE_PT)],
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: LINE, line: 700, lineRule: LineRuleType.EXACT },
    }),
    body([run(lead, DOC_FONTS.body, BODY_PT)]),
  ];

  // ——— 图1: the map of the subject (light theme, landscape), with legend and inset ———
  const d = await describeExport(state, { subject, theme: 'light' });
  const canvas = document.createElement('canvas');
  // Drawn at the size it is printed (the text width at 96 dpi), not shrunk from a 960-px frame: the legend's 13 px
  // and the labels' 12 px are then 9.75 and 9 pt on paper (issue 26.4; they printed at about 5 pt). A little taller
  // than 16:9, so that the map keeps its room beside a legend that is now full size.
  const frame = { width: TEXT_WIDTH_PX, height: Math.round(TEXT_WIDTH_PX * 0.72) };
  // The 南海诸岛 inset belongs to a map of the whole country, not to a province's or city's.
  const inset = subject.adcode === null ? d.inset : null;
  composeExport({ ...d, inset, title: '', subtitle: '', footer: [], cssWidth: frame.width, cssHeight: frame.height, pixelRatio: EXPORT_PIXEL_RATIO }, canvas);
  const imgW = frame.width;
  const imgH = frame.height;
  // A caption stays on the page of what it names (keepNext), as do the figure and its caption.
  const caption = (text: string) =>
    new Paragraph({ children: [run(text, DOC_FONTS.h1, 14)], alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true });
  const sourceLine = (text: string) =>
    new Paragraph({ children: [run(text, DOC_FONTS.body, 12)], alignment: AlignmentType.LEFT, spacing: { after: 240 } });
  children.push(
    new Paragraph({
      children: [new ImageRun({ type: 'png', data: dataUrlBytes(canvas.toDataURL('image/png')), transformation: { width: imgW, height: imgH }, altText: { name: 'map', title, description: title } })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
      keepNext: true,
    }),
    caption(zh ? `图1\u3000${subject.name}城市更新可复制经验做法分布示意图` : `Figure 1. Practices by place: ${subject.name}`),
    sourceLine(`${source}；${geo.meta.attribution[lang]}${state.config.approvalNumber ? `；${t('approvalNumber', { n: state.config.approvalNumber })}` : ''}`),
  );

  // ——— 表1: counts by province ———
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; width: number }) =>
    new TableCell({
      children: [new Paragraph({ children: [run(text, opts.bold ? DOC_FONTS.h1 : DOC_FONTS.body, 14)], alignment: opts.align ?? AlignmentType.CENTER })],
      verticalAlign: VerticalAlign.CENTER,
      width: { size: opts.width, type: WidthType.PERCENTAGE },
      borders,
    });
  const header = [zh ? '序号' : 'No.', zh ? '省（区、市）' : 'Provincial unit', zh ? '做法数量（项）' : 'Practices'];
  const widths = [15, 55, 30];
  children.push(
    caption(zh ? '表1\u3000各省（区、市）做法数量' : 'Table 1. Practices by provincial unit'),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        // The header row repeats on every page the table runs onto; no row is split between two pages.
        new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, { bold: true, width: widths[i]! })) }),
        ...provinces.map(
          (r, i) =>
            new TableRow({
              cantSplit: true,
              children: [
                cell(String(i + 1), { width: widths[0]! }),
                cell(place(r.adcode), { width: widths[1]!, align: AlignmentType.LEFT }),
                cell(String(r.count), { width: widths[2]! }),
              ],
            }),
        ),
      ],
    }),
    sourceLine(
      `${source}${zh ? '。一项做法涉及多个省（区、市）时分别计入。' : '. A practice in several provincial units counts in each.'}`,
    ),
  );

  // ——— 表2: programmes (issue 27) — a short section: the rule, then per list its units with and without practices
  // among this document's practices. Only when the programmes are loaded.
  const programmes = programmesCoverage(dataset, practices);
  if (programmes.length > 0) {
    const unitSep = zh ? '、' : ', ';
    const unitName = (u: (typeof programmes)[number]['units'][number]) => (zh ? u.unit.published : place(u.unit.adcode));
    children.push(
      new Paragraph({ children: [run(t('programmeOverview'), DOC_FONTS.h1, BODY_PT)], spacing: fixedLine, indent: { firstLine: INDENT }, keepNext: true, keepLines: true }),
      body([run(t('programmeRule'), DOC_FONTS.body, BODY_PT)]),
    );
    const pHeader = zh
      ? ['名单', '发布', '城市（区）', '有做法入选', '暂无做法入选']
      : ['List (unofficial translation)', 'Published', 'Units', 'With practices', 'No practice yet'];
    // The count column holds a short phrase ("21 个，2 个有做法"): at 10 % it broke into one character per line.
    const pWidths = [19, 17, 16, 26, 22];
    children.push(
      caption(zh ? '表2　城市更新试点与支持名单中有做法入选的城市（区）' : 'Table 2. Listed cities (districts) with practices'),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          // As 表1: the header row repeats, and no row is split between two pages (LibreOffice split 第一批城市's
          // row over pages 2 and 3).
          new TableRow({ tableHeader: true, cantSplit: true, children: pHeader.map((h, i) => cell(h, { bold: true, width: pWidths[i]! })) }),
          ...programmes.map(
            (c) =>
              new TableRow({
                cantSplit: true,
                children: [
                  cell(zh ? c.programme.title : `${c.programme.titleEn} (${c.programme.title})`, { width: pWidths[0]!, align: AlignmentType.LEFT }),
                  cell(`${c.programme.issuer}${zh ? '，' : ', '}${formatDate(c.programme.date, lang)}${zh ? `（${c.programme.status === '公示' ? '公示，拟' : '正式'}）` : c.programme.status === '公示' ? ' (proposed)' : ''}`, { width: pWidths[1]!, align: AlignmentType.LEFT }),
                  cell(t('programmeCoverageShort', { n: c.units.length, m: c.withPractices.length }), { width: pWidths[2]! }),
                  cell(c.withPractices.map((u) => `${unitName(u)} ${u.practices.length}`).join(unitSep) || t('programmeNone'), { width: pWidths[3]!, align: AlignmentType.LEFT }),
                  cell(c.without.map(unitName).join(unitSep) || t('programmeNone'), { width: pWidths[4]!, align: AlignmentType.LEFT }),
                ],
              }),
          ),
        ],
      }),
      sourceLine(
        `${zh ? '资料来源：' : 'Sources: '}${programmes
          .flatMap((c) => c.programme.sources.map((x) => `${x.publisher}《${x.title}》，${x.date}，${x.url}`))
          .join('；')}`,
      ),
    );
  }

  // ——— Practices: 一、 mechanism (黑体) → （一） measure (楷体) → 1. place (仿宋 bold) and text ———
  const selected = new Set(practices.map((p) => p.id));
  for (const group of groupByTaxonomy(dataset, practices)) {
    children.push(
      new Paragraph({
        children: [run(`${group.mechanism.code}、${group.mechanism.title}`, DOC_FONTS.h1, BODY_PT)],
        spacing: fixedLine,
        indent: { firstLine: INDENT },
        // A heading never ends a page: it stays with what follows (a measure stranded at the foot of page 8).
        keepNext: true,
        keepLines: true,
      }),
    );
    for (const m of group.measures) {
      children.push(
        new Paragraph({
          children: [run(`${m.measure.code}${m.measure.title}`, DOC_FONTS.h2, BODY_PT)],
          spacing: fixedLine,
          indent: { firstLine: INDENT },
          keepNext: true,
          keepLines: true,
        }),
      );
      for (const p of m.practices) {
        if (!selected.has(p.id)) continue;
        // "3. 江苏省苏州市探索老菜场更新的“市集模式”。" in bold, then the rest: the headline is the practice's first
        // sentence and opens with its place, so it is the 1. heading as officials write one. A text that does not
        // open with its headline keeps its place as the heading instead, and its text whole.
        const where = p.actors.map((a) => place(a.adcode)).join('、');
        const [head, rest] = p.text.startsWith(p.headline) ? [p.headline, p.text.slice(p.headline.length)] : [`${where}。`, p.text];
        children.push(
          // The text flows over pages like any 材料. Kept with its 出处 (keep with next), a practice was moved whole by
          // LibreOffice, leaving up to half a page empty before it: 22 pages for batch 1, 18 now (kept only when
          // short, the chain 一、（一）1. moved whole and left page 4 empty). The 出处 line itself is never split.
          body([run(`${p.item}. ${head}`, DOC_FONTS.body, BODY_PT, { bold: true }), run(rest, DOC_FONTS.body, BODY_PT)]),
          body(
            [
              run(
                zh
                  ? `（出处：${practiceCitation(dataset, p, lang)}，${sourceLinesWords(p.source.lines, lang)}）`
                  : `(Source: ${practiceCitation(dataset, p, lang)}, ${sourceLinesWords(p.source.lines, lang)})`,
                DOC_FONTS.body,
                14,
              ),
            ],
            true,
            false,
            true,
          ),
        );
      }
    }
  }

  children.push(
    new Paragraph({
      children: [run(zh ? `${formatDate(isoDay(new Date()), lang)}` : formatDate(isoDay(new Date()), lang), DOC_FONTS.body, BODY_PT)],
      alignment: AlignmentType.RIGHT,
      spacing: { before: LINE, ...fixedLine },
    }),
  );

  const doc = new Document({
    creator: t('appTitle'),
    title,
    description: xmlSafe(source),
    styles: {
      default: {
        document: { run: { font: { eastAsia: DOC_FONTS.body, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: PT(BODY_PT) } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { eastAsia: DOC_FONTS.number, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: PT(FOOT_PT) }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const blob = await Packer.toBlob(doc);
  return { blob, practices };
}

