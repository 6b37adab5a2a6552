"""Tagged PDF/UA-1 books: what WeasyPrint's tagging leaves out, added where WeasyPrint builds the structure tree.

WeasyPrint 70 (`pdf_variant="pdf/ua-1"`) writes a structure tree in reading order, headings H1–H6, lists L/LI,
tables Table/TR/TH/TD, `/Lang`, and draws backgrounds and borders (so the draft watermark) as artifacts. Three
things a screen reader needs are missing, and this module adds them:

- the text of the page margins (the running title, the page numbers) is marked content of struct elements that
  no parent holds: it becomes `/Artifact`, page furniture a reader skips;
- header cells carry no `/Scope`: a TH in a table head is a column header, one in a body row a row header;
- a chart is HTML, not an image, so nothing is a Figure: a `<figure>` becomes `/Figure`, with its `alt`
  attribute (the chart's text alternative, which the print templates set) as `/Alt`, and the tables that lay its
  boxes out become plain `/Div`s inside it.

Like the text-layer fix, it relies on WeasyPrint internals (`pdf.tags._get_pdf_tag`, `pdf.add_tags` and the page
streams' marked-content items), so `install()` refuses a version it was not written for.
"""

from __future__ import annotations

from typing import Any

import pydyf
import weasyprint

from .textlayer import SUPPORTED, UnsupportedWeasyPrint

# The variant every book is written with: tagged, PDF 1.7, identified as PDF/UA-1 in its XMP metadata.
VARIANT = "pdf/ua-1"


def _pdf_tag(tag: str | None) -> str:
    return "Figure" if tag == "figure" else _get_pdf_tag(tag)


def _add_tags(pdf: Any, document: Any, pdf_version: Any, page_streams: Any) -> None:
    _wrapped_add_tags(pdf, document, pdf_version, page_streams)
    elements = [o for o in pdf.objects if isinstance(o, pydyf.Dictionary) and o.get("Type") == "/StructElem"]
    by_reference = {element.reference: element for element in elements}
    roots = [o for o in pdf.objects if isinstance(o, pydyf.Dictionary) and o.get("Type") == "/StructTreeRoot"]
    held = {kid for holder in [*elements, *roots] for kid in holder["K"] if isinstance(kid, bytes)}
    orphans = [element for element in elements if element.reference not in held]
    _make_artifacts(orphans, by_reference, pdf, page_streams)
    for figure in (element for element in elements if element["S"] == "/Figure"):
        _flatten_layout(figure, by_reference)
    for element in elements:
        if element["S"] == "/TH":
            element["A"]["Scope"] = "/Column" if _in_head(element, by_reference) else "/Row"


LAYOUT = {"/Table", "/THead", "/TBody", "/TFoot", "/TR", "/TH", "/TD", "/L", "/LI", "/LBody", "/Lbl"}


def _flatten_layout(element: Any, by_reference: dict[bytes, Any]) -> None:
    """Inside a chart the tables only place the boxes: they are no data tables to a reader, who gets the `/Alt`."""
    for kid in element["K"]:
        child = by_reference.get(kid) if isinstance(kid, bytes) else None
        if child is not None:
            if child["S"] in LAYOUT:
                child["S"] = "/Div"
                child.pop("A", None)
            _flatten_layout(child, by_reference)


def _in_head(cell: Any, by_reference: dict[bytes, Any]) -> bool:
    """A header cell of a table head, or of a body row made only of header cells, heads a column."""
    row = by_reference.get(cell["P"])
    if row is None:
        return True
    group = by_reference.get(row["P"])
    if group is not None and group["S"] == "/THead":
        return True
    cells = [by_reference.get(kid) for kid in row["K"] if isinstance(kid, bytes)]
    return all(c is not None and c["S"] == "/TH" for c in cells)


def _make_artifacts(orphans: list[Any], by_reference: dict[bytes, Any], pdf: Any, page_streams: Any) -> None:
    """The marked content of struct elements outside the tree (the page margins) becomes artifacts."""
    pages = {reference: index for index, reference in enumerate(pdf.page_references)}
    mcids: dict[int, set[int]] = {}

    def collect(element: Any) -> None:
        page = pages.get(element.get("Pg"))
        for kid in element["K"]:
            if isinstance(kid, int) and page is not None:
                mcids.setdefault(page, set()).add(kid)
            elif isinstance(kid, bytes) and kid in by_reference:
                collect(by_reference[kid])

    for orphan in orphans:
        collect(orphan)
    for page, numbers in mcids.items():
        items = page_streams[page].stream
        for i, item in enumerate(items):
            if isinstance(item, pydyf.Dictionary) and item.get("MCID") in numbers and items[i + 1] == b"BDC":
                items[i - 1], items[i], items[i + 1] = "/Artifact", b"BMC", b""
    parent_tree = next(o for o in pdf.objects if isinstance(o, pydyf.Dictionary) and "Nums" in o)
    nums = parent_tree["Nums"]
    for index in range(0, len(nums), 2):
        page, mapping = nums[index], nums[index + 1]
        if isinstance(mapping, pydyf.Array) and page in mcids:
            for mcid in mcids[page]:
                if mcid < len(mapping):
                    mapping[mcid] = "null"


def install() -> None:
    """Patch WeasyPrint's tagging once; safe to call again. Refuses a version it was not written for."""
    global _get_pdf_tag, _wrapped_add_tags
    if not weasyprint.__version__.startswith(SUPPORTED):
        raise UnsupportedWeasyPrint(
            f"the PDF tagging additions (opmanual.pdf.tagging) were written for WeasyPrint {' or '.join(SUPPORTED)}x, "
            f"and WeasyPrint {weasyprint.__version__} is installed: install the version in constraints.txt"
        )
    from weasyprint import pdf as weasy_pdf
    from weasyprint.pdf import tags

    if tags._get_pdf_tag is not _pdf_tag:
        _get_pdf_tag = tags._get_pdf_tag
        tags._get_pdf_tag = _pdf_tag
    if weasy_pdf.add_tags is not _add_tags:
        _wrapped_add_tags = weasy_pdf.add_tags
        weasy_pdf.add_tags = _add_tags


# Bound by install(), after the version check: the WeasyPrint functions this module wraps.
_get_pdf_tag: Any = None
_wrapped_add_tags: Any = None
