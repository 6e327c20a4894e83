// Issue 23: the pure parts of reading attachments — page furniture, the table's text form, PDF layout recovery from
// positioned text (laid out here by a small typesetter, so page size, column widths, vertical centring of merged
// cells, page breaks inside a practice, repeated headers and footers can vary freely), and the 文号.
import { describe, expect, it } from 'vitest';
import { furnitureKind } from './furniture';
import { parseList } from './parse';
import { pdfText, type PdfPage, type PdfPiece } from './pdfLayout';
import { AUTO_NUMBER, tableText } from './table';
import { readListMeta } from './listMeta';
import { ROW_END } from './text';

const LIST = {
  mechanisms: [
    { code: '一', title: '建立城市更新统筹谋划机制', measures: [{ title: '加强工作统筹和督查考核', items: 3 }, { title: '建立城市更新制度机制', items: 2 }] },
    { code: '二', title: '建立政府引导、市场运作、公众参与的可持续实施模式', measures: [{ title: '建立存量资源统筹协调机制', items: 2 }] },
    { code: '三', title: '创新与城市更新相配套的支持政策', measures: [{ title: '完善土地政策', items: 1 }, { title: '优化审批流程', items: 3 }] },
  ],
};
const CN = ['一', '二', '三', '四'];
const practiceText = (m: number, s: number, i: number) =>
  `山东省潍坊市建立第${m}${s}${i}项城市更新工作联席会议制度。市长为召集人，分管市长为副召集人，市发改、住建、工信、教育、财政等19个部门为成员，负责统筹推进城市更新工作，协调解决遇到的困难问题，形成上下协同的工作机制，资金规模46.18亿元。`;

interface Row {
  seq: string;
  mech: string;
  measure: string;
  practice: string;
  first: { mech: boolean; measure: boolean };
}

function rows(): Row[] {
  const out: Row[] = [];
  LIST.mechanisms.forEach((m, mi) =>
    m.measures.forEach((ms, si) => {
      for (let i = 1; i <= ms.items; i++)
        out.push({ seq: m.code, mech: m.title, measure: `（${CN[si]}）${ms.title}`, practice: `${i}．${practiceText(mi + 1, si + 1, i)}`, first: { mech: si === 0 && i === 1, measure: i === 1 } });
    }),
  );
  return out;
}

interface Layout {
  width: number;
  height: number;
  cols: [number, number, number, number];
  size: number;
  repeatHeader: boolean;
  centre: boolean;
  footer: (n: number) => string;
  runningHeader?: string;
  /** No 序号 / 政策机制 columns: each mechanism is a row across the table (一、…), cols[0] and cols[1] unused. */
  spanning?: boolean;
  /** The 序号 column numbers the practices 1…N through the table (on each practice's first line), not the mechanisms. */
  seqPractices?: boolean;
  /** The practices carry no number of their own. */
  bare?: boolean;
  /** No 序号 column (3 columns): cols[0] unused. */
  noSeq?: boolean;
  /** The 序号 cell centred in its row (on the practice's middle line). */
  seqCentred?: boolean;
  /** The 政策机制 cell holds its numeral: 一、建立… */
  mechNumbered?: boolean;
}

