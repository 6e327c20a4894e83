// Issue 16 (done when): `npm run ingest` on each form of batch 1 gives 30 records equal to the built-in ones (texts
// modulo punctuation width). Issue 18 point 6: the CLI decodes files as the app does and never writes raw control
// characters to a terminal. The CLI's main() runs in-process with captured streams (data/ingest-npm.golden.test.ts runs
// the npm script itself).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset, Practice } from '../src/types';
import { encodeGbk } from '../src/import/test-helpers';
import { asciiPunctuation, cellPerLine, listModel, punctuationWidthless, tabRows, traditional, webPage } from '../src/ingest/test-forms';
import { main, type CliIo } from './ingest-cli';
import { fromRoot } from './lib';

function createBuiltin(): Dataset {
  return JSON.parse(readFileSync(fromRoot('public/data/practices.json'), 'utf8')) as Dataset;
}

function createModel() {
  const d = createBuiltin();
  const batch = d.batches.find((b) => b.id === 1)!;
  return listModel(batch.title, batch.taxonomy, d.practices.filter((p) => p.batch === 1));
}

function comparable(p: Practice): string {
  const { source: _s, converted: _c, incomplete: _i, ...rest } = p;
  return punctuationWidthless(JSON.stringify(rest));
}

// The text forms carry no batch details of their own (the CLI never invents them), so the tests give them.
const DETAILS = ['--batch', '1', '--title', '第一批（测试）', '--issuer', '住房和城乡建设部办公厅', '--date', '2022-11'];

async function runCli(bytes: Uint8Array | string, extra: string[] = DETAILS): Promise<{ code: number; err: string; dataset: Dataset | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-forms-'));
  const file = join(dir, 'list.txt');
  const out = join(dir, 'out.json');
  writeFileSync(file, bytes);
  let err = '';
  const io: CliIo = { out: () => {}, err: (s) => (err += s) };
  const code = await main([file, '--out', out, ...extra], io);
  return { code, err, dataset: code === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as Dataset) : null };
}

const FORMS: [string, () => string][] = [
  ['tab-separated table rows', () => tabRows(createModel())],
  ['one cell per line, numerals lost', () => cellPerLine(createModel(), { numerals: false }).join('\n')],
  ['news-site copy with chrome and lead paragraph', () => webPage(createModel())],
  ['ASCII punctuation', () => asciiPunctuation(webPage(createModel()))],
  ['traditional characters with converter pinyin', () => traditional(cellPerLine(createModel(), { numerals: true }).join('\n'), 97)],
  ['all of these at once', () => traditional(asciiPunctuation(webPage(createModel())), 61)],
];

describe('npm run ingest on each form of batch 1', () => {
  for (const [name, make] of FORMS) {
    it(`${name}: 30 records equal to the built-in ones`, async () => {
      const r = await runCli(make());
      expect(r.err).not.toMatch(/^error/m);
      expect(r.code).toBe(0);
      const builtin = createBuiltin().practices.filter((p) => p.batch === 1);
      expect(r.dataset!.practices).toHaveLength(30);
      expect(r.dataset!.practices.map(comparable)).toEqual(builtin.map(comparable));
    });
  }
});

describe('encodings, as the app reads them', () => {
  const text = () => cellPerLine(createModel(), { numerals: true }).join('\r\n');

  it('GBK (Windows Notepad / Excel on a Chinese system): read, and said so', async () => {
    const r = await runCli(encodeGbk(text()));
    expect(r.code).toBe(0);
    expect(r.err).toContain('read as GBK');
    expect(r.dataset!.practices).toHaveLength(30);
  });

  it('UTF-16 with a byte-order mark (Notepad "Unicode")', async () => {
    const s = text();
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      bytes[2 + i * 2] = s.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    const r = await runCli(bytes);
    expect(r.code).toBe(0);
    expect(r.err).toContain('read as UTF-16LE');
    expect(r.dataset!.practices).toHaveLength(30);
  });

  it('UTF-8 with a byte-order mark', async () => {
    const r = await runCli(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text())]));
    expect(r.code).toBe(0);
    expect(r.dataset!.practices).toHaveLength(30);
  });

  it('a damaged PDF is refused with what it is, not with structure errors', async () => {
    const r = await runCli(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]));
    expect(r.code).toBe(1);
    expect(r.err).toContain('The PDF could not be read');
    expect(r.err).not.toContain('mechanism');
  });
});

describe('control characters never reach the terminal raw', () => {
  it('escape sequences in the file are shown escaped in every message', async () => {
    const hostile = ['\u001b]0;pwned\u0007\u001b[2J清除屏幕', '\u202e反向文字', ...cellPerLine(createModel(), { numerals: true })].join('\n');
    const r = await runCli(hostile);
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.err).toContain('\\u001b]0;pwned\\u0007\\u001b[2J清除屏幕');
    expect(r.err).toContain('\\u202e反向文字');
  });

  it('in an argument echoed back', async () => {
    let err = '';
    const code = await main(['list.txt', '--bogus\u001b[31m'], { out: () => {}, err: (s) => (err += s) });
    expect(code).toBe(1);
    expect(err).toContain('unknown option --bogus\\u001b[31m');
    // eslint-disable-next-line no-control-regex
    expect(err).not.toMatch(/\u001b/);
  });
});
