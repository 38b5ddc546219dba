# ruff: noqa: E501  (OOXML namespace and content-type URIs do not wrap)
"""Small, real, deterministic files for the demo's resource hub.

A PDF guide, an .xlsx spreadsheet template and a .docx document template, each with real
content, built without network or extra dependencies (openpyxl comes with Wagtail). The same
input always gives the same bytes: fixed timestamps inside the files and in their ZIP entries.
"""

import io
import re
import zipfile
from xml.sax.saxutils import escape

#: Every timestamp inside the generated files.
FIXED_DATE = (2024, 1, 1, 0, 0, 0)
FIXED_ISO = "2024-01-01T00:00:00Z"


# PDF ---------------------------------------------------------------------------------------

def _pdf_text(text):
    """``text`` as a PDF literal string in WinAnsi (Latin-1) with its specials escaped."""
    data = text.encode("cp1252", "replace").decode("latin-1")
    return "(" + data.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def _wrap(text, width=88):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def pdf_document(title, sections):
    """A one-page-per-section PDF 1.4: ``sections`` is a list of ``(heading, paragraphs)``."""
    pages = []
    for heading, paragraphs in sections:
        ops = ["BT", "/F2 16 Tf", "56 780 Td", "20 TL", f"{_pdf_text(title)} Tj", "T*",
               "/F2 13 Tf", "18 TL", f"{_pdf_text(heading)} Tj", "T*", "/F1 11 Tf", "15 TL"]
        for paragraph in paragraphs:
            ops.append("T*")
            ops.extend(f"{_pdf_text(line)} Tj T*" for line in _wrap(paragraph))
        ops.append("ET")
        pages.append("\n".join(ops).encode("latin-1"))
    objects = {}
    kids = []
    font_regular, font_bold = 3, 4
    objects[font_regular] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica " \
        b"/Encoding /WinAnsiEncoding >>"
    objects[font_bold] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold " \
        b"/Encoding /WinAnsiEncoding >>"
    number = 5
    for stream in pages:
        page_id, content_id = number, number + 1
        number += 2
        kids.append(page_id)
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 {font_regular} 0 R /F2 {font_bold} 0 R >> >> >>"
        ).encode()
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + \
            b"\nendstream"
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    info = number
    objects[info] = (
        f"<< /Title {_pdf_text(title)} /Producer (civic_wagtail demo) "
        "/CreationDate (D:20240101000000Z) /ModDate (D:20240101000000Z) >>"
    ).encode("latin-1")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for obj_id in sorted(objects):
        offsets[obj_id] = out.tell()
        out.write(b"%d 0 obj\n" % obj_id + objects[obj_id] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for obj_id in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets[obj_id])
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (size, info, xref)
    )
    return out.getvalue()


# ZIP-based formats -------------------------------------------------------------------------

def _zip(parts):
    """A ZIP of ``parts`` (name → bytes) in the given order, every entry dated FIXED_DATE."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def _fixed_core_dates(xml):
    return re.sub(
        rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
        rb"\g<1>" + FIXED_ISO.encode() + rb"\g<2>",
        xml,
    )


def xlsx_workbook(title, headers, rows, notes=()):
    """An .xlsx template: a sheet with bold headers, example rows, and a notes sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Template"
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for column, header in zip(sheet.iter_cols(min_row=1, max_row=1), headers, strict=True):
        sheet.column_dimensions[column[0].column_letter].width = max(12, len(header) + 4)
    sheet.freeze_panes = "A2"
    about = workbook.create_sheet("About")
    about.append([title])
    about["A1"].font = Font(bold=True, size=14)
    for note in notes:
        about.append([note])
    about.column_dimensions["A"].width = 100
    workbook.properties.title = title
    workbook.properties.creator = "Civic Exchange demo"
    raw = io.BytesIO()
    workbook.save(raw)
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as archive:
        parts = []
        for name in archive.namelist():
            data = archive.read(name)
            if name == "docProps/core.xml":
                data = _fixed_core_dates(data)
            parts.append((name, data))
    return _zip(parts)


DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_paragraph(text, bold=False, size=None):
    props = ""
    if bold or size:
        props = "<w:rPr>" + ("<w:b/>" if bold else "") + (
            f'<w:sz w:val="{size}"/>' if size else ""
        ) + "</w:rPr>"
    return f'<w:p><w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx_document(title, sections):
    """A .docx template: a title, then ``(heading, paragraphs)`` sections."""
    body = [_docx_paragraph(title, bold=True, size=36)]
    for heading, paragraphs in sections:
        body.append(_docx_paragraph(heading, bold=True, size=28))
        body.extend(_docx_paragraph(paragraph) for paragraph in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>Civic Exchange demo</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_ISO}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_ISO}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    return _zip(
        [
            ("[Content_Types].xml", DOCX_TYPES.encode()),
            ("_rels/.rels", DOCX_RELS.encode()),
            ("docProps/core.xml", core.encode()),
            ("word/document.xml", document.encode()),
        ]
    )


# The demo's files ------------------------------------------------------------------------

