/**
 * Tagged PDF (PDF/UA-1, PDF/A-2a) from pdfmake, which writes none: the structure worked out
 * from the content (tagging/tree.ts) is turned into pdfkit structure elements while pdfmake
 * draws, each laid-out line, chart and image inside a marked-content sequence of its element;
 * rules, borders, list bullets and the running head and foot become artifacts; a table's
 * header row repeated on a later page is an artifact there, so it is read once. Only documents
 * asking for it (`tagged: true`) are touched; the others are drawn byte for byte as before.
 * pdfkit 0.19 has the structure API; pdfmake has no hook to reach it (its issue #942).
 */
import { TAG, tagContent, type Tag } from '../tagging/tree.js';
import { applied, skipped, type PatchResult } from './result.js';

interface StructElement {
  add(child: unknown): StructElement;
  end(): void;
}
interface Page {
  height: number;
}
interface TaggedDoc {
  options?: { tagged?: boolean; subset?: string; info?: Record<string, unknown> };
  page: Page;
  struct(role: string, options?: Record<string, unknown>): StructElement;
  addStructure(el: StructElement): void;
  markStructureContent(role: string): unknown;
  markContent(tag: string, options?: Record<string, unknown>): void;
  endMarkedContent(): void;
  appendXML?(xml: string): void;
  text(text: string, x?: number, y?: number, options?: TextOptions): unknown;
  link(x: number, y: number, w: number, h: number, url: unknown, options?: Record<string, unknown>): unknown;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: Record<string, unknown>): unknown;
  _currentStructureElement?: StructElement;
  [STATE]?: TagState;
}
interface TagState {
  root: Tag;
  elements: Map<Tag, StructElement>;
  /** The page a repeated header cell was first drawn on. */
  firstPage: Map<Tag, Page>;
  rootElement?: StructElement;
  /** Top and bottom of the page body (pdfmake's page margins), to tell running heads. */
  bodyTop: number;
  bodyBottom: number;
}
type TextOptions = { link?: unknown; goTo?: string } & Record<string, unknown>;
type Item = { [TAG]?: Tag; x?: number; y?: number; _width?: number; _height?: number };
type Fn = (this: { pdfDocument: TaggedDoc }, ...args: unknown[]) => unknown;

export const STATE = Symbol('bilat.tagging');

/** Counts for the tests and the bench: marked lines and artifacts. */
export const taggingStats = { marked: 0, artifacts: 0 };

function elementFor(doc: TaggedDoc, st: TagState, tag: Tag, bbox?: number[]): StructElement {
  const known = st.elements.get(tag);
  if (known !== undefined) return known;
  const parent = tag.parent === undefined ? undefined : elementFor(doc, st, tag.parent);
  const options: Record<string, unknown> = {};
  if (tag.alt !== undefined) options['alt'] = tag.alt;
  if (tag.scope !== undefined) options['scope'] = tag.scope;
  if (bbox !== undefined) options['bbox'] = bbox;
  const el = doc.struct(tag.role, options);
  if (parent === undefined) doc.addStructure(el);
  else parent.add(el);
  st.elements.set(tag, el);
  return el;
}

function artifact(doc: TaggedDoc, draw: () => unknown, type?: string): unknown {
  doc.markContent('Artifact', type === undefined ? {} : { type });
  try {
    return draw();
  } finally {
    doc.endMarkedContent();
    taggingStats.artifacts++;
  }
}

function marked(doc: TaggedDoc, st: TagState, tag: Tag, draw: () => unknown, bbox?: number[]): unknown {
  const el = elementFor(doc, st, tag, bbox);
  const content = doc.markStructureContent(tag.role);
  const outer = doc._currentStructureElement;
  // pdfkit files the link annotations a text draws under the current element.
  doc._currentStructureElement = el;
  try {
    return draw();
  } finally {
    doc._currentStructureElement = outer;
    doc.endMarkedContent();
    el.add(content);
    taggingStats.marked++;
  }
}

/**
 * A tagged line whose runs link somewhere: each linking run becomes a Link element (inside a
 * Reference for a footnote marker, which links to the source list) holding its text and its
 * link annotation, between the line's own marked content before and after it.
 */
