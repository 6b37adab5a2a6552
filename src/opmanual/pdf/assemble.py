"""A book assembled from PDFs printed once: its cover and front matter, then each chapter as printed alone, with the
book's running title and page numbers (its "furniture") drawn over the chapters' pages and a draft's mark under them.

A chapter is laid out by WeasyPrint once per build, whichever books hold it (the whole manual, a person's book, a
process's book), so most of a book is copied here rather than printed again. What a book gets that its chapters
do not have, this module adds with pikepdf:

- the pages of each chapter after the front matter, each with the furniture page of the same place drawn after
  its content, where WeasyPrint draws the page margins, and a draft's mark before it, where WeasyPrint draws a
  page's background: form XObjects marked `/Artifact`, as WeasyPrint's tagging marks both (one mark for all the
  pages of a kind, portrait or landscape, stored once);
- one structure tree in reading order: each chapter's `/Document` children moved under the book's, its parent-tree
  keys (one per page and one per link) moved past those before it;
- one list of named destinations (sorted, as a name tree must be) and one outline: each chapter's top-level
  bookmarks after those of the front matter;
- links between chapters: a chapter printed alone points them at `render.book.ELSEWHERE`; here each points at
  its destination, or, when the book does not hold the chapter it names, it is taken out (annotation, its place
  in the structure tree) and leaves a link element without a target, as a whole book printed at once does.

The front PDF is the base: its catalog (language, metadata, viewer preferences, mark info) is the book's.
"""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import unquote

import pikepdf
from pikepdf import Array, Dictionary, Name, Object, Pdf, String

from ..render.book import ELSEWHERE


def readable(path: Path, tagged: bool = True) -> bool:
    """Whether `path` is a PDF a book can be assembled from (a cache entry damaged outside a build is not): a
    chapter (`tagged`), or page numbers or a draft's mark."""
    try:
        with Pdf.open(path) as pdf:
            return len(pdf.pages) > 0 and ("/StructTreeRoot" in pdf.Root or not tagged)
    except (OSError, pikepdf.PdfError):
        return False


def anchors(pdf: Pdf) -> dict[str, int]:
    """The named destinations of a PDF and the index of the page each is on."""
    index = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
    found: dict[str, int] = {}
    for name, destination in _names(pdf):
        page = index.get(destination[0].objgen)
        if page is not None:
            found.setdefault(name, page)
    return found


def wide_pages(pdf: Pdf) -> list[bool]:
    """Which of a PDF's pages are landscape (a wide chapter's)."""
    return [bool(_kind(page)) for page in pdf.pages]


