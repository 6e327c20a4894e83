// History glue around the pure codec: restore on start and on back/forward, write on every state change
// (pushState for what Back should undo, replaceState for camera and typing).
import { decodeSearch, historyAction, searchOf, takeReplaceHint, urlStateOf, withDefaults, type InvalidParam, type KnownOptions, type UrlState } from '../store/url';
import type { AtlasStore } from '../store/store';
import type { Dataset } from '../types';
import { knownOptionsOf } from '../store/selectors';
import { SYNTHETIC_SIZES, syntheticSize } from '../data/load';

export function knownOptions(dataset: Dataset, regions: Iterable<number>): KnownOptions {
  return { ...knownOptionsOf(dataset), regions: new Set(regions) };
}

/** `dataset=` names a scale-test dataset from a fixed list; anything else is ignored (the real data loads) and said. */
function datasetParamProblems(search: string): InvalidParam[] {
  const value = new URLSearchParams(search).get('dataset');
  if (value === null || value === '' || syntheticSize(search) !== null) return [];
  return [{ key: 'dataset', value, reason: `not one of ${Object.keys(SYNTHETIC_SIZES).join(', ')}` }];
}

/** Applies the current URL to the store; returns the parameters that were ignored. */
export function restoreFromUrl(store: AtlasStore, known: KnownOptions): InvalidParam[] {
  const search = window.location.search;
  const { state, invalid } = decodeSearch(search, known);
  store.getState().applyData(withDefaults(state));
  return [...invalid, ...datasetParamProblems(search)];
}

/** Parameters that are not app state but choose what is loaded (the scale-test dataset): kept as they are. */
const KEPT = ['dataset'];
function withKeptParams(search: string): string {
  const current = new URLSearchParams(window.location.search);
  const next = new URLSearchParams(search);
  for (const k of KEPT) {
    const v = current.get(k);
    if (v !== null) next.set(k, v);
  }
  const s = next.toString();
  return s ? `?${s}` : '';
}

/** Keeps the URL in step with the store; returns an unsubscribe function. */
export function startUrlSync(store: AtlasStore, known: KnownOptions, onInvalid: (p: InvalidParam[]) => void): () => void {
  let last: UrlState = urlStateOf(store.getState());
  let restoring = false;
  const unsub = store.subscribe((s) => {
    if (restoring) return;
    const next = urlStateOf(s);
    const action = historyAction(last, next);
    const correction = takeReplaceHint();
    last = next;
    if (action === 'none') return;
    const url = `${window.location.pathname}${withKeptParams(searchOf(next))}${window.location.hash}`;
    if (action === 'push' && !correction) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  });
  const onPop = () => {
    restoring = true;
    try {
      // Always reported, also when empty: the notice about the previous URL must go once a valid one is back.
      onInvalid(restoreFromUrl(store, known));
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
