// The top bar's 导入 button; opens the import dialog and gives focus back when it closes.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useT } from '../store/hooks';
import './import.css';

// The dialog pulls in the whole ingest (parser, gazetteer matching, CSV): loaded when first opened, not at start.
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));

export function ImportButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus goes back only once the modal is gone: while it is open the rest of the page is inert.
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button ref={ref} type="button" className="text-button" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="import-open">
        {t('importButton')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ImportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
