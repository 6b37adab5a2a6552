"""Every book is a tagged PDF/UA-1 file a screen reader can walk: checked with the `pdfua` checker (16 of the 106
PDF/UA-1 rules a machine can check) and with structure assertions of our own, on every PDF of three builds.

What these checks cannot tell: whether a chart's /Alt or a heading's words make sense to a listener, whether the
reading order matches the page's visual order beyond the tree's order, and the 90 PDF/UA rules no checker here
implements (no veraPDF installs on this machine). The text layer is checked elsewhere (tests/test_pdf.py,
tests/test_textlayer.py, tests/test_fields.py), on these same tagged files.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest

pytestmark = [pytest.mark.pdf, pytest.mark.slow]

FIXTURES = ["mini", "varied", "data"]
HEADINGS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


def pdfs(built_sites: dict[str, Path]) -> Iterator[Path]:
    for name in FIXTURES:
        yield from sorted((built_sites[name] / "pdf").rglob("*.pdf"))


def walk(element: Any) -> Iterator[Any]:
    """A struct element and every struct element under it, in reading order."""
    yield element
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield from walk(kid)


def mcids_of(element: Any) -> Iterator[int]:
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
        if isinstance(kid, int):
            yield int(kid)


def marked_content(page: Any) -> Iterator[tuple[list[Any], str]]:
    """Each text-showing operator of a page with the marked-content sequences around it (innermost last)."""
    stack: list[Any] = []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name == "BDC":
            stack.append((str(operands[0]), operands[1]))
        elif name == "BMC":
            stack.append((str(operands[0]), None))
        elif name == "EMC":
            stack.pop()
        elif name in TEXT_SHOWING:
            yield list(stack), name
        elif name == "Do":  # a form XObject's own content counts as the page's
            xobject = page.Resources.XObject[operands[0]]
            if xobject.get("/Subtype") == "/Form":
                yield from ((list(stack) + inner, op) for inner, op in marked_content(xobject))


def test_every_pdf_is_tagged_pdf_ua_with_its_language(built_sites: dict[str, Path]) -> None:
    for path in pdfs(built_sites):
        with pikepdf.open(path) as pdf:
            assert pdf.Root.MarkInfo.Marked, path
            assert str(pdf.Root.Lang) == "th", path
            assert pdf.Root.ViewerPreferences.DisplayDocTitle, path
            assert re.search(rb'pdfuaid:part="1"', pdf.Root.Metadata.read_bytes()), path
            kids = pdf.Root.StructTreeRoot.K
            assert [str(kid.S) for kid in (kids if isinstance(kids, pikepdf.Array) else [kids])] == ["/Document"]


def test_the_structure_holds_every_text_and_names_what_it_is(built_sites: dict[str, Path]) -> None:
    """Every text drawn is an artifact (margins) or marked content of an element in the tree; tables have header
    cells with a scope; charts are Figures with their text alternative; headings and lists are tagged as such."""
    for path in pdfs(built_sites):
        with pikepdf.open(path) as pdf:
            root = pdf.Root.StructTreeRoot
            elements = [e for kid in (root.K if isinstance(root.K, pikepdf.Array) else [root.K]) for e in walk(kid)]
            kinds = {str(e.S) for e in elements}
            assert {"/H1", "/P", "/L", "/LI"} <= kinds, (path, kinds)
            tagged = {}
            for element in elements:
                page = element.get("/Pg")
                for mcid in mcids_of(element):
                    tagged[(page.objgen if page is not None else None, mcid)] = element
            for element in elements:
                kind = str(element.S)
                if kind == "/Table":
                    cells = [e for e in walk(element) if str(e.S) == "/TH"]
                    assert cells, (path, "a table without header cells")
                    assert all(str(c.A.get("/Scope")) in ("/Column", "/Row") for c in cells), (path, "no header scope")
                if kind == "/Figure":
                    assert len(str(element.get("/Alt", ""))) > 10, (path, "a figure without its text alternative")
                if kind in HEADINGS:
                    assert list(mcids_of(element)) or len(element.K) > 0, (path, "an empty heading")
            for page in pdf.pages:
                for stack, _ in marked_content(page.obj):
                    tags = [tag for tag, _ in stack]
                    if "/Artifact" in tags:
                        continue
                    owners = [i for i, (_, props) in enumerate(stack) if props is not None and "/MCID" in props]
                    assert owners, (path, "text outside the structure and not an artifact", tags)
                    mcid = int(stack[owners[-1]][1].MCID)
                    assert (page.obj.objgen, mcid) in tagged, (path, "marked content of no element in the tree")
                    # The Thai text layer's /ActualText spans sit inside the tagged content, never around it.
                    actual = [i for i, (_, props) in enumerate(stack) if props is not None and "/ActualText" in props]
                    assert all(i > owners[-1] for i in actual), (path, tags)


def test_the_pdfua_checker_finds_nothing(built_sites: dict[str, Path]) -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "pdfua"), "check", *map(str, pdfs(built_sites))],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = [line for line in result.stdout.splitlines() if re.match(r"\s+\[(ERROR|WARN|INFO)", line)]
    assert result.returncode == 0 and findings == [], result.stdout[-3000:]


def test_the_tagging_additions_on_a_small_page(tmp_path: Path) -> None:
    """The three additions in isolation, in seconds: margins become artifacts, header cells get their scope, a
    figure becomes a Figure with its alt text and its layout table stops being a table."""
    from weasyprint import HTML

    from opmanual.pdf import tagging, textlayer

    textlayer.install()
    tagging.install()
    html = """<html lang="th"><head><style>@page { @top-center { content: "หัวกระดาษ" }
        @bottom-center { content: counter(page) } }</style></head><body>
        <h1>คู่มือการปฏิบัติงาน</h1>
        <table><thead><tr><th>ขั้นตอน</th><th>ระยะเวลา</th></tr></thead>
        <tbody><tr><th>๑</th><td>ศึกษาข้อมูล ๓ วัน</td></tr></tbody></table>
        <figure alt="เริ่มต้น → ศึกษาข้อมูล → สิ้นสุด"><table><tr><td>เริ่มต้น</td><td>สิ้นสุด</td></tr></table></figure>
        </body></html>"""
    path = tmp_path / "small.pdf"
    HTML(string=html).write_pdf(path, pdf_variant=tagging.VARIANT)
    with pikepdf.open(path) as pdf:
        root = pdf.Root.StructTreeRoot
        elements = list(walk(root.K if not isinstance(root.K, pikepdf.Array) else root.K[0]))
        scopes = [str(e.A.Scope) for e in elements if str(e.S) == "/TH"]
        assert scopes == ["/Column", "/Column", "/Row"]
        [figure] = [e for e in elements if str(e.S) == "/Figure"]
        assert str(figure.Alt) == "เริ่มต้น → ศึกษาข้อมูล → สิ้นสุด"
        assert [str(e.S) for e in walk(figure) if str(e.S) in ("/Table", "/TD")] == []
        artifacts = [stack for stack, _ in marked_content(pdf.pages[0].obj) if stack and stack[0][0] == "/Artifact"]
        assert len(artifacts) >= 2  # the running title and the page number
