// Placeholder: the briefing helper replaces this (issue 6).
export function BriefingOverlay() {
  return <div className="briefing-overlay" data-testid="briefing" />;
}
