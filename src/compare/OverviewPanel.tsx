// Placeholder: the compare helper replaces this (issue 5).
export function OverviewPanel() {
  return <section className="overview-panel" data-testid="overview-panel" />;
}
