import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EMPTY_FILTERS } from './filters';
import { NONE, practiceSelection, regionSelection } from './selection';
import { city, createDataset, createPractice, district, province } from './test-helpers';
import { parseDataset } from '../ingest/schema';
import {
  DEFAULT_SLIDE_LAYOUT,
  slideLayout,
  buildSlides,
  clampSlide,
  documentsNotInText,
  practiceBody,
  practiceParts,
  slideIndexOf,
  slideRegions,
  slideTarget,
  type Slide,
} from './slides';

function createDeck() {
  // 江苏: 2 practices, 重庆: 2, 北京: 1 (ties broken by adcode: 320000 before 500000).
  const practices = [
    createPractice({ id: '1-1-1-1', actors: [province(110000, '北京市')] }),
    createPractice({ id: '1-1-1-2', actors: [district(500107, '九龙坡区')] }),
    createPractice({ id: '1-1-1-3', actors: [city(320500, '苏州市')], themes: ['finance'] }),
    createPractice({ id: '1-1-1-4', actors: [province(500000, '重庆市')], themes: ['finance'] }),
    createPractice({ id: '1-1-1-5', actors: [district(320583, '昆山市', 320500)] }),
  ];
  return createDataset({ practices });
}

const kinds = (slides: Slide[]) =>
  slides.map((s) => (s.kind === 'national' ? 'N' : s.kind === 'province' ? `P${s.adcode}` : `p${s.id}`));

describe('buildSlides', () => {
  it('starts with the national slide, then each province followed by its practices, most practices first', () => {
    const slides = buildSlides(createDeck(), EMPTY_FILTERS);
    expect(kinds(slides)).toEqual([
      'N',
      'P320000',
      'p1-1-1-3',
      'p1-1-1-5',
      'P500000',
      'p1-1-1-2',
      'p1-1-1-4',
      'P110000',
      'p1-1-1-1',
    ]);
  });

  it("gives a practice slide its first actor's adcode, which is where the map flies", () => {
    const slides = buildSlides(createDeck(), EMPTY_FILTERS);
    const s = slides.find((x) => x.kind === 'practice' && x.id === '1-1-1-5');
    expect(slideTarget(s)).toBe(320583);
    expect(slideTarget(slides[0])).toBeNull();
    expect(slideTarget(slides[1])).toBe(320000);
    expect(slideTarget(undefined)).toBeNull();
  });

  it('follows the filters', () => {
    const slides = buildSlides(createDeck(), { ...EMPTY_FILTERS, themes: ['finance'] });
    expect(kinds(slides)).toEqual(['N', 'P320000', 'p1-1-1-3', 'P500000', 'p1-1-1-4']);
  });

  it('is only the national slide when nothing matches', () => {
    expect(kinds(buildSlides(createDeck(), { ...EMPTY_FILTERS, q: 'no such text' }))).toEqual(['N']);
  });

  it('gives a practice with actors in two provinces one practice slide, under its first actor', () => {
    const ds = createDataset({
      practices: [createPractice({ id: '1-1-1-1', actors: [city(370700, '潍坊市'), city(320500, '苏州市')] })],
    });
    expect(kinds(buildSlides(ds, EMPTY_FILTERS))).toEqual(['N', 'P320000', 'P370000', 'p1-1-1-1']);
  });

  it('returns the same array for equal filters (MapView and the overlay agree, cheaply)', () => {
    const ds = createDeck();
    expect(buildSlides(ds, { ...EMPTY_FILTERS })).toBe(buildSlides(ds, { ...EMPTY_FILTERS }));
  });

  it('makes 1 + provinces + practices slides for the real batch-1 dataset', () => {
    const ds = parseDataset(JSON.parse(readFileSync('public/data/practices.json', 'utf8')));
    const slides = buildSlides(ds, EMPTY_FILTERS);
    const provinces = new Set(ds.practices.flatMap((p) => p.actors.map((a) => a.province)));
    const practiceSlides = slides.filter((s) => s.kind === 'practice');
    expect(new Set(practiceSlides.map((s) => s.id)).size).toBe(ds.practices.length);
    const parts = ds.practices.reduce((n, p) => n + practiceParts(p).length, 0);
    expect(slides).toHaveLength(1 + provinces.size + parts);
  });
});

describe('clampSlide and slideIndexOf', () => {
  it('clamps a stale slide number into the deck', () => {
    expect(clampSlide(99, 5)).toBe(4);
    expect(clampSlide(-3, 5)).toBe(0);
    expect(clampSlide(2, 0)).toBe(0);
  });

  it('starts at the selected practice, or the province of a selected place', () => {
    const slides = buildSlides(createDeck(), EMPTY_FILTERS);
    expect(slideIndexOf(slides, practiceSelection('1-1-1-2'))).toBe(5);
    expect(slideIndexOf(slides, regionSelection(320583))).toBe(1);
    expect(slideIndexOf(slides, regionSelection(110000))).toBe(7);
    expect(slideIndexOf(slides, regionSelection(440000))).toBe(0);
    expect(slideIndexOf(slides, NONE)).toBe(0);
  });
});

