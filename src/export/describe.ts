// Gathers, from the current state, everything the exported image shows besides the map (hook for the menu).
import { useCallback } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAtlasData } from '../data/context';
import { useAtlas } from '../store/store';
import { legendItems } from '../store/selectors';
import { classColors, paletteOf } from '../theme/palette';
import { insetPaths } from '../theme/inset';
import { INSET_SIZE } from '../panels/Inset';
import { useFiltered, useProvinceBreaks } from '../store/hooks';
import { formatDate, tFor } from '../i18n';
import type { ExportInput } from './png';
import { dataCitation, filterSummary, isoDay } from './summary';
import { useDeployConfig } from './config';

export type ExportDescription = Omit<ExportInput, 'map' | 'cssWidth' | 'cssHeight' | 'pixelRatio'>;

/** A CSS custom property of the document (the app's theme variables), with a fallback for a bare page. */
function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** Returns a function that describes the export as of the moment it is called (colours follow the theme). */
export function useExportDescription(): () => ExportDescription {
  const { dataset, geo } = useAtlasData();
  const { filters, lang, theme } = useAtlas(useShallow((s) => ({ filters: s.filters, lang: s.lang, theme: s.theme })));
  const practices = useFiltered();
  const { breaks, max } = useProvinceBreaks();
  const config = useDeployConfig();

  return useCallback(() => {
    const t = tFor(lang);
    const palette = paletteOf(theme);
    const colors = classColors(palette, breaks.length);
    const summary = filterSummary(dataset, filters, lang);
    const inset = geo.inset ? insetPaths(geo.inset, INSET_SIZE.width, INSET_SIZE.height) : null;
    return {
      colors: {
        panel: cssVar('--panel', theme === 'dark' ? '#111a2e' : '#ffffff'),
        text: cssVar('--text', theme === 'dark' ? '#e5e7eb' : '#1f2937'),
        muted: cssVar('--muted', theme === 'dark' ? '#b6c0cf' : '#4b5563'),
        line: cssVar('--line', theme === 'dark' ? '#2a3650' : '#d8dbe0'),
        sea: palette.background,
        land: palette.noData,
        context: palette.context,
        outline: palette.outline,
        dash: palette.dash,
      },
      fontFamily: getComputedStyle(document.body).fontFamily || 'sans-serif',
      title: t('appTitle'),
      subtitle: `${t('practicesCount', { n: practices.length })} · ${summary || t('filterAll')}`,
      legend: {
        title: t('legendTitle'),
        items: [
          { color: palette.noData, label: t('legendNone') },
          ...legendItems(breaks, max).map((it, i) => ({ color: colors[i] ?? palette.noData, label: it.label })),
        ],
        marker: { color: palette.marker, label: t('markerLegend') },
      },
      footer: [
        t('exportDate', { d: formatDate(isoDay(new Date()), lang) }),
        dataCitation(dataset, practices, lang),
        // The attribution text names itself ("边界数据：…"), so it goes in as is.
        geo.meta.attribution[lang],
        config.approvalNumber ? t('approvalNumber', { n: config.approvalNumber }) : '',
      ],
      // The map's own label, as on screen: 南海诸岛 in either language.
      inset: inset ? { viewBox: inset.viewBox, land: inset.land, dash: inset.dash, context: inset.context, caption: '南海诸岛' } : null,
    };
  }, [dataset, geo, filters, lang, theme, practices, breaks, max, config]);
}
