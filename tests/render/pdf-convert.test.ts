/** HTML → pdfmake content, node by node (no layout, so these are fast). */
import { describe, expect, it } from 'vitest';
import { theme } from '../../src/render/theme.js';
import { buildDocDefinition, convertHtml, findMissingGlyphs, type ContentNode } from '../../src/render/pdf/index.js';
import { meta } from './pdf-helpers.js';

const convert = (html: string): ContentNode[] => convertHtml(html).content as ContentNode[];
const accent = theme.color.accent;

describe('inline text', () => {
  it('collapses whitespace like HTML and decodes entities', () => {
    expect(convert('<p>  Hello   <strong>big</strong>\n world &amp; co&nbsp;ltd &ndash; ok </p>')).toEqual([
      { text: [{ text: 'Hello ' }, { text: 'big', bold: true }, { text: ' world & co\u00a0ltd – ok' }], style: 'p' },
    ]);
  });

  it('gives a space the style of the text it sits in, not of its neighbours', () => {
    expect(convert('<p><em>a </em><em> b</em> <a href="https://x.org">x</a> y</p>')).toEqual([
      {
        text: [{ text: 'a b', italics: true }, { text: ' ' }, { text: 'x', link: 'https://x.org', color: accent }, { text: ' y' }],
        style: 'p',
      },
    ]);
  });

  it('turns footnote markers into raised links to the numbered sources', () => {
    const [p] = convert(
      '<p>Claim<sup class="fn"><a href="#src-1">[1]</a></sup> and<sup class="fn"><a href="#src-9">[9]</a></sup>.</p><ol class="sources"><li id="src-1">Source</li></ol>',
    );
    expect(p?.text).toEqual([
      // A zero-width word joiner glues each marker to the word before it (no wrap between).
      { text: 'Claim' },
      { text: '\uFEFF', sup: true, color: accent },
      { text: '[1]', sup: true, color: accent, linkToDestination: 'src-1' },
      { text: ' and' },
      // src-9 is not in the brief: the marker stays, the dead link goes.
      { text: '\uFEFF', sup: true, color: accent },
      { text: '[9]', sup: true, color: accent },
      { text: '.' },
    ]);
  });

  it('keeps line breaks, ignores unsafe links, flags and code', () => {
    expect(convert('<p>a<br> b <br>c<br></p>')[0]?.text).toBe('a\nb\nc');
    expect(convert('<p><a href="javascript:alert(1)">js</a> <a href="/rel">rel</a></p>')[0]?.text).toBe('js rel');
    expect(convert('<p><mark class="flag">revised</mark> <code>x</code></p>')[0]?.text).toEqual([
      { text: 'revised', color: theme.color.warn, background: theme.color.warnSoft, bold: true },
      { text: ' ' },
      { text: 'x', background: theme.color.tableStripe },
    ]);
  });

  it('keeps the text of unknown elements and drops hidden ones', () => {
    const html =
      '<p>a <x-foo>b <y-bar>c</y-bar></x-foo></p><p class="pdf-hide">web</p><div class="html-only">web</div><script>x()</script><style>p{}</style>';
    expect(convert(html)).toEqual([{ text: 'a b c', style: 'p' }]);
  });
});

