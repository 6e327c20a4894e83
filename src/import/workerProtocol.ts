import type { GazetteerEntry } from '../types';
import type { PrepareRequest, PrepareResult, Progress } from './types';

export interface WorkerIn {
  id: number;
  request: PrepareRequest;
  /** Sent with the first job of a worker only. */
  gazetteer?: GazetteerEntry[];
}

export type WorkerOut =
  | { id: number; type: 'progress'; progress: Progress }
  | { id: number; type: 'result'; result: PrepareResult }
  | { id: number; type: 'failed'; message: string };
