/** What each built brief should say about itself: pair title, audience label, as-of label. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { parse } from 'yaml';
import { AS_OF, AUDIENCES, PAIRS, ROOT, type Audience } from './cli.js';
import { readRelationship, type Doc } from './data.js';
import { decodeEntities } from './text.js';

export interface AudienceMeta {
  id: Audience;
  label: string;
  classification: string;
  internal: boolean;
}

export function audienceMeta(id: Audience): AudienceMeta {
  const y = parse(readFileSync(join(ROOT, 'templates', id, 'audience.yaml'), 'utf8')) as Omit<AudienceMeta, 'id'>;
  return { id, label: y.label, classification: y.classification, internal: y.internal };
}

export const AS_OF_LABEL = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
  new Date(`${AS_OF}T00:00:00Z`),
);

export function pairTitle(doc: Doc): string {
  const [a, b] = doc.pair.countries as { name: string }[];
  return (doc.pair.title as string | undefined) ?? `${a!.name} – ${b!.name}`;
}

export interface BriefCase {
  pair: string;
  file: string;
  doc: Doc;
  audience: AudienceMeta;
  /** The running header's two texts and the footer's note, as printed on every PDF page. */
  furniture: string[];
}

/** Every (relationship, audience) the suite builds, with what it expects to find. */
export function briefCases(): BriefCase[] {
  return PAIRS.flatMap((p) => {
    const doc = readRelationship(p.file);
    return AUDIENCES.map((a) => {
      const audience = audienceMeta(a);
      return {
        pair: p.id,
        file: p.file,
        doc,
        audience,
        furniture: [pairTitle(doc), `${audience.label} · ${audience.classification}`.toUpperCase(), `As of ${AS_OF_LABEL}`],
      };
    });
  });
}

/** h2 (and their h3) headings of an HTML brief, footnote markers left out. */
export function htmlHeadings(html: string): { title: string; kids: string[] }[] {
  const plain = (s: string) =>
    decodeEntities(s.replace(/<sup\b[\s\S]*?<\/sup>/gi, '').replace(/<[^>]+>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
  const out: { title: string; kids: string[] }[] = [];
  for (const m of html.matchAll(/<(h2|h3)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    if (m[1]!.toLowerCase() === 'h2') out.push({ title: plain(m[2]!), kids: [] });
    else out.at(-1)?.kids.push(plain(m[2]!));
  }
  return out;
}

/** Template debris: a missing value, a failed format, a helper or brace that leaked through. */
export const DEBRIS = /\bundefined\b|\bNaN\b|\[object \w+\]|\bInvalid Date\b|\{\{|\}\}|\bnull\b/;

/** Elements that exist only to hold something: empty, they are a section "printed empty". */
const CONTAINERS = new Set([
  'section',
  'article',
  'div',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'figure',
  'figcaption',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'caption',
  'aside',
  'header',
  'footer',
]);

export function emptyContainers(source: string): string[] {
  type El = ReturnType<typeof DomUtils.findAll>[number];
  const main = DomUtils.findOne((e) => e.name === 'main', parseDocument(source).children)!;
  const holdsMedia = (e: El) => DomUtils.findOne((x) => x.name === 'svg' || x.name === 'img', e.children, true) !== null;
  const label = (e: El) =>
    `<${e.name}${e.attribs.class ? ` class="${e.attribs.class}"` : ''}${e.attribs.id ? ` id="${e.attribs.id}"` : ''}>`;
  return DomUtils.findAll((e) => CONTAINERS.has(e.name), main.children)
    .filter((e) => DomUtils.textContent(e).trim() === '' && !holdsMedia(e))
    .map((e) => `${label(e)} in ${e.parent && 'name' in e.parent ? label(e.parent as El) : '(root)'}`);
}

/** The executive brief's empty column: a known bug, tested in structure.test.ts and variants.test.ts. */
export const EMPTY_EXECUTIVE_COLUMN = '<div> in <div class="columns">';

/** Section id (HTML) for each part of the data; a brief without that data has no such section. */
export const SECTIONS: { key: string; id: string; has: (d: Doc, internal: boolean) => boolean }[] = [
  { key: 'engagements', id: 'contacts', has: (d, i) => visible(d.engagements, i).length > 0 },
  { key: 'trade', id: 'trade', has: (d, i) => visible(d.trade, i).length > 0 },
  {
    key: 'agreements',
    id: 'agreements',
    has: (d, i) => visible(d.agreements?.counts, i).length + visible(d.agreements?.treaties, i).length > 0,
  },
  { key: 'organizations', id: 'multilateral', has: (d, i) => visible(d.organizations, i).length > 0 },
  { key: 'people', id: 'people', has: (d, i) => visible(d.people, i).length > 0 },
  { key: 'milestones', id: 'milestones', has: (d, i) => visible(d.milestones, i).length > 0 },
  { key: 'notes', id: 'data-quality', has: (d, i) => i && (d.notes ?? []).length > 0 },
];
const visible = (xs: Doc[] | undefined, internal: boolean) => (xs ?? []).filter((x) => internal || x.visibility !== 'internal');
