#!/usr/bin/env python3
"""Writes the Word fixtures under Tests/Fixtures/docx with python-docx (pip install python-docx).

Each fixture uses what real Word drafts use and a plain-text export loses: automatic numbering
kept in numbering.xml (section headings, the NO column), content controls (w:sdt), tracked
changes (w:ins, w:del, a deleted table row), merged cells (gridSpan, vMerge) and a table whose
unit columns are not the first ones. The tests read them with the Swift importer.

  skema-okupasi-supervisor-sales-technical-support.docx
      the seed scheme catalog/sources/skema-okupasi-supervisor-sales-technical-support.txt
      rebuilt as a Word document: it must import to the same units as the text.
  draf-instruktur-jenjang-4-bergalat.docx
      a KKNI draft against qualification B of KEPMEN 3/2021 with planted mistakes.

Run from the repository root: python3 scripts/make-docx-fixtures.py
"""
import copy
import re
import sys
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "Fixtures" / "docx"
AUTHOR = "Komite Skema"
DATE = "2026-11-20T09:00:00Z"


def element(tag, attrs=None, children=()):
    el = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        el.set(qn(key), str(value))
    for child in children:
        el.append(child)
    return el


class Numbering:
    """Abstract numbering definitions added to the document's numbering part."""

    def __init__(self, document):
        self.root = document.part.numbering_part.element
        self.next_id = 900

    def define(self, levels):
        """levels: [(numFmt, lvlText)] -> numId. Level 0 restarts level 1 and so on (Word's default)."""
        abstract_id = self.next_id
        num_id = self.next_id
        self.next_id += 1
        abstract = element("w:abstractNum", {"w:abstractNumId": abstract_id})
        for ilvl, (fmt, text) in enumerate(levels):
            abstract.append(
                element(
                    "w:lvl",
                    {"w:ilvl": ilvl},
                    [
                        element("w:start", {"w:val": 1}),
                        element("w:numFmt", {"w:val": fmt}),
                        element("w:lvlText", {"w:val": text}),
                        element("w:lvlJc", {"w:val": "left"}),
                    ],
                )
            )
        # Schema order: every w:abstractNum before the first w:num.
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.root.append(abstract)
        self.root.append(
            element("w:num", {"w:numId": num_id}, [element("w:abstractNumId", {"w:val": abstract_id})])
        )
        return num_id


def number(paragraph, num_id, level=0):
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert(
        0, element("w:numPr", children=[element("w:ilvl", {"w:val": level}), element("w:numId", {"w:val": num_id})])
    )


def run(text, italic=False):
    r = element("w:r")
    if italic:
        r.append(element("w:rPr", children=[element("w:i")]))
    t = element("w:t", {"xml:space": "preserve"})
    t.text = text
    r.append(t)
    return r


def inserted(text, change_id):
    return element("w:ins", {"w:id": change_id, "w:author": AUTHOR, "w:date": DATE}, [run(text)])


def deleted(text, change_id):
    r = element("w:r")
    t = element("w:delText", {"xml:space": "preserve"})
    t.text = text
    r.append(t)
    return element("w:del", {"w:id": change_id, "w:author": AUTHOR, "w:date": DATE}, [r])


def content_control(paragraph, tag):
    """Wraps the paragraph's runs in a run-level content control (w:sdt)."""
    sdt = element(
        "w:sdt",
        children=[element("w:sdtPr", children=[element("w:tag", {"w:val": tag}), element("w:text")])],
    )
    content = element("w:sdtContent")
    for r in list(paragraph._p.findall(qn("w:r"))):
        content.append(r)
    sdt.append(content)
    paragraph._p.append(sdt)


def block_control(paragraph, tag, placeholder=False):
    """Moves the paragraph into a block-level content control; a placeholder control shows
    Word's prompt text, which is not content."""
    properties = [element("w:tag", {"w:val": tag})]
    if placeholder:
        properties.append(element("w:showingPlcHdr"))
    sdt = element("w:sdt", children=[element("w:sdtPr", children=properties)])
    paragraph._p.addprevious(sdt)
    sdt.append(element("w:sdtContent", children=[paragraph._p]))


