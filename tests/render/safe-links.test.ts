import { describe, expect, it } from 'vitest';
import { dropUnsafeLinks, isSafeUrl } from '../../src/render/html/safe-links.js';

describe('HTML links: http, https and mailto only (defence behind the schema)', () => {
  it('drops a link of another scheme and keeps its text', () => {
    expect(dropUnsafeLinks('<p>see <a class="u" href="javascript:alert(1)">this</a>.</p>')).toBe('<p>see <a class="u">this</a>.</p>');
    expect(dropUnsafeLinks('<a href=" JaVa&#x09;script:x" title="a&quot;b">y</a>')).toBe('<a title="a&quot;b">y</a>');
    expect(dropUnsafeLinks('<a href="data:text/html,&lt;script&gt;">d</a><a href="file:///etc/passwd">f</a>')).toBe('<a>d</a><a>f</a>');
    expect(dropUnsafeLinks('<svg><a xlink:href="vbscript:x"/></svg>')).toBe('<svg><a /></svg>');
  });

  it('leaves everything else byte for byte', () => {
    const html =
      '<p><a href="https://example.org/a?b=1&amp;c=2">x</a> <a href="mailto:a@b.org">m</a> <a href="#src-1">1</a><img src="data:image/png;base64,AA" alt=""/><use href="#c1"/></p>';
    expect(dropUnsafeLinks(html)).toBe(html);
  });

  it('data: is an image source only', () => {
    expect(isSafeUrl('src', 'data:image/png;base64,AA')).toBe(true);
    expect(isSafeUrl('href', 'data:image/png;base64,AA')).toBe(false);
    expect(isSafeUrl('src', 'data:text/html,x')).toBe(false);
    expect(isSafeUrl('href', 'HTTPS://x.org')).toBe(true);
    expect(isSafeUrl('href', 'trade/x.csv')).toBe(true);
  });

  it('an SVG data: source only on <img> (where it runs no script), never in a frame or object', () => {
    const svg = 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=';
    expect(dropUnsafeLinks(`<img src="${svg}" alt="">`)).toBe(`<img src="${svg}" alt="">`);
    expect(dropUnsafeLinks(`<iframe src="${svg}"></iframe><embed src="${svg}">`)).toBe('<iframe></iframe><embed>');
    expect(isSafeUrl('src', svg)).toBe(false);
  });
});
