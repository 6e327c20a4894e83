// History glue around the pure codec: restore on start and on back/forward, write on every state change
// (pushState for what Back should undo, replaceState for camera and typing).
import { decodeSearch, historyAction, searchOf, urlStateOf, withDefaults, type InvalidParam, type KnownOptions, type UrlState } from '../store/url';
import type { AtlasStore } from '../store/store';
import type { Dataset } from '../types';
import { mechanismKeyOf, measureKeyOf } from '../store/filters';

export function knownOptions(dataset: Dataset, regions: Iterable<number>): KnownOptions {
  const mechanisms = new Set<string>();
  const measures = new Set<string>();
  for (const b of dataset.batches)
    for (const m of b.taxonomy) {
      mechanisms.add(mechanismKeyOf(b.id, m.index));
      for (const ms of m.measures) measures.add(measureKeyOf(b.id, m.index, ms.index));
    }
  return {
    batches: new Set(dataset.batches.map((b) => b.id)),
    mechanisms,
    measures,
    themes: new Set(dataset.themes.map((t) => t.key)),
    practices: new Set(dataset.practices.map((p) => p.id)),
    regions: new Set(regions),
  };
}

/** Applies the current URL to the store; returns the parameters that were ignored. */
export function restoreFromUrl(store: AtlasStore, known: KnownOptions): InvalidParam[] {
  const { state, invalid } = decodeSearch(window.location.search, known);
  store.setState(withDefaults(state));
  return invalid;
}

/** Keeps the URL in step with the store; returns an unsubscribe function. */
export function startUrlSync(store: AtlasStore, known: KnownOptions, onInvalid: (p: InvalidParam[]) => void): () => void {
  let last: UrlState = urlStateOf(store.getState());
  let restoring = false;
  const unsub = store.subscribe((s) => {
    if (restoring) return;
    const next = urlStateOf(s);
    const action = historyAction(last, next);
    last = next;
    if (action === 'none') return;
    const url = `${window.location.pathname}${searchOf(next)}${window.location.hash}`;
    if (action === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  });
  const onPop = () => {
    restoring = true;
    try {
      const invalid = restoreFromUrl(store, known);
      if (invalid.length) onInvalid(invalid);
    } finally {
      restoring = false;
      last = urlStateOf(store.getState());
    }
  };
  window.addEventListener('popstate', onPop);
  return () => {
    unsub();
    window.removeEventListener('popstate', onPop);
  };
}
