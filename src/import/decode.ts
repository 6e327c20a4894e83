// Bytes of a chosen file → text. Users get these lists as UTF-8 (web copies, new Word "Unicode" saves) or as GBK
// (Windows Notepad / Excel "CSV" on a Chinese system); anything else — a PDF, a .docx, random bytes — is refused
// with a message that says what it is and how to make text of it. Pure.
import type { DecodedEncoding, ImportProblem } from './types';

export type DecodeResult =
  | { ok: true; text: string; encoding: DecodedEncoding }
  | { ok: false; problem: ImportProblem };

/** Largest file we try to read: the official lists are ~50 KB, 10,000 practices as CSV ~10 MB. */
export const MAX_BYTES = 32 * 1024 * 1024;

// Share of characters that may be U+FFFD or control characters before a "text" is judged not text. Real lists have
// none; 1 % tolerates a stray bad byte in a long hand-edited file.
const BAD_CHAR_RATIO = 0.01;

const MAGIC: { bytes: number[]; what: string; whatZh: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF file', whatZh: 'PDF 文件' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zipped document (.docx / .xlsx)', whatZh: '压缩格式文档（.docx / .xlsx）' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (.doc / .xls)', whatZh: '旧版 Office 文档（.doc / .xls）' },
];

const CONVERT_HINT =
  'Save it as text first: in Word or Excel choose "Save as" → Plain text (.txt) or CSV UTF-8, or copy the table and paste it here.';
const CONVERT_HINT_ZH = '请先另存为文本：在 Word 或 Excel 中选择“另存为”→“纯文本(.txt)”或“CSV UTF-8”，或复制表格后粘贴到此处。';

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return magic.every((x, i) => b[i] === x);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Index of the first character that is U+FFFD or a control character other than tab, CR, LF, FF; and the count. */
function badChars(text: string): { first: number; count: number } {
  let first = -1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const bad = c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0);
    if (bad) {
      count++;
      if (first < 0) first = i;
    }
  }
  return { first, count };
}

function notText(offset: number, detail: string, detailZh: string): DecodeResult {
  return {
    ok: false,
    problem: {
      code: 'binary',
      offset,
      message: `This file is not text (${detail}). ${CONVERT_HINT}`,
      messageZh: `该文件不是文本文件（${detailZh}）。${CONVERT_HINT_ZH}`,
    },
  };
}

/** The refusal for a file over MAX_BYTES (the dialog checks the size before reading the file at all). */
export function tooLarge(size: number): ImportProblem {
  return {
    code: 'too-large',
    message: `The file is ${(size / 1048576).toFixed(1)} MB; at most ${MAX_BYTES / 1048576} MB can be imported. Split it into smaller files.`,
    messageZh: `文件大小为 ${(size / 1048576).toFixed(1)} MB，超过 ${MAX_BYTES / 1048576} MB 的上限，请拆分后分别导入。`,
  };
}

/** UTF-8 size of a string without encoding it (a 50 MB paste must not be copied again just to be measured). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
    if (n > MAX_BYTES) return n;
  }
  return n;
}

/** The refusal for pasted text over the file limit (measured as UTF-8, like a saved file), or null. */
export function pastedTooLarge(text: string): ImportProblem | null {
  const size = utf8Length(text);
  if (size <= MAX_BYTES) return null;
  const limit = MAX_BYTES / 1048576;
  return {
    code: 'too-large',
    message: `The pasted text is more than ${limit} MB, over the ${limit} MB limit. Split it into smaller parts.`,
    messageZh: `粘贴的文本超过 ${limit} MB 的上限，请拆分后分别导入。`,
  };
}

export function decodeBytes(input: Uint8Array): DecodeResult {
  if (input.length > MAX_BYTES) return { ok: false, problem: tooLarge(input.length) };
  for (const m of MAGIC) if (startsWith(input, m.bytes)) return notText(0, `it is ${m.what}`, `这是${m.whatZh}`);

  if (startsWith(input, [0xef, 0xbb, 0xbf])) return checked(new TextDecoder('utf-8').decode(input.subarray(3)), 'utf-8-bom');
  if (startsWith(input, [0xff, 0xfe])) return checked(new TextDecoder('utf-16le').decode(input.subarray(2)), 'utf-16le');
  if (startsWith(input, [0xfe, 0xff])) return checked(new TextDecoder('utf-16be').decode(input.subarray(2)), 'utf-16be');

  // No text encoding we accept produces NUL bytes; random or binary data nearly always has some early on.
  const nul = input.indexOf(0);
  if (nul >= 0) return notText(nul, `a NUL byte at byte ${nul + 1}`, `第 ${nul + 1} 字节为空字节（NUL）`);

  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(input), 'utf-8');
  } catch {
    // Not UTF-8: GBK is the only other encoding Chinese office files come in. The WHATWG "gbk" decoder is GB18030,
    // a superset, so every GBK file decodes.
  }
  let gbk: TextDecoder;
  try {
    gbk = new TextDecoder('gbk');
  } catch {
    return {
      ok: false,
      problem: {
        code: 'encoding',
        message: 'The file is not UTF-8 and this browser cannot read GBK. Open it in Notepad and "Save as" with encoding UTF-8.',
        messageZh: '文件不是 UTF-8 编码，且此浏览器无法读取 GBK。请用记事本打开，“另存为”时选择编码 UTF-8。',
      },
    };
  }
  return checked(gbk.decode(input), 'gbk');
}

function checked(text: string, encoding: DecodedEncoding): DecodeResult {
  const { first, count } = badChars(text);
  if (count > 0 && count > text.length * BAD_CHAR_RATIO) {
    const line = lineAt(text, first);
    const asWhat = encoding === 'gbk' ? 'neither UTF-8 nor GBK' : encoding;
    const asWhatZh = encoding === 'gbk' ? '既不是 UTF-8 也不是 GBK 编码' : `按 ${encoding} 解码失败`;
    return {
      ok: false,
      problem: {
        code: 'binary',
        line,
        message: `This file is not readable text (${asWhat}; ${count} unreadable characters, the first on line ${line}). ${CONVERT_HINT}`,
        messageZh: `该文件不是可读的文本（${asWhatZh}；有 ${count} 个无法识别的字符，第一个在第 ${line} 行）。${CONVERT_HINT_ZH}`,
      },
    };
  }
  return { ok: true, text, encoding };
}
