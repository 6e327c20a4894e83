// One way to hand the user a file, shared by the exports and the import (its CSV/JSON copies, a stored batch's raw
// record): a blob: URL behind an <a download>, which stays inside the app's CSP.
/** Saves a blob under a file name through an <a download> (blob: URLs stay inside the CSP). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
