"""Reads a .docx back with python-docx (independent of the JS that wrote it) and prints JSON."""
import json
import sys

import docx
from docx.oxml.ns import qn


def text_of(el):
    # python-docx's Paragraph.text skips runs inside hyperlinks; read every w:t (and breaks) instead.
    out = []
    for node in el.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        out.append(node.text or "" if node.tag == qn("w:t") else "\n" if node.tag == qn("w:br") else "\t")
    return "".join(out)


d = docx.Document(sys.argv[1])
body = d.element.body
paragraphs = [{"style": p.style.name if p.style is not None else None, "text": text_of(p._p)} for p in d.paragraphs]
tables = []
for t in d.tables:
    rows = []
    for r in t.rows:
        trpr = r._tr.trPr
        mark = trpr.find(qn("w:tblHeader")) if trpr is not None else None
        header = mark is not None and mark.get(qn("w:val")) not in ("false", "0", "off")
        rows.append({"header": header, "cells": [text_of(c._tc) for c in r.cells]})
    tables.append(rows)
pictures = [
    {"descr": dp.get("descr"), "name": dp.get("name"), "id": dp.get("id")}
    for dp in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
]
images = [rel.target_part.content_type for rel in d.part.rels.values() if "image" in rel.reltype]
# Pixels per inch as placed on the page: PNG width (IHDR) over the drawing's width (EMU).
ppi = []
for shape in d.inline_shapes:
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    blob = d.part.related_parts[blip.embed].blob
    ppi.append(int.from_bytes(blob[16:20], "big") / (shape.width / 914400))
fields = [i.text for i in body.iter(qn("w:instrText"))]
section = d.sections[0]
running = [text_of(p._p) for part in (section.header, section.footer) for p in part.paragraphs]
running_fields = [i.text for part in (section.header, section.footer) for i in part._element.iter(qn("w:instrText"))]
cp = d.core_properties
print(json.dumps({
    "paragraphs": paragraphs,
    "tables": tables,
    "pictures": pictures,
    "images": images,
    "ppi": ppi,
    "fields": fields,
    "running": running,
    "runningFields": running_fields,
    "core": {"title": cp.title, "subject": cp.subject, "language": cp.language, "created": cp.created.isoformat() if cp.created else None,
             "description": cp.comments, "keywords": cp.keywords},
    # One line per paragraph (table cells included), so words of adjacent paragraphs stay apart.
    "allText": "\n".join([text_of(p) for p in body.iter(qn("w:p"))] + running),
}))
