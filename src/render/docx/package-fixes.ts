/**
 * Part fixes the docx package cannot express: it writes no `Normal` paragraph style, so plain
 * paragraphs would have no default style for Word's style pane or other readers to name,
 * no document language in the core properties, and one drawing id for every picture.
 */
const normal = '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>';

export function fixPart(name: string, xml: string, lang: string): string {
  // The core properties carry no language otherwise; Dublin Core has the field.
  if (name === 'docProps/core.xml' && !xml.includes('<dc:language>'))
    return xml.replace('</cp:coreProperties>', `<dc:language>${escapeXml(lang)}</dc:language></cp:coreProperties>`);
  // Every drawing needs its own id; this docx version gives each picture id 1, which Word repairs.
  if (name === 'word/document.xml') {
    let n = 0;
    return xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`);
  }
  if (name !== 'word/styles.xml' || /w:type="paragraph"[^>]*w:default="1"/.test(xml)) return xml;
  const at = xml.indexOf('<w:style ');
  return at < 0 ? xml.replace('</w:styles>', `${normal}</w:styles>`) : xml.slice(0, at) + normal + xml.slice(at);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
