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

const memo = new WeakMap<readonly Practice[], Map<string, { programmes: Dataset['programmes']; slides: Slide[] }>>();

/** The province a practice's slide sits under: its first actor's province (every practice has ≥ 1 actor). */
export function homeProvince(p: Practice): number | null {
  return p.actors[0]?.province ?? null;
}

/**
 * The slides for a list of practices (already filtered), in briefing order, with practices split into 续 slides for
 * a card of `layout` (the window's: windowSlideLayout()). Memoised per list, layout (and dataset).
 */
export function slidesOf(dataset: Dataset, practices: readonly Practice[], layout: SlideLayout = DEFAULT_SLIDE_LAYOUT): Slide[] {
  const key = `${layout.lines}:${layout.chars}:${layout.headline}:${layout.citation}`;
  let byLayout = memo.get(practices);
  if (!byLayout) memo.set(practices, (byLayout = new Map()));
  const hit = byLayout.get(key);
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
      const parts = practiceParts(p, layout);
      if (parts.length === 1) slides.push(base);
      else parts.forEach(([from, to], part) => slides.push({ ...base, part, parts: parts.length, from, to }));
    }
  }
  for (const prog of dataset.programmes ?? []) slides.push({ kind: 'programme', id: prog.id });
  byLayout.set(key, { programmes: dataset.programmes, slides });
  return slides;
}

