// Spreadsheet formula safety for CSV cells, shared by the export (escapes) and the import (reads back).

/**
 * A spreadsheet runs a cell that begins with =, +, -, @ (or a tab / carriage return, which some read past) as a
 * formula: text from an imported file could then run commands on the reader's PC. Such cells are written with a
 * leading apostrophe (the OWASP convention, papaparse's `escapeFormulae`), which spreadsheets show as text.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Reverses the export's escaping of one cell: "'=1+1" reads back as "=1+1"; anything else is unchanged. */
export function unescapeCsvFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
