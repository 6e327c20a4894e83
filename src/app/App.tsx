import { useEffect, useMemo, useState } from 'react';
import { AtlasDataContext, type AtlasData } from '../data/context';
import { loadDataset, loadGeo } from '../data/load';
import { atlasStore, useAtlas } from '../store/store';
import { tFor } from '../i18n';
import type { InvalidParam } from '../store/url';
import { knownOptions, restoreFromUrl, startUrlSync } from './urlSync';
import { Atlas } from './Atlas';

type LoadState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; data: AtlasData };

export function App() {
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [invalid, setInvalid] = useState<InvalidParam[]>([]);
  const lang = useAtlas((s) => s.lang);
  const t = tFor(lang);

  useEffect(() => {
    let stop: (() => void) | undefined;
    Promise.all([loadDataset(), loadGeo()])
      .then(([dataset, geo]) => {
        const known = knownOptions(dataset, geo.gazetteer.keys());
        const bad = restoreFromUrl(atlasStore, known);
        setInvalid(bad);
        stop = startUrlSync(atlasStore, known, setInvalid);
        setLoad({ kind: 'ready', data: { dataset, geo } });
      })
      .catch((err: unknown) => setLoad({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }));
    return () => stop?.();
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('appTitle');
  }, [lang, t]);

  const content = useMemo(() => {
    if (load.kind === 'loading') return <p className="splash">{t('loading')}</p>;
    if (load.kind === 'failed')
      return (
        <p className="splash error" role="alert">
          {t('loadFailed')}: {load.message}
        </p>
      );
    return (
      <AtlasDataContext.Provider value={load.data}>
        <Atlas invalid={invalid} onDismissInvalid={() => setInvalid([])} />
      </AtlasDataContext.Provider>
    );
  }, [load, invalid, t]);

  return content;
}
