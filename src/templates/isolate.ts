/**
 * Direction isolation for data in templates. A value printed with `{{…}}` that holds
 * right-to-left letters (Arabic, Hebrew…) is wrapped in `<bdi>`, so the brackets, footnote
 * markers and dashes the template writes around it stay on their side: without it the
 * browser's bidi algorithm pulls them into the right-to-left run ("(وزير الخارجية) فيصل…").
 * Values without such letters print exactly as before.
 *
 * Handlebars escapes every `{{…}}` through one function; our compiler calls ours instead.
 * It cannot know whether the value lands in text or in an attribute, so it brackets the
 * value with two noncharacters, and `placeIsolates` turns them into `<bdi>`…`</bdi>` in
 * text and drops them inside tags.
 */
import type HandlebarsNS from 'handlebars';
import { RTL_LETTER } from '../model/names.js';

type HB = typeof HandlebarsNS;

const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
const MARKERS = /[\uFDD0\uFDD1]/g;

/** The name compiled templates find the escape function under, in Handlebars' `@data`. */
export const ESCAPE_KEY = 'bilatEscape';

type Escape = (value: unknown) => string;

/** Escapes like Handlebars and brackets values with right-to-left letters for `placeIsolates`. */
export function isolatingEscape(hb: HB): Escape {
  const escape = hb.Utils.escapeExpression as Escape;
  return (value) => {
    const html = escape(value);
    // SafeStrings (footnote markers, charts) are markup, not a run of text: leave them whole.
    if (value !== null && typeof value === 'object' && 'toHTML' in value) return html;
    if (!RTL_LETTER.test(html)) return html;
    return OPEN + pairIsolates(html.replace(MARKERS, '')) + CLOSE;
  };
}

/**
 * Sentences the model writes isolate the names inside them with U+2068…U+2069 (see
 * model/names.ts); each matched pair becomes a nested <bdi>, the markup HTML prefers.
 * An unmatched one (typed into the data) stays as it is.
 */
function pairIsolates(html: string): string {
  if (!html.includes('\u2068')) return html;
  const chars = [...html];
  const open: number[] = [];
  chars.forEach((ch, i) => {
    if (ch === '\u2068') open.push(i);
    else if (ch === '\u2069' && open.length > 0) {
      chars[open.pop()!] = OPEN;
      chars[i] = CLOSE;
    }
  });
  return chars.join('');
}

interface CompilerProto {
  compiler: unknown;
  appendEscaped(this: CompilerSelf): void;
}
interface CompilerSelf {
  pushSource(source: unknown): void;
  appendToBuffer(source: unknown[]): unknown;
  aliasable(name: string): unknown;
  popStack(): unknown;
}

/**
 * Makes `hb` compile `{{…}}` to call `@bilatEscape` (falling back to Handlebars' own escape
 * when a template runs without it). Handlebars documents replacing its JavaScriptCompiler;
 * children (block bodies) are compiled with `compiler`, so it points at the subclass too.
 */
export function compileWithIsolation(hb: HB): void {
  const env = hb as unknown as { JavaScriptCompiler: new () => object };
  const Base = env.JavaScriptCompiler;
  class IsolatingCompiler extends Base {}
  const proto = IsolatingCompiler.prototype as unknown as CompilerProto;
  proto.compiler = IsolatingCompiler;
  proto.appendEscaped = function (this: CompilerSelf) {
    const escape = ['(data && data.', ESCAPE_KEY, ' || ', this.aliasable('container.escapeExpression'), ')'];
    this.pushSource(this.appendToBuffer([...escape, '(', this.popStack(), ')']));
  };
  env.JavaScriptCompiler = IsolatingCompiler;
}

/** Turns the markers into `<bdi>` elements in text, and removes them inside tags (attribute values). */
export function placeIsolates(html: string): string {
  if (!html.includes(OPEN)) return html;
  // A scan, not /<[^>]*>/g: that regex retries from every "<" of an unclosed run (quadratic).
  let out = '';
  for (let i = 0; i < html.length; ) {
    const lt = html.indexOf('<', i);
    const gt = lt === -1 ? -1 : html.indexOf('>', lt);
    if (gt === -1) return out + inText(html.slice(i));
    out += inText(html.slice(i, lt)) + html.slice(lt, gt + 1).replace(MARKERS, '');
    i = gt + 1;
  }
  return out;
}

const inText = (text: string): string => text.replace(MARKERS, (m) => (m === OPEN ? '<bdi>' : '</bdi>'));
