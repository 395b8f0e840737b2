#!/usr/bin/python3
"""
The first checks a PDF/UA-1 and PDF/A-2 validator runs, made with readers independent of the
JavaScript that wrote the file: pikepdf (qpdf) for the catalog, the XMP packet, the structure
tree and the content streams; poppler (pdftotext, pdffonts) for fonts and text: the page
body's text against the text of a copy that keeps only what is shown inside tagged content.
Prints one JSON object; the vitest suite (standard.test.ts) decides what passes.

usage: check_pdf.py FILE BODY_TOP BODY_BOTTOM   (the page body, in points from the top)
"""
import collections
import os
import json
import re
import subprocess
import sys
import tempfile

import pikepdf

TEXT_OPS = {'Tj', 'TJ', "'", '"'}


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def struct_report(pdf):
    root = pdf.Root.get('/StructTreeRoot')
    roles = collections.Counter()
    figures_without_alt = 0
    figures_without_bbox = 0
    tables = []
    th_without_scope = 0

    def walk(node, table):
        nonlocal figures_without_alt, figures_without_bbox, th_without_scope
        if isinstance(node, pikepdf.Array):
            for k in node:
                walk(k, table)
            return
        if not isinstance(node, pikepdf.Dictionary) or '/S' not in node:
            return
        role = str(node.S)[1:]
        roles[role] += 1
        if role == 'Figure':
            if len(str(node.get('/Alt', '')).strip()) == 0:
                figures_without_alt += 1
            attrs = node.get('/A')
            if not (isinstance(attrs, pikepdf.Dictionary) and '/BBox' in attrs):
                figures_without_bbox += 1
        if role == 'Table':
            table = {'th': 0}
            tables.append(table)
        if role == 'TH':
            if table is not None:
                table['th'] += 1
            attrs = node.get('/A')
            if not (isinstance(attrs, pikepdf.Dictionary) and '/Scope' in attrs):
                th_without_scope += 1
        if '/K' in node:
            walk(node.K, table)

    if root is not None and '/K' in root:
        walk(root.K, None)
    return {
        'roles': dict(roles),
        'figuresWithoutAlt': figures_without_alt,
        'figuresWithoutBBox': figures_without_bbox,
        'tables': len(tables),
        'tablesWithoutTH': sum(1 for t in tables if t['th'] == 0),
        'thWithoutScope': th_without_scope,
    }


def content_report(pdf):
    """
    Per page: text-showing operators inside tagged content, in artifacts, and outside both.
    Also rewrites each page keeping only the text shown inside tagged content, so that
    pdftotext can say what text the structure tree holds (see coverage).
    """
    pages = []
    for page in pdf.pages:
        stack = []
        counts = {'tagged': 0, 'artifact': 0, 'pagination': 0, 'untagged': 0}
        kept = []
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name in ('BDC', 'BMC'):
                tag = str(operands[0])[1:]
                props = operands[1] if name == 'BDC' and len(operands) > 1 else None
                kind = 'other'
                if tag == 'Artifact':
                    kind = 'pagination' if isinstance(props, pikepdf.Dictionary) and str(props.get('/Type', '')) == '/Pagination' else 'artifact'
                elif isinstance(props, pikepdf.Dictionary) and '/MCID' in props:
                    kind = 'tagged'
                stack.append(kind)
            elif name == 'EMC':
                if stack:
                    stack.pop()
            elif name in TEXT_OPS:
                kinds = [k for k in stack if k != 'other']
                where = 'untagged' if not kinds else 'pagination' if 'pagination' in kinds else 'artifact' if 'artifact' in kinds else 'tagged'
                counts[where] += 1
                if where != 'tagged':
                    continue
            kept.append(pikepdf.ContentStreamInstruction(operands, op))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        pages.append(counts)
    return pages


def chars(text):
    return collections.Counter(c for c in text if not c.isspace())


def coverage(file, tagged_file, top, bottom, width):
    """Share of the page body's text (pdftotext) that is shown inside tagged content."""
    crop = ['-x', '0', '-y', str(int(top)), '-W', str(int(width)), '-H', str(int(bottom - top))]
    # The crop box applies to every page: one call for the whole document.
    body = chars(run('pdftotext', *crop, file, '-'))
    tagged = chars(run('pdftotext', tagged_file, '-'))
    total = sum(body.values())
    covered = sum(min(n, tagged[c]) for c, n in body.items())
    return {'bodyChars': total, 'coveredChars': covered, 'ratio': covered / total if total else 1.0}


def fonts(file):
    rows = run('pdffonts', file).splitlines()[2:]
    out = []
    for row in rows:
        cols = row.split()
        # name type... emb sub uni object ID: the last five columns are fixed.
        out.append({'name': cols[0], 'embedded': cols[-5] == 'yes', 'toUnicode': cols[-3] == 'yes'})
    return out


def main():
    file, top, bottom = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    with pikepdf.open(file) as pdf:
        root = pdf.Root
        meta = pdf.open_metadata()
        mark_info = root.get('/MarkInfo')
        intents = root.get('/OutputIntents')
        intent = intents[0] if isinstance(intents, pikepdf.Array) and len(intents) > 0 else None
        prefs = root.get('/ViewerPreferences')
        first = pdf.pages[0]
        width = float(first.MediaBox[2])
        report = {
            'version': str(pdf.pdf_version),
            'marked': bool(mark_info is not None and mark_info.get('/Marked', False)),
            'lang': str(root.get('/Lang', '')),
            'displayDocTitle': bool(prefs is not None and prefs.get('/DisplayDocTitle', False)),
            'encrypted': pdf.is_encrypted or '/Encrypt' in pdf.trailer,
            'outputIntent': None if intent is None else {
                'subtype': str(intent.get('/S', '')),
                'hasProfile': '/DestOutputProfile' in intent,
                'condition': str(intent.get('/OutputConditionIdentifier', '')),
            },
            'xmp': {
                'pdfuaPart': meta.get('{http://www.aiim.org/pdfua/ns/id/}part'),
                'pdfaPart': meta.get('{http://www.aiim.org/pdfa/ns/id/}part'),
                'pdfaConformance': meta.get('{http://www.aiim.org/pdfa/ns/id/}conformance'),
                'title': meta.get('dc:title'),
            },
            'infoTitle': str(pdf.docinfo.get('/Title', '')),
            # PDF/UA 7.18: every annotation in the structure tree (StructParent), links described.
            'annotsWithoutStructParent': sum(1 for p in pdf.pages for a in p.obj.get('/Annots', []) if '/StructParent' not in a),
            'linksWithoutContents': sum(1 for p in pdf.pages for a in p.obj.get('/Annots', []) if str(a.get('/Subtype', '')) == '/Link' and len(str(a.get('/Contents', '')).strip()) == 0),
            'tabsOrder': [str(p.obj.get('/Tabs', '')) for p in pdf.pages if '/Annots' in p.obj],
            'struct': struct_report(pdf),
            'pages': content_report(pdf),
        }
        with tempfile.TemporaryDirectory() as tmp:
            tagged_file = os.path.join(tmp, 'tagged-only.pdf')
            pdf.save(tagged_file)
            report['text'] = coverage(file, tagged_file, top, bottom, width)
    report['fonts'] = fonts(file)
    print(json.dumps(report, ensure_ascii=False))


if __name__ == '__main__':
    main()
