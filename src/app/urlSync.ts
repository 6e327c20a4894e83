// History glue around the pure codec: restore on start and on back/forward, write on every state change
// (pushState for what Back should undo, replaceState for camera and typing).
import { decodeSearch, historyAction, searchOf, urlStateOf, withDefaults, type InvalidParam, type KnownOptions, type UrlState } from '../store/url';
import type { AtlasStore } from '../store/store';
import type { Dataset } from '../types';
import { knownOptionsOf } from '../store/selectors';

export function knownOptions(dataset: Dataset, regions: Iterable<number>): KnownOptions {
  return { ...knownOptionsOf(dataset), regions: new Set(regions) };
}

/** Applies the current URL to the store; returns the parameters that were ignored. */
export function restoreFromUrl(store: AtlasStore, known: KnownOptions): InvalidParam[] {
  const { state, invalid } = decodeSearch(window.location.search, known);
  store.getState().applyData(withDefaults(state));
  return invalid;
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
    last = next;
    if (action === 'none') return;
    const url = `${window.location.pathname}${withKeptParams(searchOf(next))}${window.location.hash}`;
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
