/** Word styles and list numbering from the shared theme tokens (src/render/theme.ts). */
import { AlignmentType, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';
import { theme } from '../theme.js';

const hex = (c: string) => c.replace('#', '');
/** Word counts font sizes in half-points and spacing in twentieths of a point. */
const hp = (pt: number) => Math.round(pt * 2);
const tw = (pt: number) => Math.round(pt * 20);
const line = Math.round(theme.font.lineHeight * 240);
const font = theme.font.family;
const size = theme.font.size;
const color = theme.color;

export function wordStyles(lang: string): IStylesOptions {
  const heading = (pt: number, before: number, after: number, c: string) => ({
    run: { font, size: hp(pt), bold: true, color: hex(c) },
    paragraph: { spacing: { before: tw(before), after: tw(after) }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font, size: hp(size.body), color: hex(color.ink), language: { value: lang } },
        // lineRule stated: LibreOffice reads a bare w:line as exact and clips pictures to one line.
        paragraph: { spacing: { after: tw(4), line, lineRule: LineRuleType.AUTO } },
      },
      heading1: heading(size.h1, 0, 6, color.accent),
      heading2: {
        ...heading(size.h2, 12, 4, color.accent),
        paragraph: {
          spacing: { before: tw(12), after: tw(4) },
          keepNext: true,
          keepLines: true,
          border: { bottom: { style: 'single', size: 4, color: hex(color.rule), space: 1 } },
        },
      },
      heading3: heading(size.h3, 8, 2, color.ink),
      listParagraph: { paragraph: { spacing: { after: tw(2) } } },
    },
    paragraphStyles: [
      {
        id: 'Caption',
        name: 'Caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: hp(size.small), color: hex(color.muted), italics: true },
        paragraph: { spacing: { before: tw(2), after: tw(6) } },
      },
      {
        id: 'Figure',
        name: 'Figure',
        basedOn: 'Normal',
        next: 'Caption',
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: tw(6), after: tw(2), line: 240, lineRule: LineRuleType.AUTO } },
      },
      { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: hp(size.small) }, paragraph: { spacing: { after: 0 } } },
      {
        id: 'KeyFigureValue',
        name: 'Key Figure Value',
        basedOn: 'Normal',
        next: 'KeyFigure',
        run: { size: hp(size.figure), bold: true, color: hex(color.accent) },
        paragraph: { spacing: { after: 0, line: 252, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'KeyFigure',
        name: 'Key Figure',
        basedOn: 'Normal',
        run: { size: hp(size.small) },
        paragraph: { spacing: { after: 0, line: 288, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'TOCHeading',
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font, size: hp(size.h2), bold: true, color: hex(color.accent) },
        paragraph: { spacing: { before: 0, after: tw(6) } },
      },
      {
        id: 'Running',
        name: 'Running Head',
        basedOn: 'Normal',
        run: { size: hp(size.tiny), color: hex(color.muted) },
        paragraph: { spacing: { after: 0 } },
      },
    ],
  };
}

const indent = (level: number) => ({ left: 360 * (level + 1), hanging: 260 });

export const wordNumbering: INumberingOptions = {
  config: [
    {
      reference: 'bilat-bullets',
      levels: ['•', '–', '·'].map((text, level) => ({
        level,
        format: LevelFormat.BULLET,
        text,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: indent(level) } },
      })),
    },
    {
      reference: 'bilat-numbers',
      levels: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN].map((format, level) => ({
        level,
        format,
        text: `%${level + 1}.`,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: indent(level) } },
      })),
    },
  ],
};