/** The slides for the current filters. Same filters (by content) and layout → the same array. */
export function buildSlides(dataset: Dataset, filters: Filters, layout: SlideLayout = DEFAULT_SLIDE_LAYOUT): Slide[] {
  return slidesOf(dataset, filterPractices(dataset, filters), layout);
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
// The slide panel's type is sized from the window (briefing.css: body text 2.9 % of the height in landscape,
// 4 % of the width on a phone), and every gap, button and heading of the panel is in em of it. So the card holds
// a number of body lines and characters a line that follow from the window alone: slideLayout computes them, and
// the split into 续 slides is made for the screen in use (a phone gets more, shorter slides). Measured in
// chromium (issue 26): landscape, the panel's header, legend, navigation, gaps and padding take 10.4 body sizes,
// leaving 16.0 lines at 1920×1080, 1366×768, 1440×900 and 1280×720 alike; the card is 0.368 of the window's
// width. Portrait (the panel under the map, 62 % of the height): 46 px of padding and gaps plus 7.2 body sizes.

export interface SlideLayout {
  /** Body lines (of 1.5 × the body size) the practice card holds. */
  lines: number;
  /** CJK characters a body line holds. */
  chars: number;
  /** The headline's size, in body sizes (smaller on a phone). */
  headline: number;
  /** The citation's size, in body sizes, and its leading. */
  citation: number;
  citationLeading: number;
  /** The citation's rule and margins, in body lines. */
  citationMargins: number;
}

/** The card a briefing slide has in a window of this size (CSS px). Pure: the tests call it for any size. */
export function slideLayout(width: number, height: number): SlideLayout {
  if (width > height) {
    const b = Math.max(16, Math.min(0.029 * height, 0.0185 * width));
    return {
      lines: round1((height - 10.45 * b) / (1.5 * b)),
      chars: Math.floor((0.368 * width) / b),
      headline: 1.3,
      citation: 1,
      citationLeading: 1.45,
      // margin 0.9 + 0.6 em, padding 0.5 em
      citationMargins: 2 / 1.5,
    };
  }
  const b = Math.min(22, Math.max(15, 0.04 * width));
  return {
    lines: round1((0.62 * height - 46 - 7.3 * b) / (1.5 * b)),
    chars: Math.floor((width - 28) / b),
    headline: 1.15,
    citation: 0.85,
    citationLeading: 1.4,
    // margin 0.5 + 0.6 em, padding 0.3 em, of the citation's 0.85
    citationMargins: (1.4 * 0.85) / 1.5,
  };
}

const round1 = (x: number) => Math.floor(x * 10) / 10;

/** The layout of a 1920×1080 projector: what the deck and a briefing without a window (tests, Node) use. */
export const DEFAULT_SLIDE_LAYOUT: SlideLayout = slideLayout(1920, 1080);

/** The layout for the window this runs in (the default outside a browser). */
export function windowSlideLayout(): SlideLayout {
  if (typeof window === 'undefined' || !(window.innerWidth > 0) || !(window.innerHeight > 0)) return DEFAULT_SLIDE_LAYOUT;
  return slideLayout(window.innerWidth, window.innerHeight);
}

/**
 * The citation (出处：住房和城乡建设部办公厅《…（第一批）》（2022年11月），序号 一（四）2: ~62 characters, longer in
 * English), its rule and margins (1.4 + 0.6 em), at 1.45 leading.
 */
const CITATION_CHARS = 64;
/** Lines kept free: a glyph pushed to the next line by line-breaking rules (no 。 at a line's start). */
const SAFETY = 0.6;

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

/**
 * The body text of a practice cut into slides for a card of `layout`: [from, to) ranges of practiceBody(p), one per
 * slide. As few slides as the card allows, filled evenly; cuts fall after a sentence (。；！？), else after a clause
 * (，、：), inside a word only where a card's room holds neither; a practice that fits gives one range. Every
 * character is on exactly one slide.
 */
export function practiceParts(p: Practice, layout: SlideLayout = DEFAULT_SLIDE_LAYOUT): [number, number][] {
  const chars = Math.max(4, layout.chars);
  const budget = layout.lines - SAFETY;
  const lines = (n: number) => Math.ceil(n / chars);
  const body = practiceBody(p);
  // A headline line is `headline` × the body size at 1.25 leading, and holds 1/`headline` as many characters.
  const headline =
    Math.ceil(p.headline.length / Math.max(1, Math.floor(chars / layout.headline))) * ((layout.headline * 1.25) / 1.5) + 0.35;
  const kicker = lines(p.actors.map((a) => a.name).join('、').length + 9) + 0.3;
  const measure = lines(p.measure.code.length + p.measure.title.length) + 0.4;
  const citation =
    Math.ceil((CITATION_CHARS * layout.citation) / chars) * ((layout.citation * layout.citationLeading) / 1.5) + layout.citationMargins;
  const docs = documentsNotInText(p);
  const figs = figuresNotInText(p);
  const docLines =
    (docs.length ? 1.5 + docs.reduce((n, d) => n + lines(d.length + 2), 0) : 0) +
    (figs.length ? 1.5 + figs.reduce((n, f) => n + lines(f.raw.length + f.phrase.length + 1), 0) : 0);
  // The first slide has the measure line; the last one the separately listed figures and documents, the others
  // the "continued" line; all have the citation.
  const overhead = (first: boolean, last: boolean) =>
    kicker + headline + citation + (first ? measure : 0) + (last ? docLines : 1.4);
  // Few slides, evenly filled (issue 26: a phone's 续 slide showed two lines over an empty card while the slide
  // before was full): every way to cut at a sentence or clause end is weighed, cheaply — a practice is a few hundred
  // characters. A plan costs one per slide, plus per slide the square of the part of its card left empty, plus
  // CUT.clause when it ends inside a sentence and CUT.word when it ends inside a word (only where a card's room holds
  // no sentence or clause end, or where that saves a slide).
  type Plan = { cost: number; to: number };
  const plans = new Map<number, Plan>();
  const plan = (from: number): Plan => {
    const known = plans.get(from);
    if (known) return known;
    const first = from === 0;
    const rest = body.length - from;
    const empty = (used: number, room: number) => (room > 0 ? 3 * Math.max(0, (room - used) / room) ** 2 : 0);
    const lastRoom = budget - overhead(first, true) - 0.4;
    let best: Plan;
    if (lines(rest) <= lastRoom) best = { cost: 1 + empty(lines(rest), lastRoom), to: body.length };
    else {
      // At least two lines per slide, even with a headline that fills half of it (a phone's card).
      const roomLines = Math.max(2, Math.floor(budget - overhead(first, false) - 0.4));
      const limit = Math.min(body.length, from + roomLines * chars);
      const cuts: number[] = [];
      for (let i = from + 1; i <= limit; i++) if (/[。；！？，、：]/.test(body[i - 1] as string)) cuts.push(i);
      if (cuts.at(-1) !== limit) cuts.push(limit);
      best = { cost: Infinity, to: limit };
      for (const to of cuts) {
        const end = body[to - 1] as string;
        const penalty = /[。；！？]/.test(end) ? 0 : /[，、：]/.test(end) ? CUT.clause : to < body.length ? CUT.word : 0;
        const cost = 1 + empty((to - from) / chars, roomLines) + penalty + (to >= body.length ? 0 : plan(to).cost);
        if (cost < best.cost) best = { cost, to };
      }
    }
    plans.set(from, best);
    return best;
  };
  const out: [number, number][] = [];
  let from = 0;
  do {
    const { to } = plan(from);
    out.push([from, to]);
    from = to;
  } while (from < body.length);
  return out;
}

/** What a cut inside a sentence (at ，、：) and one inside a word cost, against one at a sentence's end (a slide: 1). */
const CUT = { clause: 0.5, word: 3 };
