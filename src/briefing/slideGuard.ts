// Keeps the briefing on a slide that exists (issue 24.6): a link's slide=500 in a 40-slide deck is corrected in the
// URL (replaced, so Back does not return to it) with a notice, and when the slides change under a running briefing
// (another tab removed an imported batch) the same slide is kept where it moved to; a slide whose practice is gone
// moves to its province's slide (or the nearest one) with a notice, instead of showing another place's practice.
import { useEffect, useRef, useState } from 'react';
import type { AtlasStore } from '../store/store';
import { practiceById } from '../store/selectors';
import { replaceNextUrlWrite } from '../store/url';
import type { Dataset } from '../types';
import { clampSlide, homeProvince, type Slide } from '../store/slides';

export type SlideNotice = { kind: 'out-of-range'; asked: number; n: number; shown: number } | { kind: 'batch-gone'; shown: number };

/** A slide's identity across rebuilds of the deck. */
export function slideKey(s: Slide): string {
  if (s.kind === 'national') return 'n';
  if (s.kind === 'province') return `r:${s.adcode}`;
  if (s.kind === 'practice') return `p:${s.id}:${s.part ?? 0}`;
  return `${s.kind}:${s.id}`;
}

export interface ShownSlide {
  slides: readonly Slide[];
  index: number;
  dataset: Dataset;
}

/**
 * Where the briefing should be, given what it showed before (`prev`) and the slide the store asks for; null when
 * the requested slide is right. Pure.
 */
export function reconcileSlide(prev: ShownSlide | null, slides: readonly Slide[], requested: number, dataset: Dataset): { index: number; notice: SlideNotice | null } | null {
  const n = slides.length;
  if (n === 0) return null;
  // Only a change of the data moves the slide: new filters (a link, Back) bring their own slide number.
  if (prev && prev.dataset !== dataset && prev.slides !== slides) {
    const was = prev.slides[prev.index];
    if (was) {
      const key = slideKey(was);
      const at = slides.findIndex((s) => slideKey(s) === key);
      if (at >= 0) return at === requested ? null : { index: at, notice: null };
      if (was.kind === 'practice' && !practiceById(dataset, was.id)) {
        const gone = practiceById(prev.dataset, was.id);
        const province = gone ? homeProvince(gone) : null;
        const home = province === null ? -1 : slides.findIndex((s) => s.kind === 'province' && s.adcode === province);
        const index = home >= 0 ? home : clampSlide(prev.index, n);
        return { index, notice: { kind: 'batch-gone', shown: index + 1 } };
      }
    }
  }
  if (requested >= n) return { index: n - 1, notice: { kind: 'out-of-range', asked: requested + 1, n, shown: n } };
  return null;
}

/** Applies reconcileSlide on every change of the deck or the slide; returns the notice to show (or null). */
export function useSlideGuard(store: AtlasStore, slides: readonly Slide[], slide: number, dataset: Dataset): SlideNotice | null {
  const prev = useRef<ShownSlide | null>(null);
  const [notice, setNotice] = useState<SlideNotice | null>(null);
  useEffect(() => {
    const fix = reconcileSlide(prev.current, slides, slide, dataset);
    if (fix) {
      // A correction, not a step of the presentation: it replaces the URL's entry.
      replaceNextUrlWrite();
      store.getState().setSlide(fix.index);
      if (fix.notice) setNotice(fix.notice);
    }
    prev.current = { slides, index: fix ? fix.index : clampSlide(slide, slides.length), dataset };
  }, [store, slides, slide, dataset]);
  // The notice stays until the presenter moves on.
  const shownAt = useRef<number | null>(null);
  useEffect(() => {
    if (!notice) return;
    if (shownAt.current === null) shownAt.current = slide;
    else if (slide !== shownAt.current) {
      shownAt.current = null;
      setNotice(null);
    }
  }, [notice, slide]);
  return notice;
}
