// The exported image: the map of the current subject at 2× pixel density in a fixed frame (16:9 landscape for
// slides, 3:4 portrait for documents), with everything a map needs when it leaves the app — a title naming the
// subject and the filters, legend, date, data citation, boundary attribution, the South China Sea inset and (when
// the deployer set one) the 审图号. The footer is a band under the map, never over it, and the subject is framed
// in the space the title, legend and inset leave free. `composeExport` is a function of its inputs only (it reads
// no store and no React state) so that what is drawn is decided by the caller and testable in isolation.
import type { Rect } from '../geometry/rect';
import { drawMapScene, freeFrame } from './mapImage';
import type { MapScene } from '../scene/scene';

export type { Rect };

export interface ExportColors {
  /** Box backgrounds and the footer band. */
  panel: string;
  text: string;
  muted: string;
  line: string;
  /** Inset sea, land and dash line: the map palette's. */
  sea: string;
  land: string;
  /** Neighbouring countries' land in the inset. */
  context: string;
  outline: string;
  dash: string;
}

export interface ExportLegend {
  title: string;
  /** Swatches in order, first the "no practice" one: the same colours and breaks as the map. */
  items: { color: string; label: string }[];
  marker?: { color: string; label: string };
}

export interface ExportInset {
  /** SVG viewBox "minX minY width height" of the paths. */
  viewBox: string;
  land: string[];
  dash: string[];
  context: string[];
  caption: string;
}

/**
 * The map: a scene drawn from the geometry into the free space. Never the live WebGL canvas (Ctrl+P too draws its
 * own copy): the map runs without preserveDrawingBuffer, which saves a buffer copy per frame in software GL.
 */
export type ExportMap = { scene: MapScene };

export interface ExportInput {
  map: ExportMap;
  /** CSS size of the frame; the image is this size × pixelRatio. */
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
  colors: ExportColors;
  /** CSS font-family list (system CJK fonts: no web fonts offline). */
  fontFamily: string;
  title: string;
  subtitle: string;
  /** null: no legend (a small locator map). */
  legend: ExportLegend | null;
  /** Footer lines, top to bottom (date, citation, attribution, approval number); empty strings are skipped. */
  footer: string[];
  inset: ExportInset | null;
}

export interface ExportLayout {
  /** Device pixels. */
  width: number;
  height: number;
  /** Boxes in device pixels (tests look inside them). */
  title: Rect;
  /** Where the map is drawn (above the footer) and where its subject's bounds were fitted. */
  mapArea: Rect;
  mapFrame: Rect;
  legend: Rect;
  inset: Rect | null;
  footer: Rect;
}

const MARGIN = 12;
const PAD = 10;
/** The app's own inset size (src/panels/Inset.tsx), so the exported inset looks like the one on screen. */
const INSET_W = 120;
const INSET_H = 170;