describe('blocks', () => {
  it('makes h2/h3 outline entries, h3 nested under the h2, ids from sections', () => {
    const content = convert(
      '<section id="s"><h2>Two <em>words</em></h2><h3 id="h">Sub</h3><p>t</p></section><section class="page-break"><h2>Next</h2></section>',
    );
    const [first, second] = content;
    // The headings travel with the short paragraph after them, in one unbreakable group.
    const group = first?.stack?.[0] as ContentNode | undefined;
    expect(group).toMatchObject({ unbreakable: true });
    expect(group?.stack?.[0]).toMatchObject({ style: 'h2', id: 's', outline: true, outlineText: 'Two words', headlineLevel: 2 });
    expect(group?.stack?.[1]).toMatchObject({ style: 'h3', id: 'h', outline: true, outlineParentId: 's', headlineLevel: 3 });
    expect(second).toMatchObject({ pageBreak: 'before', stack: [{ id: 'bilat-h-1', outline: true }] });
    // A break before the first block would leave page 1 empty.
    expect(convert('<section class="page-break"><p>x</p></section>')[0]?.pageBreak).toBeUndefined();
  });

  it('keeps headings and the unbreakable block after them in one unbreakable stack', () => {
    const [group, text] = convert('<h2>Chart</h2><h3>Sub</h3><figure><svg width="10" height="10"></svg></figure><h2>Text</h2><p>t</p>');
    expect(group).toMatchObject({ unbreakable: true, stack: [{ style: 'h2' }, { style: 'h3' }, { style: 'figure' }] });
    // A short paragraph is kept with its heading the same way; a long one is left to break.
    expect(text).toMatchObject({ unbreakable: true, stack: [{ style: 'h2', text: 'Text' }, { text: 't' }] });
    const long = convert(`<h2>Long</h2><p>${'word '.repeat(120)}</p>`);
    expect(long[0]).toMatchObject({ style: 'h2', text: 'Long' });
    const [boxed] = convert('<p>x</p><section class="page-break"><h2>Notes</h2><aside class="note"><p>n</p></aside></section>').slice(1);
    expect(boxed).toMatchObject({
      pageBreak: 'before',
      stack: [{ unbreakable: true, stack: [{ style: 'h2' }, { layout: 'bilat-note' }] }],
    });
  });

  it('makes data tables with repeating headers, unbroken rows and right-aligned numbers', () => {
    const [node] = convert(`<table><caption>Cap</caption>
      <thead><tr><th>Name</th><th class="num">Value</th></tr></thead>
      <tbody><tr><td>A label long enough to wrap</td><td class="num">1.0</td></tr><tr><td colspan="2">both</td></tr></tbody></table>`);
    expect(node?.stack?.[0]).toEqual({ text: 'Cap', style: 'tableCaption', headlineLevel: 4, id: 'bilat-h-1' });
    expect(node?.stack?.[1]).toEqual({
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: ['*', 'auto'],
        body: [
          [
            { text: 'Name', style: 'th' },
            { text: 'Value', style: 'th', alignment: 'right' },
          ],
          [{ text: 'A label long enough to wrap' }, { text: '1.0', alignment: 'right' }],
          [{ text: 'both', colSpan: 2 }, {}],
        ],
      },
      layout: 'bilat-data',
      style: 'table',
    });
  });

  it('fills row spans and treats a leading row of <th> as the header', () => {
    const [node] = convert('<table><tr><th>a</th><th>b</th></tr><tr><td rowspan="2">x</td><td>1</td></tr><tr><td>2</td></tr></table>');
    expect(node?.table?.headerRows).toBe(1);
    expect(node?.table?.body).toEqual([
      [
        { text: 'a', style: 'th' },
        { text: 'b', style: 'th' },
      ],
      [{ text: 'x', rowSpan: 2 }, { text: '1' }],
      [{}, { text: '2' }],
    ]);
  });

  it('lays key figures out as one row of cards', () => {
    const [node] = convert(`<div class="key-figures">
      <div class="key-figure"><span class="value">3.7</span><span class="unit">million USD</span><span class="label">turnover</span></div>
      <div class="key-figure"><span class="value">10</span><span class="label">agreements</span></div></div>`);
    expect(node?.layout).toBe('bilat-key-figures');
    expect(node?.table?.widths).toEqual(['*', '*']);
    expect(node?.table?.body[0]?.[0]).toEqual({
      stack: [
        { text: '3.7', style: 'figureValue' },
        { text: 'million USD', style: 'figureUnit' },
        { text: 'turnover', style: 'figureLabel' },
      ],
    });
  });

  it('passes inline SVG as XML with its case intact, sized to the page', () => {
    const [fig] = convert(
      '<figure class="chart"><svg viewBox="0 0 800 400"><linearGradient id="g"/><text>A&amp;B&nbsp;</text></svg><figcaption>Cap</figcaption></figure>',
    );
    expect(fig).toMatchObject({ style: 'figure', unbreakable: true });
    const svg = fig?.stack?.[0] as ContentNode | undefined;
    expect(svg?.svg).toBe('<svg viewBox="0 0 800 400"><linearGradient id="g"/><text>A&amp;B\u00a0</text></svg>');
    expect(svg?.width).toBeCloseTo(493.24, 1);
    expect(fig?.stack?.[1]).toEqual({ text: 'Cap', style: 'figcaption' });
  });

  it('embeds only data-URL images, sized as the browser sizes them (1 CSS px = 0.75 pt)', () => {
    // A 2×1 PNG: width 100 px gives 75 × 37.5 pt.
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAABHNCSVQICAgIfAhkiAAAAAFzUkdCAK7OHOkAAAALSURBVAiZY2CAAgAACQAB41khHgAAAABJRU5ErkJggg==';
    const [fig] = convert(
      `<figure><img src="${png}" width="100"><img src="https://example.org/x.png"><img src="file:///etc/passwd"><img src="data:image/png;base64,iVBORw0KGgo="></figure>`,
    );
    expect(fig?.stack).toEqual([{ image: png, width: 75, height: 37.5 }]);
  });

  it('boxes asides and quotes, splits columns, grids definition lists', () => {
    const content = convert(
      '<div class="columns"><div><p>L</p></div><div><p>R</p></div></div><aside class="data-quality"><p>N</p></aside><blockquote>Q</blockquote><dl class="meta"><dt>As of</dt><dd>x</dd></dl>',
    );
    expect(content.map((c) => c.layout ?? Object.keys(c)[0])).toEqual(['columns', 'bilat-data-quality', 'bilat-quote', 'bilat-grid']);
    expect(content[0]?.columns).toHaveLength(2);
    expect(content[3]?.table?.body).toEqual([
      [
        { text: 'As of', style: 'metaTerm' },
        { text: 'x', style: 'metaValue' },
      ],
    ]);
  });
});

