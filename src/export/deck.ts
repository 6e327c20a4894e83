// The deck's content as plain data: which pages, what text on each, which map view. Pure (no pptxgenjs, no DOM),
// so the rules — the same slide list as the live briefing, ≤ 8 body lines a page, a practice's whole text on its
// pages (continued on pages marked 续, never cut) — are unit-tested; pptx.ts only places the boxes.
import type { Dataset, GazetteerEntry, Practice } from '../types';
import { practiceById } from '../store/selectors';
import { programmeById, programmeCoverage } from '../store/programmes';
import { DEFAULT_SLIDE_LAYOUT, slidesOf, provinceSlidePractices, type Slide, type SlideLayout } from '../store/slides';
import { formatDate, tFor, type Lang } from '../i18n';
import { emsPerLine, splitToFit, wrapEms } from './textFit';
import { dataCitation, practiceCitation, sourceLinesWords } from '../format/summary';

/** Slide geometry, inches (PowerPoint's 16:9 "wide" layout). */
export const SLIDE = { width: 13.333, height: 7.5 } as const;
/** Sizes (pt): titles 28–36, body ≥ 20 (OFFICIAL-CONVENTIONS.md "Decks"). */
export const FONT = { cover: 36, title: 30, body: 22, caption: 16, foot: 11 } as const;
export const MAX_BODY_LINES = 8;
/** Body text boxes: beside a map, and the full width (continuation pages). */
export const BODY_W = { besideMap: 7.3, full: 12.1, national: 4.35, province: 5.6 } as const;

export interface DeckPage {
  /** Which briefing slide this page shows (index into the briefing's slide list); -1 = the cover. */
  slide: number;
  kind: 'cover' | 'national' | 'province' | 'practice' | 'programme';
  title: string;
  /** Small line under the title (mechanism and measure, the subject's filters). */
  caption: string;
  /** Body paragraphs. */
  body: string[];
  /** The map view: null = national; an adcode = that region; undefined = no map on this page. */
  map?: number | null;
  /** A continuation page (title marked 续). */
  continued: boolean;
  /** Source line at the foot of the page. */
  citation: string;
  /** Speaker notes: a practice's full text and citation. */
  notes: string;
  /** The practice shown (its headline must appear in the deck). */
  practiceId?: string;
  /** A programme's page (issue 27): its units outlined on the national map, solid with practices, dashed without. */
  programme?: { id: string; withPractices: number[]; without: number[] };
}

export interface DeckInput {
  dataset: Dataset;
  gazetteer: ReadonlyMap<number, GazetteerEntry>;
  /** The filtered practices: the briefing's slide list is built from exactly these. */
  practices: readonly Practice[];
  lang: Lang;
  /** The deck's subject line (全国 / 江苏省苏州市) and filters in words. */
  subject: string;
  filterWords: string;
  date: string;
  placeName: (adcode: number) => string;
}

function bodyLines(paragraphs: readonly string[], ems: number): number {
  return paragraphs.reduce((n, p) => n + wrapEms(p, ems).length, 0);
}

/** Paragraphs split over pages of at most MAX_BODY_LINES lines each (first page `firstEms`, then `restEms`). */
function paginate(paragraphs: readonly string[], firstEms: number, restEms: number): string[][] {
  const pages: string[][] = [[]];
  let ems = firstEms;
  for (const para of paragraphs) {
    let rest = para;
    while (rest) {
      const page = pages[pages.length - 1]!;
      const room = MAX_BODY_LINES - bodyLines(page, ems);
      if (room <= 0) {
        pages.push([]);
        ems = restEms;
        continue;
      }
      const [head] = splitToFit(rest, room, ems);
      // A paragraph that does not start in the room left (its first piece would be tiny) goes to the next page.
      if (head!.length < rest.length && page.length > 0 && room < 2) {
        pages.push([]);
        ems = restEms;
        continue;
      }
      page.push(head!);
      rest = rest.slice(head!.length);
      if (rest) {
        pages.push([]);
        ems = restEms;
      }
    }
  }
  return pages.filter((p, i) => p.length > 0 || i === 0);
}

/**
 * Paragraphs (a province's practice list, a programme's lists of units) over pages like paginate, but when they need
 * two pages the break falls where both pages hold about as much — between two paragraphs, or inside one after a
 * 、，；。 (never before one) — so that the 续 page is not a remnant (issue 26.4: 江苏's 续 page held one item of five,
 * a programme's "、西安市" alone). A break between paragraphs (a list keeps its label) is preferred by a quarter of
 * the text.
 */