/** Lays the table out as a word processor would: wrapped cells, rows split over pages, merged cells printed once. */
function typeset(l: Layout): PdfPage[] {
  const pages: PdfPage[] = [];
  const margin = 60;
  const x0 = [margin];
  for (const w of l.cols.slice(0, 3)) x0.push(x0[x0.length - 1]! + w);
  const wrap = (text: string, width: number) => {
    const per = Math.max(1, Math.floor((width - 8) / l.size));
    const out: string[] = [];
    for (let i = 0; i < text.length; i += per) out.push(text.slice(i, i + per));
    return out;
  };
  const lead = l.size * 1.4;
  let page: PdfPiece[] = [];
  let y = 0;
  const newPage = (first: boolean) => {
    if (page.length || pages.length) pages.push({ width: l.width, height: l.height, pieces: page });
    page = [];
    y = l.height - margin;
    if (l.runningHeader) page.push({ str: l.runningHeader, x: l.width / 2 - 60, y: l.height - 30, w: 120, h: l.size });
    page.push({ str: l.footer(pages.length + 1), x: l.width / 2 - 15, y: 30, w: 30, h: l.size });
    if (first) {
      page.push({ str: '附件', x: margin, y, w: 2 * l.size, h: l.size });
      y -= lead;
      page.push({ str: '实施城市更新行动可复制经验做法清单（第一批）', x: margin + 60, y, w: 22 * l.size, h: l.size });
      y -= lead * 1.5;
    }
    if (first || l.repeatHeader) {
      ['序号', '政策机制', '主要举措', '具体做法'].forEach((h, i) => ((l.spanning && (i === 1 || (i === 0 && !l.seqPractices))) || (l.noSeq && i === 0) ? null : page.push({ str: h, x: x0[i]! + (l.cols[i]! - h.length * l.size) / 2, y, w: h.length * l.size, h: l.size })));
      y -= lead * 1.3;
    }
  };
  newPage(true);
  // Merged cells: their text goes once, at the top of their span or centred over its first page's part.
  const all = rows();
  let i = 0;
  while (i < all.length) {
    const r = all[i]!;
    // A mechanism's span: its rows; printed on the page where it starts.
    const put = (text: string, col: number, spanLines: number) => {
      const lines = wrap(text, l.cols[col]!);
      // Centred in the part of the merged cell on this page (a word processor centres each page's fragment).
      const offset = l.centre ? Math.max(0, Math.min(spanLines, Math.floor((y - margin) / lead) - 1) - lines.length) / 2 : 0;
      lines.forEach((t, k) => page.push({ str: t, x: x0[col]! + 4, y: y - (offset + k) * lead, w: t.length * l.size, h: l.size }));
    };
    const practiceLines = (row: Row) => wrap(row.practice, l.cols[3]!).length;
    // A row starts on the page where its first line goes, merged cells' text with it.
    if (y < margin + lead) newPage(false);
    if (r.first.mech && l.spanning) {
      if (y < margin + lead * 3) newPage(false);
      // A merged row across the table: a long title wraps onto a second line.
      for (const t of wrap(`${r.seq}、${r.mech}`, l.cols[2]! + l.cols[3]!)) {
        page.push({ str: t, x: x0[2]! + 4, y, w: t.length * l.size, h: l.size });
        y -= lead;
      }
      y -= lead * 0.3;
    } else if (r.first.mech) {
      let span = 0;
      for (let k = i; k < all.length && all[k]!.seq === r.seq; k++) span += practiceLines(all[k]!);
      if (!l.seqPractices && !l.noSeq) put(r.seq, 0, span);
      put(l.mechNumbered ? `${r.seq}、${r.mech}` : r.mech, 1, span);
    }
    if (r.first.measure) {
      let span = 0;
      for (let k = i; k < all.length && all[k]!.measure === r.measure && all[k]!.seq === r.seq; k++) span += practiceLines(all[k]!);
      put(r.measure, 2, span);
    }
    const practice = l.bare ? r.practice.replace(/^[0-9]+．/, '') : r.practice;
    const wrapped = wrap(practice, l.cols[3]!);
    wrapped.forEach((t, k) => {
      if (y < margin + lead) newPage(false);
      if (k === (l.seqCentred ? Math.floor((wrapped.length - 1) / 2) : 0) && l.seqPractices) page.push({ str: String(i + 1), x: x0[0]! + 4, y, w: String(i + 1).length * l.size * 0.5, h: l.size });
      page.push({ str: t, x: x0[3]! + 4, y, w: t.length * l.size, h: l.size });
      y -= lead;
    });
    y -= lead * 0.3;
    i++;
  }
  pages.push({ width: l.width, height: l.height, pieces: page });
  return pages;
}

function records(text: string) {
  const r = parseList(text);
  expect(r.errors).toEqual([]);
  return { taxonomy: r.taxonomy.map((m) => [m.code, m.title, m.measures.map((s) => s.title)]), items: r.items.map((it) => [it.mechanismIndex, it.measureIndex, it.item, it.text]) };
}

function expected() {
  const lines: string[] = [];
  for (const m of LIST.mechanisms) {
    lines.push(`${m.code}、${m.title}`);
    m.measures.forEach((ms, si) => {
      lines.push(`（${CN[si]}）${ms.title}`);
      for (let i = 1; i <= ms.items; i++) lines.push(`${i}．${practiceText(LIST.mechanisms.indexOf(m) + 1, si + 1, i)}`);
    });
  }
  return records(lines.join('\n'));
}

