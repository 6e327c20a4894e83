// The deck (PPTX) and the 材料 (DOCX), downloaded through the menu and opened by LibreOffice — the stand-in here for
// PowerPoint, WPS and Word. Each must be a well-formed package LibreOffice converts without repair, the deck with
// at least one page per briefing slide, and both holding every exported practice's headline (and the deck every
// practice's whole text). Pages are rendered to PNG (e2e/artifacts/office-*) for a person to look at.
import { loadBuiltDataset } from './dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { artifactPath, gotoApp, openSession, type Session, useBrowser } from './browser';
import { EMPTY_FILTERS } from '../src/store/filters';
import { filterPractices, practicesOfRegion } from '../src/store/selectors';
import { slidesOf } from '../src/store/slides';
import { DECK_SLIDE_LAYOUT, planDeck } from '../src/export/deck';

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const dataset = loadBuiltDataset(); // with the programmes, as the app loads it (issue 27)
const gazetteer = new Map(
  (JSON.parse(readFileSync('public/geo/gazetteer.json', 'utf8')) as { adcode: number; name: string; parent: number }[]).map((g) => [g.adcode, g]),
);
const fullName = (adcode: number): string => {
  const chain: string[] = [];
  for (let g = gazetteer.get(adcode); g; g = g.parent && g.parent !== 100000 ? gazetteer.get(g.parent) : undefined) chain.unshift(g.name);
  return chain.join('');
};

/** Text without any white space: PDF text extraction breaks lines wherever the layout did. */
const squash = (s: string) => s.replace(/\s+/g, '');
/** The document's text without its page numbers ("— 3 —" lands wherever a page breaks a paragraph). */
const withoutPageNumbers = (s: string) => s.replace(/—\d+—/g, '');

async function download(page: Page, item: 'pptx' | 'docx', dir: string): Promise<{ name: string; path: string }> {
  await page.getByTestId('export-button').click();
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId(`export-${item}`).click()]);
  const path = join(dir, `export.${item}`);
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path };
}

/** Every XML part of the package parses (a malformed part is what makes Office offer a repair). */
async function checkPackage(page: Page, path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  expect(names).toContain('[Content_Types].xml');
  const parts = await Promise.all(names.map(async (n) => ({ n, xml: await zip.file(n)!.async('string') })));
  const bad = await page.evaluate(
    (ps) => ps.filter((p) => new DOMParser().parseFromString(p.xml, 'application/xml').getElementsByTagName('parsererror').length > 0).map((p) => p.n),
    parts,
  );
  expect(bad).toEqual([]);
  return names;
}

/** LibreOffice headless → PDF; its own profile, so parallel runs do not clash. Returns the PDF path and its log. */
function toPdf(path: string, dir: string): { pdf: string; log: string } {
  const profile = mkdtempSync(join(tmpdir(), 'lo-'));
  try {
    const log = execFileSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, path], {
      encoding: 'utf8',
      timeout: 180_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pdf = path.replace(/\.\w+$/, '.pdf');
    expect(existsSync(pdf), `LibreOffice wrote no PDF for ${path}: ${log}`).toBe(true);
    // A file LibreOffice had to repair or could not read fully is a failure.
    expect(log).not.toMatch(/repair|corrupt|Error:/i);
    return { pdf, log };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const pdfPages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const pdfText = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

function renderPages(pdf: string, name: string, pages: number[]) {
  for (const p of pages) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(p), '-l', String(p), '-singlefile', pdf, artifactPath(`${name}-p${p}`)]);
}

