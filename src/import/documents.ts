// Attachments as they arrive (issue 23): a Word .docx or a PDF becomes the list's text form here, in the import
// worker and in the CLI alike; every other document format (.doc, .wps, .ofd, .xlsx, an image…) is refused with a
// message that names it and says how to get a .docx or a PDF from it. Nothing of a refused file is imported. The
// readers (jszip + xmldom, pdfjs) are loaded only when such a file is opened.
import { pdfText, type PdfDropped, type PdfPage } from '../ingest/pdfLayout';
import { tableText } from '../ingest/table';
import { prepareImport, type PrepareContext } from './pipeline';
import type { PdfjsLike } from './readers/pdf';
import type { ImportProblem, PrepareRequest, PrepareResult, Progress } from './types';

export type DocumentFormat = 'docx' | 'pdf';

export interface DocumentLoaders {
  /** pdfjs-dist: the browser build in the worker, the legacy build in Node. */
  pdfjs: () => Promise<PdfjsLike>;
}

export type DocumentResult =
  /** Not a document: read the bytes as text. */
  | { kind: 'text' }
  | { kind: 'document'; format: DocumentFormat; text: string; pages?: number; dropped?: PdfDropped[] }
  | { kind: 'refused'; problem: ImportProblem };

const SAVE_AS = 'Open it in Word or WPS and choose File → Save as → Word document (*.docx) or PDF, then import that file.';
const SAVE_AS_ZH = '请用 Word 或 WPS 打开，选择“文件”→“另存为”→“Word 文档（*.docx）”或“PDF”，再导入另存的文件。';

function refused(what: string, whatZh: string, how = SAVE_AS, howZh = SAVE_AS_ZH): DocumentResult {
  return {
    kind: 'refused',
    problem: {
      code: 'format',
      message: `This is ${what}, which the import cannot read. ${how}`,
      messageZh: `该文件是${whatZh}，导入功能无法读取。${howZh}`,
    },
  };
}

const OFD_HOW = 'Open it in an OFD reader (数科 OFD, 福昕 OFD or WPS) and save or print it as PDF, then import the PDF.';
const OFD_HOW_ZH = '请用 OFD 阅读器（数科 OFD、福昕 OFD 或 WPS）打开，另存为或打印为 PDF，再导入该 PDF 文件。';
const SHEET_HOW = 'Save the list as a Word document or PDF (another 另存为), or in Excel/WPS 表格 choose Save as → CSV UTF-8 and import the CSV.';
const SHEET_HOW_ZH = '请另存为 Word 文档或 PDF；也可在 Excel 或 WPS 表格中选择“另存为”→“CSV UTF-8”，再导入该 CSV 文件。';

const ext = (name: string | null) => (name ?? '').toLowerCase().replace(/^.*\./, '');

function startsWith(b: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((x, i) => b[at + i] === x);
}

/** %PDF within the first KB (some files carry a few bytes of junk before it). */
function isPdf(b: Uint8Array): boolean {
  const n = Math.min(b.length - 4, 1024);
  for (let i = 0; i <= n; i++) if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46) return true;
  return false;
}

function oleFormat(name: string | null): DocumentResult {
  const e = ext(name);
  if (e === 'wps') return refused('a WPS 文字 document (.wps)', ' WPS 文字文档（.wps）');
  if (e === 'xls' || e === 'et') return refused(`an old spreadsheet (.${e})`, `旧版电子表格（.${e}）`, SHEET_HOW, SHEET_HOW_ZH);
  if (e === 'ppt' || e === 'dps') return refused(`a presentation (.${e})`, `演示文稿（.${e}）`);
  return refused('an old Word document (.doc, Word 97–2003)', '旧版 Word 文档（.doc，Word 97–2003 格式）');
}

