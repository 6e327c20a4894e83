// @vitest-environment happy-dom
// The notice of stored batches that failed to load (issue 24.2): on the explore screen it can be dismissed, and
// the batches stay listed in the import dialog until they are removed; a record failing later shows it again.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ImportContext, type ImportApi } from './context';
import type { FailedBatch } from './storage';
import { StoredBatchProblems } from './StoredBatchProblems';

afterEach(cleanup);

const failedBatch = (key: number): FailedBatch => ({ key, name: `坏批次${key}`, reason: 'practices[0].figures[0].value: expected a number', raw: { id: key } });

function api(failed: FailedBatch[]): ImportApi {
  return { imported: [], add: async () => {}, remove: async () => {}, storageProblem: null, failed, removeFailed: async () => {} };
}

function Screens({ failed }: { failed: FailedBatch[] }) {
  return (
    <ImportContext.Provider value={api(failed)}>
      <div data-testid="explore">
        <StoredBatchProblems showStorage={false} dismissible />
      </div>
      <div data-testid="dialog">
        <StoredBatchProblems />
      </div>
    </ImportContext.Provider>
  );
}

describe('StoredBatchProblems', () => {
  it('is dismissed on the explore screen while the import dialog keeps the batch listed', () => {
    const view = render(<Screens failed={[failedBatch(1001)]} />);
    const explore = screen.getByTestId('explore');
    const dialog = screen.getByTestId('dialog');
    expect(within(dialog).queryByTestId('failed-dismiss')).toBeNull();
    fireEvent.click(within(explore).getByTestId('failed-dismiss'));
    expect(within(explore).queryByTestId('failed-batches')).toBeNull();
    expect(within(dialog).getByTestId('failed-batch-1001').textContent).toContain('坏批次1001');
    expect(within(dialog).getByTestId('failed-remove-1001')).toBeTruthy();
    // Another record failing later brings the notice back, listing both.
    view.rerender(<Screens failed={[failedBatch(1001), failedBatch(1002)]} />);
    expect(within(explore).getByTestId('failed-batches').textContent).toContain('坏批次1002');
  });
});
