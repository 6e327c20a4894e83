// Placeholder: the import helper replaces this (issue 7).
export function ImportButton() {
  return null;
}
