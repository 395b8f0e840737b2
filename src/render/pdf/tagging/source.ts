/**
 * The HTML element each converted block came from, for the PDF's structure tree (tree.ts).
 * A WeakMap, so the pdfmake document definition (and its golden JSON) stays as it was.
 */
export const htmlTagOf = new WeakMap<object, string>();
