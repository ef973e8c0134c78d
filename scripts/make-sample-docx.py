#!/usr/bin/env python3
"""Writes samples/uploads/kampala-interview-50001.docx: a minimal Word file (paragraphs and a header),
built from plain XML so the sample needs no Office tools."""
import zipfile, pathlib
from xml.sax.saxutils import escape

turns = [
    ("Interviewer", "Can you tell me how you were introduced to the team at the hospital?"),
    ("50001", "My partner Nakato did a great job supporting my intro to the team. She chased my ID tag and my access, she was like my guardian for the first two months."),
    ("Interviewer", "Was it clear what you were supposed to do?"),
    ("50001", "Not at first. The role was unclear, the nurses thought I was there to help with cleaning or to watch patients. We had to draw the boundaries of the peer role."),
    ("Interviewer", "How do other staff treat you now?"),
    ("50001", "Most are fine, but some staff still show stigma. One psychiatrist ignores me in meetings. My number is +256 772 123 456 if you need to follow up, or email nakato.sarah@example.org."),
    ("Interviewer", "What keeps you going?"),
    ("50001", "The training opportunities. I want to learn group facilitation and counselling skills, it gives the work meaning and helps me grow."),
]
body = "".join(
    f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(s)}: </w:t></w:r><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>'
    for s, t in turns)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
files = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>',
    "word/header1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}><w:p><w:r><w:t>UPSIDES study, Kampala site, participant 50001 - confidential</w:t></w:r></w:p></w:hdr>',
    "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/></w:sectPr></w:body></w:document>',
}
out = pathlib.Path(__file__).resolve().parent.parent / "samples" / "uploads" / "kampala-interview-50001.docx"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, xml in files.items():
        z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), xml)
print(out)
