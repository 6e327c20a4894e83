// The briefing as a PowerPoint deck (16:9): a cover, the national map, each province, each practice — the live
// briefing's own slide list (src/store/slides.ts). Text sits in editable text boxes in Microsoft YaHei (the
// face officials' PCs have; PowerPoint, WPS and LibreOffice substitute their own CJK sans where it is missing);
// maps are images of the same views as the slides at 2×. Loaded on demand (the menu imports this module, and it
// imports pptxgenjs, only when a deck is asked for), so the first view's bundle does not carry either.
import type PptxGenJS from 'pptxgenjs';
import { xmlSafe, xmlSafeDeep } from '../format/xmlSafe';
import { tFor } from '../i18n';
import { formatDate } from '../i18n';
import { fullPlaceName } from '../format/places';
import { composeExport, EXPORT_PIXEL_RATIO, type ExportInput } from './png';
import { describeExport, exportSubject, type ExportState } from './describe';
import { BODY_W, FONT, planDeck, SLIDE, type DeckPage } from './deck';
import { filterSummary, isoDay } from '../format/summary';
import { paletteOf } from '../theme/palette';

export const DECK_FONT = 'Microsoft YaHei';
const TEXT = '1F2937';
const MUTED = '4B5563';
const ACCENT = '0868AC';
/** CSS pixels per inch of a map image (× EXPORT_PIXEL_RATIO for the bitmap). */
const PX_PER_IN = 96;

type Box = { x: number; y: number; w: number; h: number };

const MAP_BOX: Record<DeckPage['kind'], Box> = {
  cover: { x: 0, y: 0, w: 0, h: 0 },
  national: { x: 0.45, y: 1.6, w: 7.95, h: 5.0 },
  province: { x: 0.45, y: 1.6, w: 6.6, h: 5.0 },
  practice: { x: 8.1, y: 1.6, w: 4.75, h: 5.0 },
  programme: { x: 0.45, y: 1.6, w: 7.95, h: 5.0 },
};
const BODY_BOX: Record<DeckPage['kind'], Box> = {
  cover: { x: 1.2, y: 3.5, w: 10.9, h: 2.4 },
  national: { x: 8.55, y: 1.6, w: BODY_W.national, h: 5.0 },
  province: { x: 7.25, y: 1.6, w: BODY_W.province, h: 5.0 },
  practice: { x: 0.5, y: 1.6, w: BODY_W.besideMap, h: 5.0 },
  programme: { x: 8.55, y: 1.6, w: BODY_W.national, h: 5.0 },
};
const FULL_BODY: Box = { x: 0.5, y: 1.6, w: BODY_W.full, h: 5.0 };

export interface DeckProgress {
  done: number;
  total: number;
}