describe.skipIf(!SOFFICE)('office exports (PPTX, DOCX) through LibreOffice', () => {
  const b = useBrowser();
  let s: Session;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'office-e2e-'));
    s = await openSession(b.browser, { width: 1440, height: 900 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports the briefing as a 16:9 deck: a page per slide, every practice whole, named by subject and date', async () => {
    await gotoApp(s);
    const practices = filterPractices(dataset, EMPTY_FILTERS);
    const slides = slidesOf(dataset, practices, DECK_SLIDE_LAYOUT);
    // Progress is shown while the deck renders.
    const seen = s.page.waitForSelector('[data-testid="export-progress"]', { timeout: 60_000 });
    const { name, path } = await download(s.page, 'pptx', dir);
    await seen;
    expect(name).toMatch(/^城市更新实践地图-全国-\d{4}-\d{2}-\d{2}\.pptx$/);
    writeFileSync(artifactPath('office-deck.pptx'), readFileSync(path));

    const parts = await checkPackage(s.page, path);
    const slideParts = parts.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const notes = parts.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    expect(slideParts.length).toBeGreaterThanOrEqual(slides.length + 1); // the cover, then every briefing slide
    expect(notes.length).toBeGreaterThan(0);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const xml = await zip.file('ppt/slides/slide2.xml')!.async('string');
    expect(xml).toContain('typeface="Microsoft YaHei"'); // a Chinese font declared on the text
    expect(xml).toMatch(/<p:pic>/); // the national map as an image
    expect(await zip.file('ppt/presentation.xml')!.async('string')).toMatch(/<p:sldSz cx="12192000" cy="6858000"/); // 16:9

    const { pdf } = toPdf(path, dir);
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(slides.length + 1);
    expect(pdfPages(pdf)).toBe(slideParts.length);
    const text = squash(pdfText(pdf));
    for (const p of practices) expect(text, `headline of ${p.id}`).toContain(squash(p.headline));
    // Every practice's whole text is on its pages (a long one over pages marked 续): each piece the plan made,
    // which join to the text exactly (unit-tested), is in the PDF.
    const plan = planDeck({
      dataset,
      gazetteer: gazetteer as never,
      practices,
      lang: 'zh',
      subject: '全国',
      filterWords: '',
      date: '',
      placeName: fullName,
    });
    for (const page of plan.pages.filter((pg) => pg.kind === 'practice')) for (const piece of page.body) expect(text).toContain(squash(piece));
    expect(plan.pages.some((pg) => pg.continued)).toBe(true);
    expect(text).toContain('（续）');
    expect(text).toContain(squash('住房和城乡建设部办公厅《实施城市更新行动可复制经验做法清单（第一批）》'));
    const firstPractice = plan.pages.findIndex((pg) => pg.kind === 'practice');
    const firstContinued = plan.pages.findIndex((pg) => pg.continued && pg.kind === 'practice');
    renderPages(pdf, 'office-deck', [1, 2, 3, firstPractice + 1, firstContinued + 1]);
  }, 600_000);

  it('carries the 审图号 on every page when one is configured', async () => {
    await s.page.route('**/config.json', (r) => r.fulfill({ contentType: 'application/json', body: '{"approvalNumber":"GS(2024)0650号"}' }));
    await gotoApp(s, 'q=重庆');
    const { path } = await download(s.page, 'pptx', dir);
    await s.page.unroute('**/config.json');
    const zip = await JSZip.loadAsync(readFileSync(path));
    const slideParts = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slideParts.length).toBeGreaterThan(1);
    for (const n of slideParts) expect(await zip.file(n)!.async('string'), n).toContain('审图号：GS(2024)0650号');
  }, 300_000);

  it('exports the selected region’s practices as an A4 材料 LibreOffice opens, with every headline, the table and page numbers', async () => {
    await gotoApp(s, 'sel=r:320000');
    const practices = practicesOfRegion(dataset, filterPractices(dataset, EMPTY_FILTERS), 320000);
    expect(practices.length).toBeGreaterThan(0);
    const { name, path } = await download(s.page, 'docx', dir);
    expect(name).toMatch(/^城市更新实践地图-江苏省-\d{4}-\d{2}-\d{2}\.docx$/);
    writeFileSync(artifactPath('office-doc.docx'), readFileSync(path));
    await checkPackage(s.page, path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toMatch(/<w:pgSz w:w="1190\d" w:h="1683\d"/); // A4
    expect(doc).toContain('w:eastAsia="仿宋"');
    expect(doc).toContain('w:eastAsia="黑体"');
    // Issue 26.4: headings keep with the next paragraph, table rows never split, the header row repeats.
    // Every row of every table (表1 and 表2) is kept on one page — 表2's first row was split over pages 2 and 3 —
    // and each table's first row is its repeated header; every heading (黑体, 楷体) outside the tables keeps with
    // what follows.
    const tables = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const table of tables) {
      const rows = table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.filter((r) => !r.includes('<w:cantSplit/>')).map((r) => r.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 40))).toEqual([]);
      expect(rows[0]).toContain('<w:tblHeader/>');
    }
    const paragraphs = doc.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '').match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
    const headings = paragraphs.filter((p) => /w:eastAsia="(黑体|楷体)"/.test(p));
    expect(headings.length).toBeGreaterThan(3);
    expect(headings.filter((p) => !p.includes('<w:keepNext/>')).map((p) => p.replace(/<[^>]+>/g, ''))).toEqual([]);
    // The figure is drawn for the size it prints at (2× its 15.6 cm), so its 12–13 px type is 9–10 pt on paper.
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(doc)!;
    const media = Object.keys(zip.files).find((n) => /^word\/media\/.*\.png$/.test(n))!;
    const png = await zip.file(media)!.async('uint8array');
    const pngWidth = new DataView(png.buffer, png.byteOffset).getUint32(16);
    const printedPx = Number(extent[1]) / 9525; // EMU per CSS pixel at 96 dpi
    expect(pngWidth / printedPx).toBeCloseTo(2, 1);

    const { pdf } = toPdf(path, dir);
    const raw = squash(pdfText(pdf));
    expect(raw).toContain('—1—'); // the page number at the foot
    const text = withoutPageNumbers(raw);
    for (const p of practices) {
      expect(text, `headline of ${p.id}`).toContain(squash(p.headline));
      expect(text, `text of ${p.id}`).toContain(squash(p.text));
    }
    expect(text).toContain('江苏省城市更新可复制经验做法');
    expect(text).toContain('表1');
    expect(text).toContain('图1');
    expect(text).toContain('数据来源：');
    renderPages(pdf, 'office-doc', [1, Math.min(2, pdfPages(pdf))]);
    expect(readdirSync('e2e/artifacts').some((f) => f.startsWith('office-doc-p1'))).toBe(true);
  }, 300_000);
});

if (!SOFFICE) {
  // Say why, in the test output, instead of passing silently (CI installs LibreOffice: .ci/run).
  describe('office exports', () => {
    it.skip('skipped: LibreOffice (soffice) is not installed here; install libreoffice-impress and libreoffice-writer', () => {});
  });
}
