import { useEffect, useMemo, useRef, useState } from 'react';
import { AtlasDataContext, type AtlasData } from '../data/context';
import { loadDataset, loadGeo, type GeoBundle } from '../data/load';
import { atlasStore, AtlasStoreContext, useAtlas } from '../store/store';
import { tFor } from '../i18n';
import type { InvalidParam } from '../store/url';
import type { Dataset } from '../types';
import { ImportContext } from '../import/context';
import { mergeDatasets } from '../import/merge';
import { useMergedDataset } from '../import/useMergedDataset';
import { loadImportedBatches } from '../import/storage';
import { useImportedBatches } from '../import/useImportedBatches';
import { knownOptions, restoreFromUrl, startUrlSync } from './urlSync';
import { Atlas } from './Atlas';
import { PracticeCardSlotsContext, type PracticeCardSlots } from '../ui/PracticeCard';
import { RelatedPractices } from '../related/RelatedPractices';

/** Every practice card (detail panel, print) shows the practices related to it: composed here, not in panels/. */
const PRACTICE_CARD_SLOTS: PracticeCardSlots = { related: (p) => <RelatedPractices practice={p} /> };

type LoadState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; builtin: Dataset; geo: GeoBundle };

export function App() {
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  // The imported batches' lifecycle (start-up read, add, remove, other tabs, failed records) lives with the import.
  const { imported, api: importApi, receive } = useImportedBatches();
  const [invalid, setInvalid] = useState<InvalidParam[]>([]);
  const lang = useAtlas((s) => s.lang);
  const t = tFor(lang);
  const stopSync = useRef<(() => void) | undefined>(undefined);

  useEffect(() => {
    // StrictMode (dev) runs this twice: only the run that was not cleaned up may start the URL sync.
    let cancelled = false;
    // Imported batches are read before the URL is restored: a link may name an imported batch or practice.
    Promise.all([loadDataset(), loadGeo(), loadImportedBatches()])
      .then(([builtin, geo, stored]) => {
        if (cancelled) return;
        const dataset = mergeDatasets(builtin, stored.batches);
        const known = knownOptions(dataset, geo.gazetteer.keys());
        const bad = restoreFromUrl(atlasStore, known);
        setInvalid(bad);
        stopSync.current = startUrlSync(atlasStore, known, setInvalid);
        receive(stored);
        setLoad({ kind: 'ready', builtin, geo });
      })
      .catch((err: unknown) => {
        if (!cancelled) setLoad({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      cancelled = true;
      stopSync.current?.();
      stopSync.current = undefined;
    };
  }, [receive]);

  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('appTitle');
  }, [lang, t]);

  const dataset = useMergedDataset(load.kind === 'ready' ? load.builtin : null, imported);
  const data = useMemo<AtlasData | null>(() => (load.kind === 'ready' && dataset ? { dataset, geo: load.geo } : null), [load, dataset]);

  // After an import or a removal the URL codec must know the new batches and practices (back/forward links). The
  // first dataset is the one the loader started the sync with.
  const syncStarted = useRef(false);
  useEffect(() => {
    if (!data) return;
    if (!syncStarted.current) {
      syncStarted.current = true;
      return;
    }
    stopSync.current?.();
    stopSync.current = startUrlSync(atlasStore, knownOptions(data.dataset, data.geo.gazetteer.keys()), setInvalid);
  }, [data]);

  if (load.kind === 'loading') return <p className="splash">{t('loading')}</p>;
  if (load.kind === 'failed' || !data)
    return (
      <p className="splash error" role="alert">
        {t('loadFailed')}: {load.kind === 'failed' ? load.message : ''}
      </p>
    );
  return (
    <AtlasStoreContext.Provider value={atlasStore}>
      <AtlasDataContext.Provider value={data}>
        <ImportContext.Provider value={importApi}>
          <PracticeCardSlotsContext.Provider value={PRACTICE_CARD_SLOTS}>
            <Atlas invalid={invalid} onDismissInvalid={() => setInvalid([])} />
          </PracticeCardSlotsContext.Provider>
        </ImportContext.Provider>
      </AtlasDataContext.Provider>
    </AtlasStoreContext.Provider>
  );
}
