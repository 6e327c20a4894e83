// English names in the interface: the English interface shows a place's English name (official for provincial
// units, Hanyu Pinyin below) with the Chinese beside it, and taxonomy titles in English (unofficial translations)
// with the official Chinese beside them. The Chinese interface shows only the Chinese, as before.
import { useEffect } from 'react';
import { useAtlas, useAtlasStore } from '../store/store';
import { useNamesEn } from '../i18n/namesEn';
import { fullPlaceNameEn, hasLatin, placeNameEn, taxonomyEn, type NamesEn } from '../format/names';
import { useAtlasData } from '../data/context';
import { useT } from '../store/hooks';
import { fullPlaceName } from '../format/places';
import type { CitationPart } from '../format/citation';

/** The English names table in the English interface (loaded on first need), else null. */
export function useEnglishNames(): NamesEn | null {
  const lang = useAtlas((s) => s.lang);
  return useNamesEn(lang === 'en');
}

/**
 * A search in Latin letters loads the English names, and runs again once they are there (a new filters object
 * with the same content: every view recomputes, the URL stays as it is). Mounted once, by the filter panel.
 */
export function useLatinSearchNames(): void {
  const store = useAtlasStore();
  const latin = useAtlas((s) => hasLatin(s.filters.q));
  const names = useNamesEn(latin);
  useEffect(() => {
    if (!names) return;
    const { filters } = store.getState();
    if (hasLatin(filters.q)) store.getState().setFilters({});
  }, [names, store]);
}

/** English first, the Chinese beside it (smaller); or the Chinese alone. */
export function Bilingual({ en, zh, title }: { en: string | undefined; zh: string; title?: string }) {
  if (!en) return <span lang="zh-CN">{zh}</span>;
  return (
    <span className="bilingual" title={title}>
      <span lang="en">{en}</span> <span className="zh-beside" lang="zh-CN">{zh}</span>
    </span>
  );
}

/** A place in full: 四川省成都市, or in English "Chengdu, Sichuan 四川省成都市". `short` names only the place itself. */
export function PlaceName({ adcode, zh, short = false }: { adcode: number; zh?: string; short?: boolean }) {
  const { geo } = useAtlasData();
  const names = useEnglishNames();
  const zhName = zh ?? (short ? (geo.gazetteer.get(adcode)?.name ?? String(adcode)) : fullPlaceName(adcode, geo.gazetteer));
  const en = short ? placeNameEn(names, adcode) : fullPlaceNameEn(adcode, geo.gazetteer, names);
  return <Bilingual en={en} zh={zhName} />;
}

/** A mechanism or measure title; in English an unofficial translation, said so in its tooltip. */
export function TaxonomyTitle({ zh }: { zh: string }) {
  const names = useEnglishNames();
  const t = useT();
  const en = taxonomyEn(names, zh);
  return <Bilingual en={en} zh={zh} title={en ? `${t('unofficialTranslation')}: ${en}` : undefined} />;
}

/** The English names as plain text, for attributes and counts (`fullPlaceNameEn` with the Chinese fallback). */
export function usePlaceText(): (adcode: number) => string {
  const { geo } = useAtlasData();
  const names = useEnglishNames();
  return (adcode) => {
    const zh = fullPlaceName(adcode, geo.gazetteer);
    const en = fullPlaceNameEn(adcode, geo.gazetteer, names);
    return en ? `${en} (${zh})` : zh;
  };
}

/** A citation's parts (format/citation), the Chinese data marked lang="zh-CN" inside an English interface. */
export function CitationText({ parts }: { parts: readonly CitationPart[] }) {
  return (
    <>
      {parts.map((x, i) =>
        x.data ? (
          <span key={i} lang="zh-CN">
            {x.text}
          </span>
        ) : (
          x.text
        ),
      )}
    </>
  );
}
