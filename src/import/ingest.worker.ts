// The import job off the main thread: decoding 10 MB or geocoding thousands of practices never freezes the map.
// Messages in: { id, request, gazetteer }; out: { id, type: 'progress', progress } … { id, type: 'result', result }.
import aliases from '../../data/aliases.json';
import themes from '../../data/themes.json';
import type { AliasFile } from '../ingest/geocode';
import type { ThemeDef } from '../ingest/extract';
import type { GazetteerEntry } from '../types';
import { prepareImport } from './pipeline';
import type { WorkerIn, WorkerOut } from './workerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let gazetteer: GazetteerEntry[] = [];

scope.onmessage = (e: MessageEvent<WorkerIn>) => {
  const { id, request } = e.data;
  if (e.data.gazetteer) gazetteer = e.data.gazetteer;
  const post = (m: WorkerOut) => scope.postMessage(m);
  try {
    const result = prepareImport(
      request,
      { gazetteer, aliases: aliases as AliasFile, themes: themes.themes as ThemeDef[] },
      (progress) => post({ id, type: 'progress', progress }),
    );
    post({ id, type: 'result', result });
  } catch (err) {
    post({ id, type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
