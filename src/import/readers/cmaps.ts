// The CMaps pdfjs needs to read text in fonts a PDF does not embed (Chinese government PDFs often name STSong-Light
// with UniGB-UCS2-H and leave the glyphs to the reader). Emitted as assets of the app and fetched from its own
// origin, only for the CMaps a file names; never a CDN.
const urls = import.meta.glob('/node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default', eager: true }) as Record<string, string>;
const byName = new Map(Object.entries(urls).map(([path, url]) => [path.replace(/^.*\//, ''), url]));

/** pdfjs's BinaryDataFactory interface: CMaps from the app's assets; standard fonts and wasm are not needed for text. */
export class AppBinaryDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = kind === 'cMapUrl' ? byName.get(filename) : undefined;
    if (!url) throw new Error(`no ${kind} data for ${filename}`);
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  }
}
