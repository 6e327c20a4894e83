// pdfjs-dist ships no types for its worker module; the import worker only hands it to pdfjs (globalThis.pdfjsWorker).
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
