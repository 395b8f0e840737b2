/**
 * Same input and as-of date, same bytes. The docx package stamps the clock into core.xml and
 * the zip entries and names hyperlink relationships with random ids; we repack the package
 * with the as-of date, a fixed entry order and ids numbered in order of appearance.
 */
import JSZip from 'jszip';
import { fixPart } from './package-fixes.js';

/** Random relationship ids the docx package makes (nanoid, lower-cased): never `rId<digits>`. */
const relId = /\b(r:id|Id)="(?!rId\d+")([A-Za-z0-9_-]{10,})"/g;

export async function normalisePackage(bytes: Uint8Array, asOf: string, lang: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const date = new Date(`${asOf}T00:00:00Z`);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  // [Content_Types].xml first, as Office writes it; then a stable order.
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const ids = new Map<string, string>();
  const renumber = (xml: string) =>
    xml.replace(relId, (_m, attrName: string, id: string) => {
      let fixed = ids.get(id);
      if (fixed === undefined) ids.set(id, (fixed = `rIdL${ids.size + 1}`));
      return `${attrName}="${fixed}"`;
    });
  const out = new JSZip();
  for (const name of names) {
    const file = zip.file(name)!;
    if (/\.(xml|rels)$/.test(name)) {
      let xml = await file.async('string');
      if (name === 'docProps/core.xml') xml = xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${asOf}T00:00:00Z`);
      out.file(name, fixPart(name, renumber(xml), lang), { date, createFolders: false });
    } else out.file(name, await file.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name === '_rels/.rels') return 1;
  return 2;
}
