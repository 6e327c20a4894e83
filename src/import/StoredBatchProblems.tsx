// What went wrong with the browser's storage of imported batches (issue 24.2, 24.6): a storage error (full, closed,
// unavailable) as a notice, and every stored batch that failed to load with its name, the reason, a download of
// its raw record and a way to remove it. Shown in the import dialog and, at start-up, on the explore screen.
import { useState } from 'react';
import { useT } from '../store/hooks';
import { useAtlas } from '../store/store';
import { useImportApi } from './context';
import { rawRecordJson, type FailedBatch } from './storage';

function downloadJson(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function FailedRow({ f }: { f: FailedBatch }) {
  const t = useT();
  const api = useImportApi();
  const [armed, setArmed] = useState(false);
  const key = String(f.key);
  return (
    <li data-testid={`failed-batch-${key}`} className="batch-row">
      <span className="batch-title">{f.name}</span>
      <span className="count" data-testid="failed-reason">
        {f.reason}
      </span>
      <button type="button" className="text-button small" onClick={() => downloadJson(`stored-batch-${key.replace(/[^\w-]/g, '_')}.json`, rawRecordJson(f.raw))} data-testid={`failed-download-${key}`}>
        {t('storedDownloadRaw')}
      </button>
      <button
        type="button"
        className={`text-button small${armed ? ' danger' : ''}`}
        onClick={() => (armed ? void api.removeFailed(f.key) : setArmed(true))}
        data-testid={`failed-remove-${key}`}
      >
        {armed ? t('importRemoveConfirm') : t('importRemove')}
      </button>
    </li>
  );
}

/**
 * The storage notice and the list of stored batches that failed to load; nothing when all is well.
 * `dismissible` (the explore screen): a button hides the list until another record fails; the batches stay listed
 * in the import dialog (rendered without it) until they are removed, so nothing is dropped by dismissing.
 */
export function StoredBatchProblems({ showStorage = true, dismissible = false }: { showStorage?: boolean; dismissible?: boolean }) {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const api = useImportApi();
  // The keys dismissed: a record failing later (another tab, a reload of the list) shows the notice again.
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const hidden = dismissible && api.failed.every((f) => dismissed.has(String(f.key)));
  return (
    <>
      {showStorage && api.storageProblem && (
        <p className="import-note warn" role="alert" data-testid="storage-problem">
          {t('importStorageProblem', { reason: lang === 'en' ? api.storageProblem.en : api.storageProblem.zh })}
        </p>
      )}
      {api.failed.length > 0 && !hidden && (
        <section className="import-note warn" role="alert" data-testid="failed-batches">
          <p>{t('storedFailed', { n: api.failed.length })}</p>
          <ul>
            {api.failed.map((f) => (
              <FailedRow key={String(f.key)} f={f} />
            ))}
          </ul>
          {dismissible && (
            <p className="import-note-actions">
              <span className="count">{t('storedDismissHint')}</span>{' '}
              <button type="button" className="text-button small" data-testid="failed-dismiss" onClick={() => setDismissed(new Set(api.failed.map((f) => String(f.key))))}>
                {t('dismiss')}
              </button>
            </p>
          )}
        </section>
      )}
    </>
  );
}
