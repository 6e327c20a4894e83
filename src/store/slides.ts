// The briefing's slide sequence, a pure function of (dataset, filters). MapView flies to `slideTarget` of the
// current slide; BriefingOverlay draws the card. Both call buildSlides, which is memoised on the filtered list,
// so they always agree.
//
// Order (what a presenter walks through): the national map first; then, province by province (most practices
// first, ties by adcode), the province slide followed at once by that province's practice slides, in dataset
// (= the ministry's table) order. "Province then its practices" keeps the map near the place being talked about:
// the camera zooms from the province into its cities and only then travels on, instead of crossing the country
// twice. After the last province, one slide per programme (issue 27: 城市更新试点, funded cities; at the end so that
// the numbers of the slides before them, in links already sent, do not move). A practice with actors in several provinces is listed on each of their province slides (it counts
// there) but gets one practice slide, under its first actor's province, so the deck has no duplicates.
import type { Dataset, Practice } from '../types';
import type { Filters } from './filters';
import type { Selection } from './selection';
import { filterPractices, practiceById, practicesOfRegion, provinceCounts } from './selectors';
import { provinceOf } from '../geometry/adcode';

export type Slide =
  | { kind: 'national' }
  /** A programme (issue 27): the map of its units, those with practices set apart. */
  | { kind: 'programme'; id: string }
  | { kind: 'province'; adcode: number }
  | {
      kind: 'practice';
      id: string;
      adcode: number;
      /**
       * Only on a practice too long for one slide: this slide shows characters [from, to) of its body text
       * (practiceBody), part `part` (0-based) of `parts`; parts after the first are marked 续. A practice that fits
       * has none of these fields (and the same shape as before they existed).
       */
      part?: number;
      parts?: number;
      from?: number;
      to?: number;
    };

const memo = new WeakMap<readonly Practice[], { programmes: Dataset['programmes']; slides: Slide[] }>();

/** The province a practice's slide sits under: its first actor's province (every practice has ≥ 1 actor). */
export function homeProvince(p: Practice): number | null {
  return p.actors[0]?.province ?? null;
}

/** The slides for a list of practices (already filtered), in briefing order. Memoised per list (and dataset). */
export function slidesOf(dataset: Dataset, practices: readonly Practice[]): Slide[] {
  const hit = memo.get(practices);
  // The same list under a dataset with other programmes (the lists load beside the practices) is another deck.
  if (hit && hit.programmes === dataset.programmes) return hit.slides;
  const counts = provinceCounts(dataset, practices);
  const provinces = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([adcode]) => adcode);
  const byHome = new Map<number, Practice[]>();
  for (const p of practices) {
    const home = homeProvince(p);
    if (home === null) continue;
    const list = byHome.get(home);
    if (list) list.push(p);
    else byHome.set(home, [p]);
  }
  const slides: Slide[] = [{ kind: 'national' }];
  for (const adcode of provinces) {
    slides.push({ kind: 'province', adcode });
    for (const p of byHome.get(adcode) ?? []) {
      const base = { kind: 'practice' as const, id: p.id, adcode: (p.actors[0] as Practice['actors'][number]).adcode };
      const parts = practiceParts(p);
      if (parts.length === 1) slides.push(base);
      else parts.forEach(([from, to], part) => slides.push({ ...base, part, parts: parts.length, from, to }));
    }
  }
  for (const prog of dataset.programmes ?? []) slides.push({ kind: 'programme', id: prog.id });
  memo.set(practices, { programmes: dataset.programmes, slides });
  return slides;
}

/** The slides for the current filters. Same filters (by content) → the same array. */
export function buildSlides(dataset: Dataset, filters: Filters): Slide[] {
  return slidesOf(dataset, filterPractices(dataset, filters));
}

/** The region the map shows for a slide; null = the national view. */
export function slideTarget(slide: Slide | undefined): number | null {
  if (!slide || slide.kind === 'national' || slide.kind === 'programme') return null;
  return slide.adcode;
}

/**
 * The places the map frames for a slide: [] for the national slide, the province, or every place of a practice
 * (its actors, first actor first: that one is highlighted).
 */
export function slideRegions(dataset: Dataset, slide: Slide | undefined): number[] {
  // A programme's units lie across the country: the national view (framing them would load the detail of a
  // dozen provinces for outlines that read at national scale).
  if (!slide || slide.kind === 'national' || slide.kind === 'programme') return [];
  if (slide.kind === 'province') return [slide.adcode];
  const p = practiceById(dataset, slide.id);
  const places = p ? p.actors.map((a) => a.adcode) : [];
  return [...new Set([slide.adcode, ...places])];
}

/** A stored slide number made safe for a deck of `count` slides (a stale link may point past the end). */
export function clampSlide(slide: number, count: number): number {
  if (count <= 0 || !Number.isFinite(slide)) return 0;
  return Math.min(Math.max(0, Math.floor(slide)), count - 1);
}

/**
 * Where a briefing opened from a selection starts: the practice's own slide, the province slide of a selected
 * region's province (a city or district has no slide of its own), else the national slide (0).
 */
