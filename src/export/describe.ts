// Gathers, from the current state, everything an export shows: the subject (全国 or the selected region), its
// practices, the title and filter words, legend, footer, inset and the map scene. The hook hands a snapshot of the
// state to the exporters, which are plain functions.
import { useCallback } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAtlasData } from '../data/context';
import { useAtlas } from '../store/store';
import { legendItems, practiceById, practicesOfRegion } from '../store/selectors';
import { classColors, paletteOf, type ThemeName } from '../theme/palette';
import { INSET_SIZE, insetPaths } from '../theme/inset';
import { useFiltered, useProvinceBreaks } from '../store/hooks';
import { fullPlaceName } from '../format/places';
import { formatDate, tFor, type Lang } from '../i18n';
import { programmeMarks } from '../store/programmes';
import type { Dataset, Practice } from '../types';
import type { GeoBundle } from '../data/load';
import type { Filters } from '../store/filters';
import type { Selection } from '../store/selection';
import type { ExportInput } from './png';
import { dataCitation, filterSummary, isoDay } from '../format/summary';
import { useDeployConfig, type DeployConfig } from '../data/config';
import { buildScene, sceneNow, type MapScene } from '../scene/scene';

export type ExportDescription = Omit<ExportInput, 'cssWidth' | 'cssHeight' | 'pixelRatio'>;

/** Everything the exporters read, as of one moment. */
export interface ExportState {
  dataset: Dataset;
  geo: GeoBundle;
  filters: Filters;
  selection: Selection;
  lang: Lang;
  theme: ThemeName;
  /** The filtered practices (what the map counts). */
  filtered: Practice[];
  breaks: number[];
  max: number;
  config: DeployConfig;
  fontFamily: string;
}

export interface ExportSubject {
  /** null = the whole country. */
  adcode: number | null;
  /** 全国, or the region's full name (江苏省苏州市). */
  name: string;
  /** The filtered practices of the subject (all of them for 全国). */
  practices: Practice[];
}

/** The subject of an export: the selected region (a selected practice's place), else the whole country. */
export function exportSubject(s: Pick<ExportState, 'dataset' | 'geo' | 'filtered' | 'selection' | 'lang'>): ExportSubject {
  const t = tFor(s.lang);
  let adcode: number | null = null;
  if (s.selection.kind === 'region') adcode = s.selection.adcode;
  else if (s.selection.kind === 'practice') adcode = practiceById(s.dataset, s.selection.id)?.actors[0]?.adcode ?? null;
  if (adcode === null) return { adcode: null, name: t('national'), practices: s.filtered };
  return { adcode, name: fullPlaceName(adcode, s.geo.gazetteer), practices: practicesOfRegion(s.dataset, s.filtered, adcode) };
}


/** "5 项做法 · 主题：资金保障；层级：市级" — the count shown and the active filters in words. */
export function exportSubtitle(s: Pick<ExportState, 'dataset' | 'filters' | 'lang'>, count: number): string {
  const t = tFor(s.lang);
  return `${t('practicesCount', { n: count })} · ${filterSummary(s.dataset, s.filters, s.lang) || t('filterAll')}`;
}

/** A CSS custom property of the document (the app's theme variables), with a fallback for a bare page. */
function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** The footer lines of every exported map: date, data citation, boundary attribution, 审图号 when configured. */
export function exportFooter(s: ExportState, practices: readonly Practice[]): string[] {
  const t = tFor(s.lang);
  return [
    t('exportDate', { d: formatDate(isoDay(new Date()), s.lang) }),
    dataCitation(s.dataset, practices, s.lang),
    // The attribution text names itself ("边界数据：…"), so it goes in as is.
    s.geo.meta.attribution[s.lang],
    s.config.approvalNumber ? t('approvalNumber', { n: s.config.approvalNumber }) : '',
  ];
}

/**
 * The whole description of a map export for `subject` (default: the state's own subject) in `theme` (default:
 * the app's): title, subtitle, legend, footer, inset and the map scene framed on the subject.
 */
export async function describeExport(s: ExportState, opts: { subject?: ExportSubject; theme?: ThemeName } = {}): Promise<ExportDescription> {
  const subject = opts.subject ?? exportSubject(s);
  return withScene(s, { ...opts, subject }, await buildScene(sceneInput(s, opts.theme ?? s.theme), subject.adcode));
}

