/**
 * The HTML briefs as self-contained documents: language, Content-Security-Policy, no
 * external URL (except plain links in the sources list), text alternatives for charts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCES, buildOnce, outputPath, PAIRS } from '../helpers/cli.js';
import { MINIMAL, stableFixture } from '../helpers/fixtures.js';
import { decodeEntities } from '../helpers/text.js';

const briefs = [...PAIRS.map((p) => p.id), 'aa-bb'].flatMap((pair) => AUDIENCES.map((audience) => ({ pair, audience })));
const dirs = new Map<string, string>();
const read = (b: { pair: string; audience: string }) => readFileSync(outputPath(dirs.get(b.pair)!, b.pair, b.audience, 'html'), 'utf8');

beforeAll(async () => {
  const main = await buildOnce();
  for (const p of PAIRS) dirs.set(p.id, main);
  // The minimal relationship's only source has a web address: the one URL a brief may print.
  dirs.set('aa-bb', await buildOnce([stableFixture('aa-bb-minimal.yaml', MINIMAL)]));
});

/** Attributes that make a browser fetch or navigate. */
const URL_ATTRS =
  /\s(src|href|xlink:href|srcset|action|formaction|poster|data|background|cite|longdesc|manifest|ping|imagesrcset)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi;

function urlAttributes(html: string): { name: string; value: string; index: number }[] {
  return [...html.matchAll(URL_ATTRS)].map((m) => ({
    name: m[1]!.toLowerCase(),
    value: decodeEntities(m[3] ?? m[4] ?? m[5] ?? ''),
    index: m.index!,
  }));
}

describe.each(briefs.map((b) => [`${b.pair} ${b.audience}`, b] as const))('%s HTML', (_n, b) => {
  it('declares its language on <html>', () => {
    expect(read(b)).toMatch(/^<!DOCTYPE html>\s*<html lang="en-GB">/i);
  });

  it('has a strict CSP meta that allows exactly its own stylesheet', () => {
    const html = read(b);
    const head = /<head>([\s\S]*?)<\/head>/i.exec(html)![1]!;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/i.exec(head);
    expect(csp, 'CSP meta').not.toBeNull();
    // Before anything it governs.
    expect(head.indexOf(csp![0])).toBeLessThan(head.search(/<style|<link|<script/i) >>> 0);
    const policy = Object.fromEntries(
      decodeEntities(csp![1]!)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'none'"]);
    expect(policy['img-src']).toEqual(['data:']);
    expect(Object.keys(policy).filter((k) => /script|connect|frame|font|object/.test(k))).toEqual([]);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!).digest('base64');
    expect(policy['style-src']).toEqual([`'sha256-${hash}'`]);
    // A style="" attribute would be blocked by that policy (no 'unsafe-hashes').
    expect(html).not.toMatch(/\sstyle\s*=/i);
  });

  it('loads nothing from anywhere: no scripts, links, frames, external URLs', () => {
    const html = read(b);
    expect(html).not.toMatch(/<(script|link|iframe|frame|object|embed|base|audio|video|source)\b/i);
    const css = /<style>([\s\S]*?)<\/style>/i.exec(html)![1]!;
    expect(css).not.toMatch(/@import/i);
    expect(
      [...css.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => m[1]).filter((u) => !u!.startsWith('data:') && !u!.startsWith('#')),
    ).toEqual([]);
    // SVG paint servers and clip paths refer to fragments of the same file only.
    expect(
      [...html.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => m[1]).filter((u) => !u!.startsWith('#') && !u!.startsWith('data:')),
    ).toEqual([]);
  });

  it('has no src/href to another place except plain links in the sources list, and every #link lands', () => {
    const html = read(b);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const sources = /<ol class="sources">[\s\S]*?<\/ol>/.exec(html);
    const inSources = (i: number) => sources !== null && i > sources.index && i < sources.index + sources[0].length;
    for (const a of urlAttributes(html)) {
      if (a.value.startsWith('#')) expect(ids.has(a.value.slice(1)), `${a.name}="${a.value}" has a target`).toBe(true);
      else if (a.name === 'src') expect(a.value, 'embedded image').toMatch(/^data:image\//);
      else {
        expect(a.name, `${a.value}`).toBe('href');
        expect(a.value).toMatch(/^https?:\/\//);
        expect(inSources(a.index), `${a.value} is in the sources list`).toBe(true);
        // A plain link: no prefetch, no ping, no new window script.
        expect(html.slice(html.lastIndexOf('<', a.index), html.indexOf('>', a.index) + 1)).toMatch(/^<a href="[^"]*">$/);
      }
    }
  });

  it('gives every chart role="img" and a text alternative, and every image an alt', () => {
    const html = read(b);
    for (const m of html.matchAll(/<svg\b([^>]*)>([\s\S]*?)<\/svg>/gi)) {
      expect(m[1]).toMatch(/\srole="img"/);
      const title = /^<title>([\s\S]+?)<\/title>/.exec(m[2]!)?.[1] ?? /\saria-label="([^"]+)"/.exec(m[1]!)?.[1];
      expect(title?.trim().length ?? 0, 'chart text alternative').toBeGreaterThan(20);
    }
    for (const m of html.matchAll(/<img\b[^>]*>/gi)) expect(m[0]).toMatch(/\salt="[^"]+"/);
    for (const m of html.matchAll(/<figure\b[^>]*class="chart[^"]*"[^>]*>([\s\S]*?)<\/figure>/gi)) expect(m[1]).toMatch(/<svg\b|<img\b/);
  });
});

it('the minimal relationship prints its source link (so the URL rules above are exercised)', () => {
  const html = read({ pair: 'aa-bb', audience: 'analyst' });
  const hrefs = urlAttributes(html).filter((a) => a.name === 'href' && !a.value.startsWith('#'));
  expect(hrefs.map((a) => a.value)).toEqual(['https://example.org/reports/a?x=1&y=2']);
});

it('the main briefs have charts to check', () => {
  for (const b of briefs.filter((x) => x.pair !== 'aa-bb')) expect(read(b), `${b.pair} ${b.audience}`).toMatch(/<svg\b/);
});
