import type { RelatedRef } from '../ingest/similarity';
import type { GazetteerEntry, Practice } from '../types';
import type { PrepareRequest, PrepareResult, Progress } from './types';

export type WorkerIn =
  | {
      id: number;
      type: 'prepare';
      request: PrepareRequest;
      /** Sent with the first job of a worker only. */
      gazetteer?: GazetteerEntry[];
    }
  /** Related practices (issue 10) over the whole merged list. */
  | { id: number; type: 'related'; practices: Practice[] };

export type WorkerOut =
  | { id: number; type: 'progress'; progress: Progress }
  | { id: number; type: 'result'; result: PrepareResult }
  | { id: number; type: 'related'; related: [string, RelatedRef[]][] }
  | { id: number; type: 'failed'; message: string };
