// The import dialog's state as one reducer over its phases (issue 28.5): input (with the problems of the last
// attempt) → reading the file (with progress) → preview → saving → input again with a status line. Every transition
// is an action here, so the order of events (a late progress message after the result, a second read started before
// the first answered, a role correction while one is on its way) is decided in one place and tested without React.
import type { RoleOverrides, StructureLine } from '../ingest/parse';
import type { Candidate, DecodedEncoding, ImportFormat, ImportProblem, Progress } from './types';
import type { Batch } from '../types';

export interface CandidateState {
  candidate: Candidate;
  meta: Candidate['meta'];
  /** The user edited the form: a re-read after a role correction keeps their values. */
  metaTouched: boolean;
  choices: Map<string, number>;
  /** The user confirmed the keyword rules' theme suggestions (issue 15.4): imported as reviewed. */
  themesConfirmed: boolean;
  /** A batch with the same practices, found when the preview opened. */
  same: Batch | null;
}

export type Phase =
  | { kind: 'input'; problems: ImportProblem[] | null; structure?: StructureLine[] }
  | { kind: 'reading'; progress: Progress; name: string | null }
  | { kind: 'preview'; format: ImportFormat; encoding: DecodedEncoding | null; items: CandidateState[] }
  | { kind: 'saving'; items: CandidateState[]; format: ImportFormat; encoding: DecodedEncoding | null };

export interface DialogState {
  phase: Phase;
  text: string;
  status: string;
  /** The imported batch whose remove button was pressed once (a second press removes it). */
  armed: number | null;
  /** Roles the user set for lines of the input last read (issue 16); a correction reads it again. */
  roles: RoleOverrides;
  rereading: boolean;
  /** The read whose answer counts: a later read or correction makes an earlier answer stale. */
  seq: number;
}

export type DialogAction =
  | { type: 'text'; text: string }
  | { type: 'problems'; problems: ImportProblem[] }
  | { type: 'read'; name: string | null }
  | { type: 'progress'; seq: number; progress: Progress }
  | { type: 'reread'; roles: RoleOverrides }
  | { type: 'result'; seq: number; phase: Phase }
  | { type: 'update'; index: number; fn: (s: CandidateState) => CandidateState }
  | { type: 'back' }
  | { type: 'saving' }
  | { type: 'saved'; status: string }
  | { type: 'save-failed' }
  | { type: 'arm'; id: number | null }
  | { type: 'status'; status: string };

export const initialDialogState: DialogState = { phase: { kind: 'input', problems: null }, text: '', status: '', armed: null, roles: {}, rereading: false, seq: 0 };

export function dialogReducer(s: DialogState, a: DialogAction): DialogState {
  switch (a.type) {
    case 'text':
      return { ...s, text: a.text };
    case 'problems':
      return { ...s, phase: { kind: 'input', problems: a.problems } };
    case 'read':
      // A new input: its roles start empty, and any answer still on its way for the previous one is stale.
      return { ...s, status: '', roles: {}, rereading: false, seq: s.seq + 1, phase: { kind: 'reading', progress: { stage: 'read', fraction: 0 }, name: a.name } };
    case 'progress':
      return a.seq === s.seq && s.phase.kind === 'reading' ? { ...s, phase: { ...s.phase, progress: a.progress } } : s;
    case 'reread':
      return { ...s, roles: a.roles, rereading: true, seq: s.seq + 1 };
    case 'result':
      return a.seq === s.seq ? { ...s, rereading: false, phase: a.phase } : s;
    case 'update':
      return s.phase.kind === 'preview' ? { ...s, phase: { ...s.phase, items: s.phase.items.map((it, i) => (i === a.index ? a.fn(it) : it)) } } : s;
    case 'back':
      return { ...s, phase: { kind: 'input', problems: null } };
    case 'saving':
      return s.phase.kind === 'preview' ? { ...s, phase: { kind: 'saving', items: s.phase.items, format: s.phase.format, encoding: s.phase.encoding } } : s;
    case 'saved':
      return { ...s, text: '', status: a.status, phase: { kind: 'input', problems: null } };
    case 'save-failed':
      return s.phase.kind === 'saving' ? { ...s, phase: { kind: 'preview', items: s.phase.items, format: s.phase.format, encoding: s.phase.encoding } } : s;
    case 'arm':
      return { ...s, armed: a.id };
    case 'status':
      return { ...s, status: a.status };
  }
}