def assemble(
    front: bytes, chapters: list[Pdf], over: list[list[tuple[Pdf, int]]], target: Path, mark: bytes | None = None
) -> int:
    """Write the book of `front` (cover and front matter, tagged) and `chapters` (each printed alone, tagged) at
    `target`, with, on each page of the chapters, the pages `over` it lists (a PDF and a page index: its running
    title, its number; untagged) and a draft's `mark` (a portrait page and a landscape page, untagged); its page
    count."""
    book = Pdf.open(io.BytesIO(front))
    body = sum(len(chapter.pages) for chapter in chapters)
    if len(over) != body:
        raise ValueError(f"furniture for {len(over)} pages, for a body of {body}")
    # Each page drawn over others is copied into the book once, named in the order first drawn.
    forms: dict[tuple[int, int], tuple[str, Object]] = {}

    def form(pdf: Pdf, index: int) -> tuple[str, Object]:
        key = (id(pdf), index)
        if key not in forms:
            forms[key] = (f"/Over{len(forms)}", book.copy_foreign(pdf.pages[index].as_form_xobject()))
        return forms[key]

    marks = [book.copy_foreign(page.as_form_xobject()) for page in Pdf.open(io.BytesIO(mark)).pages] if mark else []
    root = book.Root.StructTreeRoot
    document = root.K[0]
    nums = root.ParentTree.Nums
    next_key = _next_key(nums)
    names = dict(_names(book))
    outline = _top_level(book)
    links = [link for page in book.pages for link in _links_out(page)]
    sheet = 0
    for chapter in chapters:
        first = len(book.pages)
        book.pages.extend(chapter.pages)
        pages = book.pages[first:]
        tree = book.copy_foreign(chapter.Root.StructTreeRoot)
        for kid in tree.K[0].K:
            kid.P = document
            document.K.append(kid)
        chapter_nums = tree.ParentTree.Nums
        for i in range(0, len(chapter_nums), 2):
            nums.append(int(chapter_nums[i]) + next_key)
            nums.append(chapter_nums[i + 1])
        for page in pages:
            page.obj.StructParents = int(page.obj.StructParents) + next_key
            for annotation in page.obj.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = int(annotation.StructParent) + next_key
            links += _links_out(page)
            # The page's own content leaves its transformation in place: it is kept to itself, between q and Q.
            page.contents_add(book.make_stream(b"q\n"), prepend=True)
            page.contents_add(book.make_stream(b"Q\n"))
            if marks:
                kind = _kind(page)
                _draw(book, page, marks[kind], f"/Mark{kind}", under=True)
            for pdf, index in over[sheet]:
                name, drawn = form(pdf, index)
                _draw(book, page, drawn, name, under=False)
            sheet += 1
        next_key += _next_key(chapter_nums)
        for name, destination in _names(chapter):
            names.setdefault(name, Array([_copy(book, v) for v in destination]))
        if "/Outlines" in chapter.Root:
            outline += _top_level(chapter, book)
    _point_links(book, links, names, nums)
    _write_names(book, names)
    _write_outline(book, outline)
    book.save(target, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return len(book.pages)


def _copy(book: Pdf, value: Object) -> Object:
    """A value of another PDF in `book`: an indirect object (a page) as its copy there, a direct one as it is."""
    return book.copy_foreign(value) if getattr(value, "is_indirect", False) else value


def _next_key(nums: Object) -> int:
    keys = [int(nums[i]) for i in range(0, len(nums), 2)]
    return max(keys, default=-1) + 1


def _names(pdf: Pdf) -> list[tuple[str, Object]]:
    """The named destinations of a PDF written by WeasyPrint (a flat name tree)."""
    dests = pdf.Root.get("/Names", Dictionary()).get("/Dests")
    if dests is None:
        return []
    flat = dests.Names
    return [(str(flat[i]), flat[i + 1]) for i in range(0, len(flat), 2)]


def _write_names(book: Pdf, names: dict[str, Object]) -> None:
    if not names:
        return
    flat = Array()
    for name in sorted(names):
        flat.append(String(name))
        flat.append(names[name])
    if "/Names" not in book.Root:
        book.Root.Names = Dictionary()
    book.Root.Names.Dests = book.make_indirect(Dictionary(Names=flat))


def _draw(book: Pdf, page: pikepdf.Page, form: Object, name: str, under: bool) -> None:
    """Draw a form XObject before (`under`) or after the page's own content, as an artifact. `name` is unique in the
    book (a chapter's pages share their resources) and the same in every build of it."""
    page.add_resource(form, Name.XObject, Name(name))
    page.contents_add(book.make_stream(f"/Artifact BMC q {name} Do Q EMC\n".encode()), prepend=under)


def _kind(page: pikepdf.Page) -> int:
    """1 for a landscape page, 0 for a portrait one."""
    x0, y0, x1, y1 = (float(v) for v in page.mediabox)
    return int(abs(x1 - x0) > abs(y1 - y0))


def _top_level(pdf: Pdf, into: Pdf | None = None) -> list[Object]:
    """The top-level outline items of a PDF, copied into `into` when given."""
    outlines = pdf.Root.get("/Outlines")
    items = []
    item = outlines.get("/First") if outlines is not None else None
    while item is not None:
        items.append(into.copy_foreign(item) if into is not None else item)
        item = item.get("/Next")
    return items


def _write_outline(book: Pdf, items: list[Object]) -> None:
    if not items:
        return
    outlines = book.make_indirect(Dictionary(Type=Name.Outlines))
    count = 0
    for i, item in enumerate(items):
        item.Parent = outlines
        if i:
            item.Prev = items[i - 1]
        elif "/Prev" in item:
            del item.Prev
        if i + 1 < len(items):
            item.Next = items[i + 1]
        elif "/Next" in item:
            del item.Next
        count += 1 + max(int(item.get("/Count", 0)), 0)
    outlines.First, outlines.Last, outlines.Count = items[0], items[-1], count
    book.Root.Outlines = outlines


def _links_out(page: pikepdf.Page) -> list[tuple[Object, pikepdf.Page]]:
    """The links of a page that point `ELSEWHERE`."""
    return [
        (annotation, page)
        for annotation in page.obj.get("/Annots", [])
        if "/A" in annotation and str(annotation.A.get("/URI", "")).startswith(ELSEWHERE)
    ]


def _point_links(book: Pdf, links: list[tuple[Object, pikepdf.Page]], names: dict[str, Object], nums: Object) -> None:
    """Point each link between chapters at its destination, or take it out when the book does not hold it."""
    by_key = {int(nums[i]): i for i in range(0, len(nums), 2)}
    for annotation, page in links:
        anchor = unquote(str(annotation.A.URI).removeprefix(ELSEWHERE))
        if anchor in names:
            del annotation.A
            annotation.Dest = String(anchor)
            if "/Contents" in annotation:
                annotation.Contents = String(anchor)
            continue
        page.obj.Annots = Array([a for a in page.obj.Annots if a.objgen != annotation.objgen])
        if not page.obj.Annots:
            del page.obj.Annots
        key = int(annotation.get("/StructParent", -1))
        if key in by_key:
            element = nums[by_key[key] + 1]
            element.K = Array([kid for kid in element.K if not _refers_to(kid, annotation)])
            nums[by_key[key] + 1] = pikepdf.Object.parse(b"null")


def _refers_to(kid: Object, annotation: Object) -> bool:
    return isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR and kid.Obj.objgen == annotation.objgen
