// Placeholder: the export helper replaces this (issue 6).
export function ExportMenu() {
  return null;
}
