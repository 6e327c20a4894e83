// The import dialog (issue 7): paste or choose a file → worker (decode, parse, geocode) with progress → preview
// (counts, places, questions, batch name) → confirm. Also the batch manager (remove imported batches) and the
// export of the merged dataset. Nothing reaches the loaded data before "confirm".
import { downloadBlob } from '../ui/download';
import { Fragment, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import aliasesJson from '../../data/aliases.json';
import { useAtlasData } from '../data/context';
import { useImportT, type ImportT } from './strings';
import { useAtlas } from '../store/store';
import { formatDate } from '../i18n';
import { practicesCsv, practicesJson } from '../format/csv';
import { exportFileName } from '../format/summary';
import { geocoderFor } from '../ingest/ingest';
import type { AliasFile, Geocoder } from '../ingest/geocode';
import type { Batch, Dataset, GazetteerEntry } from '../types';
import { runImport } from './client';
import { MAX_BYTES, pastedTooLarge, tooLarge } from './decode';
import { useImportApi } from './context';
import { classifyDuplicate, DATE_RE, findSameTexts, isImportedId, nextBatchId, titleTaken, toImportedBatch, type Duplicate } from './merge';
import { applyChoices, chainName, openActorQuestions } from './resolve';
import { PlacePicker } from './PlacePicker';
import { StructureTree } from './StructureTree';
import { StoredBatchProblems } from './StoredBatchProblems';
import type { LineRole, StructureLine } from '../ingest/parse';
import type { Candidate, ImportProblem, PrepareRequest, PrepareResult } from './types';
import { dialogReducer, initialDialogState, type CandidateState, type Phase } from './dialogState';

type ImportInput = PrepareRequest['input'];

/** A copy to send: the worker takes the bytes (transferred), and a role correction reads the same input again. */
function sendable(input: ImportInput): ImportInput {
  return input.kind === 'bytes' ? { ...input, bytes: input.bytes.slice(0) } : input;
}

// Long imports (thousands of practices) would otherwise render thousands of chips and pickers at once.
const MAX_PLACES = 80;
const MAX_QUESTIONS = 40;

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** Validation messages for one candidate's form, in the user's language. */
function metaProblems(item: CandidateState, all: readonly CandidateState[], dataset: Dataset, t: ImportT): string[] {
  const out: string[] = [];
  const title = item.meta.title.trim();
  if (!title) out.push(t('importTitleRequired'));
  else if (titleTaken(title, dataset) || all.some((o) => o !== item && o.meta.title.trim() === title && !isSkipped(o))) out.push(t('importTitleTaken', { title }));
  if (!item.meta.issuer.trim()) out.push(t('importIssuerRequired'));
  if (!DATE_RE.test(item.meta.date.trim())) out.push(t('importDateInvalid'));
  const open = openActorQuestions(item.candidate.unresolved, item.choices).length;
  if (open) out.push(t('importNeedsActor', { n: open }));
  return out;
}

function duplicateOf(item: CandidateState): Duplicate | null {
  return item.same ? classifyDuplicate(item.same, item.meta.title) : null;
}

function isSkipped(item: CandidateState): boolean {
  return duplicateOf(item)?.kind === 'same';
}

/** `file`: a file dropped onto the window (issue 23.6), read as soon as the dialog opens or when another is dropped. */
export function ImportDialog({ onClose, file }: { onClose: () => void; file?: File | null }) {
  const t = useImportT();
  const lang = useAtlas((s) => s.lang);
  const { dataset, geo } = useAtlasData();
  const api = useImportApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [state, dispatch] = useReducer(dialogReducer, initialDialogState);
  const { phase, text, status, armed, roles, rereading } = state;
  const busy = phase.kind === 'saving';
  // Issue 16: the input last read; a role correction reads it again at once.
  const inputRef = useRef<ImportInput | null>(null);
  // The read whose answer counts, as the reducer will number it (dispatch is synchronous, the answer is not).
  const seqRef = useRef(0);
  const gazetteerArray = useMemo<GazetteerEntry[]>(() => [...geo.gazetteer.values()], [geo.gazetteer]);
  const geocoder = useMemo(() => geocoderFor(gazetteerArray, aliasesJson as AliasFile), [gazetteerArray]);
  const msg = (p: { message: string; messageZh: string }) => (lang === 'en' ? p.message : p.messageZh);

  // Modal: the rest of the page is inert while it is open; focus starts on the first field.
  useEffect(() => {
    const d = dialogRef.current;
    if (!d) return;
    if (!d.open) d.showModal();
    (d.querySelector<HTMLElement>('textarea') ?? d.querySelector<HTMLElement>('input, button'))?.focus();
    return () => d.close();
  }, []);

  // Focus follows the step, so keyboard and screen-reader users land on what just appeared (the button they
  // pressed is gone): the preview's heading, the list of problems, or the confirmation message.
  const problemsShown = phase.kind === 'input' ? phase.problems : null;
  useEffect(() => {
    const d = dialogRef.current;
    if (phase.kind === 'preview') d?.querySelector<HTMLElement>('#import-preview-heading')?.focus();
    else if (problemsShown) d?.querySelector<HTMLElement>('[data-testid="import-problems"]')?.focus();
  }, [phase.kind, problemsShown]);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (status) statusRef.current?.focus();
  }, [status]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // The map's own Esc (close the detail panel) must not fire underneath.
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const nodes = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((n) => n.offsetParent !== null || n === document.activeElement);
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  /** The phase a result gives; after a role correction, the form values and place choices the user made stay. */
  function phaseOf(result: PrepareResult, previous: readonly CandidateState[] | null): Phase {
    if (!result.ok) return { kind: 'input', problems: result.problems, ...(result.structure ? { structure: result.structure } : {}) };
    return {
      kind: 'preview',
      format: result.format,
      encoding: result.encoding,
      items: result.candidates.map((candidate, i) => {
        const prev = previous?.[i];
        const keys = new Set(candidate.unresolved.map((u) => u.key));
        return {
          candidate,
          meta: prev?.metaTouched ? prev.meta : candidate.meta,
          metaTouched: prev?.metaTouched ?? false,
          choices: new Map([...(prev?.choices ?? [])].filter(([k]) => keys.has(k))),
          themesConfirmed: false,
          same: findSameTexts(candidate.practices, dataset),
        };
      }),
    };
  }

  // A paste over the limit is not kept (a 33 MB string in state took the tab's memory), so "read" must say why
  // nothing is there instead of "nothing to import" (issue 24.6).
  const oversized = useRef<ImportProblem | null>(null);

  async function start(input: ImportInput) {
    inputRef.current = input;
    const seq = ++seqRef.current;
    dispatch({ type: 'read', name: input.kind === 'bytes' ? input.name : null });
    const result = await runImport({ input: sendable(input), firstBatchId: nextBatchId(dataset.batches) }, geo.gazetteer, (progress) => dispatch({ type: 'progress', seq, progress }));
    dispatch({ type: 'result', seq, phase: phaseOf(result, null) });
  }

  /** A line's role set by the user (null: back to the parser's own): the same input is read again with it. */
  async function changeRole(key: string, role: LineRole | null) {
    const input = inputRef.current;
    if (!input) return;
    const next: Record<string, LineRole> = { ...roles };
    if (role) next[key] = role;
    else delete next[key];
    const previous = phase.kind === 'preview' ? phase.items : null;
    const seq = ++seqRef.current;
    dispatch({ type: 'reread', roles: next });
    const result = await runImport({ input: sendable(input), firstBatchId: nextBatchId(dataset.batches), roles: next }, geo.gazetteer, () => {});
    // The reducer drops the answer when a later correction is on its way.
    dispatch({ type: 'result', seq, phase: phaseOf(result, previous) });
  }

  async function onFile(file: File | null | undefined) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      dispatch({ type: 'problems', problems: [tooLarge(file.size)] });
      return;
    }
    const bytes = await file.arrayBuffer();
    await start({ kind: 'bytes', bytes, name: file.name });
  }

  // A file dropped onto the window: read once per drop.
  const droppedRef = useRef<File | null>(null);
  useEffect(() => {
    if (!file || droppedRef.current === file) return;
    droppedRef.current = file;
    void onFile(file);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  function update(index: number, fn: (s: CandidateState) => CandidateState) {
    dispatch({ type: 'update', index, fn });
  }

  async function confirm() {
    if (phase.kind !== 'preview') return;
    const g = geocoder;
    const todo = phase.items.filter((it) => !isSkipped(it));
    let id = nextBatchId(dataset.batches);
    const batches = todo.map((it) => {
      const chosen = applyChoices(g, it.candidate.practices, it.candidate.unresolved, it.choices);
      const practices = it.themesConfirmed ? chosen.map((p) => (p.themeSource === 'suggested' ? { ...p, themeSource: 'reviewed' as const } : p)) : chosen;
      return toImportedBatch({ ...it.candidate, practices, meta: it.meta }, id++);
    });
    dispatch({ type: 'saving' });
    try {
      await api.add(batches);
    } catch (e) {
      dispatch({ type: 'save-failed' });
      throw e;
    }
    dispatch({ type: 'saved', status: batches.map((b) => t('importDone', { title: b.batch.title, n: b.practices.length })).join(' ') });
  }

  async function remove(b: Batch) {
    if (armed !== b.id) {
      dispatch({ type: 'arm', id: b.id });
      return;
    }
    dispatch({ type: 'arm', id: null });
    await api.remove(b.id);
    dispatch({ type: 'status', status: t('importRemoved', { title: b.title }) });
  }

  const practiceCount = useMemo(() => {
    const m = new Map<number, number>();
    for (const p of dataset.practices) m.set(p.batch, (m.get(p.batch) ?? 0) + 1);
    return m;
  }, [dataset]);

  let body: ReactNode;
  if (phase.kind === 'reading') {
    const pct = Math.round(phase.progress.fraction * 100);
    body = (
      <div className="import-working" data-testid="import-progress">
        <label htmlFor="import-progress-bar">
          {t('importWorking')} {phase.name ? `${phase.name} · ` : ''}
          {t(`importStage_${phase.progress.stage}`)}
        </label>
        <progress id="import-progress-bar" max={100} value={pct}>
          {pct}%
        </progress>
      </div>
    );
  } else if (phase.kind === 'preview' || phase.kind === 'saving') {
    const items = phase.items;
    const importable = items.filter((it) => !isSkipped(it));
    const allValid = importable.length > 0 && importable.every((it) => metaProblems(it, items, dataset, t).length === 0);
    body = (
      <div className="import-preview" data-testid="import-preview">
        <h3 className="import-subtitle" id="import-preview-heading" tabIndex={-1}>
          {t('importPreview')} · {t(`importFormat_${phase.format}`)}
        </h3>
        {phase.encoding === 'gbk' && (
          <p className="import-note" role="status" data-testid="import-encoding">
            {t('importEncodingGbk')}
          </p>
        )}
        {importable.length === 0 && (
          <div className="import-problems" role="alert" data-testid="import-problems">
            <p>
              <strong>{t('importNothing')}</strong> {t('importUnchanged')}
            </p>
          </div>
        )}
        {rereading && (
          <p className="import-note" role="status" data-testid="import-rereading">
            {t('importTreeUpdating')}
          </p>
        )}
        {items.map((it, i) => (
          <CandidatePreview
            key={i}
            index={i}
            item={it}
            items={items}
            dataset={dataset}
            gazetteer={geo.gazetteer}
            geocoder={geocoder}
            onChange={(fn) => update(i, fn)}
            tree={it.candidate.structure ? <StructureTree lines={it.candidate.structure} roles={roles} busy={rereading} onRole={(k, r) => void changeRole(k, r)} /> : null}
            furniture={
              <>
                {it.candidate.structure ? <DroppedLines lines={it.candidate.structure} busy={rereading} onRestore={(k) => void changeRole(k, 'text')} /> : null}
                {it.candidate.pageFurniture ? <PageFurniture items={it.candidate.pageFurniture} /> : null}
              </>
            }
          />
        ))}
        <div className="import-actions">
          <button type="button" className="text-button" onClick={() => dispatch({ type: 'back' })}>
            {t('importBack')}
          </button>
          <button type="button" className="text-button primary" disabled={!allValid || busy} onClick={() => void confirm()} data-testid="import-confirm">
            {t('importConfirm')}
          </button>
        </div>
      </div>
    );
  } else {
    body = (
      <div className="import-input">
        <p className="import-intro">{t('importIntro')}</p>
        {phase.problems && (
          <div className="import-problems" role="alert" data-testid="import-problems" tabIndex={-1}>
            <p>
              <strong>{t('importProblems')}</strong>
            </p>
            <ul>
              {phase.problems.map((p, i) => (
                <li key={i} data-code={p.code} data-line={p.line ?? ''} data-column={p.column ?? ''} data-field={p.field ?? ''}>
                  {msg(p)}
                </li>
              ))}
            </ul>
            <p>{t('importUnchanged')}</p>
          </div>
        )}
        {phase.structure && (
          <details className="import-tree-box" open>
            <summary>{t('importTree')}</summary>
            <StructureTree lines={phase.structure} roles={roles} busy={rereading} onRole={(k, r) => void changeRole(k, r)} />
          </details>
        )}
        <label htmlFor="import-text" className="import-label">
          {t('importPaste')}
        </label>
        <textarea
          id="import-text"
          value={text}
          onChange={(e) => {
            // Like files, pasted text has a size limit: a 50 MB paste took the tab to 10 GB on its way to the worker.
            const big = pastedTooLarge(e.target.value);
            oversized.current = big;
            if (big) dispatch({ type: 'problems', problems: [big] });
            else dispatch({ type: 'text', text: e.target.value });
          }}
          rows={8} spellCheck={false} data-testid="import-text" />
        <div className="import-actions">
          <button type="button" className="text-button primary" onClick={() => (oversized.current ? dispatch({ type: 'problems', problems: [oversized.current] }) : void start({ kind: 'text', text }))} data-testid="import-parse">
            {t('importParse')}
          </button>
        </div>
        <label htmlFor="import-file" className="import-label">
          {t('importFile')}
        </label>
        <input
          id="import-file"
          type="file"
          accept=".docx,.pdf,.txt,.html,.htm,.csv,.tsv,.json,text/plain,text/html,text/csv,application/json,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          data-testid="import-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            void onFile(f);
          }}
        />
      </div>
    );
  }

  return (
    <dialog
      ref={dialogRef}
      className="import-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="import-dialog-title"
      data-testid="import-dialog"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="import-head">
        <h2 id="import-dialog-title" className="panel-title">
          {t('importTitle')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('close')} onClick={onClose} data-testid="import-close">
          ×
        </button>
      </header>
      <p className="import-status" role="status" data-testid="import-status" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
      <StoredBatchProblems />
      {body}
      <section className="import-batches" aria-labelledby="import-batches-title">
        <h3 id="import-batches-title" className="import-subtitle">
          {t('importBatches')}
        </h3>
        <ul>
          {dataset.batches.map((b) => (
            <li key={b.id} data-testid={`batch-row-${b.id}`} className="batch-row">
              <span className="batch-title">
                [{b.id}] {b.title}
              </span>
              <span className="count">
                {b.issuer} · {formatDate(b.date, lang)} · {t('importPracticesN', { n: practiceCount.get(b.id) ?? 0 })}
              </span>
              {isImportedId(b.id) ? (
                <button type="button" className={`text-button small${armed === b.id ? ' danger' : ''}`} onClick={() => void remove(b)} data-testid={`remove-batch-${b.id}`}>
                  {armed === b.id ? t('importRemoveConfirm') : t('importRemove')}
                </button>
              ) : (
                <span className="chip">{t('importBuiltin')}</span>
              )}
            </li>
          ))}
        </ul>
        <div className="import-actions">
          <span>{t('importExportAll')}</span>
          {(['json', 'csv'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className="text-button"
              data-testid={`export-all-${kind}`}
              onClick={() => {
                const opts = { lang, gazetteer: geo.gazetteer };
                const body = kind === 'json' ? practicesJson(dataset, dataset.practices, opts) : practicesCsv(dataset, dataset.practices, opts);
                downloadBlob(new Blob([body], { type: kind === 'json' ? 'application/json' : 'text/csv;charset=utf-8' }), exportFileName(lang, t('filterAll'), kind));
              }}
            >
              {kind.toUpperCase()}
            </button>
          ))}
        </div>
      </section>
    </dialog>
  );
}