def demo_file(slug, title):
    """``(filename, bytes)`` of the demo resource ``slug``, or None (a text fallback)."""
    builder = DEMO_FILES.get(slug)
    if builder is None:
        return None
    extension, build = builder
    return f"{slug}.{extension}", build(title)


def _school_streets_guide(title):
    return pdf_document(title, [
        ("1. What a school street is", [
            "A school street closes the road outside a school to motor traffic for about an "
            "hour at the start and the end of the school day. Residents, blue-badge holders "
            "and emergency services keep access.",
            "Councils that ran trials saw more children walking and cycling, and lower "
            "nitrogen dioxide at the school gate during closures.",
        ]),
        ("2. Running a six-month trial", [
            "Month 1: choose schools with the school, residents and the bus operator. "
            "Month 2: publish an experimental traffic order and signs. Months 3 to 6: run the "
            "closure with volunteer marshals or cameras, count trips and collect comments.",
            "Measure before and during: share of pupils arriving on foot, by bike or by car; "
            "traffic counts on surrounding streets; complaints and incidents.",
        ]),
        ("3. Deciding to keep it", [
            "Publish the counts and the comments, adjust the hours or the boundary, then "
            "make the order permanent or end the trial. Share your results on Civic Exchange "
            "as a case study so other councils can compare.",
        ]),
    ])


def _food_waste_business_case(title):
    return xlsx_workbook(
        title,
        ["Cost or saving", "Year 1", "Year 2", "Year 3", "Notes"],
        [
            ["Caddies and bins (one-off)", 180000, 0, 0, "Kitchen caddy and kerbside bin per household"],
            ["Collection rounds", 420000, 430000, 440000, "Two vehicles, weekly collection"],
            ["Communications", 35000, 10000, 10000, "Leaflets, stickers, door knocking"],
            ["Landfill tax avoided", -260000, -300000, -320000, "Tonnes diverted x tax rate"],
            ["Anaerobic digestion gate fee", 90000, 100000, 105000, "Per tonne collected"],
        ],
        notes=[
            "Replace the example figures with your own; negative values are savings.",
            "Add a row per cost line; keep one column per financial year.",
            "Licence: CC BY 4.0. Demo data of Civic Exchange: the figures are fictional.",
        ],
    )


def _dispatch_benchmark(title):
    return xlsx_workbook(
        title,
        ["Service area", "Year", "Calls", "Median call-to-dispatch (s)", "90th percentile (s)"],
        [
            ["Northern district", 2023, 48210, 62, 141],
            ["Harbour city", 2023, 71934, 55, 120],
            ["Eastern valley", 2023, 20355, 74, 180],
            ["Northern district", 2024, 49870, 51, 118],
            ["Harbour city", 2024, 73402, 47, 101],
        ],
        notes=["Fictional benchmark data for the Civic Exchange demo (ODbL)."],
    )


def _plain_language_checklist(title):
    return docx_document(title, [
        ("Before you write", [
            "Who will read this, and what do they need to do after reading it?",
            "Put that action in the first paragraph.",
        ]),
        ("While you write", [
            "Use short sentences (15 to 20 words on average) and everyday words.",
            "Write to the reader as \u201cyou\u201d and about your organisation as \u201cwe\u201d.",
            "Use headings that say what the section tells the reader.",
        ]),
        ("Before you publish", [
            "Read it aloud. Test it with someone who has not seen it.",
            "Check dates, amounts and links; give a contact for questions.",
        ]),
    ])


def _procurement_clauses(title):
    return docx_document(title, [
        ("Clause 1: Open data", [
            "The Supplier shall publish the data generated by the Services under an open "
            "licence, in a machine-readable format, within 30 days of collection, except "
            "personal data.",
        ]),
        ("Clause 2: Source code", [
            "Source code written for the Authority under this Contract shall be published under "
            "an open-source licence agreed with the Authority.",
        ]),
        ("Clause 3: Exit", [
            "On termination the Supplier shall hand over all data and documentation needed to "
            "run the Services, at no extra cost, within 20 working days.",
        ]),
    ])


def _permit_process_map(title):
    return docx_document(title, [
        ("How to use this template", [
            "List each step a permit application goes through, who does it and how long it "
            "takes. Mark the steps where applicants wait or are asked again for information.",
        ]),
        ("Steps", [
            "1. Application received (channel, who logs it, target: same day)",
            "2. Completeness check (who, target: 2 working days)",
            "3. Consultation (who is consulted, target: 15 working days)",
            "4. Decision (who signs, target: 5 working days)",
            "5. Applicant told (channel, target: same day)",
        ]),
    ])


#: Resource slug → (file extension, builder). Slugs of ``demo_data.RESOURCES``.
DEMO_FILES = {
    "school-streets-guide": ("pdf", _school_streets_guide),
    "food-waste-business-case": ("xlsx", _food_waste_business_case),
    "dispatch-benchmark-dataset": ("xlsx", _dispatch_benchmark),
    "plain-language-checklist": ("docx", _plain_language_checklist),
    "procurement-clauses": ("docx", _procurement_clauses),
    "permit-process-map-template": ("docx", _permit_process_map),
}