export function balancedParagraphs(paragraphs: readonly string[], firstEms: number, restEms: number): string[][] {
  const plain = paginate(paragraphs, firstEms, restEms);
  if (plain.length !== 2) return plain;
  const total = paragraphs.join('').length;
  let best: string[][] | null = null;
  let bestScore = Infinity;
  paragraphs.forEach((para, j) => {
    for (let c = 0; c < para.length; c++) {
      if (c === 0 ? j === 0 : !/(?:[、，；。]|[,;] )$/.test(para.slice(Math.max(0, c - 2), c))) continue;
      const first = [...paragraphs.slice(0, j), ...(c > 0 ? [para.slice(0, c)] : [])];
      const second = [para.slice(c), ...paragraphs.slice(j + 1)];
      if (bodyLines(first, firstEms) > MAX_BODY_LINES || bodyLines(second, restEms) > MAX_BODY_LINES) continue;
      // A 续 page under a third of the text only when nothing else fits.
      const rest = second.join('').length;
      const score = Math.abs(total - 2 * rest) + (c === 0 ? 0 : total / 4) + (rest * 3 < total ? total : 0);
      if (score < bestScore) {
        bestScore = score;
        best = [first, second];
      }
    }
  });
  return best ?? plain;
}

/**
 * The deck follows the briefing's slide order, but a practice is one slide here: its text is paginated for the
 * deck's own boxes (balancedPages), not cut where a screen's card would cut it.
 */
export const DECK_SLIDE_LAYOUT: SlideLayout = { ...DEFAULT_SLIDE_LAYOUT, lines: 1000 };

/**
 * A practice's text over pages of at most MAX_BODY_LINES lines (the first beside the map, `firstEms` a line; the
 * rest full width): when it needs two, the cut falls at the sentence or clause nearest the middle such that each
 * page holds at least a third of the text (issue 26.4: 续 pages held one to three lines while the page before had
 * room). Falls back to filling pages in order when no such cut fits. The pages joined give the text back exactly.
 */
export function balancedPages(text: string, firstEms: number, restEms: number): string[] {
  const fits = (piece: string, ems: number) => wrapEms(piece, ems).length <= MAX_BODY_LINES;
  if (fits(text, firstEms)) return [text];
  const chars = Array.from(text);
  const n = chars.length;
  let best = -1;
  let bestScore = Infinity;
  let at = 0;
  for (let i = 0; i < n - 1; i++) {
    at += chars[i]!.length;
    const mark = chars[i]!;
    const sentence = /[。；！？]/.test(mark);
    if (!sentence && !/[，、：]/.test(mark)) continue;
    const k = i + 1;
    if (k * 3 < n || (n - k) * 3 < n) continue;
    const head = text.slice(0, at);
    const tail = text.slice(at);
    if (!fits(head, firstEms) || !fits(tail, restEms)) continue;
    // Nearest the middle, a sentence end preferred over a clause by a tenth of the text.
    const score = Math.abs(k - n / 2) + (sentence ? 0 : n / 10);
    if (score < bestScore) {
      bestScore = score;
      best = at;
    }
  }
  if (best > 0) return [text.slice(0, best), text.slice(best)];
  return paginate([text], firstEms, restEms).map((page) => page.join(''));
}