function markedLine(doc: TaggedDoc, st: TagState, tag: Tag, draw: () => unknown): unknown {
  const el = elementFor(doc, st, tag);
  let content = doc.markStructureContent(tag.role);
  const { text, link, goTo } = doc;
  const outer = doc._currentStructureElement;
  doc._currentStructureElement = el;
  doc.text = function (this: TaggedDoc, str: string, x?: number, y?: number, options?: TextOptions): unknown {
    if (options === undefined || (options.link == null && options.goTo == null)) return text.call(this, str, x, y, options);
    doc.endMarkedContent();
    el.add(content);
    const footnote = typeof options.goTo === 'string' && /^src-/.test(options.goTo);
    const holder = footnote ? doc.struct('Reference') : el;
    if (footnote) el.add(holder);
    const linkEl = doc.struct('Link');
    holder.add(linkEl);
    const linkContent = doc.markStructureContent('Link');
    // Annotations name their element (OBJR) and say in words where they lead (PDF/UA 7.18.5).
    const tagged = (o?: Record<string, unknown>) => ({ ...o, structParent: linkEl, Contents: new String(str.trim() || 'link') });
    this.link = (lx, ly, w, h, url, o) => link.call(this, lx, ly, w, h, url, tagged(o));
    this.goTo = (gx, gy, w, h, name, o) => goTo.call(this, gx, gy, w, h, name, tagged(o));
    try {
      return text.call(this, str, x, y, options);
    } finally {
      this.link = link;
      this.goTo = goTo;
      doc.endMarkedContent();
      linkEl.add(linkContent);
      // Ended now, so its annotation reference names this page.
      linkEl.end();
      if (footnote) holder.end();
      content = doc.markStructureContent(tag.role);
    }
  };
  try {
    return draw();
  } finally {
    doc.text = text;
    doc._currentStructureElement = outer;
    doc.endMarkedContent();
    el.add(content);
    taggingStats.marked++;
  }
}

/** Wraps `name` on `proto`; returns why not when it is not there. */
function wrap(proto: Record<string, unknown>, name: string, where: string, make: (orig: Fn) => Fn): PatchResult | undefined {
  const orig = proto[name];
  if (typeof orig !== 'function') return skipped(`${where}.${name} is not a function`);
  proto[name] = make(orig as Fn);
  return undefined;
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The metadata claims pdfkit does not write itself: PDF/UA identification beside PDF/A's, the
 * modification date XMP must repeat from the Info dictionary. pdfkit puts Info strings into
 * its XMP unescaped; a title with `&` would make it unreadable, so they are escaped there.
 */
function claimStandards(doc: TaggedDoc & { info?: Record<string, unknown>; _addInfo?: () => void }): void {
  const addInfo = doc._addInfo;
  if (typeof addInfo !== 'function' || doc.info === undefined) return;
  doc._addInfo = function (this: typeof doc): void {
    const info = this.info!;
    const escaped: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(info)) escaped[k] = typeof v === 'string' ? xmlEscape(v) : v;
    this.info = escaped;
    try {
      addInfo.call(this);
    } finally {
      this.info = info;
    }
    const mod = info['ModDate'];
    const date = mod instanceof Date ? mod.toISOString().split('.')[0] + 'Z' : undefined;
    this.appendXML?.(`
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>${
          date === undefined
            ? ''
            : `
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${date}</xmp:ModifyDate>
            <xmp:MetadataDate>${date}</xmp:MetadataDate>
        </rdf:Description>`
        }
        `);
  };
}

/**
 * Installs the tagging hooks on pdfmake's LayoutBuilder (tags from the content, lines tagged
 * as they are built) and Renderer (marked content around every drawn item).
 */
