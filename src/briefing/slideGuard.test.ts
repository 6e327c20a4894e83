// The briefing's slide guard (issue 24.6): a slide number past the end is corrected with a notice; when the deck
// changes under a running briefing the same slide is followed, and a slide whose practice is gone moves to its
// province with a notice (it used to show another place's practice at the same index).
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../store/filters';
import { buildSlides } from '../store/slides';
import { city, createDataset, createPractice, province } from '../store/test-helpers';
import { reconcileSlide, slideKey } from './slideGuard';

const practices = [
  createPractice({ id: '1-1-1-1', item: 1, actors: [city(320500, '苏州市')] }),
  createPractice({ id: '1-1-1-2', item: 2, actors: [city(320200, '无锡市')] }),
  createPractice({ id: '1-1-1-3', item: 3, actors: [province(110000, '北京市')] }),
];

describe('reconcileSlide', () => {
  const ds = createDataset({ practices });
  const slides = buildSlides(ds, EMPTY_FILTERS);

  it('corrects a slide past the end to the last one, with a notice', () => {
    expect(reconcileSlide(null, slides, 500, ds)).toEqual({ index: slides.length - 1, notice: { kind: 'out-of-range', asked: 501, n: slides.length, shown: slides.length } });
    expect(reconcileSlide(null, slides, slides.length - 1, ds)).toBeNull();
  });

  it('follows the shown slide when slides before it go, and moves to its province when its practice is gone', () => {
    const wuxi = slides.findIndex((s) => s.kind === 'practice' && s.id === '1-1-1-2');
    const fewer = createDataset({ practices: [practices[1]!, practices[2]!] });
    const after = buildSlides(fewer, EMPTY_FILTERS);
    const moved = reconcileSlide({ slides, index: wuxi, dataset: ds }, after, wuxi, fewer);
    expect(moved?.notice).toBeNull();
    expect(slideKey(after[moved!.index]!)).toBe(slideKey(slides[wuxi]!));

    const suzhou = slides.findIndex((s) => s.kind === 'practice' && s.id === '1-1-1-1');
    const gone = reconcileSlide({ slides, index: suzhou, dataset: ds }, after, suzhou, fewer);
    expect(gone?.notice).toEqual({ kind: 'batch-gone', shown: gone!.index + 1 });
    expect(after[gone!.index]).toEqual({ kind: 'province', adcode: 320000 });
  });

  it('leaves the slide alone when only the filters changed (a link or Back brings its own slide)', () => {
    const suzhou = slides.findIndex((s) => s.kind === 'practice' && s.id === '1-1-1-1');
    const filtered = buildSlides(ds, { ...EMPTY_FILTERS, q: '无锡' });
    expect(reconcileSlide({ slides, index: suzhou, dataset: ds }, filtered, 1, ds)).toBeNull();
  });
});
