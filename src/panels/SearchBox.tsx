// The search box of the top bar: typing updates the store's query after a short pause.
import { useEffect, useState } from 'react';
import { SearchField } from '../ui/SearchField';
import { useAtlas, useAtlasStore } from '../store/store';
import { useT } from '../store/hooks';

export function SearchBox() {
  const store = useAtlasStore();
  const t = useT();
  const q = useAtlas((s) => s.filters.q);
  const [text, setText] = useState(q);
  // Follow the store when it changes from elsewhere (clear all, back button).
  useEffect(() => setText(q), [q]);
  // Typing updates the store after a short pause so that each keystroke does not recount the map.
  useEffect(() => {
    if (text === q) return;
    const id = window.setTimeout(() => store.getState().setQuery(text), 200);
    return () => window.clearTimeout(id);
  }, [text, q, store]);
  return (
    <SearchField
      id="search-input"
      className="search"
      label={t('search')}
      value={text}
      placeholder={t('searchPlaceholder')}
      onChange={setText}
      onSubmit={() => store.getState().setQuery(text)}
      testid="search"
    />
  );
}
