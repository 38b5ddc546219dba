"""The demo's resource files are real, small and deterministic: a PDF guide that a PDF parser
opens, .xlsx templates that openpyxl reads, .docx templates with valid WordprocessingML."""

import io
import zipfile
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from civic_wagtail.library import demo_data
from civic_wagtail.library.demo_files import DEMO_FILES, demo_file

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_every_demo_document_resource_has_a_real_file():
    documents = {slug for slug, _t, _k, _l, url in demo_data.RESOURCES if url is None}
    assert documents == set(DEMO_FILES)
    assert {ext for ext, _build in DEMO_FILES.values()} == {"pdf", "xlsx", "docx"}


@pytest.mark.parametrize("slug", sorted(DEMO_FILES))
def test_files_are_deterministic_and_small(slug):
    name, first = demo_file(slug, "A title")
    assert demo_file(slug, "A title") == (name, first)
    assert 500 < len(first) < 20_000


def test_the_pdf_guide_opens_in_a_parser_with_its_text():
    _name, data = demo_file("school-streets-guide", "School streets implementation guide")
    reader = PdfReader(io.BytesIO(data), strict=True)
    assert len(reader.pages) == 3
    assert reader.metadata.title == "School streets implementation guide"
    text = reader.pages[1].extract_text()
    assert "Running a six-month trial" in text and "experimental traffic order" in text


def test_the_spreadsheet_template_opens_with_headers_rows_and_notes():
    _name, data = demo_file("food-waste-business-case", "Food waste collection business case")
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["Template"]
    assert [c.value for c in sheet[1]] == ["Cost or saving", "Year 1", "Year 2", "Year 3", "Notes"]
    assert sheet["A2"].value == "Caddies and bins (one-off)" and sheet["B2"].value == 180000
    assert sheet.max_row == 6
    assert workbook["About"]["A1"].value == "Food waste collection business case"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2024, 1, 1, 0, 0, 0)}


def test_the_document_template_is_wordprocessingml_with_its_text():
    _name, data = demo_file("plain-language-checklist", "Plain-language checklist")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert "[Content_Types].xml" in archive.namelist()
        root = ElementTree.fromstring(archive.read("word/document.xml"))  # noqa: S314 (ours)
    texts = [t.text for t in root.iter(f"{W}t")]
    assert texts[0] == "Plain-language checklist"
    assert "Read it aloud. Test it with someone who has not seen it." in texts