export function tagStructure(layoutBuilderClass: { prototype: object }, rendererClass: { prototype: object }): PatchResult {
  const lb = layoutBuilderClass.prototype as Record<string, unknown>;
  const r = rendererClass.prototype as Record<string, unknown>;
  for (const [proto, name, where] of [
    [lb, 'layoutDocument', 'LayoutBuilder'],
    [lb, 'buildNextLine', 'LayoutBuilder'],
    [r, 'renderPages', 'Renderer'],
    [r, 'renderLine', 'Renderer'],
    [r, 'renderVector', 'Renderer'],
    [r, 'renderSVG', 'Renderer'],
    [r, 'renderImage', 'Renderer'],
  ] as const) {
    if (typeof proto[name] !== 'function') return skipped(`${where}.${name} is not a function`);
  }

  wrap(
    lb,
    'layoutDocument',
    'LayoutBuilder',
    (orig) =>
      function (this: unknown, ...args: unknown[]) {
        const doc = args[1] as TaggedDoc | undefined;
        if (doc?.options?.tagged === true) {
          const margins = (this as { pageMargins?: { top: number; bottom: number } }).pageMargins;
          const size = (this as { pageSize?: { height: number } }).pageSize;
          doc[STATE] = {
            root: tagContent(args[0]),
            elements: new Map(),
            firstPage: new Map(),
            bodyTop: margins?.top ?? 0,
            bodyBottom: (size?.height ?? Infinity) - (margins?.bottom ?? 0),
          };
          claimStandards(doc as never);
        }
        return orig.apply(this as never, args);
      },
  );

  wrap(
    lb,
    'buildNextLine',
    'LayoutBuilder',
    (orig) =>
      function (this: unknown, ...args: unknown[]) {
        const line = orig.apply(this as never, args) as Item | null | undefined;
        const tag = (args[0] as Item | undefined)?.[TAG];
        if (line && tag !== undefined) line[TAG] = tag;
        return line;
      },
  );

  wrap(
    r,
    'renderPages',
    'Renderer',
    (orig) =>
      function (this: { pdfDocument: TaggedDoc }, ...args: unknown[]) {
        const doc = this.pdfDocument;
        const st = doc[STATE];
        if (st === undefined) return orig.apply(this, args);
        const result = orig.apply(this, args);
        elementFor(doc, st, st.root).end();
        return result;
      },
  );

  wrap(
    r,
    'renderLine',
    'Renderer',
    (orig) =>
      function (this: { pdfDocument: TaggedDoc }, ...args: unknown[]) {
        const doc = this.pdfDocument;
        const st = doc[STATE];
        if (st === undefined) return orig.apply(this, args);
        const line = args[0] as Item;
        const tag = line[TAG];
        const draw = () => orig.apply(this, args);
        // An empty line (the text of a drawn rule) says nothing: not a paragraph of its own.
        const blank =
          (line as { inlines?: { text?: string }[] }).inlines?.every((i) => typeof i.text !== 'string' || i.text.trim() === '') ?? false;
        if (tag === undefined || blank) {
          const y = (args[2] as number | undefined) ?? 0;
          return artifact(doc, draw, y < st.bodyTop || y >= st.bodyBottom ? 'Pagination' : undefined);
        }
        if (tag.repeated) {
          const first = st.firstPage.get(tag);
          if (first === undefined) st.firstPage.set(tag, doc.page);
          else if (first !== doc.page) return artifact(doc, draw, 'Pagination');
        }
        const links = (line as { inlines?: { link?: unknown; linkToDestination?: unknown }[] }).inlines?.some(
          (i) => i.link != null || i.linkToDestination != null,
        );
        return links ? markedLine(doc, st, tag, draw) : marked(doc, st, tag, draw);
      },
  );

  wrap(
    r,
    'renderVector',
    'Renderer',
    (orig) =>
      function (this: { pdfDocument: TaggedDoc }, ...args: unknown[]) {
        const doc = this.pdfDocument;
        if (doc[STATE] === undefined) return orig.apply(this, args);
        return artifact(doc, () => orig.apply(this, args), 'Layout');
      },
  );

  for (const name of ['renderSVG', 'renderImage'] as const) {
    wrap(
      r,
      name,
      'Renderer',
      (orig) =>
        function (this: { pdfDocument: TaggedDoc }, ...args: unknown[]) {
          const doc = this.pdfDocument;
          const st = doc[STATE];
          if (st === undefined) return orig.apply(this, args);
          const node = args[0] as Item;
          const tag = node[TAG];
          const draw = () => orig.apply(this, args);
          if (tag === undefined) return artifact(doc, draw);
          const x = node.x ?? 0;
          const y = node.y ?? 0;
          return marked(doc, st, tag, draw, [x, y, x + (node._width ?? 0), y + (node._height ?? 0)]);
        },
    );
  }
  return applied;
}