/** The deck: a cover, then one or more pages per briefing slide (national, each province, each practice). */
export function planDeck(input: DeckInput): { slides: Slide[]; pages: DeckPage[] } {
  const { dataset, practices, lang } = input;
  const t = tFor(lang);
  const zh = lang === 'zh';
  const slides = slidesOf(dataset, practices, DECK_SLIDE_LAYOUT);
  const overall = dataCitation(dataset, practices, lang);
  const pages: DeckPage[] = [];
  const mark = (title: string) => (zh ? `${title}（续）` : `${title} (continued)`);
  const besideMap = emsPerLine(BODY_W.besideMap, FONT.body);
  const full = emsPerLine(BODY_W.full, FONT.body);

  pages.push({
    slide: -1,
    kind: 'cover',
    title: t('briefingNationalTitle'),
    caption: '',
    body: [`${input.subject} · ${t('practicesCount', { n: practices.length })}`, input.filterWords, input.date].filter(Boolean),
    continued: false,
    citation: overall,
    notes: '',
  });

  slides.forEach((slide, i) => {
    if (slide.kind === 'national') {
      const provinces = new Set(practices.flatMap((p) => p.actors.map((a) => a.province)));
      const places = new Set(practices.flatMap((p) => p.actors.filter((a) => a.level !== 'province').map((a) => a.adcode)));
      const totals = t('briefingTotals', { n: practices.length, p: provinces.size, c: places.size });
      const provinceSlides = slides.filter((s): s is Extract<Slide, { kind: 'province' }> => s.kind === 'province');
      const ranking = provinceSlides.map((s) => `${input.placeName(s.adcode)}\u3000${t('practicesCount', { n: provinceSlidePractices(dataset, practices, s.adcode).length })}`);
      // One page: the totals and the provinces most practices first, one a line; when they do not all fit, the
      // last line says how many more there are (each has its own page next).
      const ems = emsPerLine(BODY_W.national, FONT.body);
      const room = MAX_BODY_LINES - wrapEms(totals, ems).length;
      const shown = ranking.length <= room ? ranking : ranking.slice(0, Math.max(0, room - 1));
      const more = ranking.length - shown.length;
      const body = [totals, ...shown, ...(more ? [zh ? `另有 ${more} 个省级单位，见后页` : `${more} more provincial units on the following pages`] : [])];
      pages.push({
        slide: i,
        kind: 'national',
        title: t('national'),
        caption: input.filterWords,
        body,
        map: null,
        continued: false,
        citation: overall,
        notes: [totals, ...ranking].join('\n'),
      });
    } else if (slide.kind === 'province') {
      const list = provinceSlidePractices(dataset, practices, slide.adcode);
      const name = input.placeName(slide.adcode);
      const title = `${name} · ${t('practicesCount', { n: list.length })}`;
      // The headline opens with the practice's place (江苏省苏州市探索…), so the item number and headline say it all.
      const items = list.map((p) => `${p.mechanism.code}${p.measure.code}${p.item}\u3000${p.headline}`);
      balancedParagraphs(items, emsPerLine(BODY_W.province, FONT.body), full).forEach((b, k) =>
        pages.push({
          slide: i,
          kind: 'province',
          title: k ? mark(title) : title,
          caption: '',
          body: b,
          ...(k === 0 ? { map: slide.adcode } : {}),
          continued: k > 0,
          citation: dataCitation(dataset, list, lang),
          notes: items.join('\n'),
        }),
      );
    } else if (slide.kind === 'programme') {
      const prog = programmeById(dataset, slide.id);
      if (!prog) return;
      const c = programmeCoverage(prog, practices);
      const sep = zh ? '、' : ', ';
      // The unit's own name (唐山市, 九龙坡区), as on the live slide: the page beside the map has room for few lines.
      const name = (u: (typeof c.units)[number]) => (zh ? u.unit.name : input.placeName(u.unit.adcode));
      const title = zh ? prog.title : `${prog.titleEn} (unofficial translation)`;
      const status = `${t(prog.status === '公示' ? 'programmeProposed' : 'programmeFinal')} · ${prog.issuer}${zh ? '，' : ', '}${formatDate(prog.date, lang)}`;
      const body = [
        t('programmeCoverage', { n: c.units.length, m: c.withPractices.length }),
        `${t('programmeWith')}${zh ? '：' : ': '}${c.withPractices.map((u) => `${name(u)} ${u.practices.length}`).join(sep) || t('programmeNone')}`,
        `${t('programmeWithout')}${zh ? '：' : ': '}${c.without.map(name).join(sep) || t('programmeNone')}`,
      ];
      const citation = `${t('programmeSource')}${zh ? '：' : ': '}${prog.sources.map((s) => `${s.publisher}《${s.title}》，${s.date}，${s.url}`).join('；')}`;
      const marks = { id: prog.id, withPractices: c.withPractices.map((u) => u.unit.adcode), without: c.without.map((u) => u.unit.adcode) };
      balancedParagraphs(body, emsPerLine(BODY_W.national, FONT.body), full).forEach((b, k) =>
        pages.push({
          slide: i,
          kind: 'programme',
          title: k ? mark(title) : title,
          caption: status,
          body: b,
          ...(k === 0 ? { map: null, programme: marks } : {}),
          continued: k > 0,
          citation,
          notes: [...body, t('programmeRule'), citation].join('\n'),
        }),
      );
    } else {
      const p = practiceById(dataset, slide.id);
      if (!p) return;
      const item = `${p.mechanism.code}${p.measure.code}${p.item}`;
      const title = `${placeOf(p, input)} · ${item}`;
      const citation = `${t('citation')}${zh ? '：' : ': '}${practiceCitation(dataset, p, lang)}（${sourceLinesWords(p.source.lines, lang)}）`;
      const notes = [p.text, citation].join('\n\n');
      balancedPages(p.text, besideMap, full).forEach((piece, k) =>
        pages.push({
          slide: i,
          kind: 'practice',
          title: k > 0 ? mark(title) : title,
          caption: `${p.mechanism.code}、${p.mechanism.title} · ${p.measure.code}${p.measure.title}`,
          body: [piece],
          ...(k === 0 ? { map: slide.adcode } : {}),
          continued: k > 0,
          citation,
          notes,
          practiceId: p.id,
        }),
      );
    }
  });
  return { slides, pages };
}

/** The practice's place as a title reads it: its actors' full names (山东省潍坊市、北京市). */
function placeOf(p: Practice, input: DeckInput): string {
  return p.actors.map((a) => input.placeName(a.adcode)).join(input.lang === 'zh' ? '、' : ', ');
}
