// The 关于 panel (issue 26.6): what the atlas holds, where its data come from, how to cite it, and where its
// boundaries come from (with the licence caveat of geo/README.md in a sentence). Every count is read from the
// loaded dataset, so imported batches show up here too. A native modal <dialog>: focus stays inside, Esc closes it.
import { useEffect, useRef } from 'react';
import { useAtlasData } from '../data/context';
import { useAtlas } from '../store/store';
import { useT } from '../store/hooks';
import { formatDate } from '../i18n';
import { isMainlandUnit } from '../format/units';
import { useDeployConfig } from '../data/config';
import { dataCitation, isoDay } from '../format/summary';

export function AboutPanel({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const { dataset, geo } = useAtlasData();
  const config = useDeployConfig();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);

  const provinces = new Set(
    dataset.practices.flatMap((p) => p.actors.map((a) => a.province)).filter((a) => isMainlandUnit(a)),
  );
  const perBatch = (id: number) => dataset.practices.filter((p) => p.batch === id).length;
  const here = `${window.location.origin}${window.location.pathname}`;

  return (
    <dialog
      ref={ref}
      className="about-panel"
      data-testid="about-panel"
      aria-labelledby="about-title"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // Esc closes the panel only: the explore screen's Esc (leave the selection and the zoom) must not see it.
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="about-head">
        <h2 id="about-title">{t('aboutTitle')}</h2>
        <button type="button" className="text-button" onClick={onClose} data-testid="about-close">
          {t('close')}
        </button>
      </header>
      <section>
        <h3>{t('aboutWhat')}</h3>
        <p>{t('aboutHolds', { b: dataset.batches.length, n: dataset.practices.length, p: provinces.size })}</p>
        <p>{t('aboutThemes')}</p>
      </section>
      <section>
        <h3>{t('aboutSources')}</h3>
        <ul>
          {dataset.batches.map((b) => (
            <li key={b.id} lang="zh-CN">
              {t('aboutBatch', { issuer: b.issuer, title: b.title, date: formatDate(b.date, lang), n: perBatch(b.id) })}
            </li>
          ))}
          <li>{geo.meta.attribution[lang]}</li>
          <li>{t('aboutInset')}</li>
        </ul>
      </section>
      <section>
        <h3>{t('aboutCite')}</h3>
        <p>{t('aboutCiteLists')}</p>
        <p className="about-citation" lang="zh-CN" data-testid="about-citation">
          {dataCitation(dataset, dataset.practices, lang)}
        </p>
        <p>{t('aboutCitePractice')}</p>
        <p>{t('aboutCiteAtlas', { url: here, date: formatDate(isoDay(new Date()), lang) })}</p>
      </section>
      <section>
        <h3>{t('aboutBoundaries')}</h3>
        <p data-testid="about-boundaries">{t('aboutBoundaryText', { attribution: geo.meta.attribution[lang] })}</p>
        <p>{config.approvalNumber ? t('approvalNumber', { n: config.approvalNumber }) : t('aboutNoApproval')}</p>
      </section>
    </dialog>
  );
}