/** Renders the map of one slide view into a PNG data URL sized for its box. */
async function mapImage(state: ExportState, adcode: number | null, box: Box, kind: DeckPage['kind'], programme?: DeckPage['programme']): Promise<string> {
  const subject =
    adcode === null
      ? exportSubject({ ...state, selection: { kind: 'none' } })
      : exportSubject({ ...state, selection: { kind: 'region', adcode } });
  // Decks are shown on white slides and projectors: always the light map.
  const d = await describeExport(state, { subject, theme: 'light' });
  // A programme's page: its units outlined on the national map (issue 27), in the light theme's programme colour.
  const map = programme && 'scene' in d.map ? { scene: { ...d.map.scene, programme: { ...programme, color: paletteOf('light').programme } } } : d.map;
  const input: ExportInput = {
    ...d,
    map,
    title: '',
    subtitle: '',
    footer: [],
    legend: kind === 'practice' ? null : d.legend,
    // The inset belongs to a map of the whole country.
    inset: adcode === null ? d.inset : null,
    cssWidth: Math.round(box.w * PX_PER_IN),
    cssHeight: Math.round(box.h * PX_PER_IN),
    pixelRatio: EXPORT_PIXEL_RATIO,
  };
  const canvas = document.createElement('canvas');
  composeExport(input, canvas);
  return canvas.toDataURL('image/png');
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Builds the deck; reports progress after each page (the menu shows it). */
export async function buildDeck(state: ExportState, onProgress?: (p: DeckProgress) => void): Promise<{ blob: Blob; pages: DeckPage[] }> {
  const { default: Pptx } = await import('pptxgenjs');
  const { dataset, geo, lang } = state;
  const t = tFor(lang);
  const zh = lang === 'zh';
  // The deck is the briefing: every filtered practice, so its subject is the country (and the filters).
  const subject = exportSubject({ ...state, selection: { kind: 'none' } });
  // Every string the deck writes passes the one XML-safe function (issue 24.3): pages are planned, then cleaned.
  const { pages: planned } = planDeck({
    dataset,
    gazetteer: geo.gazetteer,
    practices: state.filtered,
    lang,
    subject: subject.name,
    filterWords: filterSummary(dataset, state.filters, lang) || t('filterAll'),
    date: formatDate(isoDay(new Date()), lang),
    placeName: (a) => fullPlaceName(a, geo.gazetteer),
  });
  const pages = xmlSafeDeep(planned);

  const pres: PptxGenJS = new Pptx();
  pres.layout = 'LAYOUT_WIDE';
  pres.title = xmlSafe(`${t('appTitle')} · ${subject.name}`);
  pres.subject = t('briefingNationalTitle');
  pres.company = '';
  pres.theme = { headFontFace: DECK_FONT, bodyFontFace: DECK_FONT };
  const approval = xmlSafe(state.config.approvalNumber ? t('approvalNumber', { n: state.config.approvalNumber }) : '');
  const images = new Map<string, string>();
  const text = { fontFace: DECK_FONT, lang: zh ? 'zh-CN' : 'en-GB', color: TEXT } as const;

  for (const [i, page] of pages.entries()) {
    const slide = pres.addSlide();
    slide.background = { color: 'FFFFFF' };
    if (page.kind === 'cover') {
      slide.addShape('rect', { x: 0, y: 0, w: SLIDE.width, h: 0.18, fill: { color: ACCENT }, line: { color: ACCENT } });
      slide.addText(page.title, { ...text, x: 0.8, y: 1.6, w: SLIDE.width - 1.6, h: 1.4, fontSize: FONT.cover, bold: true, align: 'center', valign: 'middle' });
      slide.addText(
        page.body.map((b, k) => ({ text: b, options: { breakLine: k < page.body.length - 1 } })),
        { ...text, ...BODY_BOX.cover, fontSize: FONT.body, align: 'center', valign: 'top', color: MUTED, lineSpacingMultiple: 1.3 },
      );
    } else {
      slide.addText(page.title, { ...text, x: 0.5, y: 0.3, w: SLIDE.width - 1.0, h: 0.85, fontSize: FONT.title, bold: true, valign: 'middle', fit: 'none' });
      if (page.caption) slide.addText(page.caption, { ...text, x: 0.5, y: 1.1, w: SLIDE.width - 1.0, h: 0.45, fontSize: FONT.caption, color: MUTED, valign: 'middle' });
      if (page.map !== undefined) {
        const box = MAP_BOX[page.kind];
        const key = `${page.kind}:${page.map ?? 'national'}:${page.programme?.id ?? ''}`;
        let data = images.get(key);
        if (!data) {
          data = await mapImage(state, page.map, box, page.kind, page.programme);
          images.set(key, data);
        }
        slide.addImage({ data: data.replace(/^data:/, ''), ...box, altText: page.title });
      }
      const body = page.map === undefined ? FULL_BODY : BODY_BOX[page.kind];
      slide.addText(
        page.body.map((b, k) => ({ text: b, options: { breakLine: k < page.body.length - 1, paraSpaceAfter: 6 } })),
        { ...text, ...body, fontSize: FONT.body, valign: 'top', lineSpacingMultiple: 1.15, fit: 'none' },
      );
    }
    // Foot of every page: the source, the 审图号 when configured, the page number.
    slide.addShape('line', { x: 0.5, y: 6.78, w: SLIDE.width - 1.0, h: 0, line: { color: 'D1D5DB', width: 0.75 } });
    slide.addText([page.citation, approval].filter(Boolean).join('\n'), {
      ...text,
      x: 0.5,
      y: 6.82,
      w: SLIDE.width - 1.9,
      h: 0.6,
      fontSize: FONT.foot,
      color: MUTED,
      valign: 'top',
    });
    slide.addText(String(i + 1), { ...text, x: SLIDE.width - 1.3, y: 6.82, w: 0.8, h: 0.35, fontSize: FONT.foot, color: MUTED, align: 'right' });
    if (page.notes) slide.addNotes(page.notes);
    onProgress?.({ done: i + 1, total: pages.length });
    // Let the progress paint between pages (a map image takes a few hundred milliseconds).
    if (page.map !== undefined) await nextFrame();
  }
  const blob = (await pres.write({ outputType: 'blob', compression: true })) as Blob;
  return { blob, pages };
}
