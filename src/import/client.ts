// The main thread's side of the import worker. Two instances: one for import jobs, one for related practices,
// so that recomputing similarities over a large merged dataset never holds up a preview.
import type { RelatedRef } from '../ingest/similarity';
import type { GazetteerEntry, Practice } from '../types';
import type { PrepareRequest, PrepareResult, Progress } from './types';
import type { WorkerIn, WorkerOut } from './workerProtocol';

type Purpose = 'prepare' | 'related';
const workers = new Map<Purpose, Worker>();
let seq = 0;

function workerFor(purpose: Purpose): { worker: Worker; fresh: boolean } {
  const w = workers.get(purpose);
  if (w) return { worker: w, fresh: false };
  const worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' });
  workers.set(purpose, worker);
  return { worker, fresh: true };
}

/** One job: resolves with its final message (progress messages go to `onProgress`). */
function job(purpose: Purpose, make: (id: number, fresh: boolean) => WorkerIn, transfer: Transferable[], onProgress?: (p: Progress) => void): Promise<WorkerOut> {
  return new Promise((resolve) => {
    let w: Worker;
    let fresh: boolean;
    try {
      ({ worker: w, fresh } = workerFor(purpose));
    } catch (e) {
      resolve({ id: 0, type: 'failed', message: `the worker could not start: ${String(e)}` });
      return;
    }
    const id = ++seq;
    const stop = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (e: MessageEvent<WorkerOut>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') return onProgress?.(m.progress);
      stop();
      resolve(m);
    };
    const onError = (e: ErrorEvent) => {
      stop();
      // A crashed worker is dropped; the next job starts a new one.
      w.terminate();
      if (workers.get(purpose) === w) workers.delete(purpose);
      resolve({ id, type: 'failed', message: `the worker stopped: ${e.message}` });
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage(make(id, fresh), transfer);
  });
}

/** Runs one import job; resolves with the result (never rejects: failures come back as problems). */
export async function runImport(request: PrepareRequest, gazetteer: ReadonlyMap<number, GazetteerEntry>, onProgress: (p: Progress) => void): Promise<PrepareResult> {
  const transfer = request.input.kind === 'bytes' ? [request.input.bytes] : [];
  const m = await job('prepare', (id, fresh) => ({ id, type: 'prepare', request, ...(fresh ? { gazetteer: [...gazetteer.values()] } : {}) }), transfer, onProgress);
  if (m.type === 'result') return m.result;
  const message = m.type === 'failed' ? m.message : 'unexpected reply';
  return { ok: false, format: null, encoding: null, problems: [{ code: 'worker', message: `The import failed: ${message}`, messageZh: `导入出错：${message}` }] };
}

/** Related practices over `practices`, computed in the worker; null when the worker failed. */
export async function runRelated(practices: readonly Practice[]): Promise<Map<string, RelatedRef[]> | null> {
  const m = await job('related', (id) => ({ id, type: 'related', practices: [...practices] }), []);
  return m.type === 'related' ? new Map(m.related) : null;
}
