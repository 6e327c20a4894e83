// Placeholder: the related-practices helper replaces this (issue 10).
export function FiguresIndex() {
  return <section data-testid="figures-index" />;
}
