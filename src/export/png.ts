// The exported image: the map as it is on screen, redrawn at 2× pixel density, with everything a map needs when
// it leaves the app — title, legend, date, data citation, boundary attribution, the South China Sea inset and
// (when the deployer set one) the 审图号. `composeExport` is a function of its inputs only (it reads no store
// and no React state) so that what is drawn is decided by the caller and testable in isolation.
import { getMapHandle } from '../map';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

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

export interface ExportInput {
  /** The map, already drawn at `pixelRatio` × the CSS size. */
  map: CanvasImageSource & { width: number; height: number };
  /** CSS size of the map view; the image is this size × pixelRatio. */
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
  colors: ExportColors;
  /** CSS font-family list (system CJK fonts: no web fonts offline). */
  fontFamily: string;
  title: string;
  subtitle: string;
  legend: ExportLegend;
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

  // The map fills the frame; boxes go over it, as on screen.
  ctx.fillStyle = colors.sea;
  ctx.fillRect(0, 0, W, H);
  ctx.drawImage(input.map, 0, 0, W, H);

  // Footer band: one text line each (wrapped when the view is narrow).
  ctx.font = font(12);
  const footerWidth = W - 2 * MARGIN;
  const footerLines = input.footer.filter((l) => l.trim()).flatMap((l) => wrapText(l, footerWidth, (s) => ctx.measureText(s).width));
  const lineH = 17;
  const footer: Rect = { x: 0, y: H - (footerLines.length * lineH + 2 * 7), width: W, height: footerLines.length * lineH + 2 * 7 };
  ctx.save();
  ctx.globalAlpha = 0.94;
  ctx.fillStyle = colors.panel;
  ctx.fillRect(footer.x, footer.y, footer.width, footer.height);
  ctx.restore();
  ctx.strokeStyle = colors.line;
  ctx.beginPath();
  ctx.moveTo(0, footer.y + 0.5);
  ctx.lineTo(W, footer.y + 0.5);
  ctx.stroke();
  ctx.fillStyle = colors.muted;
  footerLines.forEach((l, i) => ctx.fillText(l, MARGIN, footer.y + 7 + i * lineH + 1));

  // Title box, top left.
  ctx.font = font(20, 700);
  const titleMax = Math.min(W - 2 * MARGIN, 640) - 2 * PAD;
  const titleLines = wrapText(input.title, titleMax, (s) => ctx.measureText(s).width);
  ctx.font = font(13);
  const subLines = input.subtitle ? wrapText(input.subtitle, titleMax, (s) => ctx.measureText(s).width) : [];
  ctx.font = font(20, 700);
  let tw = Math.max(0, ...titleLines.map((l) => ctx.measureText(l).width));
  ctx.font = font(13);
  tw = Math.max(tw, ...subLines.map((l) => ctx.measureText(l).width));
  const title: Rect = { x: MARGIN, y: MARGIN, width: tw + 2 * PAD, height: titleLines.length * 27 + subLines.length * 19 + 2 * PAD - 2 };
  box(ctx, title, colors);
  ctx.fillStyle = colors.text;
  ctx.font = font(20, 700);
  titleLines.forEach((l, i) => ctx.fillText(l, title.x + PAD, title.y + PAD + i * 27));
  ctx.fillStyle = colors.muted;
  ctx.font = font(13);
  subLines.forEach((l, i) => ctx.fillText(l, title.x + PAD, title.y + PAD + titleLines.length * 27 + i * 19));

  // Legend box, bottom left above the footer.
  const { legend: lg } = input;
  const rowH = 19;
  ctx.font = font(13);
  const labelW = Math.max(
    ctx.measureText(lg.title).width,
    ...lg.items.map((it) => 30 + ctx.measureText(it.label).width),
    ...(lg.marker ? [ctx.measureText(lg.marker.label).width * (12 / 13) + 20] : []),
  );
  const legendH = PAD + 20 + lg.items.length * rowH + (lg.marker ? 24 : 0) + PAD - 4;
  const legend: Rect = { x: MARGIN, y: footer.y - MARGIN - legendH, width: Math.min(labelW, W / 2) + 2 * PAD, height: legendH };
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

  // 南海诸岛 inset, bottom right above the footer (shrunk when the view is short, never left out).
  let inset: Rect | null = null;
  if (input.inset) {
    const room = footer.y - 2 * MARGIN - title.y - title.height;
    const scale = Math.max(0.5, Math.min(1, room / INSET_H));
    inset = { x: W - MARGIN - INSET_W * scale, y: footer.y - MARGIN - INSET_H * scale, width: INSET_W * scale, height: INSET_H * scale };
    drawInset(ctx, input.inset, inset, colors, font);
  }

  const dev = (r: Rect): Rect => ({ x: r.x * pr, y: r.y * pr, width: r.width * pr, height: r.height * pr });
  return { width: canvas.width, height: canvas.height, title: dev(title), legend: dev(legend), inset: inset && dev(inset), footer: dev(footer) };
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
  ctx.font = font(11);
  const w = ctx.measureText(inset.caption).width;
  ctx.fillStyle = colors.panel;
  ctx.fillRect(r.x + r.width - w - 10, r.y + r.height - 19, w + 6, 16);
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

/**
 * Snapshots the live map at 2× and composes the export around it. `describe` fills in everything but the map
 * (the caller's data: breaks, colours, texts), given the map's CSS size.
 */
export async function exportMapPng(
  describe: (size: { width: number; height: number }) => Omit<ExportInput, 'map' | 'cssWidth' | 'cssHeight' | 'pixelRatio'>,
): Promise<{ blob: Blob; layout: ExportLayout }> {
  const handle = getMapHandle();
  if (!handle) throw new Error('map not ready');
  const size = handle.size();
  const map = await handle.snapshot(EXPORT_PIXEL_RATIO);
  // Text is drawn with system fonts; make sure they are loaded so the first export is not in a fallback font.
  await document.fonts?.ready;
  const canvas = document.createElement('canvas');
  const layout = composeExport(
    { ...describe(size), map, cssWidth: size.width, cssHeight: size.height, pixelRatio: EXPORT_PIXEL_RATIO },
    canvas,
  );
  return { blob: await canvasToPng(canvas), layout };
}

/** Saves a blob under a file name through an <a download> (blob: URLs stay inside the CSP). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
