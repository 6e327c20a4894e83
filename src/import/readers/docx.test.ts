// The Word reader on documents Word and WPS really write (issue 23, round 2): a table split into several (one a page,
// one a mechanism) with the header repeated as text instead of w:tblHeader, a heading paragraph between the tables,
// cells of several paragraphs, content controls (w:sdt) and tracked changes (w:ins read, w:del and deleted rows not).
// The package is written by hand (JSZip) so each of these constructs is exactly as Word stores it.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseList } from '../../ingest/parse';
import { tableText } from '../../ingest/table';
import { readDocx } from './docx';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const run = (t: string) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
const p = (...inner: string[]) => `<w:p>${inner.join('')}</w:p>`;
const tc = (content: string, merge?: 'restart' | 'continue') => `<w:tc><w:tcPr>${merge ? `<w:vMerge${merge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}</w:tcPr>${content || p()}</w:tc>`;
const tr = (cells: string[], trPr = '') => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
const tbl = (rows: string[]) => `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${rows.join('')}</w:tbl>`;
const HEADER = tr(['序号', '政策机制', '主要举措', '具体做法'].map((h) => tc(p(run(h)))));

async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const records = async (body: string) => {
  const r = parseList(tableText(await readDocx(await docx(body))));
  return { errors: r.errors, warnings: r.warnings.map((w) => w.code), taxonomy: r.taxonomy.map((m) => [m.code, m.title, m.measures.map((s) => s.title)]), items: r.items.map((it) => [it.mechanismIndex, it.measureIndex, it.item, it.text]) };
};

const A = '北京市建立城市更新专项小组，市委书记任组长。';
const B = '山东省潍坊市建立联席会议制度，19个部门为成员。';
const C = '重庆市建立城市更新公众参与机制。';
const D = '广州市完善土地出让方式。';

describe('readDocx: layouts Word and WPS write', () => {
  it('a table split per mechanism, header repeated as text, the heading as a paragraph between the tables', async () => {
    const body =
      p(run('附件')) +
      p(run('实施城市更新行动可复制经验做法清单（第一批）')) +
      tbl([
        HEADER,
        tr([tc(p(run('一')), 'restart'), tc(p(run('建立城市更新统筹谋划机制')), 'restart'), tc(p(run('（一）加强统筹')), 'restart'), tc(p(run(`1．${A}`)))]),
        tr([tc('', 'continue'), tc('', 'continue'), tc('', 'continue'), tc(p(run(`2．${B}`)))]),
      ]) +
      p() +
      p(run('二、建立可持续实施模式')) +
      tbl([HEADER, tr([tc(''), tc(''), tc(p(run('（一）公众参与'))), tc(p(run(`1．${C}`)))]), tr([tc(''), tc(''), tc(p(run('（二）土地政策'))), tc(p(run(`1．${D}`)))])]);
    const r = await records(body);
    expect(r.errors).toEqual([]);
    expect(r.taxonomy).toEqual([
      ['一', '建立城市更新统筹谋划机制', ['加强统筹']],
      ['二', '建立可持续实施模式', ['公众参与', '土地政策']],
    ]);
    expect(r.items).toEqual([
      [1, 1, 1, A],
      [1, 1, 2, B],
      [2, 1, 1, C],
      [2, 2, 1, D],
    ]);
  });

  it('a table split per page: vMerge continued in the next table, the header row not marked tblHeader', async () => {
    const first = tbl([HEADER, tr([tc(p(run('一')), 'restart'), tc(p(run('建立机制')), 'restart'), tc(p(run('（一）加强统筹')), 'restart'), tc(p(run(`1．${A}`)))])]);
    // Word splits the merged cells: the continuation starts a new table with an empty vMerge="continue".
    const second = tbl([HEADER, tr([tc('', 'continue'), tc('', 'continue'), tc('', 'continue'), tc(p(run(`2．${B}`)))]), tr([tc(''), tc(''), tc(p(run('（二）制度'))), tc(p(run(`1．${C}`)))])]);
    const r = await records(first + p(run('— 1 —')) + second);
    expect(r.errors).toEqual([]);
    expect(r.items).toEqual([
      [1, 1, 1, A],
      [1, 1, 2, B],
      [1, 2, 1, C],
    ]);
  });

  it('several paragraphs in a cell, content controls, tracked insertions read, deletions and deleted rows not', async () => {
    const body = tbl([
      HEADER,
      // The practice over two paragraphs, its second half a tracked insertion inside a content control.
      tr([
        tc(p(run('一'))),
        tc(p(run('建立')) + p(`<w:sdt><w:sdtPr><w:alias w:val="机制"/></w:sdtPr><w:sdtContent>${run('统筹机制')}</w:sdtContent></w:sdt>`)),
        tc(p(run('（一）加强统筹'))),
        tc(p(run('1．北京市建立城市更新专项小组，')) + p(`<w:ins w:id="1" w:author="x">${run('市委书记任组长。')}</w:ins><w:del w:id="2" w:author="x"><w:r><w:delText>已删去的旧文字。</w:delText></w:r></w:del>`)),
      ]),
      // A row inside a content control.
      `<w:sdt><w:sdtContent>${tr([tc(''), tc(''), tc(''), tc(p(run(`2．${B}`)))])}</w:sdtContent></w:sdt>`,
      // A row deleted with tracked changes on.
      tr([tc(''), tc(''), tc(''), tc(p(`<w:del w:id="3" w:author="x"><w:r><w:delText>3．删去的一条。</w:delText></w:r></w:del>`))], '<w:del w:id="4" w:author="x"/>'),
      tr([tc(''), tc(''), tc(''), tc(p(`<w:moveFrom w:id="5" w:author="x">${run('挪走的文字')}</w:moveFrom>`, run(`3．${C}`)))]),
    ]);
    const r = await records(body);
    expect(r.errors).toEqual([]);
    expect(r.taxonomy).toEqual([['一', '建立统筹机制', ['加强统筹']]]);
    expect(r.items).toEqual([
      [1, 1, 1, A],
      [1, 1, 2, B],
      [1, 1, 3, C],
    ]);
  });
});