export async function readDocument(bytes: Uint8Array, name: string | null, loaders: DocumentLoaders, onProgress: (fraction: number) => void = () => {}): Promise<DocumentResult> {
  const e = ext(name);
  if (isPdf(bytes)) {
    const { readPdfPages, PdfError } = await import('./readers/pdf');
    let pages: PdfPage[];
    try {
      pages = await readPdfPages(bytes, await loaders.pdfjs(), (done, total) => onProgress(done / total));
    } catch (err) {
      if (err instanceof PdfError && err.kind === 'password')
        return refused('a password-protected PDF', '设有密码保护的 PDF 文件', 'Remove the password (or print it to a new PDF) and import that file.', '请先取消密码（或打印为新的 PDF），再导入该文件。');
      return { kind: 'refused', problem: { code: 'format', message: `The PDF could not be read (${err instanceof Error ? err.message : String(err)}). Save it again as PDF from Word or WPS and import that file.`, messageZh: `无法读取该 PDF 文件（${err instanceof Error ? err.message : String(err)}）。请在 Word 或 WPS 中重新另存为 PDF 后再导入。` } };
    }
    const r = pdfText(pages);
    if (!r.ok && r.reason === 'no-text')
      return {
        kind: 'refused',
        problem: {
          code: 'scan',
          message: `This PDF has no text layer (${pages.length} pages of images, e.g. a scan). Text recognition (OCR) is not done here, so nothing was imported. Get the Word or text PDF of the attachment from the notice's web page, or run OCR elsewhere and import its .docx.`,
          messageZh: `该 PDF 没有文字层（共 ${pages.length} 页，均为图像，如扫描件）。本工具不做文字识别（OCR），未导入任何内容。请从通知原网页下载 Word 版或可复制文字的 PDF 附件，或先用其他软件识别为 .docx 再导入。`,
        },
      };
    if (!r.ok)
      return {
        kind: 'refused',
        problem: {
          code: 'format',
          message: `No table of practices (序号 | 政策机制 | 主要举措 | 具体做法) was found in this PDF's ${pages.length} pages; nothing was imported. If the list is there, copy its text and paste it instead.`,
          messageZh: `在该 PDF 的 ${pages.length} 页中未找到经验做法表格（序号、政策机制、主要举措、具体做法），未导入任何内容。如确有清单，请复制其文字后粘贴导入。`,
        },
      };
    return { kind: 'document', format: 'pdf', text: r.text, pages: r.pages, dropped: r.dropped };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const { readDocx, zipKind } = await import('./readers/docx');
    const kind = await zipKind(bytes);
    if (kind === 'docx') {
      try {
        const doc = await readDocx(bytes);
        onProgress(1);
        return { kind: 'document', format: 'docx', text: tableText(doc) };
      } catch (err) {
        return { kind: 'refused', problem: { code: 'format', message: `The Word document could not be read (${err instanceof Error ? err.message : String(err)}). Open it in Word or WPS, save it again as .docx or PDF and import that file.`, messageZh: `无法读取该 Word 文档（${err instanceof Error ? err.message : String(err)}）。请用 Word 或 WPS 打开后重新另存为 .docx 或 PDF，再导入。` } };
      }
    }
    if (kind === 'xlsx') return refused('an Excel workbook (.xlsx)', ' Excel 工作簿（.xlsx）', SHEET_HOW, SHEET_HOW_ZH);
    if (kind === 'pptx') return refused('a PowerPoint presentation (.pptx)', ' PowerPoint 演示文稿（.pptx）');
    if (kind === 'ofd') return refused('an OFD document (.ofd, 版式文档)', ' OFD 版式文档（.ofd）', OFD_HOW, OFD_HOW_ZH);
    if (kind === 'odt') return refused('an OpenDocument text (.odt)', ' OpenDocument 文档（.odt）');
    return refused(`a zip archive${e ? ` (.${e})` : ''}`, `压缩包${e ? `（.${e}）` : ''}`, 'Unpack it and import the .docx or PDF inside.', '请先解压，再导入其中的 .docx 或 PDF 文件。');
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return oleFormat(name);
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return refused('an RTF document (.rtf)', ' RTF 文档（.rtf）');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38]))
    return {
      kind: 'refused',
      problem: {
        code: 'scan',
        message: 'This is an image. Text recognition (OCR) is not done here, so nothing was imported. Import the Word or PDF attachment of the notice instead.',
        messageZh: '该文件是图片。本工具不做文字识别（OCR），未导入任何内容。请改为导入通知所附的 Word 或 PDF 文件。',
      },
    };
  // Formats named only by their extension (OFD without its zip header, a renamed file…).
  if (e === 'ofd') return refused('an OFD document (.ofd, 版式文档)', ' OFD 版式文档（.ofd）', OFD_HOW, OFD_HOW_ZH);
  if (e === 'doc' || e === 'wps') return oleFormat(name);
  if (['xlsx', 'xls', 'et', 'numbers', 'ods'].includes(e)) return refused(`a spreadsheet (.${e})`, `电子表格（.${e}）`, SHEET_HOW, SHEET_HOW_ZH);
  if (['pages', 'odt', 'caj', 'kdh', 'nh', 'djvu', 'epub'].includes(e)) return refused(`a .${e} document`, ` .${e} 格式的文档`);
  return { kind: 'text' };
}

/**
 * The import job as the worker runs it (and the tests, with Node's pdfjs): a .docx or PDF becomes the list's text
 * first (reading is the first 60 % of the progress bar, page by page for a PDF), then the one pipeline.
 */
export async function prepareAny(req: PrepareRequest, ctx: PrepareContext, loaders: DocumentLoaders, onProgress: (p: Progress) => void = () => {}): Promise<PrepareResult> {
  let request = req;
  let scale = (f: number) => f;
  let dropped: PdfDropped[] | undefined;
  if (req.input.kind === 'bytes') {
    const { name } = req.input;
    const doc = await readDocument(new Uint8Array(req.input.bytes), name, loaders, (f) => onProgress({ stage: 'read', fraction: f * 0.6 }));
    if (doc.kind === 'refused') return { ok: false, format: null, encoding: null, problems: [doc.problem] };
    if (doc.kind === 'document') {
      dropped = doc.dropped;
      request = { ...req, input: { kind: 'document', text: doc.text, name, format: doc.format } };
      scale = (f) => 0.6 + f * 0.4;
    }
  }
  const result = await prepareImport(request, ctx, (p) => onProgress({ ...p, fraction: scale(p.fraction) }));
  // What the PDF's layout dropped by its place on the page, for the preview to list.
  if (result.ok && dropped?.length) return { ...result, candidates: result.candidates.map((c) => ({ ...c, pageFurniture: dropped })) };
  return result;
}
