// The import's heavy work off the main thread, so decoding 10 MB or geocoding thousands of practices never
// freezes the map: `prepare` jobs (decode, parse, geocode; progress messages, then the result) and `related` jobs
// (similar practices over the merged dataset, issue 10).
// First: zod must be jitless before any schema is built (see src/jitless.ts).
import '../jitless';
import aliases from '../../data/aliases.json';
import themes from '../../data/themes.json';
import type { AliasFile } from '../ingest/geocode';
import type { ThemeDef } from '../ingest/extract';
import { relatedPractices } from '../ingest/similarity';
import type { GazetteerEntry } from '../types';
import { prepareAny } from './documents';
import type { WorkerIn, WorkerOut } from './workerProtocol';
import type { PdfjsLike } from './readers/pdf';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let gazetteer: GazetteerEntry[] = [];

// pdfjs runs inside this worker: it is already off the main thread, so its own worker code is loaded as a module
// chunk of the app (from the app's origin, never a CDN) and run here as pdfjs's "fake worker" instead of a nested one.
async function loadPdfjs(): Promise<PdfjsLike> {
  const [pdfjs, worker, { AppBinaryDataFactory }] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.mjs'), import('./readers/cmaps')]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  const lib = pdfjs as unknown as PdfjsLike;
  // CMaps for fonts the PDF does not embed, from the app's own assets (useWorkerFetch off: there is no document here).
  return { getDocument: (src) => lib.getDocument({ ...src, cMapUrl: 'app:/', cMapPacked: true, useWorkerFetch: false, BinaryDataFactory: AppBinaryDataFactory }) };
}

scope.onmessage = async (e: MessageEvent<WorkerIn>) => {
  const msg = e.data;
  const post = (m: WorkerOut) => scope.postMessage(m);
  try {
    if (msg.type === 'related') {
      post({ id: msg.id, type: 'related', related: [...relatedPractices(msg.practices)] });
      return;
    }
    if (msg.gazetteer) gazetteer = msg.gazetteer;
    const result = await prepareAny(msg.request, { gazetteer, aliases: aliases as AliasFile, themes: themes.themes as ThemeDef[] }, { pdfjs: loadPdfjs }, (progress) =>
      post({ id: msg.id, type: 'progress', progress }),
    );
    post({ id: msg.id, type: 'result', result });
  } catch (err) {
    post({ id: msg.id, type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
