/** The bidi pass over one laid-out line (src/render/pdf/bidi-lines.ts), with a font whose every character is 10 units wide. */
import { describe, expect, it } from 'vitest';
import { reorderLine, type LineInline } from '../../src/render/pdf/bidi-lines.js';

const font = { widthOfString: (t: string) => [...t].length * 10 };
function line(...texts: string[]): LineInline[] {
  let x = 0;
  return texts.map((text) => {
    const inline = { text, x, width: [...text].length * 10, font, fontSize: 10 };
    x += inline.width;
    return inline;
  });
}
const drawn = (inlines: LineInline[] | undefined) => inlines?.map((i) => [i.text, i.x]);

describe('bidi pass over a line', () => {
  it('leaves a line without right-to-left text alone', () => {
    expect(reorderLine(line('Visit ', 'of ', 'Baku ', 'in ', '2023'))).toBeUndefined();
  });

  it('orders an Arabic name inside an English sentence right to left, the year after it', () => {
    const out = reorderLine(line('Visit ', 'of ', 'فيصل ', 'بن ', 'فرحان ', 'in ', '2023'));
    // fontkit reverses each Arabic run's glyphs itself, so the strings stay logical; only their places change.
    expect(drawn(out)).toEqual([
      ['Visit ', 0],
      ['of ', 60],
      ['فرحان', 90],
      ['بن ', 140],
      ['فيصل ', 170],
      [' ', 220],
      ['in ', 230],
      ['2023', 260],
    ]);
  });

  it('mirrors and reverses brackets in a right-to-left run, and drops isolate marks', () => {
    const out = reorderLine(line('\u2068قال', ' (', 'وزير', ')\u2069', ' today'));
    expect(out?.map((i) => i.text)).toEqual(['(', 'وزير', ') ', 'قال', ' today']);
    expect(out?.map((i) => i.width)).toEqual([10, 40, 20, 30, 60]);
  });

  it('keeps an isolated name with its brackets on the English side', () => {
    const out = reorderLine(line('Participants: ', '\u2068אלי ', 'כהן\u2069 ', '(\u2068שר ', 'החוץ\u2069)'));
    expect(out?.map((i) => i.text)).toEqual(['Participants: ', 'כהן', 'אלי ', ' ', '(', 'החוץ', 'שר ', ')']);
  });
});
