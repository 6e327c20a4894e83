import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EMPTY_FILTERS } from '../store/filters';
import { NONE, practiceSelection, regionSelection } from '../store/selection';
import { city, createDataset, createPractice, district, province } from '../store/test-helpers';
import { parseDataset } from '../ingest/schema';
import { buildSlides, clampSlide, slideIndexOf, slideTarget, type Slide } from './slides';

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
    expect(slides.filter((s) => s.kind === 'practice')).toHaveLength(ds.practices.length);
    expect(slides).toHaveLength(1 + provinces.size + ds.practices.length);
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
