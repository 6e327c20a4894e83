// The import dialog's phases (issue 28.5) without React: stale answers are dropped, progress only moves the read
// that is under way, saving returns to the preview when it fails.
import { describe, expect, it } from 'vitest';
import { dialogReducer, initialDialogState, type DialogState, type Phase } from './dialogState';

const preview: Phase = { kind: 'preview', format: 'pdf', encoding: null, items: [] };
const run = (...actions: Parameters<typeof dialogReducer>[1][]): DialogState => actions.reduce(dialogReducer, initialDialogState);

describe('import dialog phases', () => {
  it('input → reading (with progress) → preview → saving → input with a status', () => {
    let s = run({ type: 'read', name: '附件.pdf' });
    expect(s.phase).toEqual({ kind: 'reading', name: '附件.pdf', progress: { stage: 'read', fraction: 0 } });
    s = dialogReducer(s, { type: 'progress', seq: s.seq, progress: { stage: 'read', fraction: 0.3 } });
    expect(s.phase.kind === 'reading' && s.phase.progress.fraction).toBe(0.3);
    s = dialogReducer(s, { type: 'result', seq: s.seq, phase: preview });
    expect(s.phase.kind).toBe('preview');
    s = dialogReducer(s, { type: 'saving' });
    expect(s.phase.kind).toBe('saving');
    s = dialogReducer(s, { type: 'saved', status: '已导入' });
    expect(s).toMatchObject({ phase: { kind: 'input', problems: null }, status: '已导入', text: '' });
  });

  it('an answer to an earlier read, and late progress, change nothing', () => {
    const first = run({ type: 'read', name: 'a.pdf' });
    const second = dialogReducer(first, { type: 'read', name: 'b.docx' });
    expect(dialogReducer(second, { type: 'result', seq: first.seq, phase: preview })).toBe(second);
    const done = dialogReducer(second, { type: 'result', seq: second.seq, phase: preview });
    expect(dialogReducer(done, { type: 'progress', seq: second.seq, progress: { stage: 'check', fraction: 0.9 } })).toBe(done);
  });

  it('a role correction keeps the preview until its answer; a failed save goes back to the preview', () => {
    let s = run({ type: 'read', name: null });
    s = dialogReducer(s, { type: 'result', seq: s.seq, phase: preview });
    s = dialogReducer(s, { type: 'reread', roles: { '4': 'text' } });
    expect(s).toMatchObject({ rereading: true, roles: { '4': 'text' }, phase: { kind: 'preview' } });
    s = dialogReducer(s, { type: 'result', seq: s.seq, phase: preview });
    expect(s.rereading).toBe(false);
    s = dialogReducer(dialogReducer(s, { type: 'saving' }), { type: 'save-failed' });
    expect(s.phase.kind).toBe('preview');
  });
});