export function slideIndexOf(slides: readonly Slide[], selection: Selection): number {
  if (selection.kind === 'practice') {
    const i = slides.findIndex((s) => s.kind === 'practice' && s.id === selection.id);
    return Math.max(0, i);
  }
  if (selection.kind === 'region') {
    const province = provinceOf(selection.adcode);
    const i = slides.findIndex((s) => s.kind === 'province' && s.adcode === province);
    return Math.max(0, i);
  }
  return 0;
}

/** The practices a province slide lists: every filtered practice that counts for the province. */
export function provinceSlidePractices(dataset: Dataset, practices: readonly Practice[], adcode: number): Practice[] {
  return practicesOfRegion(dataset, practices, adcode);
}

// ——— practice slides that do not fit: continued (续) ———
//
// The slide panel's type is sized in vw (briefing.css), so one practice takes the same share of the panel at
// 1280×720, 1440×900 and 1920×1080: a budget in lines of body text, estimated from character counts, decides the
// split once for every landscape screen, and slide numbers (in URLs) do not depend on the window. The browser
// test checks that no practice slide's card overflows at the three sizes. Measured at 1920×1080: the card is
// 755 px high and a body line 37.5 px (25 px × 1.5), i.e. 20.1 lines; the panel holds 27 CJK characters of body
// text a line, or 17 of the headline. E.g. 苏州 二（二）3 (a 21-character headline, 234 characters of text) takes
// 18 lines: kicker 1.3, headline 3.0, measure 1.4, text 9.4, citation 2.9.

/** Lines of body text a practice card holds (20.1 measured; the estimate below rounds every block up). */
export const PRACTICE_SLIDE_LINES = 20;
const BODY_CHARS = 27;
const HEADLINE_CHARS = 17;
/** A headline line is this many body lines high (2.05vw × 1.25 against 1.3vw × 1.5). */
const HEADLINE_LINE = 1.35;
/** The citation: two lines (three in English) of smaller leading, with its rule and margins. */
const CITATION_LINES = 3.2;

/** The practice's text as the slide shows it: without the headline when the text repeats it at its start. */
export function practiceBody(p: Practice): string {
  if (p.text === p.headline) return '';
  return p.text.startsWith(p.headline) ? p.text.slice(p.headline.length) : p.text;
}

/** The documents a slide lists separately: those not already cited as 《title》 in the text. */
export function documentsNotInText(p: Practice): string[] {
  return p.documents.filter((d) => !p.text.includes(`《${d}》`));
}

/** The figures a slide lists separately: those whose number is not in the text (where it is marked). */
export function figuresNotInText(p: Practice): Practice['figures'] {
  return p.figures.filter((f) => !p.text.includes(f.raw));
}

const lines = (chars: number) => Math.ceil(chars / BODY_CHARS);

/**
 * The body text of a practice cut into slides: [from, to) ranges of practiceBody(p), one per slide. Cuts fall after
 * a sentence (。；！？), else after a clause (，、：), never inside a word of the budget's last line; a practice that
 * fits gives one range. Every character is on exactly one slide.
 */
export function practiceParts(p: Practice, budget = PRACTICE_SLIDE_LINES): [number, number][] {
  const body = practiceBody(p);
  const headline = Math.ceil(p.headline.length / HEADLINE_CHARS) * HEADLINE_LINE + 0.45;
  const kicker = lines(p.actors.map((a) => a.name).join('、').length + 8) + 0.3;
  const measure = lines(p.measure.code.length + p.measure.title.length) + 0.4;
  const docs = documentsNotInText(p);
  const figs = figuresNotInText(p);
  const docLines =
    (docs.length ? 1.5 + docs.reduce((n, d) => n + lines(d.length + 2), 0) : 0) +
    (figs.length ? 1.5 + figs.reduce((n, f) => n + lines(f.raw.length + f.phrase.length + 1), 0) : 0);
  // The first slide has the measure line; the last one the separately listed figures and documents; all have the
  // citation.
  const overhead = (first: boolean, last: boolean) =>
    kicker + headline + CITATION_LINES + (first ? measure : 0) + (last ? docLines : 0);
  const out: [number, number][] = [];
  let from = 0;
  while (out.length === 0 || from < body.length) {
    const first = out.length === 0;
    const rest = body.length - from;
    if (lines(rest) + 0.4 <= budget - overhead(first, true)) {
      out.push([from, body.length]);
      break;
    }
    // At least a few lines per slide, even with a headline that fills half of it.
    const room = Math.max(3, Math.floor(budget - overhead(first, false) - 0.4)) * BODY_CHARS;
    // Parts of even length rather than a full slide and a line or two on the next.
    const aim = Math.min(room, Math.ceil(rest / Math.ceil(rest / room)) + BODY_CHARS);
    out.push([from, (from = cutAt(body, from, aim))]);
  }
  return out;
}

/** Where to end a slide's text that starts at `from` and has room for `room` characters. */
function cutAt(text: string, from: number, room: number): number {
  const limit = Math.min(text.length, from + room);
  // Not so early that the slide is mostly empty: a cut in the last part of the room.
  const earliest = from + Math.floor(room * 0.6);
  for (const marks of [/[。；！？]/, /[，、：]/]) {
    for (let i = limit; i > earliest; i--) if (marks.test(text[i - 1] as string)) return i;
  }
  return limit;
}