/** Greedy line breaking that works for Chinese (any character may break) and for English (breaks at spaces). */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const tokens = text.match(/[A-Za-z0-9'’.,;:()“”"!?%/+\-–—]+\s*|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    const next = line + tok;
    if (line && measure(next.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function roundRect(ctx: CanvasRenderingContext2D, r: Rect, radius: number) {
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.width, r.height, radius);
}

function box(ctx: CanvasRenderingContext2D, r: Rect, colors: ExportColors) {
  ctx.save();
  ctx.globalAlpha = 0.94;
  ctx.fillStyle = colors.panel;
  roundRect(ctx, r, 6);
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = colors.line;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.restore();
}

/** Draws the export onto `canvas` (resized to fit) and returns where everything went. */
export function composeExport(input: ExportInput, canvas: HTMLCanvasElement = document.createElement('canvas')): ExportLayout {
  const { cssWidth: W, cssHeight: H, pixelRatio: pr, colors } = input;
  canvas.width = Math.round(W * pr);
  canvas.height = Math.round(H * pr);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.setTransform(pr, 0, 0, pr, 0, 0);
  ctx.textBaseline = 'top';
  const font = (size: number, weight = 400) => `${weight} ${size}px ${input.fontFamily}`;
  const measure = (s: string) => ctx.measureText(s).width;

  // ——— Layout first (the map is framed in what the boxes leave free), then drawing. ———

  // Footer band under the map: one text line each (wrapped when the frame is narrow).
  ctx.font = font(12);
  const footerWidth = W - 2 * MARGIN;
  const footerLines = input.footer.filter((l) => l.trim()).flatMap((l) => wrapText(l, footerWidth, measure));
  const lineH = 17;
  const footerH = footerLines.length ? footerLines.length * lineH + 2 * 7 : 0;
  const footer: Rect = { x: 0, y: H - footerH, width: W, height: footerH };
  const mapArea: Rect = { x: 0, y: 0, width: W, height: footer.y };

  // Title box, top left: the title (subject) and the subtitle (count and filters).
  const titleMax = Math.min(W - 2 * MARGIN, 640) - 2 * PAD;
  ctx.font = font(20, 700);
  const titleLines = wrapText(input.title, titleMax, measure);
  let tw = Math.max(0, ...titleLines.map(measure));
  ctx.font = font(13);
  const subLines = input.subtitle ? wrapText(input.subtitle, titleMax, measure) : [];
  tw = Math.max(tw, ...subLines.map(measure));
  const hasTitle = titleLines.length + subLines.length > 0;
  const title: Rect = hasTitle
    ? { x: MARGIN, y: MARGIN, width: tw + 2 * PAD, height: titleLines.length * 27 + subLines.length * 19 + 2 * PAD - 2 }
    : { x: MARGIN, y: MARGIN, width: 0, height: 0 };

  // Legend box, bottom left of the map area.
  const { legend: lg } = input;
  const rowH = 19;
  ctx.font = font(13);
  let legend: Rect = { x: MARGIN, y: footer.y - MARGIN, width: 0, height: 0 };
  if (lg) {
    const labelW = Math.max(
      measure(lg.title),
      ...lg.items.map((it) => 30 + measure(it.label)),
      ...(lg.marker ? [measure(lg.marker.label) * (12 / 13) + 20] : []),
    );
    const legendH = PAD + 20 + lg.items.length * rowH + (lg.marker ? 24 : 0) + PAD - 4;
    legend = { x: MARGIN, y: footer.y - MARGIN - legendH, width: Math.min(labelW, W / 2) + 2 * PAD, height: legendH };
  }

  // 南海诸岛 inset, bottom right of the map area (shrunk when the frame is short, never left out).
  let inset: Rect | null = null;
  if (input.inset) {
    const room = footer.y - 2 * MARGIN - title.y - title.height;
    const scale = Math.max(0.5, Math.min(1, room / INSET_H));
    inset = { x: W - MARGIN - INSET_W * scale, y: footer.y - MARGIN - INSET_H * scale, width: INSET_W * scale, height: INSET_H * scale };
  }

  // ——— Map ———
  ctx.fillStyle = colors.sea;
  ctx.fillRect(0, 0, W, H);
  const avoid = [title, legend, ...(inset ? [inset] : [])].filter((r) => r.width > 0 && r.height > 0);
  const mapFrame = freeFrame({ x: MARGIN, y: MARGIN, width: W - 2 * MARGIN, height: footer.y - 2 * MARGIN }, avoid, input.map.scene.bounds);
  // The dash line lies south of the framed mainland: a part within a margin of the footer would read as running
  // into it (issue 26), so it is left to the inset like a part under the legend.
  const footerBand: Rect = { x: 0, y: footer.y - MARGIN, width: W, height: H - footer.y + MARGIN };
  drawMapScene(ctx, mapArea, mapFrame, input.map.scene, [...avoid, footerBand]);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';

  // ——— Footer ———
  if (footerLines.length) {
  ctx.save();
  ctx.fillStyle = colors.panel;
  ctx.fillRect(footer.x, footer.y, footer.width, footer.height);
  ctx.restore();
  ctx.strokeStyle = colors.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, footer.y + 0.5);
  ctx.lineTo(W, footer.y + 0.5);
  ctx.stroke();
  ctx.fillStyle = colors.muted;
  ctx.font = font(12);
  footerLines.forEach((l, i) => ctx.fillText(l, MARGIN, footer.y + 7 + i * lineH + 1));
  }

  // ——— Title ———
  if (hasTitle) box(ctx, title, colors);
  ctx.fillStyle = colors.text;
  ctx.font = font(20, 700);
  titleLines.forEach((l, i) => ctx.fillText(l, title.x + PAD, title.y + PAD + i * 27));
  ctx.fillStyle = colors.muted;
  ctx.font = font(13);
  subLines.forEach((l, i) => ctx.fillText(l, title.x + PAD, title.y + PAD + titleLines.length * 27 + i * 19));

  // ——— Legend ———
  if (lg) drawLegend(ctx, lg, legend, colors, font);

  if (input.inset && inset) drawInset(ctx, input.inset, inset, colors, font);

  const dev = (r: Rect): Rect => ({ x: r.x * pr, y: r.y * pr, width: r.width * pr, height: r.height * pr });
  return {
    width: canvas.width,
    height: canvas.height,
    title: dev(title),
    mapArea: dev(mapArea),
    mapFrame: dev(mapFrame),
    legend: dev(legend),
    inset: inset && dev(inset),
    footer: dev(footer),
  };
}

function drawLegend(
  ctx: CanvasRenderingContext2D,
  lg: ExportLegend,
  legend: Rect,
  colors: ExportColors,
  font: (size: number, weight?: number) => string,
) {
  const rowH = 19;
  box(ctx, legend, colors);
  let y = legend.y + PAD;
  ctx.fillStyle = colors.text;
  ctx.font = font(13, 700);
  ctx.fillText(lg.title, legend.x + PAD, y);
  y += 20;
  ctx.font = font(13);
  for (const it of lg.items) {
    ctx.fillStyle = it.color;
    ctx.fillRect(legend.x + PAD, y + 2, 22, 13);
    ctx.strokeStyle = 'rgba(0,0,0,0.3)';
    ctx.strokeRect(legend.x + PAD + 0.5, y + 2.5, 21, 12);
    ctx.fillStyle = colors.text;
    ctx.fillText(it.label, legend.x + PAD + 30, y);
    y += rowH;
  }
  if (lg.marker) {
    y += 4;
    ctx.beginPath();
    ctx.arc(legend.x + PAD + 6, y + 8, 6, 0, 2 * Math.PI);
    ctx.fillStyle = lg.marker.color;
    ctx.fill();
    ctx.strokeStyle = colors.panel;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.lineWidth = 1;
    ctx.fillStyle = colors.muted;
    ctx.font = font(12);
    ctx.fillText(lg.marker.label, legend.x + PAD + 20, y + 1);
  }
}

function drawInset(
  ctx: CanvasRenderingContext2D,
  inset: ExportInset,
  r: Rect,
  colors: ExportColors,
  font: (size: number, weight?: number) => string,
) {
  const [vx = 0, vy = 0, vw = INSET_W, vh = INSET_H] = inset.viewBox.split(/[\s,]+/).map(Number);
  ctx.save();
  ctx.fillStyle = colors.sea;
  ctx.fillRect(r.x, r.y, r.width, r.height);
  ctx.beginPath();
  ctx.rect(r.x, r.y, r.width, r.height);
  ctx.clip();
  // Same fit as the SVG's default preserveAspectRatio (xMidYMid meet).
  const s = Math.min(r.width / vw, r.height / vh);
  ctx.translate(r.x + (r.width - vw * s) / 2 - vx * s, r.y + (r.height - vh * s) / 2 - vy * s);
  ctx.scale(s, s);
  ctx.fillStyle = colors.context;
  for (const d of inset.context) ctx.fill(new Path2D(d));
  ctx.fillStyle = colors.land;
  ctx.strokeStyle = colors.outline;
  ctx.lineWidth = 0.4;
  for (const d of inset.land) {
    const p = new Path2D(d);
    ctx.fill(p);
    ctx.stroke(p);
  }
  ctx.fillStyle = colors.dash;
  ctx.strokeStyle = colors.dash;
  ctx.lineWidth = 0.8;
  for (const d of inset.dash) {
    const p = new Path2D(d);
    ctx.fill(p);
    ctx.stroke(p);
  }
  ctx.restore();
  ctx.strokeStyle = colors.muted;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(r.x, r.y, r.width, r.height);
  ctx.lineWidth = 1;
  // 12 px: 9 pt where a figure is printed at the size it was drawn for (the DOCX's, issue 26.4).
  ctx.font = font(12);
  const w = ctx.measureText(inset.caption).width;
  ctx.fillStyle = colors.panel;
  ctx.fillRect(r.x + r.width - w - 10, r.y + r.height - 19, w + 6, 17);
  ctx.fillStyle = colors.text;
  ctx.fillText(inset.caption, r.x + r.width - w - 7, r.y + r.height - 18);
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Export pixel density: 2× reads sharp on slides and in print at the size people paste maps. */
export const EXPORT_PIXEL_RATIO = 2;

export type Orientation = 'landscape' | 'portrait';

/** Frame sizes in CSS pixels: 16:9 (1920 × 1080 at 2×, a full slide) and 3:4 portrait (1440 × 1920, a page). */
export const FRAMES: Record<Orientation, { width: number; height: number }> = {
  landscape: { width: 960, height: 540 },
  portrait: { width: 720, height: 960 },
};

/** Composes an export of the given orientation at 2× and encodes it as PNG. */
export async function renderExportPng(
  describe: Omit<ExportInput, 'cssWidth' | 'cssHeight' | 'pixelRatio'>,
  orientation: Orientation,
): Promise<{ blob: Blob; layout: ExportLayout; canvas: HTMLCanvasElement }> {
  // Text is drawn with system fonts; make sure they are loaded so the first export is not in a fallback font.
  await document.fonts?.ready;
  const canvas = document.createElement('canvas');
  const frame = FRAMES[orientation];
  const layout = composeExport({ ...describe, cssWidth: frame.width, cssHeight: frame.height, pixelRatio: EXPORT_PIXEL_RATIO }, canvas);
  return { blob: await canvasToPng(canvas), layout, canvas };
}