describe('document definition', () => {
  const doc = buildDocDefinition('<h1>T</h1><section id="a"><h2>A</h2><p>x</p></section>', meta);

  it('is plain JSON apart from the running header and footer', () => {
    const { header, footer, ...rest } = doc;
    expect([typeof header, typeof footer]).toEqual(['function', 'function']);
    expect(JSON.parse(JSON.stringify(rest))).toEqual({
      ...rest,
      info: { ...rest.info, creationDate: meta.asOf.toISOString(), modDate: meta.asOf.toISOString() },
    });
  });

  it('dates the file from the brief and names bilat as creator', () => {
    expect(doc.info).toMatchObject({
      creator: 'bilat',
      creationDate: meta.asOf,
      modDate: meta.asOf,
      keywords: 'Azerbaijan, Kyrgyzstan, bilateral relations',
    });
    expect(doc).toMatchObject({ pageSize: 'A4', language: 'en-GB', displayTitle: true });
    expect(buildDocDefinition('', { ...meta, pageSize: 'LETTER' }).pageSize).toBe('LETTER');
  });

  it('draws the running header and footer with page numbers', () => {
    const text = JSON.stringify([doc.header(2, 5, { width: 595.28, height: 841.89 }), doc.footer(2, 5, { width: 595.28, height: 841.89 })]);
    for (const s of [meta.headerLeft, meta.headerRight, meta.footerNote, 'Page 2 of 5']) expect(text).toContain(s);
  });

  it('collects every rendered string for the glyph check', () => {
    const { texts } = convertHtml('<section id="p"><p>Şahin ქ \uE000</p></section>');
    expect(texts).toEqual([{ text: 'Şahin ქ \uE000', where: 'section #p' }]);
    expect(findMissingGlyphs(texts)).toEqual([
      { char: '\uE000', codePoint: 'U+E000', occurrences: [{ snippet: 'Şahin ქ \uE000', where: 'section #p' }], places: 1 },
    ]);
  });
});
