// The import preview's tree (issue 16): every line of a pasted list with the role the parser gave it — mechanism,
// measure, practice, a continuation of one, or ignored (text before the table, header cells, chrome) — indented as
// the structure nests, with its line number. The user can set any line's role; the list is parsed again at once
// with that role and the tree shows the result. Lines whose role was inferred are marked.
import { memo } from 'react';
import type { LineRole, RoleOverrides, StructureLine } from '../ingest/parse';
import { useImportT } from './strings';

// Long lists (thousands of items) would render thousands of selects; the first lines are where corrections are
// needed (text before the table, the first mechanisms), and a mistake repeats.
const MAX_ROWS = 600;

// 'text': read the line as the parser would, as a continuation too (a line after a practice's last sentence that the
// parser could not place, a dropped furniture line).
const ROLES: LineRole[] = ['mechanism', 'measure', 'practice', 'ignore', 'text'];

function depth(l: StructureLine): number {
  if (l.role === 'mechanism') return 0;
  if (l.role === 'measure') return 1;
  if (l.role === 'practice') return 2;
  if (l.role === 'continuation') return l.item !== undefined ? 3 : l.measure !== undefined ? 2 : 1;
  return 0;
}

function shownRole(l: StructureLine): LineRole | 'continuation' {
  if (l.role === 'header' || l.role === 'preamble') return 'ignore';
  return l.role;
}

export const StructureTree = memo(function StructureTree({
  lines,
  roles,
  busy,
  onRole,
}: {
  lines: readonly StructureLine[];
  roles: RoleOverrides;
  busy: boolean;
  onRole: (key: string, role: LineRole | null) => void;
}) {
  const t = useImportT();
  const shown = lines.slice(0, MAX_ROWS);
  return (
    <div className="structure-tree" data-testid="import-tree" aria-busy={busy}>
      <p className="import-note">{t('importTreeHelp')}</p>
      <ol className="tree-lines">
        {shown.map((l) => {
          const role = shownRole(l);
          const overridden = roles[l.key] !== undefined;
          return (
            <li
              key={l.key}
              className={`tree-line role-${role}${l.inferred ? ' inferred' : ''}${overridden ? ' overridden' : ''}`}
              style={{ paddingInlineStart: `${depth(l) * 1.25}em` }}
              data-testid={`tree-line-${l.key}`}
              data-key={l.key}
              data-line={l.line}
              data-role={role}
              data-inferred={l.inferred ? 'true' : undefined}
              data-overridden={overridden ? 'true' : undefined}
            >
              <span className="chip tree-lineno">{t('importTreeLine', { n: l.key })}</span>
              <select
                className="tree-role"
                aria-label={t('importTreeRoleOf', { n: l.key })}
                value={overridden ? roles[l.key] : 'auto'}
                disabled={busy}
                data-testid={`role-${l.key}`}
                onChange={(e) => onRole(l.key, e.target.value === 'auto' ? null : (e.target.value as LineRole))}
              >
                <option value="auto">{t('importRoleAuto', { role: t(`importRole_${role}`) })}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`importRole_${r}`)}
                  </option>
                ))}
              </select>
              {l.inferred && <span className="chip tree-inferred">{t('importTreeInferred')}</span>}
              <span className="tree-text" lang="zh-CN">
                {l.text}
              </span>
            </li>
          );
        })}
      </ol>
      {lines.length > MAX_ROWS && <p className="count">{t('importMore', { n: lines.length - MAX_ROWS })}</p>}
    </div>
  );
});