describe('practice slides continued (续)', () => {
  const sentence = (i: number) => `第${i}项措施明确了责任分工和工作流程，由相关部门按照职责推进实施并定期评估。`;
  const long = (n: number) => Array.from({ length: n }, (_, i) => sentence(i + 1)).join('');

  it('keeps a practice that fits on one slide, with the shape it always had', () => {
    const ds = createDeck();
    const slide = buildSlides(ds, EMPTY_FILTERS).find((x) => x.kind === 'practice' && x.id === '1-1-1-3');
    expect(slide).toEqual({ kind: 'practice', id: '1-1-1-3', adcode: 320500 });
  });

  it('cuts a long text into parts that cover it exactly once, after a sentence, each within the budget', () => {
    const p = createPractice({ id: '1-1-1-9', actors: [city(320500, '苏州市')], headline: '苏州市建立更新机制。', text: `苏州市建立更新机制。${long(20)}` });
    const body = practiceBody(p);
    const parts = practiceParts(p);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]![0]).toBe(0);
    expect(parts.at(-1)![1]).toBe(body.length);
    for (let i = 1; i < parts.length; i++) expect(parts[i]![0]).toBe(parts[i - 1]![1]);
    for (const [from, to] of parts.slice(0, -1)) {
      expect(body[to - 1]).toBe('。');
      expect(to - from).toBeLessThanOrEqual(20 * 27);
      expect(to - from).toBeGreaterThan(0);
    }
  });

  it('makes one slide per part, marked with part/parts and the text range; the briefing starts at the first', () => {
    const p = createPractice({ id: '1-1-1-9', actors: [city(320500, '苏州市')], headline: '苏州市建立更新机制。', text: `苏州市建立更新机制。${long(20)}` });
    const ds = createDataset({ practices: [p] });
    const slides = buildSlides(ds, EMPTY_FILTERS);
    const mine = slides.filter((x): x is Extract<Slide, { kind: 'practice' }> => x.kind === 'practice');
    expect(mine.length).toBe(practiceParts(p).length);
    expect(mine.map((x) => x.part)).toEqual(mine.map((_, i) => i));
    expect(mine.every((x) => x.parts === mine.length && x.id === p.id && x.adcode === 320500)).toBe(true);
    expect(mine.map((x) => [x.from, x.to])).toEqual(practiceParts(p));
    expect(slideIndexOf(slides, practiceSelection(p.id))).toBe(slides.indexOf(mine[0]!));
  });

  it('cuts a single endless sentence at a clause, and never loops on a tiny budget', () => {
    const p = createPractice({ text: `${'推进老旧小区改造，'.repeat(120)}完成。` });
    const parts = practiceParts(p);
    expect(parts.length).toBeGreaterThan(1);
    expect(practiceBody(p)[parts[0]![1] - 1]).toBe('，');
    const tiny = practiceParts(p, { ...DEFAULT_SLIDE_LAYOUT, lines: 1 });
    expect(tiny.at(-1)![1]).toBe(practiceBody(p).length);
  });

  it('the body leaves out a headline the text starts with; documents cited in the text are not listed again', () => {
    const p = createPractice({ headline: '甲。', text: '甲。依据《某某办法》实施。', documents: ['某某办法', '另一文件'] });
    expect(practiceBody(p)).toBe('依据《某某办法》实施。');
    expect(documentsNotInText(p)).toEqual(['另一文件']);
    expect(practiceBody(createPractice({ headline: '乙。', text: '乙。' }))).toBe('');
  });
});

describe('slideRegions', () => {
  it('is [] for the national slide, the province, or every place of a practice (first actor first)', () => {
    const p = createPractice({ id: '1-1-1-1', actors: [city(370700, '潍坊市'), city(320500, '苏州市')] });
    const ds = createDataset({ practices: [p] });
    const slides = buildSlides(ds, EMPTY_FILTERS);
    expect(slideRegions(ds, slides[0])).toEqual([]);
    expect(slideRegions(ds, slides[1])).toEqual([320000]);
    expect(slideRegions(ds, slides.find((x) => x.kind === 'practice'))).toEqual([370700, 320500]);
  });
});

describe('slideLayout (issue 26: 续 slides computed for the screen in use)', () => {
  it('gives every 16:9 screen the same card, in lines and characters', () => {
    expect(slideLayout(1366, 768)).toEqual(slideLayout(1920, 1080));
    expect(DEFAULT_SLIDE_LAYOUT.lines).toBeGreaterThan(15);
  });
  it('fills the slides of a practice evenly: no 续 slide holds less than half the text of its fullest slide (batch 1, phones and laptop)', () => {
    // Issue 26: a 续 slide held two lines under a full one (1366×768: 81 + 39 characters; 360×740: 44 + 74 + 37).
    const ds = parseDataset(JSON.parse(readFileSync('public/data/practices.json', 'utf8')));
    const batch1 = ds.practices.filter((p) => p.batch === 1);
    const thin: string[] = [];
    for (const [w, h] of [[360, 740], [390, 844], [1366, 768]] as const) {
      for (const p of batch1) {
        const sizes = practiceParts(p, slideLayout(w, h)).map(([from, to]) => to - from);
        if (sizes.slice(1).some((n) => n < Math.max(...sizes) / 2)) thin.push(`${w}×${h} ${p.id}: ${sizes.join(' + ')}`);
      }
    }
    expect(thin).toEqual([]);
  });

  it('splits a long practice over more slides on a phone than on a projector, every character once', () => {
    const p = createPractice({ text: `${'苏州市建立城市更新项目库，统筹推进老旧小区改造与历史街区保护。'.repeat(16)}` });
    const wide = practiceParts(p, slideLayout(1920, 1080));
    const phone = practiceParts(p, slideLayout(360, 740));
    expect(phone.length).toBeGreaterThan(wide.length);
    for (const parts of [wide, phone]) {
      expect(parts[0]![0]).toBe(0);
      expect(parts.at(-1)![1]).toBe(practiceBody(p).length);
      parts.slice(1).forEach(([from], i) => expect(from).toBe(parts[i]![1]));
    }
  });
});