describe('PDF layout: columns from positions, the same records whatever the layout', () => {
  const layouts: [string, Layout][] = [
    ['A4 portrait, repeated header, merged cells centred, — N — footer', { width: 595, height: 842, cols: [40, 90, 110, 230], size: 10.5, repeatHeader: true, centre: true, footer: (n) => `— ${n} —` }],
    ['A4 landscape, no repeated header, top-aligned, 第N页 footer', { width: 842, height: 595, cols: [50, 160, 180, 380], size: 12, repeatHeader: false, centre: false, footer: (n) => `第${n}页` }],
    ['no 政策机制 column: mechanisms as rows across the table', { width: 595, height: 842, cols: [0, 0, 120, 300], size: 10.5, repeatHeader: true, centre: true, footer: (n) => `- ${n} -`, spanning: true }],
    ['narrow columns, a running header, N/M footer', { width: 420, height: 595, cols: [30, 60, 90, 200], size: 9, repeatHeader: true, centre: true, footer: (n) => `${n}/9`, runningHeader: '住房和城乡建设部办公厅' }],
  ];
  for (const [name, layout] of layouts) {
    it(name, () => {
      const pages = typeset(layout);
      expect(pages.length).toBeGreaterThan(1);
      const r = pdfText(pages);
      if (!r.ok) throw new Error(r.reason);
      expect(records(r.text)).toEqual(expected());
      expect(r.text).not.toMatch(/— \d —|第\d页|\d\/9|住房和城乡建设部办公厅|序号|具体做法/);
    });
  }

  it('a PDF without text (a scan) says so', () => {
    expect(pdfText([{ width: 595, height: 842, pieces: [] }])).toEqual({ ok: false, reason: 'no-text', pages: 1 });
  });
});

describe('the Word table: merged cells carried down, repeated header rows dropped', () => {
  it('gives the text form, mechanism and measure once each', () => {
    const header = [['序号'], ['政策', '机制'], ['主要举措'], ['具体做法']];
    const body = rows().map((r) => [[r.seq], [r.mech], [r.measure], [r.practice]]);
    // The header repeated in the middle (a table split by a page break saved as two tables).
    const text = tableText({ before: ['附件', '实施城市更新行动可复制经验做法清单（第一批）'], rows: [header, ...body.slice(0, 4), header, ...body.slice(4)] });
    expect(records(text)).toEqual(expected());
  });

  it("practices and measures numbered by Word's own list numbering (not in the text) are numbered in the list's way", () => {
    const strip = (t: string) => t.replace(/^[0-9]+．|^（[一二三四]）/, '');
    const body = rows().map((r) => [[r.seq], [r.mech], [`${AUTO_NUMBER}${strip(r.measure)}`], [`${AUTO_NUMBER}${strip(r.practice)}`]]);
    const text = tableText({ before: [], rows: [[['序号'], ['政策机制'], ['主要举措'], ['具体做法']], ...body] });
    expect(records(text)).toEqual(expected());
  });

  it('without a header row, the columns are told by what they hold', () => {
    const text = tableText({ before: [], rows: rows().map((r) => [[r.seq], [r.mech], [r.measure], [r.practice]]) });
    expect(records(text)).toEqual(expected());
  });
});