/**
 * The same at once, the subject drawn from the national level (Ctrl+P composes before the print dialog opens and
 * cannot wait for the subject's detail file; the live WebGL canvas is not read back).
 */
export function describeExportNow(s: ExportState): ExportDescription {
  const subject = exportSubject(s);
  return withScene(s, { subject }, sceneNow(sceneInput(s, s.theme), subject.adcode));
}

function sceneInput(s: ExportState, theme: ThemeName) {
  return { dataset: s.dataset, geo: s.geo, practices: s.filtered, breaks: s.breaks, palette: paletteOf(theme), fontFamily: s.fontFamily };
}

function withScene(s: ExportState, opts: { subject: ExportSubject; theme?: ThemeName }, scene: MapScene): ExportDescription {
  const theme = opts.theme ?? s.theme;
  // Under a `prog` filter the exported map outlines those programmes' units as the live map does (issue 27).
  const prog = s.filters.programmes.length > 0 ? { ...programmeMarks(s.dataset, s.filtered, s.filters.programmes), color: paletteOf(theme).programme } : null;
  return { ...describeFrame(s, opts), map: { scene: prog ? { ...scene, programme: prog } : scene } };
}

/** Everything around the map (synchronous). */
export function describeFrame(s: ExportState, opts: { subject?: ExportSubject; theme?: ThemeName } = {}): Omit<ExportDescription, 'map'> {
  const t = tFor(s.lang);
  const theme = opts.theme ?? s.theme;
  const subject = opts.subject ?? exportSubject(s);
  const palette = paletteOf(theme);
  const colors = classColors(palette, s.breaks.length);
  const inset = s.geo.inset ? insetPaths(s.geo.inset, INSET_SIZE.width, INSET_SIZE.height) : null;
  const dark = theme === 'dark';
  const fromCss = theme === s.theme;
  return {
    colors: {
      panel: fromCss ? cssVar('--panel', dark ? '#111a2e' : '#ffffff') : dark ? '#111a2e' : '#ffffff',
      text: fromCss ? cssVar('--text', dark ? '#e5e7eb' : '#1f2937') : dark ? '#e5e7eb' : '#1f2937',
      muted: fromCss ? cssVar('--muted', dark ? '#b6c0cf' : '#4b5563') : dark ? '#b6c0cf' : '#4b5563',
      line: fromCss ? cssVar('--line', dark ? '#2a3650' : '#d8dbe0') : dark ? '#2a3650' : '#d8dbe0',
      sea: palette.background,
      land: palette.noData,
      context: palette.context,
      outline: palette.outline,
      dash: palette.dash,
    },
    fontFamily: s.fontFamily,
    title: `${t('appTitle')} · ${subject.name}`,
    subtitle: exportSubtitle(s, subject.practices.length),
    legend: {
      title: t('legendTitle'),
      items: [
        { color: palette.noData, label: t('legendNone') },
        ...legendItems(s.breaks, s.max).map((it, i) => ({ color: colors[i] ?? palette.noData, label: it.label })),
      ],
      marker: { color: palette.marker, label: t('markerLegend') },
    },
    footer: exportFooter(s, s.filtered),
    // The map's own label, as on screen: 南海诸岛 in either language.
    inset: inset ? { viewBox: inset.viewBox, land: inset.land, dash: inset.dash, context: inset.context, caption: '南海诸岛' } : null,
  };
}

/** Returns a function giving the export state as of the moment it is called. */
export function useExportState(): () => ExportState {
  const { dataset, geo } = useAtlasData();
  const { filters, lang, theme, selection } = useAtlas(
    useShallow((s) => ({ filters: s.filters, lang: s.lang, theme: s.theme, selection: s.selection })),
  );
  const filtered = useFiltered();
  const { breaks, max } = useProvinceBreaks();
  const config = useDeployConfig();
  return useCallback(
    () => ({
      dataset,
      geo,
      filters,
      selection,
      lang,
      theme,
      filtered,
      breaks,
      max,
      config,
      fontFamily: getComputedStyle(document.body).fontFamily || 'sans-serif',
    }),
    [dataset, geo, filters, selection, lang, theme, filtered, breaks, max, config],
  );
}
