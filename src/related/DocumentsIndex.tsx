// Placeholder: the related-practices helper replaces this (issue 10).
export function DocumentsIndex() {
  return <section data-testid="documents-index" />;
}