describe('page furniture (issue 23.4)', () => {
  it.each([
    ['1.png', 'image'],
    ['image003.jpg', 'image'],
    ['[图片]', 'image'],
    ['图1', 'caption'],
    ['图2：北京市城市更新专项小组会议现场', 'caption'],
    ['（图片来源：成都市住建局）', 'caption'],
    ['▲ 改造后的猛追湾街景', 'caption'],
    ['字号：大 中 小', 'buttons'],
    ['【打印】【关闭】', 'buttons'],
    ['分享到：微信 微博', 'buttons'],
    ['来源：住房和城乡建设部', 'byline'],
    ['2022-11-29 09:12  来源：中国城市规划网  作者：规划君  浏览次数：3256', 'byline'],
    ['责任编辑：李华', 'byline'],
    ['当前位置：首页 > 新闻中心', 'breadcrumb'],
    ['首页 >> 政策法规 >> 正文', 'breadcrumb'],
    ['网站首页 | 协会简介 | 行业动态 | 政策法规', 'breadcrumb'],
    ['— 3 —', 'page-number'],
    ['- 12 -', 'page-number'],
    ['第3页', 'page-number'],
    ['第 3 页 共 10 页', 'page-number'],
    ['3/10', 'page-number'],
    ['上一篇：关于开展城市体检工作的通知', 'navigation'],
    ['下一条：城市更新典型案例汇编', 'navigation'],
    // A government site's document block, a WeChat article, a news site's byline fields (round 3).
    ['索引号：000013338/2022-00478', 'byline'],
    ['发布机构：', 'byline'],
    ['发文字号：建办科函〔2022〕393号', 'byline'],
    ['扫一扫在手机打开当前页', 'buttons'],
    ['点击蓝字 关注我们', 'buttons'],
    ['原创 城市更新研究 城市更新研究院 2022-11-30 08:00 发表于北京', 'byline'],
    ['城市更新研究 2022-11-30 08:00 发表于北京', 'byline'],
    ['收录于合集 #城市更新政策 12个', 'buttons'],
    ['来源 | 住房和城乡建设部', 'byline'],
    ['编辑丨小新', 'byline'],
    ['阅读 3256', 'buttons'],
    ['在看', 'buttons'],
    ['点赞 分享 在看', 'buttons'],
    ['微信扫一扫', 'buttons'],
    ['长按识别二维码关注我们', 'buttons'],
    ['视频 小程序 赞 ，轻点两下取消赞 在看 ，轻点两下取消在看', 'buttons'],
    ['— END —', 'navigation'],
    ['（完）', 'navigation'],
    ['阅读原文', 'navigation'],
    ['点击“阅读原文”查看更多', 'navigation'],
    ['预览时标签不可点', 'navigation'],
    ['继续滑动看下一个', 'navigation'],
    ['往期推荐', 'navigation'],
    ['相关文件', 'navigation'],
    ['（本文图片均来自网络）', 'caption'],
    ['浏览次数：1,024', 'byline'],
    ['- 3 -', 'page-number'],
    ['-3-', 'page-number'],
    ['续表', 'page-number'],
    ['（来源：住房和城乡建设部网站）', 'byline'],
    ['【责任编辑：李华】', 'byline'],
    ['原标题：住建部发布清单', 'byline'],
    ['原文链接：http://www.mohurd.gov.cn/', 'byline'],
    ['本文来源于住建部网站', 'byline'],
    ['文字丨小新', 'byline'],
    ['声明：本文转载自住建部网站，版权归原作者所有。', 'navigation'],
    ['免责声明：本文仅代表作者观点', 'navigation'],
    ['扫码分享', 'buttons'],
    ['识别二维码 关注我们', 'buttons'],
    ['喜欢就点个在看吧', 'buttons'],
    ['点击查看大图', 'buttons'],
    ['【我要纠错】', 'buttons'],
  ])('%s is %s', (line, kind) => {
    expect(furnitureKind(line)).toBe(kind);
  });

  it.each([
    '一',
    '（一）加强工作统筹和督查考核',
    '1．北京市党委、政府主要负责同志亲自推动。',
    '明确资金来源：市级财政承担60%，区级财政承担40%',
    '关闭高污染企业12家，腾退土地用于公共服务设施',
    '编制《城市更新专项规划》，分解“总体规划—专项规划—街区控规”任务',
    '建立政府引导、市场运作、公众参与的可持续实施模式',
    '图书馆、文化馆等公共文化设施免费开放。',
    '分享共建成果',
    '阅读空间改造，新增社区图书馆3处',
    '建立城市更新项目审批“绿色通道”',
    '标准化建设',
    '文化设施免费开放',
    '访问量大幅提升。',
    '点击率提高20%',
    '关注群众急难愁盼问题',
    '声明书面承诺制度',
    '相关政策支持城市更新',
    '相关文件要求，明确',
    '主办方负责日常运营',
  ])('%s is not furniture', (line) => {
    expect(furnitureKind(line)).toBeNull();
  });

  it('a restored line is read like any other (role "text")', () => {
    const text = ['一、建立城市更新统筹谋划机制', '（一）加强工作统筹和督查考核', '1．北京市党委、政府主要负责同志亲自推动。', '图1', '2．山东省潍坊市建立城市更新工作联席会议制度。'].join('\n');
    expect(parseList(text).structure.find((s) => s.line === 4)).toMatchObject({ role: 'ignore', furniture: 'caption' });
    const restored = parseList(text, { roles: { '4': 'text' } });
    expect(restored.structure.find((s) => s.line === 4)).toMatchObject({ role: 'continuation' });
    expect(restored.items[0]!.text).toBe('北京市党委、政府主要负责同志亲自推动。图1');
  });
});

