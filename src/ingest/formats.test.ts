// The same list copied from the ministry's web page or from the PDF must give the same records as the Word text.
// Both copies are made mechanically from the source here, imitating what those copies look like.
import { describe, expect, it } from 'vitest';
import type { Practice } from '../types';
import { createBatch1Text, ingest } from './test-helpers';

/** Web page copy: no tabs, CRLF, items numbered `1.` or `1、`, mechanism code and title on one line, blank lines. */
function createWebCopy(source: string): string {
  const lines = source.split('\n').map((l) => l.replace(/\t/g, '').trim()).filter((l) => l !== '');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    if (/^[一二三四五六七八九十]$/.test(l) && lines[i + 1] && !/^（/.test(lines[i + 1]!)) {
      l = `${l}、${lines[++i]}`;
    }
    l = l.replace(/^(\d+)[．.]\s*/, (_, n: string) => `${n}${Number(n) % 2 ? '.' : '、'}`);
    out.push(l, '');
  }
  return out.join('\r\n');
}

/** PDF copy: header on one line (repeated at page breaks), full-width indentation, lines hard-wrapped every `width` characters. */
function createPdfCopy(source: string, width = 23): string {
  const lines = source.split('\n');
  const out: string[] = ['序号 政策机制 主要举措 具体做法'];
  let seenMechanism = 0;
  for (const line of lines.slice(6)) {
    const text = line.replace(/\t/g, '').trim();
    if (text === '') continue;
    if (/^[一二三四五六七八九十]$/.test(text) && seenMechanism++ > 0) out.push('', '序号 政策机制 主要举措 具体做法'); // page break
    let rest = text;
    let first = true;
    while (rest.length > 0) {
      let cut = Math.min(width, rest.length);
      // A PDF breaks Latin words at spaces, never inside them.
      while (cut < rest.length && /[A-Za-z0-9]/.test(rest[cut - 1]!) && /[A-Za-z0-9]/.test(rest[cut]!)) cut++;
      out.push(`${first ? '\u3000\u3000' : ''}${rest.slice(0, cut)}`);
      rest = rest.slice(cut);
      first = false;
    }
  }
  return out.join('\n');
}

function withoutLines(practices: Practice[]) {
  return practices.map((p) => ({ ...p, source: { file: p.source.file } }));
}

describe('copies of batch 1', () => {
  it('the web copy has no tabs, CRLF line ends and both numbering styles', () => {
    const web = createWebCopy(createBatch1Text());
    expect(web).not.toContain('\t');
    expect(web).toContain('\r\n');
    expect(web).toMatch(/\r\n2、/);
    expect(web).toMatch(/\r\n1\./);
  });

  it('the web copy gives the same taxonomy and records', () => {
    const base = ingest(createBatch1Text());
    const web = ingest(createWebCopy(createBatch1Text()));
    expect(web.errors).toEqual([]);
    expect(web.taxonomy).toEqual(base.taxonomy);
    expect(withoutLines(web.practices)).toEqual(withoutLines(base.practices));
  });

  it('the PDF copy wraps items over several lines', () => {
    const pdf = createPdfCopy(createBatch1Text());
    expect(pdf.split('\n').length).toBeGreaterThan(200);
    expect(pdf).toContain('\u3000\u30001．北京市');
  });

  it('the PDF copy gives the same taxonomy and records', () => {
    const base = ingest(createBatch1Text());
    const pdf = ingest(createPdfCopy(createBatch1Text()));
    expect(pdf.errors).toEqual([]);
    expect(pdf.warnings).toEqual([]);
    expect(pdf.taxonomy).toEqual(base.taxonomy);
    expect(withoutLines(pdf.practices)).toEqual(withoutLines(base.practices));
  });

  it('a PDF item spans its wrapped lines', () => {
    const pdf = ingest(createPdfCopy(createBatch1Text()));
    const [first, last] = pdf.practices[0]!.source.lines;
    expect(last).toBeGreaterThan(first);
  });
});