def set_cell(cell, text, italic_words=()):
    p = cell.paragraphs[0]
    for part in re.split(r"(\s+)", text):
        if part:
            p._p.append(run(part, italic=part in italic_words))


def grid_span(cell, columns):
    cell._tc.get_or_add_tcPr().append(element("w:gridSpan", {"w:val": columns}))


def v_merge(cell, restart):
    cell._tc.get_or_add_tcPr().append(element("w:vMerge", {"w:val": "restart"} if restart else {}))


def delete_row(row):
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(element("w:del", {"w:id": 77, "w:author": AUTHOR, "w:date": DATE}))
    for t in row._tr.iter(qn("w:t")):
        t.tag = qn("w:delText")
    for r in list(row._tr.iter(qn("w:r"))):
        wrapper = element("w:del", {"w:id": 78, "w:author": AUTHOR, "w:date": DATE})
        r.addprevious(wrapper)
        wrapper.append(r)


def unit_table(document, rows, number_id, deleted_row=None, notes="Unit inti"):
    """A Word unit table: a merged caption row, NO (numbered automatically), KODE UNIT, JUDUL UNIT
    and a KETERANGAN column merged down the whole table (vMerge)."""
    table = document.add_table(rows=2, cols=4)
    table.style = "Table Grid"
    caption = table.rows[0].cells[0]
    caption.merge(table.rows[0].cells[3])  # python-docx writes gridSpan=4
    set_cell(caption, "Rincian Unit Kompetensi")
    for cell, label in zip(table.rows[1].cells, ["NO", "KODE UNIT", "JUDUL UNIT", "KETERANGAN"]):
        set_cell(cell, label)
    for index, (code, title, italic) in enumerate(rows):
        cells = table.add_row().cells
        number(cells[0].paragraphs[0], number_id)
        set_cell(cells[1], code)
        set_cell(cells[2], title, italic)
        v_merge(cells[3], restart=index == 0)
        if index == 0:
            set_cell(cells[3], notes)
    if deleted_row is not None:
        at, (code, title) = deleted_row
        row = table.add_row()
        set_cell(row.cells[1], code)
        set_cell(row.cells[2], title)
        v_merge(row.cells[3], restart=False)
        delete_row(row)
        table._tbl.remove(row._tr)
        table._tbl.insert(table._tbl.index(table.rows[at + 2]._tr), row._tr)
    return table


def seed_scheme():
    """The Supervisor Sales Technical Support seed, from its text, as Word writes such a scheme."""
    source = ROOT / "catalog" / "sources" / "skema-okupasi-supervisor-sales-technical-support.txt"
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    numbering = Numbering(document)
    sections = numbering.define([("decimal", "%1."), ("decimal", "%1.%2.")])
    table_numbers = numbering.define([("decimal", "%1")])
    units = []
    in_table = False
    title_done = False
    for line in lines:
        text = line.replace("**", "").strip()
        if text.startswith("NO\tKODE UNIT"):
            in_table = True
            continue
        if in_table:
            cols = text.split("\t")
            if len(cols) == 3 and cols[0].isdigit():
                units.append((cols[1], cols[2], ("Troubleshooting",)))
                continue
            in_table = False
            unit_table(document, units, table_numbers, notes="Okupasi")
        # "- 1. Andhy Rinanto" is a list item of the committee, not a section heading.
        heading = None if line.lstrip().startswith("-") else re.match(r"^(\d+)\. ([A-Z].*)$", text)
        sub = re.match(r"^(\d+)\.(\d+)\.? (.*)$", text)
        if not text:
            continue
        if text.startswith("SKEMA SERTIFIKASI") and not title_done:
            # The cover title sits in a content control, as scheme templates have it.
            p = document.add_paragraph(text)
            content_control(p, "judul-skema")
            title_done = True
        elif heading:
            p = document.add_paragraph(heading.group(2))
            number(p, sections, 0)
        elif sub and sub.group(3).startswith(("Jenis Kemasan", "Nama Skema")):
            p = document.add_paragraph(sub.group(3))
            number(p, sections, 1)
        else:
            document.add_paragraph(text.lstrip("- "))
    return document