describe('a line no rule knows after a practice (round 3)', () => {
  const list = (...after: string[]) =>
    ['一、建立城市更新统筹谋划机制', '（一）加强工作统筹和督查考核', '1．北京市党委、政府主要负责同志亲自推动。', ...after, '2．山东省潍坊市建立城市更新工作联席会议制度。'].join('\n');

  it('after the last full sentence of a practice, a line that ends no sentence is an error naming its line', () => {
    const r = parseList(list('北京市劲松小区改造后实景'));
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[4, 'text-after-practice']]);
    expect(r.errors[0]!.message).toContain('北京市劲松小区改造后实景');
  });

  it('after the last practice too, when the page goes on (a caption, the site name before its footer)', () => {
    const text = `${list()}\n城市更新研究院\n【打印】【关闭】`;
    expect(parseList(text).errors.map((e) => [e.line, e.code])).toEqual([[5, 'text-after-practice']]);
    // A copy that simply stops mid-sentence is a copy cut short: kept and marked.
    const cut = parseList(`${list()}\n采取打包审批、联合`);
    expect(cut.errors).toEqual([]);
    expect(cut.items.at(-1)!.incomplete).toBe(true);
  });

  it('the user places it: ignored, or read as the practice\'s text', () => {
    expect(parseList(list('北京市劲松小区改造后实景'), { roles: { '4': 'ignore' } }).errors).toEqual([]);
    const kept = parseList(list('北京市劲松小区改造后实景'), { roles: { '4': 'text' } });
    expect(kept.errors).toEqual([]);
    expect(kept.items[0]!.text).toBe('北京市党委、政府主要负责同志亲自推动。北京市劲松小区改造后实景');
  });

  it('a wrapped sentence (the next line finishes it) is not such a line', () => {
    const r = parseList(list('各区政府成立城市更新专项', '工作小组，统筹协调实施城市更新。'));
    expect(r.errors).toEqual([]);
    expect(r.items[0]!.text).toBe('北京市党委、政府主要负责同志亲自推动。各区政府成立城市更新专项工作小组，统筹协调实施城市更新。');
  });

  it('zero-width spaces and soft hyphens are invisible: "\\u200b1．" is still item 1', () => {
    const r = parseList(list().replace('2．', '\u200b2．').replace('北京市', '北\u00ad京市'));
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.text)).toEqual(['北京市党委、政府主要负责同志亲自推动。', '山东省潍坊市建立城市更新工作联席会议制度。']);
  });
});

describe('the Word table: rows across it (round 3)', () => {
  it('a title row above the header goes with the text before the table; a note row across the body is a line of its own', () => {
    const text = tableText({
      before: [],
      rows: [
        [['实施城市更新行动可复制经验做法清单（第一批）'], [], [], []],
        [['序号'], ['政策机制'], ['主要举措'], ['具体做法']],
        [['一'], ['建立城市更新统筹谋划机制'], ['（一）加强工作统筹'], ['1．北京市建立城市更新专项小组。']],
        [['注：以上做法供各地参考。'], [], [], []],
      ],
    });
    expect(text.split('\n')).toEqual(['实施城市更新行动可复制经验做法清单（第一批）', '一、建立城市更新统筹谋划机制', '（一）加强工作统筹', '1．北京市建立城市更新专项小组。', ROW_END, '注：以上做法供各地参考。']);
    // The note is then the parser's to place; after the row's end it cannot go on with the practice: an error naming
    // its line, even though it is a sentence.
    const r = parseList(text);
    expect(r.errors.map((e) => e.line)).toEqual([6]);
    expect(r.items.map((i) => i.text)).toEqual(['北京市建立城市更新专项小组。']);
    // The row end is no line of the preview's tree.
    expect(r.structure.map((s) => s.line)).not.toContain(5);
  });
});

describe('a column the list has no place for (round 3)', () => {
  it('its cells are lines named by the column, after their row: an error naming the line, unless ignored', () => {
    const text = tableText({
      before: [],
      rows: [
        [['序号'], ['政策机制'], ['主要举措'], ['具体做法'], ['备注']],
        [['一'], ['建立城市更新统筹谋划机制'], ['（一）加强工作统筹'], ['1．北京市建立城市更新专项小组。'], ['已推广']],
        [['一'], ['建立城市更新统筹谋划机制'], ['（一）加强工作统筹'], ['2．山东省潍坊市建立联席会议制度。'], []],
      ],
    });
    const lines = text.split('\n');
    const at = lines.indexOf('备注：已推广') + 1;
    expect(at).toBeGreaterThan(0);
    const r = parseList(text);
    expect(r.errors.map((e) => e.line)).toEqual([at]);
    expect(r.errors[0]!.messageZh).toContain('在表格各行之外');
    const ignored = parseList(text, { roles: { [String(at)]: 'ignore' } });
    expect(ignored.errors).toEqual([]);
    expect(ignored.items.map((i) => i.text)).toEqual(['北京市建立城市更新专项小组。', '山东省潍坊市建立联席会议制度。']);
  });
});

