// Placeholder: the compare helper replaces this (issue 5).
export function ComparePanel() {
  return <section className="compare-panel" data-testid="compare-panel" />;
}
