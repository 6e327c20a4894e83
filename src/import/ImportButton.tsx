// The top bar's 导入 button; opens the import dialog and gives focus back when it closes. A file dropped anywhere on
// the window (issue 23.6: the ministry's PDF or Word attachment dragged from the desktop) opens the dialog and is
// read there, through the same worker as the file picker.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useT } from '../store/hooks';
import './import.css';

// The dialog pulls in the whole ingest (parser, gazetteer matching, CSV): loaded when first opened, not at start.
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));

export function ImportButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [dropped, setDropped] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Without this the browser opens the file itself and leaves the app.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const f = e.dataTransfer?.files[0];
      if (!f) return;
      setDropped(f);
      setOpen(true);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
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
      {dragging && (
        <div className="import-drop-hint" role="status" data-testid="import-drop-hint">
          {t('importDropHere')}
        </div>
      )}
      {open && (
        <Suspense fallback={null}>
          <ImportDialog
            file={dropped}
            onClose={() => {
              setOpen(false);
              setDropped(null);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