describe('文号 from the notice', () => {
  const meta = (lines: string[]) => readListMeta(lines.map((text, i) => ({ line: i + 1, text })), []).meta.docNumber?.value;
  it('on its own line, or after the notice title; brackets as the ministry writes them', () => {
    expect(meta(['住房和城乡建设部办公厅关于印发…的通知', '建办科函〔2022〕393号'])).toBe('建办科函〔2022〕393号');
    expect(meta(['建办科函[2023]12号'])).toBe('建办科函〔2023〕12号');
    expect(meta(['关于印发实施城市更新行动可复制经验做法清单（第二批）的通知建办科函【2023】30号'])).toBe('建办科函〔2023〕30号');
  });
  it('the signature: a joint notice signed by several offices, a date in Chinese numerals', () => {
    const m = (lines: string[]) => readListMeta(lines.map((text, i) => ({ line: i + 1, text })), []).meta;
    expect(m(['住房和城乡建设部 国家发展改革委 财政部', '2023年7月5日'])).toMatchObject({ issuer: { value: '住房和城乡建设部 国家发展改革委 财政部', line: 1 }, date: { value: '2023-07-05', line: 2 } });
    expect(m(['住房和城乡建设部办公厅', '二〇二二年十一月二十五日'])).toMatchObject({ issuer: { value: '住房和城乡建设部办公厅' }, date: { value: '2022-11-25' } });
    expect(m(['住房和城乡建设部办公厅', '二〇二二年十三月五日']).date).toBeUndefined();
  });
  it("never a number cited in the text (another document's)", () => {
    expect(meta(['根据《关于在实施城市更新行动中防止大拆大建问题的通知》（建科〔2021〕63号）要求，现印发如下。'])).toBeUndefined();
  });
});

// Round 2 (issue 23's hidden layouts): a 序号 column numbering the practices straight through the table, mechanisms as
// rows across it, tables of 3 columns, and web reposts flattened one cell a line with their furniture.
function continuousExpected() {
  const e = expected();
  return { ...e, items: e.items.map((it, i) => [it[0], it[1], i + 1, it[3]]) };
}
const bare = (practice: string) => practice.replace(/^[0-9]+．/, '');

describe('a 序号 column numbering the practices 1…N through the table', () => {
  it('pasted text numbered straight through: kept as the list has it, and said', () => {
    let n = 0;
    const lines: string[] = [];
    for (const m of LIST.mechanisms) {
      lines.push(`${m.code}、${m.title}`);
      m.measures.forEach((ms, si) => {
        lines.push(`（${CN[si]}）${ms.title}`);
        for (let i = 1; i <= ms.items; i++) lines.push(`${++n}．${practiceText(LIST.mechanisms.indexOf(m) + 1, si + 1, i)}`);
      });
    }
    const r = parseList(lines.join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.numbering).toBe('continuous');
    expect(r.warnings.filter((w) => w.code === 'item-numbering-continuous')).toHaveLength(1);
    expect(records(lines.join('\n'))).toEqual(continuousExpected());
    // The ministry's own numbering is told apart.
    expect(parseList(rows().map((r) => r.practice).join('\n')).numbering).toBe('per-measure');
  });

  it('a skipped number is still an error when numbering runs through', () => {
    const text = ['一、建立机制', '（一）统筹', '1．甲做法。', '2．乙做法。', '（二）制度', '3．丙做法。', '5．丁做法。'].join('\n');
    expect(parseList(text).errors.map((e) => [e.line, e.code])).toEqual([[7, 'item-numbering']]);
  });

  it('Word: practices without their own number take the 序号 (1…N)', () => {
    const body = rows().map((r, i) => [[String(i + 1)], [r.mech], [r.measure], [bare(r.practice)]]);
    expect(records(tableText({ before: [], rows: [[['序号'], ['政策机制'], ['主要举措'], ['具体做法']], ...body] }))).toEqual(continuousExpected());
    // Without a header row too.
    expect(records(tableText({ before: [], rows: body }))).toEqual(continuousExpected());
  });

  it('Word: practices with their own number (from 1 in each measure) keep it; the 序号 is not read as one', () => {
    const body = rows().map((r, i) => [[String(i + 1)], [`${r.seq}、${r.mech}`], [r.measure], [r.practice]]);
    expect(records(tableText({ before: [], rows: [[['序号'], ['政策机制'], ['主要举措'], ['具体做法']], ...body] }))).toEqual(expected());
  });
});

