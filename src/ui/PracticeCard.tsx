// One practice in full: headline, text with figures and documents marked, themes, places, citation, copy-link.
// Shared by the detail panel and the print export, so it lives below the features; what another feature adds to
// the card (the related practices) comes through a slot the app shell fills (PracticeCardSlots).
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useAtlasData } from '../data/context';
import { practiceSelection, regionSelection } from '../store/selection';
import { encodeState, urlStateOf } from '../store/url';
import { themeByKey } from '../store/selectors';
import { useT } from '../store/hooks';
import { practiceCitationParts, sourceLines } from '../format/citation';
import { CitationText, PlaceName } from './english';
import { useAtlas, useAtlasStore, type AtlasState } from '../store/store';
import { segmentText } from '../format/segments';
import { SegmentedText } from './SegmentedText';
import type { Place, Practice } from '../types';

/** What features add to every practice card; the app shell provides it (features never import each other). */
export interface PracticeCardSlots {
  /** Drawn after the sites, before the citation. */
  related?: (practice: Practice) => ReactNode;
}

export const PracticeCardSlotsContext = createContext<PracticeCardSlots>({});

/** The link that opens exactly this practice (current filters kept out: a shared case should always show). */
export function practiceLink(id: string, s: AtlasState): string {
  const params = encodeState({ ...urlStateOf(s), selection: practiceSelection(id), camera: null });
  const url = new URL(window.location.href);
  url.search = params.toString();
  url.hash = '';
  return url.toString();
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Old intranet browsers, or a page not allowed the clipboard: fall back to a selected textarea.
    const ta = document.createElement('textarea');
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

export function PracticeCard({ practice, headingLevel = 3 }: { practice: Practice; headingLevel?: 3 | 4 }) {
  const store = useAtlasStore();
  const { dataset } = useAtlasData();
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const [copied, setCopied] = useState(false);
  const slots = useContext(PracticeCardSlotsContext);
  const batch = dataset.batches.find((b) => b.id === practice.batch);
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const segments = segmentText(practice.text, practice.figures, practice.documents);
  const colon = lang === 'en' ? ': ' : '：';
  const reviewed = practice.themeSource === 'reviewed';

  return (
    <article className="practice-card" data-practice={practice.id} aria-labelledby={`h-${practice.id}`}>
      <H id={`h-${practice.id}`} className="practice-headline" lang="zh-CN">
        <button type="button" className="linklike" onClick={() => store.getState().select(practiceSelection(practice.id))}>
          {practice.headline}
        </button>
      </H>
      <p className="practice-actors">
        {practice.actors.map((a) => (
          <PlaceChip key={a.adcode} place={a} />
        ))}
      </p>
      <p className="practice-text" lang="zh-CN">
        <SegmentedText segments={segments} />
      </p>
      {practice.themes.length > 0 && (
        // Reviewed tags read plainly; tags the keyword rules suggested (imported batches, until confirmed) carry
        // 自动 / auto, so a researcher can tell them apart (themeSource absent means suggested).
        <p className="practice-themes" aria-label={t('themes')} data-theme-source={reviewed ? 'reviewed' : 'suggested'}>
          {practice.themes.map((k) => {
            const th = themeByKey(dataset, k);
            const name = th ? (lang === 'en' ? th.en : th.zh) : k;
            return (
              <span
                key={k}
                className={`chip theme${reviewed ? '' : ' suggested'}`}
                title={t(reviewed ? 'themeReviewedTitle' : 'themeAutoTitle', { name })}
              >
                {name}
                {!reviewed && <span className="theme-auto"> · {t('themeAuto')}</span>}
              </span>
            );
          })}
        </p>
      )}
      {practice.mentions.length > 0 && (
        <p className="practice-mentions">
          <span className="label">
            {t('mentions')}
            {colon}
          </span>
          {practice.mentions.map((m) => (
            <PlaceChip key={m.adcode} place={m} />
          ))}
        </p>
      )}
      {practice.sites.length > 0 && (
        <p className="practice-sites">
          <span className="label">
            {t('sites')}
            {colon}
          </span>
          <span lang="zh-CN">{practice.sites.join('、')}</span>
        </p>
      )}
      {slots.related?.(practice)}
      <footer className="practice-citation">
        <span data-testid="citation">
          {t('citation')}
          {colon}
          <CitationText parts={practiceCitationParts(batch, practice, lang)} />
          {' · '}
          {sourceLines(practice.source.lines, lang)}
        </span>
        <button
          type="button"
          className="copy-link"
          onClick={async () => {
            setCopied(await copyText(practiceLink(practice.id, store.getState())));
            window.setTimeout(() => setCopied(false), 2500);
          }}
        >
          {copied ? t('linkCopied') : t('copyLink')}
        </button>
        <span className="visually-hidden" aria-live="polite">
          {copied ? t('linkCopied') : ''}
        </span>
      </footer>
    </article>
  );
}

/** A place named by a practice: a chip that opens the place. */
function PlaceChip({ place }: { place: Place }) {
  const store = useAtlasStore();
  const t = useT();
  return (
    <button
      type="button"
      className="chip place"
      onClick={() => store.getState().select(regionSelection(place.adcode))}
      title={`${t('adcode')} ${place.adcode}`}
    >
      <PlaceName adcode={place.adcode} zh={place.name} short />
    </button>
  );
}
