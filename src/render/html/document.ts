import { createHash } from 'node:crypto';
import { theme } from '../theme.js';
import { dropUnsafeLinks } from './safe-links.js';

export interface HtmlDocumentMeta {
  title: string;
  lang: string;
  description: string;
  generator: string;
  asOf: string;
}

/** CSS custom properties from the shared theme, so HTML and PDF use the same tokens. */
export function themeCss(): string {
  const c = theme.color;
  const s = theme.font.size;
  return `:root{--font:${theme.font.htmlStack};--lh:${theme.font.lineHeight};--ink:${c.ink};--muted:${c.muted};--accent:${c.accent};--accent-soft:${c.accentSoft};--rule:${c.rule};--warn:${c.warn};--warn-soft:${c.warnSoft};--stripe:${c.tableStripe};--body:${s.body};--small:${s.small};--tiny:${s.tiny};--h1:${s.h1};--h2:${s.h2};--h3:${s.h3};--figure:${s.figure}}`;
}

/**
 * One self-contained file: inline CSS, inline SVG charts, no external requests. The CSP
 * allows only the file's own stylesheet (by hash) and data: images; nothing else loads.
 */
export function htmlDocument(article: string, css: string, meta: HtmlDocumentMeta): string {
  const style = `${themeCss()}\n${css}`;
  const hash = createHash('sha256').update(style).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="${esc(meta.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${esc(meta.description)}">
<meta name="generator" content="${esc(meta.generator)}">
<meta name="dcterms.date" content="${esc(meta.asOf)}">
<title>${esc(meta.title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${dropUnsafeLinks(article).trim()}
</main>
</body>
</html>
`;
}