describe('mechanisms as rows across the table; 3 and 4 columns', () => {
  const across = () => {
    const out: string[][][] = [];
    for (const r of rows()) {
      if (r.first.mech) out.push([[`${r.seq}、${r.mech}`], [], []]);
      out.push([[r.measure], [r.practice]]);
    }
    return out;
  };
  it('3 columns (序号 missing): 政策机制 | 主要举措 | 具体做法', () => {
    const body = rows().map((r) => [[r.mech], [r.measure], [r.practice]]);
    const text = tableText({ before: [], rows: [[['政策机制'], ['主要举措'], ['具体做法']], ...body] });
    expect(records(text)).toEqual(expected());
  });
  it('a merged full-width row 一、… over 主要举措 | 具体做法, with and without a header', () => {
    // A merged row's cell is in the first column; the others are covered by its span (empty).
    const rowsAcross = across().map((r) => (r.length === 3 ? [r[0]!, []] : r));
    expect(records(tableText({ before: [], rows: [[['主要举措'], ['具体做法']], ...rowsAcross] }))).toEqual(expected());
    expect(records(tableText({ before: [], rows: rowsAcross }))).toEqual(expected());
  });
  it('4 columns: a full-width heading row over 序号 (1…N) | 政策机制 | 主要举措 | 具体做法', () => {
    const out: string[][][] = [[['序号'], ['政策机制'], ['主要举措'], ['具体做法']]];
    rows().forEach((r, i) => {
      if (r.first.mech) out.push([[`${r.seq}、${r.mech}`], [], [], []]);
      out.push([[String(i + 1)], [`${r.seq}、${r.mech}`], [r.measure], [bare(r.practice)]]);
    });
    expect(records(tableText({ before: [], rows: out }))).toEqual(continuousExpected());
  });
  it('cells of several paragraphs (a practice over two, a title over two)', () => {
    const body = rows().map((r) => {
      const p = r.practice;
      const half = Math.floor(p.length / 2);
      return [[r.seq], [r.mech.slice(0, 4), r.mech.slice(4)], [r.measure], [p.slice(0, half), p.slice(half)]];
    });
    expect(records(tableText({ before: [], rows: [[['序号'], ['政策机制'], ['主要举措'], ['具体做法']], ...body] }))).toEqual(expected());
  });
});

