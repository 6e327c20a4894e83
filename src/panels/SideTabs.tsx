// The tabs of the side column (list, overview, documents, figures) when nothing is selected.
import { useAtlasStore } from '../store/store';
import { useT } from '../store/hooks';
import type { Panel } from '../store/state';

const TABS = [
  { panel: 'list', key: 'list' },
  { panel: 'overview', key: 'overview' },
  { panel: 'documents', key: 'documentsIndex' },
  { panel: 'figures', key: 'figuresIndex' },
] as const;

/** The tabs of the side column when nothing is selected. `filters` is the default panel and shows the list. */
export function SideTabs({ panel }: { panel: Panel }) {
  const store = useAtlasStore();
  const t = useT();
  const current = panel === 'filters' ? 'list' : panel;
  return (
    <div className="tabs" role="tablist" aria-label={t('list')}>
      {TABS.map((tab) => (
        <button
          key={tab.panel}
          type="button"
          role="tab"
          aria-selected={current === tab.panel}
          className="tab"
          data-testid={`tab-${tab.panel}`}
          onClick={() => store.getState().setPanel(tab.panel)}
        >
          {t(tab.key)}
        </button>
      ))}
    </div>
  );
}
