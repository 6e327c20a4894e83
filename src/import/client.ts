// The main thread's side of the import worker: one worker, created on first use, fed the gazetteer once.
import type { GazetteerEntry } from '../types';
import type { PrepareRequest, PrepareResult, Progress } from './types';
import type { WorkerIn, WorkerOut } from './workerProtocol';

let worker: Worker | null = null;
let seq = 0;

function failure(message: string, messageZh: string): PrepareResult {
  return { ok: false, format: null, encoding: null, problems: [{ code: 'worker', message, messageZh }] };
}

/** Runs one import job; resolves with the result (never rejects: failures come back as problems). */
export function runImport(request: PrepareRequest, gazetteer: ReadonlyMap<number, GazetteerEntry>, onProgress: (p: Progress) => void): Promise<PrepareResult> {
  return new Promise((resolve) => {
    let fresh = false;
    if (!worker) {
      try {
        worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' });
        fresh = true;
      } catch (e) {
        resolve(failure(`The import worker could not start: ${String(e)}`, `无法启动导入线程：${String(e)}`));
        return;
      }
    }
    const w = worker;
    const id = ++seq;
    const stop = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (e: MessageEvent<WorkerOut>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') return onProgress(m.progress);
      stop();
      resolve(m.type === 'result' ? m.result : failure(`The import failed: ${m.message}`, `导入出错：${m.message}`));
    };
    const onError = (e: ErrorEvent) => {
      stop();
      // A crashed worker is dropped; the next job starts a new one.
      w.terminate();
      if (worker === w) worker = null;
      resolve(failure(`The import worker stopped: ${e.message}`, `导入线程意外停止：${e.message}`));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const msg: WorkerIn = { id, request, ...(fresh ? { gazetteer: [...gazetteer.values()] } : {}) };
    const transfer = request.input.kind === 'bytes' ? [request.input.bytes] : [];
    w.postMessage(msg, transfer);
  });
}