def draft_with_errors():
    document = Document()
    numbering = Numbering(document)
    sections = numbering.define([("decimal", "%1."), ("decimal", "%1.%2.")])
    table_numbers = numbering.define([("decimal", "%1")])
    title = document.add_paragraph("SKEMA SERTIFIKASI KKNI JENJANG 4 INSTRUKTUR")
    content_control(title, "judul-skema")
    document.add_paragraph("Draf panitia skema LSP Contoh Pelatihan Kerja, disusun di Word.")
    for heading in ["Latar Belakang", "Ruang Lingkup Skema Sertifikasi", "Tujuan Sertifikasi"]:
        number(document.add_paragraph(heading), sections)
        document.add_paragraph("Diisi panitia.")
    number(document.add_paragraph("Acuan Normatif"), sections)
    p = document.add_paragraph(
        "Keputusan Menteri Ketenagakerjaan Republik Indonesia Nomor 3 Tahun 2021 tentang PENETAPAN JENJANG "
        "KUALIFIKASI NASIONAL INDONESIA BIDANG PELATIHAN KERJA DAN SERTIFIKASI."
    )
    number(p, sections, 1)
    number(document.add_paragraph("Kemasan / Paket Kompetensi"), sections)
    p = document.add_paragraph("Jenis Kemasan : ")
    p._p.append(deleted("Okupasi", 11))
    p._p.append(inserted("KKNI", 12))
    number(p, sections, 1)
    p = document.add_paragraph("Nama Skema : Instruktur Jenjang 4")
    number(p, sections, 1)
    block_control(p, "nama-skema")
    rows = [
        ("N.78SPS02.012.2", "Menyusun Program Pelatihan Kerja", ()),
        # Shortened title (title drift).
        ("N.78SPS02.019.2", "Merencanakan Penyajian Materi", ()),
        # OCR-style letter O for zero.
        ("N.78SPS02.O22.2", "Merencanakan Evaluasi Hasil Pembelajaran", ()),
        ("N.78SPS02.028.2", "Melaksanakan Pelatihan Tatap Muka (Face to Face)", ("Face", "to")),
        ("N.78SPS02.035.1", "Menerapkan Keselamatan dan Kesehatan Kerja (K3) di Lembaga Pelatihan Kerja", ()),
        (
            "N.78SPS02.038.1",
            "Mengelola Pemenuhan Persyaratan Bahasa, Literasi, dan Berhitung dalam Proses Pembelajaran",
            (),
        ),
        # Qualification B packages version .1 of this unit.
        ("N.78SPS02.075.2", "Menilai Kemajuan Kompetensi Peserta Pelatihan Secara Individu", ()),
        ("N.78SPS02.010.2", "Menentukan Kebutuhan Pelatihan Individu", ()),
        ("N.78SPS02.011.1", "Mengidentifikasi Standar Kompetensi dan Kualifikasi Kerja", ()),
        # No such unit in any decree.
        ("N.78SPS02.099.1", "Menyusun Laporan Pelatihan", ()),
        # Listed twice.
        ("N.78SPS02.010.2", "Menentukan Kebutuhan Pelatihan Individu", ()),
    ]
    # A row the committee deleted with tracked changes on: it must not count.
    unit_table(
        document, rows, table_numbers, deleted_row=(3, ("N.78SPS02.015.1", "Merancang Strategi Pembelajaran"))
    )
    number(document.add_paragraph("Persyaratan Dasar Pemohon Sertifikasi"), sections)
    document.add_paragraph("Lulusan SMK atau sederajat.")
    block_control(document.add_paragraph("Klik atau ketuk di sini untuk memasukkan teks."), "syarat", placeholder=True)
    return document


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in [
        ("skema-okupasi-supervisor-sales-technical-support.docx", seed_scheme),
        ("draf-instruktur-jenjang-4-bergalat.docx", draft_with_errors),
    ]:
        path = OUT / name
        build().save(path)
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
