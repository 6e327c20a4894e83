// The top bar's view tools (issue 26): copy a link to the current view (any view: the URL sync keeps filters,
// selection, mode, compared provinces and camera in the address), the 关于 panel, and on phones (≤ 420 px, where
// the top bar has no room for them) a 更多 menu that also holds 省际比较 and 汇报模式.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useT } from '../store/hooks';
import { copyText } from '../ui/copyText';

const AboutPanel = lazy(() => import('../panels/AboutPanel').then((m) => ({ default: m.AboutPanel })));

export function ViewTools({ compareActive, onCompare, onBriefing }: { compareActive: boolean; onCompare: () => void; onBriefing: () => void }) {
  const t = useT();
  const [about, setAbout] = useState(false);
  const [copied, setCopied] = useState(false);
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!copied) return;
    const id = window.setTimeout(() => setCopied(false), 2500);
    return () => window.clearTimeout(id);
  }, [copied]);

  // A click elsewhere closes the menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const copy = async () => setCopied(await copyText(window.location.href));
  const pick = (f: () => void) => () => {
    setOpen(false);
    f();
  };

  return (
    <>
      <button type="button" className="text-button view-link" data-testid="copy-view-link" title={t('copyViewLinkTitle')} onClick={() => void copy()}>
        {copied ? t('linkCopied') : t('copyLink')}
      </button>
      <button type="button" className="text-button about-button" data-testid="about-open" onClick={() => setAbout(true)}>
        {t('about')}
      </button>
      <div className="more-menu" ref={wrapRef}>
        <button
          type="button"
          className="text-button"
          data-testid="more-menu"
          aria-haspopup="menu"
          aria-expanded={open}
          aria-controls={open ? 'more-menu-list' : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          {t('moreMenu')} ▾
        </button>
        {open && (
          <ul
            className="more-list"
            role="menu"
            id="more-menu-list"
            aria-label={t('moreMenu')}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setOpen(false);
              }
            }}
          >
            <li role="none" className="more-phone-only">
              <button type="button" role="menuitemcheckbox" aria-checked={compareActive} data-testid="menu-compare" onClick={pick(onCompare)}>
                {t('compare')}
              </button>
            </li>
            <li role="none" className="more-phone-only">
              <button type="button" role="menuitem" data-testid="menu-briefing" onClick={pick(onBriefing)}>
                {t('briefing')}
              </button>
            </li>
            <li role="none">
              <button type="button" role="menuitem" data-testid="menu-copy-link" onClick={pick(() => void copy())}>
                {t('copyLink')}
              </button>
            </li>
            <li role="none">
              <button type="button" role="menuitem" data-testid="menu-about" onClick={pick(() => setAbout(true))}>
                {t('about')}
              </button>
            </li>
          </ul>
        )}
      </div>
      {about && (
        <Suspense fallback={null}>
          <AboutPanel onClose={() => setAbout(false)} />
        </Suspense>
      )}
    </>
  );
}
