import { describe, expect, it } from 'vitest';
import { decodeBytes, MAX_BYTES } from './decode';
import { createRandomBytes, encodeGbk } from './test-helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    const r = decodeBytes(utf8('一、建立城市更新统筹谋划机制\n'));
    expect(r).toEqual({ ok: true, text: '一、建立城市更新统筹谋划机制\n', encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('北京市')]));
    expect(r).toEqual({ ok: true, text: '北京市', encoding: 'utf-8-bom' });
  });

  it('detects GBK and decodes it to the same text', () => {
    const text = '1．山东省潍坊市建立城市更新工作联席会议制度。市长为召集人，19个市直部门。\r\n';
    const r = decodeBytes(encodeGbk(text));
    expect(r).toEqual({ ok: true, text, encoding: 'gbk' });
  });

  it('reads UTF-16 with a byte-order mark (Notepad "Unicode")', () => {
    const body = '重庆市';
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < body.length; i++) {
      bytes[2 + i * 2] = body.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = body.charCodeAt(i) >> 8;
    }
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: '重庆市', encoding: 'utf-16le' });
  });

  it('refuses 10 MB of random bytes as not text, naming the byte, quickly', () => {
    const bytes = createRandomBytes(10 * 1024 * 1024);
    const t0 = performance.now();
    const r = decodeBytes(bytes);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('binary');
    expect(r.problem.offset).toBe(bytes.indexOf(0));
    expect(r.problem.messageZh).toContain('不是文本文件');
    expect(r.problem.messageZh).toContain(`第 ${bytes.indexOf(0) + 1} 字节`);
  });

  it('refuses random bytes without NULs as unreadable text, naming the line', () => {
    const bytes = createRandomBytes(4096).map((b) => (b === 0 ? 1 : b));
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('binary');
    expect(r.problem.line).toBeGreaterThanOrEqual(1);
    expect(r.problem.message).toMatch(/neither UTF-8 nor GBK/);
  });

  it('names a PDF or an Office document and says how to convert it', () => {
    const pdf = decodeBytes(utf8('%PDF-1.7\n%âãÏÓ'));
    expect(pdf.ok).toBe(false);
    if (!pdf.ok) expect(pdf.problem.messageZh).toMatch(/PDF 文件.*另存为/);
    const docx = decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    if (!docx.ok) expect(docx.problem.message).toMatch(/docx/);
    else throw new Error('docx accepted');
  });

  it('refuses files over the size limit without reading them', () => {
    const r = decodeBytes(new Uint8Array(MAX_BYTES + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe('too-large');
  });
});

describe('pasted text limit', () => {
  it('refuses pasted text over the file limit, measured as UTF-8', async () => {
    const { pastedTooLarge, utf8Length } = await import('./decode');
    expect(utf8Length('a中𝄞')).toBe(new TextEncoder().encode('a中𝄞').length);
    expect(pastedTooLarge('一'.repeat(1000))).toBeNull();
    // A third of the limit in characters is over it in bytes (three bytes per Chinese character).
    const p = pastedTooLarge('一'.repeat(Math.ceil(MAX_BYTES / 3) + 1));
    expect(p).toMatchObject({ code: 'too-large' });
    expect(p!.messageZh).toMatch(/超过/);
  });
});
