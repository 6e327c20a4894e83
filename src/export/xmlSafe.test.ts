// @vitest-environment happy-dom
// The export boundary (issue 24.3): a PPTX and a DOCX built from practices with hostile text (U+0007, U+FFFE,
// U+202E, lone surrogates) are unzipped and every XML part is parsed by a strict XML 1.0 parser (saxes), its bytes
// decoded as strict UTF-8. Before the XML-safe function, U+0007 and U+FFFE made parts not well-formed.
import { describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { EMPTY_FILTERS } from '../store/filters';
import { city, createDataset, createPractice, province } from '../store/test-helpers';
import { DEFAULT_CONFIG } from '../data/config';
import type { ExportState } from './describe';
import type { GeoBundle } from '../data/load';
import type { GazetteerEntry } from '../types';

// The map image is drawn on a canvas, which happy-dom lacks: a blank picture stands in.
vi.mock('./png', async (importOriginal) => ({ ...(await importOriginal<typeof import('./png')>()), composeExport: () => undefined }));
const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const HOSTILE = '\u0007\ufffe\uffff\u202e\u2066\ud800\udc00x\udbff';

function state(): ExportState {
  const text = (s: string) => `${s}${HOSTILE}推进城市更新${HOSTILE}，完成投资10亿元。`;
  const practices = [
    createPractice({ id: '1-1-1-1', item: 1, actors: [city(320500, '苏州市')], headline: text('苏州市建立项目库。'), text: text('苏州市建立项目库。') }),
    createPractice({ id: '1-1-1-2', item: 2, actors: [province(110000, '北京市')], headline: `北京市${HOSTILE}。`, text: `北京市${HOSTILE}建立机制。` }),
  ];
  const dataset = createDataset({ practices });
  dataset.batches[0]!.title = `清单${HOSTILE}（第一批）`;
  const gazetteer = new Map<number, GazetteerEntry>([
    [110000, { adcode: 110000, name: '北京市', short: '北京', level: 'province', parent: 100000, center: [116.4, 39.9] }],
    [320000, { adcode: 320000, name: '江苏省', short: '江苏', level: 'province', parent: 100000, center: [118.8, 32.1] }],
    [320500, { adcode: 320500, name: `苏州市`, short: '苏州', level: 'city', parent: 320000, center: [120.6, 31.3] }],
  ]);
  const empty = { type: 'FeatureCollection', features: [] } as never;
  const geo = { provinces: empty, cities: empty, dash: empty, inset: empty, meta: { attribution: { zh: '边界数据：测试', en: 'Boundaries: test' }, nationalBounds: [73, 18, 135, 54] }, gazetteer, districtProvinces: new Set<number>() } as GeoBundle;
  return {
    dataset,
    geo,
    filters: EMPTY_FILTERS,
    selection: { kind: 'none' },
    lang: 'zh',
    theme: 'light',
    filtered: dataset.practices,
    breaks: [1, 2],
    max: 2,
    config: { ...DEFAULT_CONFIG, approvalNumber: `GS${HOSTILE}(2026)1号` },
    fontFamily: 'sans-serif',
  };
}

/** Every XML part of an Office file: strict UTF-8, well-formed XML 1.0, no bidirectional controls left. */
async function checkParts(blob: Blob): Promise<string[]> {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  const problems: string[] = [];
  const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  expect(names.length).toBeGreaterThan(3);
  for (const name of names) {
    const bytes = await zip.file(name)!.async('uint8array');
    let xml: string;
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      problems.push(`${name}: not UTF-8`);
      continue;
    }
    const parser = new SaxesParser();
    parser.on('error', (e) => problems.push(`${name}: ${e.message}`));
    parser.write(xml).close();
    if (/[\u202a-\u202e\u2066-\u2069\ufffd]/.test(xml)) problems.push(`${name}: bidi control or U+FFFD left`);
  }
  return problems;
}

describe('exports with hostile text', () => {
  it('the PPTX has only well-formed XML parts, and the text is there without the hostile characters', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(PNG_1PX);
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
    const { buildDeck } = await import('./pptx');
    const { blob } = await buildDeck(state());
    expect(await checkParts(blob)).toEqual([]);
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    const slides = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(slides.join('')).toContain('推进城市更新');
  }, 30_000);

  it('the DOCX has only well-formed XML parts, and the text is there without the hostile characters', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(PNG_1PX);
    const { buildDocument } = await import('./docx');
    const { blob } = await buildDocument(state());
    expect(await checkParts(blob)).toEqual([]);
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    expect(await zip.file('word/document.xml')!.async('string')).toContain('推进城市更新');
  }, 30_000);
});
