// The English names file (public/data/names-en.json, ~30 KB gzip), fetched once and only when needed: for the
// English interface or a search in Latin letters. Until it arrives (or if it cannot be loaded) everything shows
// the Chinese names, as before; nothing waits on it.
import { useEffect, useSyncExternalStore } from 'react';
import type { NamesEn } from '../format/names';

let names: NamesEn | null = null;
let pending: Promise<NamesEn | null> | null = null;
const listeners = new Set<() => void>();

/** The loaded table, or null while it is not (yet) loaded. */
export function currentNamesEn(): NamesEn | null {
  return names;
}

function publish(n: NamesEn | null): void {
  names = n;
  for (const l of listeners) l();
}

function isNamesEn(x: unknown): x is NamesEn {
  const o = x as NamesEn | null;
  return typeof o === 'object' && o !== null && typeof o.places === 'object' && typeof o.taxonomy === 'object';
}

/** Fetches the table once (relative URL: the build may live in any folder). A failure leaves the Chinese names. */
export function loadNamesEn(url = 'data/names-en.json'): Promise<NamesEn | null> {
  if (names) return Promise.resolve(names);
  pending ??= fetch(url)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: HTTP ${r.status}`))))
    .then((json: unknown) => {
      if (!isNamesEn(json)) throw new Error(`${url}: not a names file`);
      publish(json);
      return json;
    })
    .catch((e: unknown) => {
      console.warn('English names not loaded; Chinese names are shown instead:', e);
      pending = null; // a later need may try again
      return null;
    });
  return pending;
}

/** For tests: set (or clear) the table without fetching. */
export function setNamesEnForTest(n: NamesEn | null): void {
  pending = null;
  publish(n);
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The table for rendering; starts loading it when `needed` (re-renders once it arrives). */
export function useNamesEn(needed: boolean): NamesEn | null {
  const n = useSyncExternalStore(subscribe, currentNamesEn, currentNamesEn);
  useEffect(() => {
    if (needed && !n) void loadNamesEn();
  }, [needed, n]);
  return needed ? n : null;
}