const TREE_OPEN_MAX = 200;

/** A <details> whose content is rendered only while it is open. */
function LazyDetails({ className, initiallyOpen, summary, children }: { className: string; initiallyOpen: boolean; summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className={className} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}

/** Lines dropped as page furniture (issue 23.4), each with its line number and a button that restores it. */
function DroppedLines({ lines, busy, onRestore }: { lines: readonly StructureLine[]; busy: boolean; onRestore: (key: string) => void }) {
  const t = useImportT();
  const dropped = lines.filter((l) => l.furniture);
  if (dropped.length === 0) return null;
  return (
    <details className="import-tree-box" open data-testid="import-furniture">
      <summary>{t('importFurniture', { n: dropped.length })}</summary>
      <p className="import-note">{t('importFurnitureHelp')}</p>
      <ul className="tree-lines">
        {dropped.map((l) => (
          <li key={l.key} className="tree-line" data-line={l.line} data-kind={l.furniture}>
            <span className="chip tree-lineno">{t('importFurnitureLine', { n: l.key })}</span>{' '}
            <span className="tree-text" lang="zh-CN">
              {l.text}
            </span>{' '}
            <button type="button" className="text-button small" disabled={busy} onClick={() => onRestore(l.key)} data-testid={`restore-${l.key}`}>
              {t('importFurnitureRestore')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** What a PDF's layout dropped by its place on the page (page numbers, running headers and footers, the header row on
 * later pages), each with its page: shown so nothing is dropped unseen; not restorable, as it is no line of the list. */
function PageFurniture({ items }: { items: NonNullable<Candidate['pageFurniture']> }) {
  const t = useImportT();
  if (items.length === 0) return null;
  return (
    <details className="import-tree-box" data-testid="import-page-furniture">
      <summary>{t('importPageFurniture', { n: items.length })}</summary>
      <p className="import-note">{t('importPageFurnitureHelp')}</p>
      <ul className="tree-lines">
        {items.map((d, i) => (
          <li key={i} className="tree-line" data-page={d.page} data-kind={d.kind}>
            <span className="chip tree-lineno">{t('importPageFurniturePage', { n: d.page })}</span>{' '}
            <span className="chip">{t(`importPageFurniture_${d.kind}`)}</span>{' '}
            <span className="tree-text" lang="zh-CN">
              {d.text}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function CandidatePreview({
  index,
  item,
  items,
  dataset,
  gazetteer,
  geocoder,
  onChange,
  tree,
  furniture,
}: {
  tree: ReactNode;
  furniture: ReactNode;
  index: number;
  item: CandidateState;
  items: readonly CandidateState[];
  dataset: Dataset;
  gazetteer: ReadonlyMap<number, GazetteerEntry>;
  geocoder: Geocoder;
  onChange: (fn: (s: CandidateState) => CandidateState) => void;
}) {
  const t = useImportT();
  const lang = useAtlas((s) => s.lang);
  const c = item.candidate;
  const dup = duplicateOf(item);
  const problems = dup?.kind === 'same' ? [] : metaProblems(item, items, dataset, t);
  const idp = `cand-${index}`;

  // Counts and places as they will be imported: with the places chosen so far.
  const practices = useMemo(() => applyChoices(geocoder, c.practices, c.unresolved, item.choices), [geocoder, c, item.choices]);
  const stats = useMemo(() => {
    const perMeasure = new Map<string, number>();
    const perMechanism = new Map<number, number>();
    const places = new Map<number, number>();
    const provinces = new Set<number>();
    for (const p of practices) {
      perMechanism.set(p.mechanism.index, (perMechanism.get(p.mechanism.index) ?? 0) + 1);
      const k = `${p.mechanism.index}-${p.measure.index}`;
      perMeasure.set(k, (perMeasure.get(k) ?? 0) + 1);
      for (const a of p.actors) {
        places.set(a.adcode, (places.get(a.adcode) ?? 0) + 1);
        provinces.add(a.province);
      }
    }
    const sortedPlaces = [...places].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return { perMeasure, perMechanism, places: sortedPlaces, provinces };
  }, [practices]);

  // Actor questions first (they block the import), then the optional mentions; each in text order, so an answered
  // question stays where it was.
  const questions = useMemo(() => [...c.unresolved.filter((u) => u.kind === 'actor'), ...c.unresolved.filter((u) => u.kind !== 'actor')], [c.unresolved]);
  const measures = c.taxonomy.reduce((n, m) => n + m.measures.length, 0);
  const byId = useMemo(() => new Map(c.practices.map((p) => [p.id, p])), [c.practices]);
  const setMeta = (k: keyof Candidate['meta'], v: string) => onChange((s) => ({ ...s, metaTouched: true, meta: { ...s.meta, [k]: v } }));
  const from = (line: number | undefined) =>
    line ? (
      <span className="import-note meta-from" data-testid="import-meta-from">
        {t('importMetaFrom', { n: line })}
      </span>
    ) : null;
  const themeName = useMemo(() => new Map(dataset.themes.map((th) => [th.key, lang === 'en' ? th.en : th.zh])), [dataset.themes, lang]);
  const suggested = c.practices.filter((p) => p.themeSource === 'suggested');
  const choose = (key: string, code: number | undefined) =>
    onChange((s) => {
      const choices = new Map(s.choices);
      if (code === undefined) choices.delete(key);
      else choices.set(key, code);
      return { ...s, choices };
    });

  return (
    <section className="candidate" aria-labelledby={`${idp}-h`} data-testid={`candidate-${index}`}>
      <h4 id={`${idp}-h`} className="candidate-title">
        {t('importCandidate', { n: index + 1 })}
        {item.meta.title ? ` · ${item.meta.title}` : ''}
      </h4>
      {dup && (
        <p className={dup.kind === 'same' ? 'import-problems' : 'import-note warn'} role={dup.kind === 'same' ? 'alert' : 'status'} data-testid={dup.kind === 'same' ? 'import-duplicate' : 'import-duplicate-builtin'}>
          {t(dup.kind === 'same' ? 'importDuplicate' : 'importDuplicateBuiltin', { title: dup.batch.title })}
        </p>
      )}
      <p className="candidate-summary" data-testid="import-summary">
        {t('importSummary', { n: c.practices.length, m: c.taxonomy.length, k: measures, p: stats.provinces.size })}
      </p>
      {dup?.kind !== 'same' && (
        <div className="candidate-form">
          <label htmlFor={`${idp}-title`}>{t('importBatchTitle')}</label>
          <input id={`${idp}-title`} value={item.meta.title} onChange={(e) => setMeta('title', e.target.value)} data-testid="import-meta-title" />
          {from(c.metaLines?.title)}
          <label htmlFor={`${idp}-issuer`}>{t('importIssuer')}</label>
          <input id={`${idp}-issuer`} value={item.meta.issuer} onChange={(e) => setMeta('issuer', e.target.value)} data-testid="import-meta-issuer" />
          {from(c.metaLines?.issuer)}
          <label htmlFor={`${idp}-date`}>{t('importDate')}</label>
          <input id={`${idp}-date`} value={item.meta.date} placeholder="2025-06" onChange={(e) => setMeta('date', e.target.value)} data-testid="import-meta-date" />
          {from(c.metaLines?.date)}
          <label htmlFor={`${idp}-doc`}>{t('importDocNumber')}</label>
          <input id={`${idp}-doc`} value={item.meta.docNumber ?? ''} placeholder="建办科函〔2022〕393号" onChange={(e) => setMeta('docNumber', e.target.value)} data-testid="import-meta-doc" />
          {from(c.metaLines?.docNumber)}
          {problems.length > 0 && (
            <ul className="form-problems" data-testid="import-form-problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="candidate-grid">
        <div>
          <h5>{t('importCounts')}</h5>
          <table className="candidate-counts" data-testid="import-counts">
            <tbody>
              {c.taxonomy.map((m) => (
                <Fragment key={`m${m.index}`}>
                  <tr className="mech-row">
                    <th scope="row">
                      {m.code}、{m.title}
                    </th>
                    <td>{stats.perMechanism.get(m.index) ?? 0}</td>
                  </tr>
                  {m.measures.map((ms) => (
                    <tr key={`m${m.index}-${ms.index}`}>
                      <th scope="row" className="measure-cell">
                        {ms.code}
                        {ms.title}
                      </th>
                      <td>{stats.perMeasure.get(`${m.index}-${ms.index}`) ?? 0}</td>
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h5>{t('importPlaces', { n: stats.places.length })}</h5>
          <ul className="place-chips" data-testid="import-places">
            {stats.places.slice(0, MAX_PLACES).map(([code, n]) => (
              <li key={code} className="chip" data-adcode={code}>
                {chainName(code, gazetteer)} <span className="count">{n}</span>
              </li>
            ))}
            {stats.places.length > MAX_PLACES && <li className="count">{t('importMore', { n: stats.places.length - MAX_PLACES })}</li>}
          </ul>
        </div>
      </div>
      {dup?.kind !== 'same' && (
        <div className="unresolved" data-testid="import-unresolved">
          <h5>{t('importUnresolved', { n: c.unresolved.length })}</h5>
          {c.unresolved.length === 0 ? (
            <p className="empty">{t('importUnresolvedNone')}</p>
          ) : (
            <ul>
              {questions.slice(0, MAX_QUESTIONS).map((u) => (
                <li key={u.key} className={`unresolved-item ${u.kind}`} data-testid={`unresolved-${u.key}`}>
                  <p>
                    <span className="chip">{lang === 'en' ? `line ${u.line}` : `第 ${u.line} 行`}</span> {lang === 'en' ? u.message : u.messageZh}
                  </p>
                  <p className="unresolved-text">{byId.get(u.practiceId)?.headline}</p>
                  <PlacePicker
                    label={u.kind === 'actor' ? t('importActorLabel') : t('importMentionLabel')}
                    candidates={u.candidates}
                    initialQuery={u.name}
                    chosen={item.choices.get(u.key)}
                    onChoose={(code) => choose(u.key, code)}
                    testid={`picker-${u.key}`}
                  />
                </li>
              ))}
              {questions.length > MAX_QUESTIONS && <li className="count">{t('importMore', { n: questions.length - MAX_QUESTIONS })}</li>}
            </ul>
          )}
        </div>
      )}
      {furniture}
      {tree && (
        // A long list's tree (a 100-page PDF: 500 practices, 600 rows of role pickers) is drawn when opened, so the
        // preview appears without a long task on the main thread (issue 23.8).
        <LazyDetails className="import-tree-box" initiallyOpen={(c.structure?.length ?? 0) <= TREE_OPEN_MAX} summary={t('importTree')}>
          {tree}
        </LazyDetails>
      )}
      {dup?.kind !== 'same' && suggested.length > 0 && (
        <div className="import-themes" data-testid="import-themes">
          <h5>{t('importThemes')}</h5>
          <p className="import-note">{t('importThemesHelp')}</p>
          <details>
            <summary>{t('importPracticesN', { n: suggested.length })}</summary>
            <ul className="theme-suggestions">
              {suggested.slice(0, MAX_QUESTIONS * 5).map((p) => (
                <li key={p.id} data-practice={p.id}>
                  <span className="chip">{`${p.mechanism.code}${p.measure.code}${p.item}`}</span> <span lang="zh-CN">{p.headline}</span>{' '}
                  {p.incomplete && <span className="chip warn">{t('importIncomplete')}</span>}
                  {p.actors.length === 0 && <span className="chip">{t('importNoPlace')}</span>}
                  <span className="theme-chips">
                    {p.themes.length === 0 ? t('importThemesNone') : p.themes.map((k) => themeName.get(k) ?? k).join('、')}
                  </span>
                </li>
              ))}
            </ul>
          </details>
          <label className="theme-confirm">
            <input
              type="checkbox"
              checked={item.themesConfirmed}
              onChange={(e) => {
                const v = e.target.checked;
                onChange((s) => ({ ...s, themesConfirmed: v }));
              }}
              data-testid="import-themes-confirm"
            />{' '}
            {t('importThemesConfirm')}
          </label>
        </div>
      )}
      {c.warnings.length > 0 && (
        <details className="candidate-warnings">
          <summary>{t('importWarnings', { n: c.warnings.length })}</summary>
          <ul>
            {c.warnings.map((w, i) => (
              <li key={i} data-line={w.line ?? ''}>
                {lang === 'en' ? w.message : w.messageZh}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