describe('a web repost: furniture around a table flattened one cell a line', () => {
  const page = (ownNumbers: boolean) => {
    const lines = [
      '首页 > 新闻中心 > 政策发布',
      '住房和城乡建设部办公厅关于印发实施城市更新行动可复制经验做法清单（第一批）的通知',
      '发布时间 2024-03-15',
      '来源：住房和城乡建设部网站',
      '【字体：大 中 小】',
      '打印本页 关闭窗口',
      '扫一扫在手机打开当前页',
      '1.png',
      '序号',
      '政策机制',
      '主要举措',
      '具体做法',
    ];
    rows().forEach((r, i) => {
      lines.push(String(i + 1));
      if (r.first.mech) lines.push(r.seq, r.mech);
      if (r.first.measure) lines.push(r.measure);
      lines.push(ownNumbers ? r.practice : bare(r.practice));
      if (i === 5) lines.push('1/3');
    });
    lines.push('附件：', '实施城市更新行动可复制经验做法清单（第一批）.pdf', '相关链接', '住房和城乡建设部关于开展城市体检工作的通知', '城市更新典型案例汇编（第一批）', '打印本页 关闭窗口');
    return lines;
  };

  for (const own of [false, true]) {
    it(own ? 'practices with their own numbers: the 序号 cells are dropped and listed' : 'practices without numbers: numbered from their 序号 cells', () => {
      const lines = page(own);
      const r = parseList(lines.join('\n'));
      expect(r.errors).toEqual([]);
      const got = { taxonomy: r.taxonomy.map((m) => [m.code, m.title, m.measures.map((s) => s.title)]), items: r.items.map((it) => [it.mechanismIndex, it.measureIndex, it.item, it.text]) };
      expect(got).toEqual(own ? expected() : continuousExpected());
      // Every line is accounted for: a record's line, a heading, or listed as dropped with its line number.
      const dropped = r.structure.filter((s) => s.furniture).map((s) => s.line);
      const furniture = ['首页 > 新闻中心 > 政策发布', '发布时间 2024-03-15', '来源：住房和城乡建设部网站', '【字体：大 中 小】', '打印本页 关闭窗口', '扫一扫在手机打开当前页', '1.png', '1/3', '附件：', '实施城市更新行动可复制经验做法清单（第一批）.pdf', '相关链接', '住房和城乡建设部关于开展城市体检工作的通知', '城市更新典型案例汇编（第一批）'];
      for (const f of furniture) expect(dropped, f).toContain(lines.indexOf(f) + 1);
      for (let i = 1; i <= 11; i++) expect(dropped).toContain(lines.indexOf(String(i)) + 1);
      // No practice text in a dropped line; each dropped line has a warning naming it.
      const practiceLines = new Set(r.items.flatMap((it) => [it.lines[0], it.lines[1]]));
      for (const l of dropped) {
        expect(practiceLines.has(l)).toBe(false);
        expect(r.warnings.some((w) => w.line === l)).toBe(true);
      }
      expect(r.meta.title?.value).toBe('实施城市更新行动可复制经验做法清单（第一批）');
      // A dropped line restored is read again.
      const at = lines.indexOf('城市更新典型案例汇编（第一批）') + 1;
      expect(parseList(lines.join('\n'), { roles: { [String(at)]: 'text' } }).items.at(-1)!.text).toMatch(/城市更新典型案例汇编/);
    });
  }

  it.each(['【字体：大 中 小】', '打印本页 关闭窗口', '扫一扫在手机打开当前页', '发布时间 2024-03-15', '发布时间：2024-03-15 来源：住房和城乡建设部网站', '相关链接', '附件：', '附件：清单（第一批）.pdf', '1/3'])('%s is furniture', (line) => {
    expect(furnitureKind(line)).not.toBeNull();
  });
});

describe('PDF: other layouts (round 2)', () => {
  const base: Layout = { width: 595, height: 842, cols: [40, 90, 110, 230], size: 10.5, repeatHeader: true, centre: true, footer: (n) => `— ${n} —` };
  const cases: [string, Partial<Layout>, 'own' | 'continuous'][] = [
    ['a mechanism row across the table wrapping onto two lines', { cols: [0, 0, 80, 180], spanning: true }, 'own'],
    ['3 columns: 政策机制 | 主要举措 | 具体做法 (序号 missing)', { cols: [0, 110, 120, 260], noSeq: true }, 'own'],
    ['序号 numbering the practices 1…N, practices numbered from 1 in each measure', { seqPractices: true }, 'own'],
    ['序号 1…N and practices without numbers, merged cells centred', { seqPractices: true, bare: true }, 'continuous'],
    ['序号 1…N and practices without numbers, merged cells top-aligned, landscape', { seqPractices: true, bare: true, centre: false, width: 842, height: 595, cols: [40, 160, 180, 380] }, 'continuous'],
    ['序号 1…N centred in its row, practices without numbers', { seqPractices: true, bare: true, seqCentred: true }, 'continuous'],
    ['4 columns: 序号 1…N, 政策机制 holding 一、…, practices without numbers', { seqPractices: true, bare: true, mechNumbered: true }, 'continuous'],
    ['序号 1…N, practices without numbers, mechanisms as wrapped rows across', { seqPractices: true, bare: true, spanning: true, cols: [30, 0, 80, 180] }, 'continuous'],
  ];
  for (const [name, extra, numbering] of cases) {
    it(name, () => {
      const layout = { ...base, ...extra };
      const pages = typeset(layout);
      // The title did wrap: a piece is the end of a mechanism's title.
      if (extra.spanning) expect(pages.flatMap((p) => p.pieces).some((p) => LIST.mechanisms.some((m) => m.title.endsWith(p.str) && p.str.length < m.title.length - 2))).toBe(true);
      const r = pdfText(pages);
      if (!r.ok) throw new Error(r.reason);
      expect(records(r.text)).toEqual(numbering === 'own' ? expected() : continuousExpected());
    });
  }
});
